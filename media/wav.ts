// Streaming multi-track WAV for call recordings: one channel per party (0 trainee, 1 caller,
// more later), each fed frames stamped with ms since call start. Samples are placed by their
// timestamp, so a party that is silent or absent gets zeros and the tracks stay aligned.
//
// The file is written as the call goes and its RIFF/data sizes are rewritten after every
// flush (once a second), so a crash loses about a second and leaves a valid WAV behind.
import { EventEmitter } from 'node:events';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { InvalidStateError } from './errors.js';

export const TRAINEE_CHANNEL = 0;
export const CALLER_CHANNEL = 1;

const HEADER_BYTES = 44;
// Frames starting this close to where a track left off are taken as contiguous: rounding ms
// to samples must not open one-sample gaps (clicks) between consecutive frames.
const SNAP_MS = 2;
// Largest piece interleaved at once, so a long gap cannot make one huge buffer.
const MAX_COMMIT_MS = 5_000;

export interface WavRecorderOptions {
  channels?: number;
  sampleRateHz?: number;
  flushIntervalMs?: number;
  /** A track may lag the others this much before its missing audio is written as zeros. */
  maxSkewMs?: number;
}

export interface WavSummary {
  durationMs: number;
  channels: number;
  sampleRateHz: number;
  sizeBytes: number;
}

export type WavRecorderEvents = {
  /** A write to disk failed; finish() rejects with the same error. */
  failed: [error: Error];
};

interface Track {
  /** Samples from #committed onward. */
  pending: Int16Array;
  /** Absolute sample index just past the last sample written to this track. */
  end: number;
}

export class WavRecorder extends EventEmitter<WavRecorderEvents> {
  readonly #file: FileHandle;
  readonly #channels: number;
  readonly #rate: number;
  readonly #maxSkew: number;
  readonly #tracks: Track[];
  readonly #timer: NodeJS.Timeout;
  #committed = 0;
  #dataBytes = 0;
  #io: Promise<void> = Promise.resolve();
  #error: Error | undefined;
  #finishing: Promise<WavSummary> | undefined;

  static async create(path: string, options: WavRecorderOptions = {}): Promise<WavRecorder> {
    const channels = options.channels ?? 2;
    const rate = options.sampleRateHz ?? 16_000;
    if (!Number.isInteger(channels) || channels < 1 || channels > 16) throw new TypeError(`channels must be 1..16, got ${channels}`);
    if (!Number.isInteger(rate) || rate < 1000) throw new TypeError(`sampleRateHz must be an integer >= 1000, got ${rate}`);
    const file = await open(path, 'w');
    await file.write(wavHeader(channels, rate, 0), 0, HEADER_BYTES, 0);
    return new WavRecorder(file, channels, rate, options);
  }

  private constructor(file: FileHandle, channels: number, rate: number, options: WavRecorderOptions) {
    super();
    this.#file = file;
    this.#channels = channels;
    this.#rate = rate;
    this.#maxSkew = this.#samples(options.maxSkewMs ?? 1000);
    this.#tracks = Array.from({ length: channels }, () => ({ pending: new Int16Array(rate), end: 0 }));
    this.#timer = setInterval(() => void this.flush(), options.flushIntervalMs ?? 1000);
    this.#timer.unref();
  }

