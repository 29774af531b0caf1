// WebRTC's classic VAD (libfvad, a GMM on band energies) in WASM: the cheap alternative to
// Silero. It answers 0 or 1, so the turn detector's hysteresis does nothing with it.
import { InvalidStateError, MediaError } from '../errors.js';
import { FRAME_SAMPLES, PCM_RATE_HZ } from '../format.js';
import type { VoiceActivityDetector } from './vad.js';

interface FvadModule {
  _fvad_new(): number;
  _fvad_free(inst: number): void;
  _fvad_reset(inst: number): void;
  _fvad_set_mode(inst: number, mode: number): number;
  _fvad_set_sample_rate(inst: number, rate: number): number;
  _fvad_process(inst: number, ptr: number, samples: number): number;
  _malloc(bytes: number): number;
  _free(ptr: number): void;
  HEAP16: Int16Array;
}

let fvadModule: Promise<FvadModule> | undefined;

/** One WASM instance per process; each stream only allocates its ~1 KB of fvad state. */
function loadFvad(): Promise<FvadModule> {
  fvadModule ??= import('@echogarden/fvad-wasm').then(async (m) => (await m.default()) as FvadModule);
  return fvadModule;
}

/** WebRTC aggressiveness: 0 flags the most as speech, 3 the least. */
export type WebRtcMode = 0 | 1 | 2 | 3;

export class WebRtcVad implements VoiceActivityDetector {
  readonly engine = 'webrtc';
  readonly #fvad: FvadModule;
  readonly #mode: WebRtcMode;
  #inst: number;
  readonly #buf: number;
  #closed = false;

  private constructor(fvad: FvadModule, mode: WebRtcMode) {
    this.#fvad = fvad;
    this.#mode = mode;
    this.#inst = fvad._fvad_new();
    this.#buf = fvad._malloc(FRAME_SAMPLES * 2);
    if (!this.#inst || !this.#buf) throw new MediaError('vad_init', 'fvad allocation failed');
    this.#configure();
  }

  static async create(options: { mode?: WebRtcMode } = {}): Promise<WebRtcVad> {
    const mode = options.mode ?? 3;
    if (![0, 1, 2, 3].includes(mode)) throw new TypeError(`mode must be 0..3, got ${mode}`);
    return new WebRtcVad(await loadFvad(), mode);
  }

  #configure(): void {
    if (this.#fvad._fvad_set_sample_rate(this.#inst, PCM_RATE_HZ) !== 0 || this.#fvad._fvad_set_mode(this.#inst, this.#mode) !== 0) {
      throw new MediaError('vad_init', 'fvad rejected its configuration');
    }
  }

  process(frame: Int16Array): number {
    if (this.#closed) throw new InvalidStateError('WebRtcVad is closed');
    if (!(frame instanceof Int16Array) || frame.length !== FRAME_SAMPLES) {
      throw new TypeError(`a frame is an Int16Array of ${FRAME_SAMPLES} samples`);
    }
    // HEAP16 is re-read each time: WASM memory growth replaces the view.
    this.#fvad.HEAP16.set(frame, this.#buf >> 1);
    const r = this.#fvad._fvad_process(this.#inst, this.#buf, FRAME_SAMPLES);
    if (r < 0) throw new MediaError('vad_failed', 'fvad_process failed');
    return r;
  }

  reset(): void {
    if (this.#closed) return;
    this.#fvad._fvad_reset(this.#inst); // also clears rate and mode
    this.#configure();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#fvad._fvad_free(this.#inst);
    this.#fvad._free(this.#buf);
  }
}
