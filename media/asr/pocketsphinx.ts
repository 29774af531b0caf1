// The embedded recognizer: PocketSphinx with a language model generated for each call. Each
// call gets its own worker thread (the decoder holds that call's model, and a call's turns
// come one after another), so decoding never runs on the event loop that moves RTP.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { InvalidStateError, MediaError } from '../errors.js';
import { PCM_RATE_HZ } from '../format.js';
import type { SphinxReply, SphinxRequest, WorkerSetup } from './pocketsphinx-messages.js';
import { PocketSphinxTurn, type TurnHost } from './pocketsphinx-turn.js';
import { CMUDICT_PATH } from './pronunciation.js';
import { abortError, type CallRecognizer, type CallVocabulary, type SpeechRecognizer } from './recognizer.js';

export { PocketSphinxTurn, type TurnStats } from './pocketsphinx-turn.js';

export const POCKETSPHINX_MODEL_DIR = '/usr/share/pocketsphinx/model/en-us';
const STOP_TIMEOUT_MS = 5_000;
const DEFAULT_BACKGROUND = { weight: 0.1, words: 5_000 };

export interface PocketSphinxOptions {
  /** Acoustic model folder; Debian's pocketsphinx-en-us (en-us/en-us) by default. */
  acousticModel?: string;
  /** CMUdict-format dictionary the call's words are looked up in. */
  lexiconPath?: string;
  /** How much a call's own sentences count against the built-in ones (default 2). */
  vocabularyWeight?: number;
  /** Extra decoder arguments without the dash, e.g. { lw: '8' }. */
  decoderArgs?: Record<string, string>;
  /**
   * A general language model interpolated with the call's, so words outside the call's model
   * can be heard: `weight` is its share, `words` how many of its commonest words get
   * pronunciations. Debian's en-us.lm.bin by default; false for the call's model alone.
   */
  background?: false | { lm?: string; weight?: number; words?: number };
  /** Audio posted to the worker at a time; a partial can follow each post. */
  partialIntervalMs?: number;
  /** Audio after this much of one turn is dropped (and counted), bounding the worker's queue. */
  maxTurnMs?: number;
  /** Worker entry; the default registers tsx and loads pocketsphinx-worker.ts. */
  workerUrl?: URL;
}

export class PocketSphinxRecognizer implements SpeechRecognizer {
  readonly name = 'pocketsphinx';
  readonly #options: PocketSphinxOptions;

  constructor(options: PocketSphinxOptions = {}) {
    const { partialIntervalMs = 100, maxTurnMs = 60_000 } = options;
    if (!(partialIntervalMs >= 20)) throw new TypeError('partialIntervalMs must be >= 20');
    if (!(maxTurnMs >= partialIntervalMs)) throw new TypeError('maxTurnMs must be >= partialIntervalMs');
    this.#options = { ...options, partialIntervalMs, maxTurnMs };
  }

