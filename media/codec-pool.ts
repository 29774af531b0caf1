// Runs Opus decode and encode in worker threads so the event loop that moves RTP never waits
// on a codec. A call's streams are pinned to one worker: its frames stay in order, and one
// busy call cannot spread its load over every core.
import { EventEmitter } from 'node:events';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CodecReply, CodecRequest } from './codec-messages.js';
import { InvalidStateError, MediaError, QueueFullError } from './errors.js';
import type { OpusEncoderOptions } from './opus.js';
import { StreamDecoder, StreamEncoder, type StreamHandle } from './codec-streams.js';

export interface CodecPoolOptions {
  /** Worker threads; one per core by default. */
  workers?: number;
  /** Requests a stream may have waiting in its worker; more are refused, not queued. */
  maxInFlightPerStream?: number;
  /** Worker entry; the default registers tsx and loads codec-worker.ts. */
  workerUrl?: URL;
}

export type CodecPoolEvents = {
  /** A worker died: its pending requests were rejected and its streams are unusable. */
  workerexit: [index: number, error: Error];
};

/** @internal */
export type RequestBody = Extract<CodecRequest, { id: number }> extends infer R
  ? R extends unknown
    ? Omit<R, 'id' | 'stream'>
    : never
  : never;

const STOP_TIMEOUT_MS = 5_000;

interface Pending {
  resolve(reply: CodecReply): void;
  reject(err: Error): void;
}

/** @internal One worker thread and what waits on it. */
export interface Slot {
  index: number;
  worker: Worker;
  alive: boolean;
  exited: boolean;
  streams: number;
  pending: Map<number, Pending>;
}

export class CodecPool extends EventEmitter<CodecPoolEvents> {
  readonly #slots: Slot[];
  readonly #maxInFlight: number;
  readonly #calls = new Map<string, { slot: Slot; streams: number }>();
  #nextId = 1;
  #closing: Promise<void> | undefined;

