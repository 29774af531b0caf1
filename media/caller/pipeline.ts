import type { EventEmitter } from 'node:events';
import type { Emotion } from '../speech/synthesizer.js';

// The AI caller as the call sees it: it hears the trainee in 20 ms frames, knows when it is
// answered and put on hold, and says things one sentence at a time. The media plane plays
// what it says, records what was really played, and cuts the caller off when told to.

export type CallerUtterance = {
  id: string;
  text: string;
  /** 16 kHz mono PCM. */
  pcm: Int16Array;
};

/** What the caller understood the trainee to say: partials while they talk, then the final. */
export type TraineeSpeech = {
  id: string;
  text: string;
  isFinal: boolean;
  startMs: number;
  endMs: number;
  confidence: number | null;
  /** Typed on the softphone, not recognised from the line. */
  typed?: true;
};

/** A caller's line as heard, at ms since the call's media started. */
export type CallerLine = { text: string; startMs: number; endMs: number };

export type CallerActivity = 'waiting' | 'listening' | 'thinking' | 'speaking' | 'on_hold';

export type CallerMood = { emotion: string; activity: CallerActivity };

/** An instructor's steer of what the caller feels, says or keeps back; unheard by the trainee. */
export type CallerSteer =
  | { action: 'escalate' | 'calm' }
  | { action: 'reveal' | 'withhold' | 'release'; fact: string }
  /** Something happens where the caller is ("shots fired"): they say it, as upset as given. */
  | { action: 'event'; say: string; emotion?: Emotion | undefined };

/**
 * How long the caller took over each step of answering a spoken turn, in ms; sent just before
 * the `say` of the reply's first sentence (`utteranceId`), so the media plane can time the rest.
 */
export type TurnTiming = {
  utteranceId: string;
  /** performance.now() at the end of the trainee's speech. */
  speechEndedAt: number;
  /** End of speech to the turn's end detected. */
  endpointMs: number;
  recognitionMs: number;
  mindMs: number;
  /** The reply's first sentence. */
  synthesisMs: number;
};

export type CallerPipelineEvents = {
  say: [utterance: CallerUtterance];
  /** Barge-in: stop playing now; what was played so far is what the transcript keeps. */
  interrupt: [];
  /** Someone may be talking over the caller: fall silent now, keeping what is queued. */
  pause: [];
  /** It was a cough or an "uh-huh": go on from where the voice stopped. */
  resume: [];
  heard: [speech: TraineeSpeech];
  /**
   * A line the caller said in pieces (a speech-to-speech model streams its audio), once every
   * piece has played or been cut: the transcript keeps the part heard. Its pieces come as
   * 'say' with no text.
   */
  said: [line: CallerLine];
  turn: [timing: TurnTiming];
  mood: [mood: CallerMood];
  error: [error: Error];
};

export interface CallerPipeline extends EventEmitter<CallerPipelineEvents> {
  /** The call-taker picked up. */
  answer(): void;
  /** 20 ms of 16 kHz audio the caller hears, at ms since the call's media started. */
  hear(frame: Int16Array, atMs: number): void;
  /** A line the trainee typed instead of speaking. */
  hearText?(text: string, atMs: number): void;
  /** An instructor steers the caller; a fact the scenario does not have is a TypeError. */
  steer?(command: CallerSteer): void;
  /** The media plane reports whether the caller's voice is on the line right now. */
  setSpeaking?(speaking: boolean): void;
  /** The media plane reports how much of a said utterance was played before it ended or was cut. */
  played?(utteranceId: string, playedMs: number): void;
  /** On hold the caller hears nothing and knows it; it says nothing until taken off hold. */
  setOnHold(onHold: boolean): void;
  /** The call is ending: what the trainee is still saying is finished and reported as heard, so the transcript keeps it. */
  flush?(): Promise<void>;
  close(): void;
}