  async prepare(vocabulary: CallVocabulary, signal?: AbortSignal): Promise<PocketSphinxCall> {
    signal?.throwIfAborted();
    const o = this.#options;
    const setup: WorkerSetup = {
      vocabulary,
      hmm: o.acousticModel ?? path.join(POCKETSPHINX_MODEL_DIR, 'en-us'),
      lexiconPath: o.lexiconPath ?? CMUDICT_PATH,
      vocabularyWeight: o.vocabularyWeight ?? 2,
      args: o.decoderArgs ?? {},
      background:
        o.background === false
          ? undefined
          : {
              lm: o.background?.lm ?? path.join(POCKETSPHINX_MODEL_DIR, 'en-us.lm.bin'),
              weight: o.background?.weight ?? DEFAULT_BACKGROUND.weight,
              words: o.background?.words ?? DEFAULT_BACKGROUND.words,
            },
    };
    const worker = new Worker(o.workerUrl ?? new URL('./pocketsphinx-worker.mjs', import.meta.url));
    const call = new PocketSphinxCall(worker, o.partialIntervalMs!, o.maxTurnMs!);
    const onAbort = () => void call.close();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await call.ready(setup);
      signal?.throwIfAborted();
      return call;
    } catch (err) {
      await call.close();
      throw signal?.aborted ? abortError('recognizer preparation aborted') : err;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

export interface PreparedInfo {
  /** Words the call's model knows. */
  words: number;
  /** Words missing from the dictionary, pronounced by compound split or rules. */
  guessed: string[];
  prepareMs: number;
}

export class PocketSphinxCall implements CallRecognizer, TurnHost {
  readonly #worker: Worker;
  readonly #batchSamples: number;
  readonly #maxTurnSamples: number;
  #info: PreparedInfo | undefined;
  #dir: string | undefined;
  #turn: PocketSphinxTurn | undefined;
  #turns = 0;
  #failure: Error | undefined;
  #closing: Promise<void> | undefined;
  #exited: Promise<void>;

  /** @internal Use PocketSphinxRecognizer.prepare(). */
  constructor(worker: Worker, partialIntervalMs: number, maxTurnMs: number) {
    this.#worker = worker;
    this.#batchSamples = Math.round((partialIntervalMs * PCM_RATE_HZ) / 1000);
    this.#maxTurnSamples = Math.round((maxTurnMs * PCM_RATE_HZ) / 1000);
    this.#exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    worker.on('message', (reply: SphinxReply) => this.#onReply(reply));
    worker.on('error', (err) => this.#fail(new MediaError('asr_worker_error', `recognizer worker failed: ${err.message}`, true)));
    worker.on('exit', (code) => this.#fail(new MediaError('asr_worker_exit', `recognizer worker exited with code ${code}`, true)));
  }

  get info(): PreparedInfo | undefined {
    return this.#info;
  }

  get closed(): boolean {
    return this.#closing !== undefined;
  }

  /** @internal */
  ready(setup: WorkerSetup): Promise<void> {
    return new Promise((resolve, reject) => {
      const onReply = (reply: SphinxReply) => {
        if (reply.op === 'ready') done(undefined);
        else if (reply.op === 'error' && reply.turn === undefined) done(new MediaError('asr_prepare_failed', reply.message));
      };
      const onExit = () => done(this.#failure ?? new MediaError('asr_worker_exit', 'recognizer worker exited while preparing'));
      const done = (err: Error | undefined) => {
        this.#worker.off('message', onReply);
        this.#worker.off('exit', onExit);
        if (err) return reject(err);
        this.#worker.unref(); // an idle call must not keep the process alive
        resolve();
      };
      this.#worker.on('message', onReply);
      this.#worker.once('exit', onExit);
      this.#post({ op: 'init', setup });
    });
  }

  startTurn(): PocketSphinxTurn {
    if (this.closed) throw new InvalidStateError('recognizer closed');
    if (this.#failure) throw new InvalidStateError(`recognizer unusable: ${this.#failure.message}`);
    if (this.#turn?.takingAudio) throw new InvalidStateError('the previous turn still takes audio: finish() or cancel() it first');
    const id = ++this.#turns;
    this.#post({ op: 'start', turn: id });
    const turn = new PocketSphinxTurn(this, id, this.#batchSamples, this.#maxTurnSamples);
    this.#turn = turn;
    return turn;
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#turn?.settle(new InvalidStateError('recognizer closed'));
      if (this.#failure === undefined) {
        const timer = setTimeout(() => void this.#worker.terminate(), STOP_TIMEOUT_MS);
        this.#post({ op: 'shutdown' });
        await this.#exited;
        clearTimeout(timer);
      } else await this.#worker.terminate();
      if (this.#dir) await rm(this.#dir, { recursive: true, force: true });
    })();
    return this.#closing;
  }

  /** @internal */
  post(message: SphinxRequest, transfer: ArrayBuffer[] = []): void {
    if (this.#failure || this.closed) return;
    this.#post(message, transfer);
  }

  /** @internal A turn waits on the worker: keep the process alive until it answers. */
  hold(waiting: boolean): void {
    if (waiting) this.#worker.ref();
    else this.#worker.unref();
  }

  #post(message: SphinxRequest, transfer: ArrayBuffer[] = []): void {
    this.#worker.postMessage(message, transfer);
  }

  #onReply(reply: SphinxReply): void {
    if (reply.op === 'ready') {
      this.#dir = reply.dir;
      this.#info = { words: reply.words, guessed: reply.guessed, prepareMs: reply.prepareMs };
      return;
    }
    const turn = this.#turn;
    if (!turn || reply.turn !== turn.id) return;
    if (reply.op === 'partial') turn.partial(reply.text);
    else if (reply.op === 'final') turn.final(reply);
    else if (reply.op === 'error') turn.settle(new MediaError('asr_failed', `recognition failed: ${reply.message}`, true));
  }

  #fail(err: Error): void {
    if (this.#failure || this.closed) return;
    this.#failure = err;
    this.#turn?.settle(err);
  }
}
