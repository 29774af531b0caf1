import { realClock, type Clock } from './clock.js';
import { FRAME_SAMPLES, PCM_RATE_HZ } from './format.js';

// What the caller hears while more than one person talks on the line (an instructor barging
// in beside the trainee). Each voice's decoded 16 kHz frames are placed by their time since
// the call started and summed on a 20 ms clock running a fixed delay behind real time. The
// clock, not any one voice, drives the output: the trainee falling silent or being muted
// never holds the instructor back. The delay covers the jitter buffer's wait and a decode.
//
// A voice whose audio comes in after its slot went out (a late burst, a sender's clock a
// little slow against ours) is not dropped: from then on that voice is placed that much
// later (its slip), and it catches up again when it has more than enough in hand. A voice
// never overlaps itself, and a new stretch of talk after a pause starts without a slip.

export const DEFAULT_MIX_DELAY_MS = 80;
// A voice running this far ahead of the clock is wrong about the time: its oldest audio goes.
const MAX_AHEAD_SAMPLES = 2 * PCM_RATE_HZ;
// A gap this long in one voice is a pause between stretches of talk.
const NEW_STRETCH_SAMPLES = (250 * PCM_RATE_HZ) / 1000;

export type LineMixerOptions = {
  /** ms since the call started, the timeline every written frame is placed on. */
  now: () => number;
  /** A mixed 20 ms frame, at its ms since the call started. */
  onFrame: (frame: Int16Array, atMs: number) => void;
  delayMs?: number;
  clock?: Clock;
};

type Chunk = { start: number; pcm: Int16Array };
/** One voice on the line: its audio waiting to be mixed, where it ends, and how late it runs (samples). */
type VoiceTrack = { chunks: Chunk[]; end: number; slip: number };

export class LineMixer {
  readonly delayMs: number;
  readonly #now: () => number;
  readonly #onFrame: LineMixerOptions['onFrame'];
  readonly #clock: Clock;
  readonly #voices = new Map<string, VoiceTrack>();
  /** Sample index (since the call started) of the next frame out. */
  #cursor = 0;
  #timer: unknown;
  #running = false;

  constructor(options: LineMixerOptions) {
    this.delayMs = options.delayMs ?? DEFAULT_MIX_DELAY_MS;
    if (!(this.delayMs >= 0) || !Number.isFinite(this.delayMs)) throw new TypeError(`delayMs must be >= 0, got ${this.delayMs}`);
    this.#now = options.now;
    this.#onFrame = options.onFrame;
    this.#clock = options.clock ?? realClock;
  }

  get running(): boolean {
    return this.#running;
  }

  /** Where the mix has got to, in ms since the call started. */
  get cursorMs(): number {
    return (this.#cursor * 1000) / PCM_RATE_HZ;
  }

  /** Starts the clock; the first frame out covers `fromMs`. */
  start(fromMs: number): void {
    if (this.#running) return;
    this.#running = true;
    this.#cursor = Math.max(0, Math.round((fromMs * PCM_RATE_HZ) / 1000));
    this.#tick();
  }

  /** One voice's audio, at ms since the call started. */
  write(voice: string, pcm: Int16Array, atMs: number): void {
    if (!this.#running || pcm.length === 0) return;
    let track = this.#voices.get(voice);
    if (!track) this.#voices.set(voice, (track = { chunks: [], end: 0, slip: 0 }));
    const at = Math.round((atMs * PCM_RATE_HZ) / 1000);
    if (at + track.slip > track.end + NEW_STRETCH_SAMPLES) track.slip = 0;
    let start = at + track.slip;
    const delay = Math.round((this.delayMs * PCM_RATE_HZ) / 1000);
    if (start < this.#cursor) {
      track.slip += this.#cursor - start;
      start = this.#cursor;
    } else if (track.slip > 0 && start - this.#cursor > 2 * delay) {
      const back = Math.min(track.slip, start - this.#cursor - delay);
      track.slip -= back;
      start -= back;
    }
    let samples = pcm;
    if (start < track.end) {
      samples = pcm.subarray(Math.min(pcm.length, track.end - start));
      start = track.end;
    }
    if (samples.length === 0) return;
    track.chunks.push({ start, pcm: samples });
    track.end = start + samples.length;
    while (track.chunks.length > 1 && track.end - track.chunks[0]!.start > MAX_AHEAD_SAMPLES) track.chunks.shift();
  }

  /**
   * Stops the clock after mixing out everything written so far (the barge ended: what was
   * said still reaches the caller). Returns where the mix ended, in ms since the call started.
   */
  stop(): number {
    if (!this.#running) return this.cursorMs;
    this.#running = false;
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    const end = Math.max(this.#cursor, ...[...this.#voices.values()].map((track) => (track.chunks.length ? track.end : 0)));
    while (this.#cursor < end) this.#emit();
    this.#voices.clear();
    return this.cursorMs;
  }

  #tick(): void {
    this.#timer = undefined;
    const horizon = Math.floor(((this.#now() - this.delayMs) * PCM_RATE_HZ) / 1000);
    while (this.#cursor + FRAME_SAMPLES <= horizon) this.#emit();
    if (!this.#running) return;
    // Next frame is due when the delayed clock passes its end; a late timer emits all that is due.
    const dueMs = ((this.#cursor + FRAME_SAMPLES) * 1000) / PCM_RATE_HZ + this.delayMs;
    this.#timer = this.#clock.setTimeout(() => this.#tick(), Math.max(1, dueMs - this.#now()));
  }

  /** Mixes the frame at the cursor; a frame nobody spoke in is not sent at all. */
  #emit(): void {
    const from = this.#cursor;
    const to = from + FRAME_SAMPLES;
    this.#cursor = to;
    let sum: Int32Array | undefined;
    for (const { chunks } of this.#voices.values()) {
      for (const chunk of chunks) {
        const a = Math.max(from, chunk.start);
        const b = Math.min(to, chunk.start + chunk.pcm.length);
        if (a >= b) continue;
        sum ??= new Int32Array(FRAME_SAMPLES);
        for (let i = a; i < b; i++) sum[i - from]! += chunk.pcm[i - chunk.start]!;
      }
      while (chunks.length > 0 && chunks[0]!.start + chunks[0]!.pcm.length <= to) chunks.shift();
    }
    if (!sum) return;
    const frame = new Int16Array(FRAME_SAMPLES);
    for (let i = 0; i < FRAME_SAMPLES; i++) frame[i] = Math.max(-32768, Math.min(32767, sum[i]!));
    this.#onFrame(frame, (from * 1000) / PCM_RATE_HZ);
  }
}
