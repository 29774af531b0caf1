// Thin wrappers on @discordjs/opus (libopus). libopus decodes straight to 16 kHz mono and
// encodes 16 kHz input directly, so the speech pipeline never needs a resampler. These run
// synchronously: on the main thread use them only for tests and benchmarks; live calls go
// through CodecPool (codec-pool.ts), which runs them in worker threads.
import { createRequire } from 'node:module';
import { FRAME_SAMPLES, PCM_RATE_HZ, samplesForMs } from './format.js';

// The package is CommonJS behind a computed require(), which ESM named imports cannot see.
const require = createRequire(import.meta.url);
const { OpusEncoder: NativeOpus } = require('@discordjs/opus') as typeof import('@discordjs/opus');
type NativeOpus = InstanceType<typeof NativeOpus>;

// libopus CTL request numbers (opus_defines.h); the binding only exposes the raw call.
const OPUS_SET_APPLICATION = 4000;
const OPUS_APPLICATION_VOIP = 2048;
const OPUS_SET_COMPLEXITY = 4010;

/**
 * Zeros standing in for audio that never arrived. The binding has no packet-loss
 * concealment, and silence of the right length is what keeps the call's clock true.
 */
export function silence(ms: number): Int16Array {
  if (!(ms >= 0) || !Number.isFinite(ms)) throw new TypeError(`silence needs a duration >= 0 ms, got ${ms}`);
  return new Int16Array(samplesForMs(ms));
}

/** Views a Buffer's bytes as samples, copying only if the Buffer is not 2-byte aligned. */
export function int16View(buf: Uint8Array): Int16Array {
  if (buf.byteLength % 2 !== 0) throw new TypeError(`PCM byte length ${buf.byteLength} is odd`);
  if (buf.byteOffset % 2 === 0) return new Int16Array(buf.buffer, buf.byteOffset, buf.byteLength / 2);
  return new Int16Array(new Uint8Array(buf).buffer);
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Decodes one Opus stream (stereo or mono, any frame size) to 16 kHz mono. */
export class OpusDecoder {
  readonly #native: NativeOpus = new NativeOpus(PCM_RATE_HZ, 1);
  #frames = 0;
  #errors = 0;

  get stats(): { frames: number; errors: number } {
    return { frames: this.#frames, errors: this.#errors };
  }

  /**
   * Returns as many samples as the packet holds (320 for 20 ms, 160/640/960 for 10/40/60
   * ms): the length comes from libopus, not from an assumed frame size. A corrupt packet
   * throws; the caller decides whether to count it as lost.
   */
  decode(payload: Uint8Array): Int16Array {
    if (payload.byteLength === 0) throw new TypeError('an empty Opus payload cannot be decoded');
    try {
      const pcm = int16View(this.#native.decode(asBuffer(payload)));
      this.#frames++;
      return pcm;
    } catch (err) {
      this.#errors++;
      throw new TypeError(`Opus decode failed: ${(err as Error).message}`);
    }
  }

  /** Fills a reported gap; see silence(). */
  conceal(ms: number): Int16Array {
    return silence(ms);
  }
}

export interface OpusEncoderOptions {
  bitrate?: number;
  /** 0-10; 5 costs half of 10 for speech at no audible loss at 32 kbit/s. */
  complexity?: number;
}

/** Encodes 16 kHz mono speech, 20 ms at a time, for injection as Opus RTP. */
export class OpusEncoder {
  readonly #native: NativeOpus = new NativeOpus(PCM_RATE_HZ, 1);

  constructor(options: OpusEncoderOptions = {}) {
    const { bitrate = 32_000, complexity = 5 } = options;
    if (!Number.isInteger(complexity) || complexity < 0 || complexity > 10) {
      throw new TypeError(`Opus complexity must be 0..10, got ${complexity}`);
    }
    // The binding creates its encoder in AUDIO mode; VOIP must be set before the first
    // encode, after which libopus refuses to change the application.
    this.#native.applyEncoderCTL(OPUS_SET_APPLICATION, OPUS_APPLICATION_VOIP);
    this.#native.setBitrate(bitrate);
    this.#native.applyEncoderCTL(OPUS_SET_COMPLEXITY, complexity);
  }

  /** Encodes exactly one 20 ms frame (320 samples) into one Opus packet. */
  encode(frame: Int16Array): Uint8Array {
    if (!(frame instanceof Int16Array) || frame.length !== FRAME_SAMPLES) {
      throw new TypeError(`Opus encoder takes ${FRAME_SAMPLES}-sample frames, got ${frame?.length}`);
    }
    return this.#native.encode(Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength));
  }
}
