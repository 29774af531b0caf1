// A fixed-size window of recent samples for latency percentiles: memory stays bounded on a
// call that lasts hours, and the numbers describe now rather than the whole call.

export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export class SampleWindow {
  readonly #values: Float64Array;
  #count = 0;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 1) throw new TypeError(`window size must be a positive integer, got ${size}`);
    this.#values = new Float64Array(size);
  }

  add(value: number): void {
    this.#values[this.#count % this.#values.length] = value;
    this.#count++;
  }

  percentiles(): Percentiles {
    const n = Math.min(this.#count, this.#values.length);
    if (n === 0) return { count: 0, p50: 0, p95: 0, p99: 0, max: 0 };
    const sorted = this.#values.slice(0, n).sort();
    const at = (q: number) => sorted[Math.min(n - 1, Math.ceil(q * n) - 1)]!;
    return { count: n, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[n - 1]! };
  }
}
