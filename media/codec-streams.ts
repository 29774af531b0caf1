// The per-stream handles CodecPool hands out. Each wraps one codec living in the worker its
// call is pinned to; requests resolve in the order they were made.
import type { CodecReply } from './codec-messages.js';
import { MediaError } from './errors.js';
import { FRAME_SAMPLES } from './format.js';
import type { CodecPool, RequestBody, Slot } from './codec-pool.js';

/** @internal CodecPool's record of one open stream. */
export interface StreamHandle {
  id: number;
  callId: string;
  slot: Slot;
  inFlight: number;
  closed: boolean;
}

// Copies into a buffer of its own so the transfer never detaches the caller's memory.
function transferable(view: ArrayBufferView): ArrayBuffer {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice().buffer;
}

function failed(reply: CodecReply): Error | undefined {
  return reply.op === 'error' ? new MediaError('codec_failed', reply.message, false) : undefined;
}

function pcmOf(reply: CodecReply): Int16Array {
  const err = failed(reply);
  if (err) throw err;
  return new Int16Array((reply as Extract<CodecReply, { op: 'pcm' }>).pcm);
}

/** What a decoder and an encoder share: one codec in the pool, and its place in the queue. */
abstract class CodecStream {
  readonly #pool: CodecPool;
  readonly #stream: StreamHandle;

  /** @internal Made by CodecPool.createDecoder() / createEncoder(). */
  constructor(pool: CodecPool, stream: StreamHandle) {
    this.#pool = pool;
    this.#stream = stream;
  }

  get inFlight(): number {
    return this.#stream.inFlight;
  }

  protected request(msg: RequestBody, transfer: ArrayBuffer[]): Promise<CodecReply> {
    return this.#pool.request(this.#stream, msg, transfer);
  }

  close(): void {
    this.#pool.release(this.#stream);
  }
}

/** One inbound stream's decoder. Results resolve in request order. */
export class StreamDecoder extends CodecStream {

  /** Opus payload -> 16 kHz mono PCM; rejects with QueueFullError past the in-flight bound. */
  async decode(payload: Uint8Array): Promise<Int16Array> {
    const buf = transferable(payload);
    return pcmOf(await this.request({ op: 'decode', payload: buf }, [buf]));
  }

  /** Silence for a gap the jitter buffer gave up on, ordered with the decodes around it. */
  async conceal(ms: number): Promise<Int16Array> {
    if (!(ms >= 0) || !Number.isFinite(ms)) throw new TypeError(`conceal needs a duration >= 0 ms, got ${ms}`);
    return pcmOf(await this.request({ op: 'conceal', ms }, []));
  }

}

/** One outbound stream's encoder (stateful: frames must go through in order). */
export class StreamEncoder extends CodecStream {

  /** PCM of a whole number of 20 ms frames -> one Opus packet per frame. */
  async encode(pcm: Int16Array): Promise<Uint8Array[]> {
    if (!(pcm instanceof Int16Array) || pcm.length === 0 || pcm.length % FRAME_SAMPLES !== 0) {
      throw new TypeError(`encode takes whole ${FRAME_SAMPLES}-sample frames, got ${pcm?.length} samples`);
    }
    const buf = transferable(pcm);
    const reply = await this.request({ op: 'encode', pcm: buf }, [buf]);
    const err = failed(reply);
    if (err) throw err;
    return (reply as Extract<CodecReply, { op: 'opus' }>).packets.map((p) => new Uint8Array(p));
  }

  /** One 20 ms frame -> one packet: the shape Pacer's `encode` option takes. */
  async encodeFrame(frame: Int16Array): Promise<Uint8Array> {
    if (frame?.length !== FRAME_SAMPLES) throw new TypeError(`encodeFrame takes one ${FRAME_SAMPLES}-sample frame`);
    const [packet] = await this.encode(frame);
    return packet!;
  }

}
