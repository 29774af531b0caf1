// Silero in a worker thread. A window costs the event loop a postMessage each way (~20 us)
// instead of a ~245 us synchronous onnxruntime run: at the 50-call target that is the
// difference between ~4 % and ~40 % of the core that also moves every call's RTP.
import { Worker } from 'node:worker_threads';
import { InvalidStateError, MediaError } from '../errors.js';
import { defaultSileroModelPath, SILERO_STATE, SILERO_WINDOW, type SileroInference, type SileroResult } from './silero-runner.js';

export type SileroRequest = { op: 'infer'; id: number; window: Float32Array; state: Float32Array } | { op: 'shutdown' };
export type SileroReply =
  | { id: number; probability: number; state: Float32Array }
  | { id: number; error: string }
  | { id: 0; ready: true };

const STOP_TIMEOUT_MS = 5_000;

export class WorkerSilero implements SileroInference {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve(r: SileroResult): void; reject(e: Error): void }>();
  #nextId = 1;
  #failure: Error | undefined;
  #closing: Promise<void> | undefined;

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (reply: SileroReply) => {
      const p = this.#pending.get(reply.id);
      if (!p) return;
      this.#pending.delete(reply.id);
      if (this.#pending.size === 0) worker.unref();
      if ('error' in reply) p.reject(new MediaError('vad_failed', reply.error));
      else if ('state' in reply) p.resolve({ probability: reply.probability, state: reply.state });
    });
    worker.on('error', (err) => this.#fail(err));
    worker.on('exit', (code) => this.#fail(new MediaError('vad_worker_exit', `Silero worker exited with code ${code}`, true)));
  }

  /** Starts the thread and resolves once it has loaded the model. */
  static async start(path = defaultSileroModelPath()): Promise<WorkerSilero> {
    const worker = new Worker(new URL('./silero-worker.mjs', import.meta.url), { workerData: { path } });
    await new Promise<void>((resolve, reject) => {
      const onMessage = (m: SileroReply) => {
        if (!('ready' in m)) return;
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        worker.off('error', reject);
        resolve();
      };
      const onExit = (code: number) => reject(new MediaError('vad_worker_exit', `Silero worker did not start (exit ${code})`));
      worker.on('message', onMessage);
      worker.on('exit', onExit);
      worker.once('error', reject);
    });
    worker.unref(); // an idle VAD must not keep the process alive; a waiting window refs it
    return new WorkerSilero(worker);
  }

  infer(window: Float32Array, state: Float32Array): Promise<SileroResult> {
    if (this.#closing) return Promise.reject(new InvalidStateError('Silero worker closed'));
    if (this.#failure) return Promise.reject(this.#failure);
    if (window.length !== SILERO_WINDOW || state.length !== SILERO_STATE) {
      return Promise.reject(new TypeError(`Silero takes ${SILERO_WINDOW} samples and ${SILERO_STATE} state values`));
    }
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(id, { resolve, reject });
      // Both buffers are handed over, not copied: the caller made them for this one call.
      const msg: SileroRequest = { op: 'infer', id, window, state };
      this.#worker.postMessage(msg, [window.buffer as ArrayBuffer, state.buffer as ArrayBuffer]);
    });
  }

  #fail(err: Error): void {
    this.#failure ??= err;
    for (const p of this.#pending.values()) p.reject(err);
    this.#pending.clear();
  }

  /** Asks the thread to exit (terminate() inside a native run can abort the process). */
  close(): Promise<void> {
    this.#closing ??= new Promise<void>((resolve) => {
      this.#fail(new InvalidStateError('Silero worker closed'));
      if (this.#worker.threadId < 0) return resolve();
      const timer = setTimeout(() => void this.#worker.terminate(), STOP_TIMEOUT_MS);
      this.#worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      this.#worker.postMessage({ op: 'shutdown' } satisfies SileroRequest);
    });
    return this.#closing;
  }
}
