// The worker threads the embedded recognizer decodes on: a few, shared by every call, instead
// of one per call. Decoding is CPU work, so more threads than cores only make the turns that
// are ending wait behind other calls' audio; a shared thread can put the ending turn first
// (pocketsphinx-worker.ts), and a new call costs a decoder, not a thread and its start-up.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { MediaError } from '../errors.js';
import type { SphinxReply, SphinxRequest } from './pocketsphinx-messages.js';

const STOP_TIMEOUT_MS = 5_000;

/** What a thread needs of a call it serves. */
export interface SphinxClient {
  onReply(reply: SphinxReply): void;
  /** The thread died: every call on it is over. */
  onFailure(error: Error): void;
}

export class SphinxThread {
  readonly #worker: Worker;
  readonly #clients = new Map<number, SphinxClient>();
  #holds = 0;
  #failure: Error | undefined;
  #exited: Promise<void>;

  constructor(url: URL, nice: number) {
    this.#worker = new Worker(url, { workerData: { nice } });
    this.#worker.unref(); // an idle recognizer must not keep the process alive
    this.#exited = new Promise((resolve) => this.#worker.once('exit', () => resolve()));
    this.#worker.on('message', (reply: SphinxReply) => this.#clients.get(reply.call)?.onReply(reply));
    this.#worker.on('error', (err) => this.#fail(new MediaError('asr_worker_error', `recognizer worker failed: ${err.message}`, true)));
    this.#worker.on('exit', (code) => this.#fail(new MediaError('asr_worker_exit', `recognizer worker exited with code ${code}`, true)));
  }

  get failure(): Error | undefined {
    return this.#failure;
  }

  get load(): number {
    return this.#clients.size;
  }

  attach(call: number, client: SphinxClient): void {
    this.#clients.set(call, client);
  }

  detach(call: number): void {
    this.#clients.delete(call);
  }

  post(message: SphinxRequest, transfer: ArrayBuffer[] = []): void {
    if (!this.#failure) this.#worker.postMessage(message, transfer);
  }

  /** Someone waits on this thread's answer: keep the process alive until it comes. */
  hold(waiting: boolean): void {
    this.#holds = Math.max(0, this.#holds + (waiting ? 1 : -1));
    if (this.#holds > 0) this.#worker.ref();
    else this.#worker.unref();
  }

  /** Asks the thread to exit between messages (terminate() inside the decoder can abort the process). */
  async stop(): Promise<void> {
    if (!this.#failure) {
      const timer = setTimeout(() => void this.#worker.terminate(), STOP_TIMEOUT_MS);
      this.#worker.postMessage({ op: 'shutdown' } satisfies SphinxRequest);
      await this.#exited;
      clearTimeout(timer);
    } else await this.#worker.terminate();
  }

  #fail(err: Error): void {
    if (this.#failure) return;
    this.#failure = err;
    for (const client of this.#clients.values()) client.onFailure(err);
    this.#clients.clear();
  }
}

/** Threads made on demand up to `size`; a call goes to the least busy live one. */
export class SphinxPool {
  readonly #url: URL;
  readonly #size: number;
  readonly #nice: number;
  #threads: SphinxThread[] = [];

  constructor(url: URL, size = availableParallelism(), nice = 0) {
    if (!(Number.isInteger(size) && size >= 1)) throw new TypeError('threads must be a positive integer');
    if (!(Number.isInteger(nice) && nice >= 0 && nice <= 19)) throw new TypeError('nice must be an integer 0..19');
    this.#url = url;
    this.#size = size;
    this.#nice = nice;
  }

  get size(): number {
    return this.#size;
  }

  pick(): SphinxThread {
    this.#threads = this.#threads.filter((t) => !t.failure); // a dead thread is replaced
    if (this.#threads.length < this.#size) {
      const thread = new SphinxThread(this.#url, this.#nice);
      this.#threads.push(thread);
      return thread;
    }
    return this.#threads.reduce((best, t) => (t.load < best.load ? t : best));
  }

  async close(): Promise<void> {
    const threads = this.#threads;
    this.#threads = [];
    await Promise.all(threads.map((t) => t.stop()));
  }
}
