import type { EventEmitter } from 'node:events';
import type { Emotion } from '../speech/synthesizer.js';
import type { PlayedLine } from './reply.js';
import type { Fallback } from './stages.js';

// A simulated party as the call sees it: it hears the trainee in 20 ms frames, knows when it
// is answered and put on hold, and speaks through the player it was given (stages.ts). The
// call stores what it reports as really played.

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
 * the reply's first sentence goes to the player (`utteranceId`, the id it plays under), so the
 * media plane can time the rest.
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
  /** A sentence was played, whole or cut short: the words the listener really heard. */
  said: [line: PlayedLine];
  /** The trainee talked over the caller and took the turn. */
  interrupt: [];
  heard: [speech: TraineeSpeech];
  /** A stage did without its provider (an LLM timed out, hosted speech failed). */
  fallback: [fallback: Fallback];
  /** An answered spoken turn's timing, for the metrics. */
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
  /** On hold the caller hears nothing and knows it; it is cut off and says nothing until taken off hold. */
  setOnHold(onHold: boolean): void;
  /** The call is ending: what the trainee is still saying is finished and reported as heard, so the transcript keeps it. */
  flush?(): Promise<void>;
  close(): void;
}
