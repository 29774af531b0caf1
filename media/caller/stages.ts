import type { EventEmitter } from 'node:events';
import type { PlayedReport } from '../pacer.js';
import type { Emotion } from '../speech/synthesizer.js';
import type { CallerSteer } from './pipeline.js';

// The AI caller's stages besides the engines (recognizer.ts, synthesizer.ts and the turn
// detector in vad/turns.ts): the mind that decides what to say, and the player that puts it
// on the line. The orchestration (ai-caller.ts) knows only these contracts; the server
// supplies the mind, the media plane the player.

/**
 * A stage that gave up on its provider and used its fallback: a fact to log, count and show.
 * 'realtime': the hosted speech-to-speech session, replaced by the embedded caller.
 */
export type FallbackStage = 'understanding' | 'phrasing' | 'synthesis' | 'recognition' | 'realtime';
export type Fallback = { stage: FallbackStage; reason: string };

/** What the caller says next. */
export interface MindReply {
  text: string;
  emotion: Emotion;
  /** Providers this reply had to do without (the LLM timed out: the scripted line). */
  fallbacks: Fallback[];
}

export type MindCheckpoint = { rewind(): void; keep(): void };

/** One thing the trainee said, as recognised, at ms since the call's media started. */
export type HeardLine = { text: string; atMs: number };

export interface Mind {
  readonly emotion: Emotion;
  /** The silence clock: who spoke last, so the caller speaks up after its own patience. */
  readonly patience: { voiceHeard(atMs: number): void; callerFinished(atMs: number): void };
  opening(atMs: number): MindReply;
  /**
   * The answer to the trainee's line. Rejects with an AbortError once `signal` aborts (a newer
   * turn, a barge-in, a hold): an answer to an older line is never given.
   */
  respond(line: HeardLine, signal: AbortSignal): Promise<MindReply>;
  /** Time passes; a reply when the timeline or a silence makes the caller speak. */
  tick(atMs: number): MindReply | null;
  /** An instructor's steer; null when nothing is said because of it. Unknown facts throw a TypeError. */
  steer(command: CallerSteer, atMs: number): MindReply | null;
  /**
   * Marks where the mind is, before a speculative answer (the trainee paused and may be done):
   * `rewind()` makes it as if nothing since had been asked or said (replies made since are
   * forgotten: `unheard` ignores them), `keep()` makes it all count. One at a time.
   */
  checkpoint(): MindCheckpoint;
  /** Nothing of this reply was heard: what it gave away is given again when asked. */
  unheard(reply: MindReply): void;
  onHold(atMs: number): void;
  offHold(atMs: number): MindReply;
  /** A running transcript that already asks something whole: the trainee is done and waits. */
  soundsComplete(partial: string): boolean;
  /** Sentences the caller is most likely to say, to make ahead while the line is quiet. */
  likelyLines(): string[];
  close(): void;
}

export type PlayerEvents = {
  /** The first frame of a talk spurt went out. */
  speaking: [];
  /** The line is quiet: the queue ran dry or was stopped or paused. */
  silent: [];
};

/**
 * The caller's voice on the line. Its queue is the one play-out clock: what is queued and not
 * yet sent is how long the caller will still be talking.
 */
export interface Player extends EventEmitter<PlayerEvents> {
  /** Queues 16 kHz mono PCM; resolves with how much of it was really played. */
  play(pcm: Int16Array, id: string): Promise<PlayedReport>;
  /** Falls silent keeping what is queued (someone may be talking over the caller). */
  pause(): void;
  resume(): void;
  /** Drops everything queued, the utterance being played included. */
  stop(): void;
  /** ms of queued audio not yet sent. */
  readonly queuedMs: number;
}
