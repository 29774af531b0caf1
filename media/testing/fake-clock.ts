import type { Clock } from '../clock.js';

/** A clock for tests that only moves when told; timers fire in time order. */
export class FakeClock implements Clock {
  #timers = new Map<number, { at: number; fn: () => void }>();
  #nextId = 1;

  constructor(public t = 0) {}

  now = () => this.t;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.#nextId++;
    this.#timers.set(id, { at: this.t + ms, fn });
    return id;
  };
  clearTimeout = (id: unknown) => void this.#timers.delete(id as number);

  /** Moves time forward, running each timer at its own time. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const next = [...this.#timers.entries()].filter(([, x]) => x.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!next) break;
      this.#timers.delete(next[0]);
      this.t = Math.max(this.t, next[1].at);
      next[1].fn();
    }
    this.t = end;
  }

  /** The event loop was blocked: time jumps, then overdue timers fire late. */
  stall(ms: number): void {
    this.t += ms;
    this.advance(0);
  }
}