  /** Starts the workers and resolves once each has loaded its codecs. */
  static async create(options: CodecPoolOptions = {}): Promise<CodecPool> {
    const pool = new CodecPool(options);
    try {
      await Promise.all(pool.#slots.map((slot) => pool.#ready(slot)));
    } catch (err) {
      await pool.close();
      throw err;
    }
    return pool;
  }

  private constructor(options: CodecPoolOptions) {
    super();
    const count = options.workers ?? availableParallelism();
    // 50 frames is one second of audio: a core busy with recognition for a moment delays
    // decoding without dropping the trainee's words.
    this.#maxInFlight = options.maxInFlightPerStream ?? 50;
    if (!Number.isInteger(count) || count < 1) throw new TypeError(`workers must be a positive integer, got ${count}`);
    if (!(this.#maxInFlight >= 1)) throw new TypeError('maxInFlightPerStream must be >= 1');
    const url = options.workerUrl ?? new URL('./codec-worker.mjs', import.meta.url);
    this.#slots = Array.from({ length: count }, (_, index) => this.#spawn(index, url));
  }

  get closed(): boolean {
    return this.#closing !== undefined;
  }

  get workerCount(): number {
    return this.#slots.length;
  }

  /** Which worker a call is pinned to, if it has open streams. */
  workerOf(callId: string): number | undefined {
    return this.#calls.get(callId)?.slot.index;
  }

  createDecoder(callId: string): StreamDecoder {
    const stream = this.#openStream(callId);
    this.#post(stream.slot, { op: 'open-decoder', stream: stream.id });
    return new StreamDecoder(this, stream);
  }

  createEncoder(callId: string, options: OpusEncoderOptions = {}): StreamEncoder {
    const { bitrate = 32_000, complexity = 5 } = options;
    if (!Number.isInteger(complexity) || complexity < 0 || complexity > 10) {
      throw new TypeError(`Opus complexity must be 0..10, got ${complexity}`);
    }
    const stream = this.#openStream(callId);
    this.#post(stream.slot, { op: 'open-encoder', stream: stream.id, bitrate, complexity });
    return new StreamEncoder(this, stream);
  }

  /**
   * Stops every worker; pending requests reject with InvalidStateError. Safe to call twice.
   * Workers are asked to exit rather than terminate()d: terminating a thread while it is
   * inside the @discordjs/opus binding makes the binding's napi_throw fail, and node-addon-api
   * then aborts the whole process (seen in about one run in three of the close test).
   */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      for (const slot of this.#slots) this.#fail(slot, new InvalidStateError('CodecPool closed'));
      await Promise.all(this.#slots.map((slot) => this.#stop(slot)));
      this.#calls.clear();
    })();
    return this.#closing;
  }

  #stop(slot: Slot): Promise<void> {
    if (slot.exited) return Promise.resolve();
    return new Promise((resolve) => {
      // Last resort for a worker stuck in a loop; its queue is bounded, so this never waits on real work.
      const timer = setTimeout(() => void slot.worker.terminate(), STOP_TIMEOUT_MS);
      slot.worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      slot.worker.postMessage({ op: 'shutdown' } satisfies CodecRequest);
    });
  }

  /** @internal Used by StreamDecoder/StreamEncoder. */
  request(stream: StreamHandle, msg: RequestBody, transfer: ArrayBuffer[]): Promise<CodecReply> {
    if (this.closed) return Promise.reject(new InvalidStateError('CodecPool closed'));
    if (stream.closed) return Promise.reject(new InvalidStateError('codec stream closed'));
    if (!stream.slot.alive) return Promise.reject(new InvalidStateError(`codec worker ${stream.slot.index} is gone`));
    if (stream.inFlight >= this.#maxInFlight) {
      return Promise.reject(new QueueFullError(`codec stream has ${stream.inFlight} requests in flight`));
    }
    const id = this.#nextId++;
    stream.inFlight++;
    return new Promise<CodecReply>((resolve, reject) => {
      // An idle pool must not keep the process alive, a waiting request must.
      if (stream.slot.pending.size === 0) stream.slot.worker.ref();
      stream.slot.pending.set(id, {
        resolve: (reply) => {
          stream.inFlight--;
          resolve(reply);
        },
        reject: (err) => {
          stream.inFlight--;
          reject(err);
        },
      });
      this.#post(stream.slot, { ...msg, id, stream: stream.id } as CodecRequest, transfer);
    });
  }

  /** @internal */
  release(stream: StreamHandle): void {
    if (stream.closed) return;
    stream.closed = true;
    if (this.closed) return;
    if (stream.slot.alive) this.#post(stream.slot, { op: 'free', stream: stream.id });
    stream.slot.streams--;
    const call = this.#calls.get(stream.callId);
    // A call re-pinned after its worker died must not be counted down by its old streams.
    if (call && call.slot === stream.slot && --call.streams === 0) this.#calls.delete(stream.callId);
  }

  #openStream(callId: string): StreamHandle {
    if (this.closed) throw new InvalidStateError('CodecPool closed');
    let call = this.#calls.get(callId);
    if (!call || !call.slot.alive) {
      const alive = this.#slots.filter((s) => s.alive);
      if (alive.length === 0) throw new InvalidStateError('no codec worker is alive');
      const slot = alive.reduce((a, b) => (b.streams < a.streams ? b : a));
      call = { slot, streams: 0 };
      this.#calls.set(callId, call);
    }
    call.streams++;
    call.slot.streams++;
    return { id: this.#nextId++, callId, slot: call.slot, inFlight: 0, closed: false };
  }

  #spawn(index: number, url: URL): Slot {
    const worker = new Worker(url);
    const slot: Slot = { index, worker, alive: true, exited: false, streams: 0, pending: new Map() };
    worker.on('message', (reply: CodecReply) => {
      if (reply.op === 'ready') return;
      const pending = slot.pending.get(reply.id);
      if (!pending) return;
      slot.pending.delete(reply.id);
      if (slot.pending.size === 0) worker.unref();
      pending.resolve(reply);
    });
    worker.on('error', (err) => this.#died(slot, err));
    worker.on('exit', (code) => {
      slot.exited = true;
      this.#died(slot, new MediaError('codec_worker_exit', `codec worker exited with code ${code}`, true));
    });
    return slot;
  }

  #ready(slot: Slot): Promise<void> {
    return new Promise((resolve, reject) => {
      const onMessage = (reply: CodecReply) => {
        if (reply.op !== 'ready') return;
        slot.worker.off('message', onMessage);
        slot.worker.off('exit', onExit);
        slot.worker.unref();
        resolve();
      };
      const onExit = () => reject(new MediaError('codec_worker_exit', `codec worker ${slot.index} did not start`));
      slot.worker.on('message', onMessage);
      slot.worker.on('exit', onExit);
      slot.worker.once('error', reject);
    });
  }

  #died(slot: Slot, err: Error): void {
    if (!slot.alive || this.closed) return;
    this.#fail(slot, err);
    this.emit('workerexit', slot.index, err);
  }

  #fail(slot: Slot, err: Error): void {
    slot.alive = false;
    const pending = [...slot.pending.values()];
    slot.pending.clear();
    for (const p of pending) p.reject(err);
  }

  #post(slot: Slot, msg: CodecRequest, transfer: ArrayBuffer[] = []): void {
    slot.worker.postMessage(msg, transfer);
  }
}
