// Time as the real-time stages see it. Injected so tests can move time by hand and assert
// exact send times instead of sleeping.
import { performance } from 'node:perf_hooks';

export interface Clock {
  /** Monotonic ms, as performance.now(): wall-clock steps must not move the send grid. */
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
