import type { EventEmitter } from 'node:events';

// The AI caller as the call sees it: it hears the trainee in 20 ms frames, knows when it is
// answered and put on hold, and says things. The media plane plays what it says and
// records what was really played; the engine behind it is the next layer's business.

export type CallerUtterance = {
  id: string;
  text: string;
  /** 16 kHz mono PCM. */
  pcm: Int16Array;
};

export type CallerPipelineEvents = {
  say: [utterance: CallerUtterance];
  error: [error: Error];
};

export interface CallerPipeline extends EventEmitter<CallerPipelineEvents> {
  /** The call-taker picked up. */
  answer(): void;
  /** 20 ms of 16 kHz audio the caller hears, at ms since the call's media started. */
  hear(frame: Int16Array, atMs: number): void;
  /** On hold the caller hears nothing and knows it; it says nothing until taken off hold. */
  setOnHold(onHold: boolean): void;
  close(): void;
}