  /** Audio on disk so far, all tracks aligned. */
  get durationMs(): number {
    return (this.#committed * 1000) / this.#rate;
  }

  /** Places one party's frame at its time since call start. */
  write(channel: number, atMs: number, pcm: Int16Array): void {
    if (this.#finishing) throw new InvalidStateError('WavRecorder finished');
    const track = this.#tracks[channel];
    if (!track) throw new TypeError(`channel ${channel} is not one of 0..${this.#channels - 1}`);
    if (!(atMs >= 0) || !Number.isFinite(atMs)) throw new TypeError(`atMs must be a time >= 0, got ${atMs}`);
    let start = this.#samples(atMs);
    if (Math.abs(start - track.end) <= this.#samples(SNAP_MS)) start = track.end;
    let samples = pcm;
    // Audio for a stretch already on disk came too late to be heard in the recording.
    if (start < this.#committed) {
      samples = pcm.subarray(Math.min(pcm.length, this.#committed - start));
      start = this.#committed;
    }
    if (samples.length === 0) return;
    const end = start + samples.length;
    // A track far ahead of the rest pushes the others' silence to disk first, which keeps
    // the buffers bounded.
    if (end - this.#committed > this.#maxSkew + this.#rate * 2) this.#commit(end - this.#maxSkew);
    this.#reserve(track, end - this.#committed);
    track.pending.set(samples, start - this.#committed);
    track.end = Math.max(track.end, end);
  }

  /**
   * Writes what every track has reached (and, for a track lagging more than maxSkewMs,
   * zeros) and then rewrites the header. Runs on its own every flushIntervalMs.
   */
  flush(): Promise<void> {
    if (!this.#finishing) {
      const ends = this.#tracks.map((t) => t.end);
      this.#commit(Math.max(Math.min(...ends), Math.max(...ends) - this.#maxSkew));
    }
    return this.#io;
  }

  /** Pads every track to the longest, finalizes the header and closes the file. Safe to call twice. */
  finish(): Promise<WavSummary> {
    this.#finishing ??= (async () => {
      clearInterval(this.#timer);
      this.#commit(Math.max(...this.#tracks.map((t) => t.end)));
      await this.#io;
      await this.#file.close();
      if (this.#error) throw this.#error;
      return {
        durationMs: this.durationMs,
        channels: this.#channels,
        sampleRateHz: this.#rate,
        sizeBytes: HEADER_BYTES + this.#dataBytes,
      };
    })();
    return this.#finishing;
  }

  #samples(ms: number): number {
    return Math.round((ms * this.#rate) / 1000);
  }

  #reserve(track: Track, length: number): void {
    if (length <= track.pending.length) return;
    const grown = new Int16Array(Math.max(length, track.pending.length * 2));
    grown.set(track.pending);
    track.pending = grown;
  }

  #commit(target: number): void {
    while (target > this.#committed) {
      const n = Math.min(target - this.#committed, this.#samples(MAX_COMMIT_MS));
      const chunk = Buffer.alloc(n * this.#channels * 2);
      this.#tracks.forEach((track, ch) => {
        const have = Math.max(0, Math.min(n, track.end - this.#committed));
        for (let i = 0; i < have; i++) chunk.writeInt16LE(track.pending[i]!, (i * this.#channels + ch) * 2);
        track.pending.copyWithin(0, n);
        track.pending.fill(0, Math.max(0, track.pending.length - n));
        track.end = Math.max(track.end, this.#committed + n);
      });
      this.#committed += n;
      this.#enqueueWrite(chunk);
    }
  }

  // Data first, header after: the header never claims bytes the file does not hold yet.
  #enqueueWrite(chunk: Buffer): void {
    this.#io = this.#io.then(async () => {
      if (this.#error) return;
      try {
        await this.#file.write(chunk, 0, chunk.length, HEADER_BYTES + this.#dataBytes);
        this.#dataBytes += chunk.length;
        await this.#file.write(wavHeader(this.#channels, this.#rate, this.#dataBytes), 0, HEADER_BYTES, 0);
      } catch (err) {
        this.#error = err as Error;
        this.emit('failed', this.#error);
      }
    });
  }
}

/** The canonical 44-byte header of 16-bit PCM. */
export function wavHeader(channels: number, sampleRateHz: number, dataBytes: number): Buffer {
  const h = Buffer.alloc(HEADER_BYTES);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(36 + dataBytes, 4);
  h.write('WAVE', 8, 'ascii');
  h.write('fmt ', 12, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(channels, 22);
  h.writeUInt32LE(sampleRateHz, 24);
  h.writeUInt32LE(sampleRateHz * channels * 2, 28);
  h.writeUInt16LE(channels * 2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(dataBytes, 40);
  return h;
}

export interface WavContents {
  sampleRateHz: number;
  /** One array per channel. */
  channels: Int16Array[];
  /** Sizes as the header states them. */
  riffSize: number;
  dataBytes: number;
  fileBytes: number;
}

/** Reads a 16-bit PCM WAV, walking its chunks; for tests and tools. */
export async function readWav(path: string): Promise<WavContents> {
  const buf = await readFile(path);
  if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') {
    throw new TypeError(`${path} is not a RIFF/WAVE file`);
  }
  let offset = 12;
  let fmt: { channels: number; rate: number; bits: number } | undefined;
  while (offset + 8 <= buf.length) {
    const id = buf.toString('ascii', offset, offset + 4);
    const size = buf.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      fmt = { channels: buf.readUInt16LE(body + 2), rate: buf.readUInt32LE(body + 4), bits: buf.readUInt16LE(body + 14) };
      if (buf.readUInt16LE(body) !== 1 || fmt.bits !== 16) throw new TypeError(`${path} is not 16-bit PCM`);
    } else if (id === 'data') {
      if (!fmt) throw new TypeError(`${path} has its data chunk before its fmt chunk`);
      if (body + size > buf.length) throw new TypeError(`${path}: data chunk claims ${size} bytes, file holds ${buf.length - body}`);
      const frames = Math.floor(size / (2 * fmt.channels));
      const channels = Array.from({ length: fmt.channels }, () => new Int16Array(frames));
      for (let i = 0; i < frames; i++) {
        for (let ch = 0; ch < fmt.channels; ch++) channels[ch]![i] = buf.readInt16LE(body + (i * fmt.channels + ch) * 2);
      }
      return { sampleRateHz: fmt.rate, channels, riffSize: buf.readUInt32LE(4), dataBytes: size, fileBytes: buf.length };
    }
    offset = body + size + (size % 2);
  }
  throw new TypeError(`${path} has no data chunk`);
}
