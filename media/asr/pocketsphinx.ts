// The embedded recognizer: PocketSphinx with a language model generated for each call. Calls
// share a small pool of worker threads (one per core; pocketsphinx-pool.ts): each call has
// its own decoder there, holding that call's model, and decoding never runs on the event
// loop that moves RTP.
import path from 'node:path';
import { InvalidStateError, MediaError } from '../errors.js';
import { PCM_RATE_HZ } from '../format.js';
import type { SphinxReply, SphinxRequest, WorkerSetup } from './pocketsphinx-messages.js';
import { SphinxPool, type SphinxClient, type SphinxThread } from './pocketsphinx-pool.js';
import { PocketSphinxTurn, type TurnHost } from './pocketsphinx-turn.js';
import { CMUDICT_PATH } from './pronunciation.js';
import { abortError, type CallRecognizer, type CallVocabulary, type SpeechRecognizer } from './recognizer.js';

export { PocketSphinxTurn, type TurnStats } from './pocketsphinx-turn.js';

export const POCKETSPHINX_MODEL_DIR = '/usr/share/pocketsphinx/model/en-us';
/**
 * No flat-lexicon second search at the end of a turn: it searches the whole turn again while
 * the caller waits to answer (the decoder's end of utterance p50 46-69 / p90 78-167 ms at load
 * 6-10, 3 / 6 ms without; bench:asr's end of turn to final 245 -> 64 ms mean), for 0.3 points
 * of WER on 180 held-out turns (13.7 -> 14.0 %; README, Turn latency). The first pass has
 * decoded the turn as it was spoken, so its final is only the last audio and the result.
 */
const DEFAULT_DECODER_ARGS: Record<string, string> = { fwdflat: 'no' };
const DEFAULT_BACKGROUND = { weight: 0.1, words: 5_000, unsureBelow: 0.9, busyLoad: 1.5 };
/** How much a newly learned cepstral mean moves the one new calls start from. */
const LEARNING_RATE = 0.3;

export interface PocketSphinxOptions {
  /** Acoustic model folder; Debian's pocketsphinx-en-us (en-us/en-us) by default. */
  acousticModel?: string;
  /** CMUdict-format dictionary the call's words are looked up in. */
  lexiconPath?: string;
  /** How much a call's own sentences count against the built-in ones (default 2). */
  vocabularyWeight?: number;
  /** How much each call-taker corpus line counts against one template sentence (language-model.ts). */
  corpusWeight?: number;
  /**
   * Extra decoder arguments without the dash, e.g. { lw: '8' }, over DEFAULT_DECODER_ARGS
   * ({ fwdflat: 'yes' } brings back the flat second search at each turn's end).
   */
  decoderArgs?: Record<string, string>;
  /**
   * A general language model interpolated with the call's, so words and phrasings outside the
   * call-taker corpus can be heard: `weight` is its share (default 0.1), `words` how many of
   * its commonest words get pronunciations (default 5,000), `lm` Debian's en-us.lm.bin by
   * default, read once per worker thread. It is a background pass (pocketsphinx-background.ts):
   * a second decoder that hears the turn while the worker is idle, whose words replace the call
   * decoder's only when that one's confidence is under `unsureBelow` (default 0.9) and the pass
   * has kept up; it is skipped when the worker is busy with another call's turn, when the
   * host's 1-minute load per core is over `busyLoad` (default 1.5: on a starved host the extra
   * decoding cost replies; bench:turns, 1 call at load 20, lost 27 of 50 with it and 7 without),
   * or when the turn is long. Searching with it on every turn cost ~1.5x the decoding and ~150 ms on each final
   * (bench:turns, 1 call at load 10: p95 1,460 ms). On by default; false turns it off.
   */
  background?: false | { lm?: string; weight?: number; words?: number; unsureBelow?: number; busyLoad?: number };
  /** Audio posted to the worker at a time; a partial can follow each post. */
  partialIntervalMs?: number;
  /** Audio after this much of one turn is dropped (and counted), bounding the worker's queue. */
  maxTurnMs?: number;
  /** Worker threads shared by every call (default: one per core). */
  threads?: number;
  /**
   * Nice value of those threads (default 0, the process's own). Raised, decoding takes only
   * the CPU the media path (RTP, Opus, voice activity) leaves when the cores are saturated.
   * At 10 calls on 2 cores (88 % of one core busy) 0 and 10 measured the same: event loop
   * p99 15-17 ms, reply p95 455 vs 494 ms; on a host shared with other busy processes a
   * raised value starves recognition, so it is not the default.
   */
  nice?: number;
  /** Worker entry; the default registers tsx and loads pocketsphinx-worker.ts. */
  workerUrl?: URL;
}

export class PocketSphinxRecognizer implements SpeechRecognizer {
  readonly name = 'pocketsphinx';
  readonly capabilities = { partials: true, streaming: true };
  readonly #options: PocketSphinxOptions;
  readonly #pool: SphinxPool;
  #nextCall = 1;
  /**
   * The cepstral mean the decoders of earlier calls settled on: the line's microphone, codec
   * and telephone band, learned as calls go. A new call's decoder starts from it, so its first
   * turn is heard as well as its later ones without being decoded twice.
   */
  #lineMean: Float32Array | undefined;

  constructor(options: PocketSphinxOptions = {}) {
    const { partialIntervalMs = 100, maxTurnMs = 60_000 } = options;
    if (!(partialIntervalMs >= 20)) throw new TypeError('partialIntervalMs must be >= 20');
    if (!(maxTurnMs >= partialIntervalMs)) throw new TypeError('maxTurnMs must be >= partialIntervalMs');
    this.#options = { ...options, partialIntervalMs, maxTurnMs };
    this.#pool = new SphinxPool(options.workerUrl ?? new URL('./pocketsphinx-worker.mjs', import.meta.url), options.threads, options.nice ?? 0);
  }

  async prepare(vocabulary: CallVocabulary, signal?: AbortSignal): Promise<PocketSphinxCall> {
    signal?.throwIfAborted();
    const o = this.#options;
    const setup: WorkerSetup = {
      vocabulary,
      hmm: o.acousticModel ?? path.join(POCKETSPHINX_MODEL_DIR, 'en-us'),
      lexiconPath: o.lexiconPath ?? CMUDICT_PATH,
      vocabularyWeight: o.vocabularyWeight ?? 2,
      corpusWeight: o.corpusWeight,
      args: { ...DEFAULT_DECODER_ARGS, ...o.decoderArgs },
      background:
        o.background === false
          ? undefined
          : {
              lm: o.background?.lm ?? path.join(POCKETSPHINX_MODEL_DIR, 'en-us.lm.bin'),
              weight: o.background?.weight ?? DEFAULT_BACKGROUND.weight,
              words: o.background?.words ?? DEFAULT_BACKGROUND.words,
              unsureBelow: o.background?.unsureBelow ?? DEFAULT_BACKGROUND.unsureBelow,
              busyLoad: o.background?.busyLoad ?? DEFAULT_BACKGROUND.busyLoad,
            },
    };
    const line = {
      mean: () => this.#lineMean,
      learn: (mean: Float32Array) => {
        const prior = this.#lineMean;
        this.#lineMean = prior ? prior.map((v, i) => v + LEARNING_RATE * (mean[i]! - v)) : mean;
      },
    };
    const call = new PocketSphinxCall(this.#pool.pick(), this.#nextCall++, o.partialIntervalMs!, o.maxTurnMs!, line);
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

  /** Stops the worker threads; calls still open fail. For tools and tests: idle threads never keep the process alive. */
  close(): Promise<void> {
    return this.#pool.close();
  }
}

export interface PreparedInfo {
  /** Words the call's model knows. */
  words: number;
  /** Words missing from the dictionary, pronounced by compound split or rules. */
  guessed: string[];
  prepareMs: number;
  /** How many times the call's worker thread has read the general model (once: its calls share it). */
  generalModelLoads: number;
}

/** What a call shares with the calls before it: the line's cepstral mean. */
interface LineMean {
  mean(): Float32Array | undefined;
  learn(mean: Float32Array): void;
}

export class PocketSphinxCall implements CallRecognizer, TurnHost, SphinxClient {
  readonly #thread: SphinxThread;
  readonly #id: number;
  readonly #batchSamples: number;
  readonly #maxTurnSamples: number;
  readonly #line: LineMean;
  /** Turns not settled yet, by id: a finishing turn still gets its final after the next one opens. */
  readonly #turns = new Map<number, PocketSphinxTurn>();
  #current: PocketSphinxTurn | undefined;
  #info: PreparedInfo | undefined;
  #nextTurn = 0;
  #heardMs = 0;
  #preparing: { resolve(): void; reject(err: Error): void } | undefined;
  #closed: (() => void) | undefined;
  #failure: Error | undefined;
  #closing: Promise<void> | undefined;

  /** @internal Use PocketSphinxRecognizer.prepare(). */
  constructor(thread: SphinxThread, id: number, partialIntervalMs: number, maxTurnMs: number, line: LineMean) {
    this.#thread = thread;
    this.#id = id;
    this.#batchSamples = Math.round((partialIntervalMs * PCM_RATE_HZ) / 1000);
    this.#maxTurnSamples = Math.round((maxTurnMs * PCM_RATE_HZ) / 1000);
    this.#line = line;
    if (thread.failure) this.#failure = thread.failure;
    else thread.attach(id, this);
  }

  get info(): PreparedInfo | undefined {
    return this.#info;
  }

  get closed(): boolean {
    return this.#closing !== undefined;
  }

  /** @internal */
  ready(setup: WorkerSetup): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.closed) return Promise.reject(new InvalidStateError('recognizer closed'));
    this.#thread.hold(true);
    return new Promise<void>((resolve, reject) => {
      this.#preparing = { resolve, reject };
      this.#post({ op: 'open', call: this.#id, setup });
    }).finally(() => {
      this.#preparing = undefined;
      this.#thread.hold(false);
    });
  }

  startTurn(): PocketSphinxTurn {
    if (this.closed) throw new InvalidStateError('recognizer closed');
    if (this.#failure) throw new InvalidStateError(`recognizer unusable: ${this.#failure.message}`);
    if (this.#current?.takingAudio) throw new InvalidStateError('the previous turn still takes audio: finish() or cancel() it first');
    const id = ++this.#nextTurn;
    // Until its own trainee has been heard, the decoder starts from what earlier calls learned.
    this.#post({ op: 'start', call: this.#id, turn: id, cepstralMean: this.#heardMs === 0 ? this.#line.mean() : undefined });
    const turn = new PocketSphinxTurn(this, id, this.#batchSamples, this.#maxTurnSamples);
    this.#turns.set(id, turn);
    this.#current = turn;
    return turn;
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      const closed = new InvalidStateError('recognizer closed');
      this.#preparing?.reject(closed);
      for (const turn of [...this.#turns.values()]) turn.settle(closed);
      if (this.#failure === undefined) {
        this.#thread.hold(true);
        await new Promise<void>((resolve) => {
          this.#closed = resolve;
          this.#post({ op: 'close', call: this.#id });
        });
        this.#thread.hold(false);
      }
      this.#thread.detach(this.#id);
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
    this.#thread.hold(waiting);
  }

  /** @internal A settled turn needs no more replies. */
  forget(turn: number): void {
    this.#turns.delete(turn);
  }

  /** @internal The call's name in its worker's messages. */
  get callId(): number {
    return this.#id;
  }

  /** @internal */
  onReply(reply: SphinxReply): void {
    switch (reply.op) {
      case 'ready':
        this.#info = { words: reply.words, guessed: reply.guessed, prepareMs: reply.prepareMs, generalModelLoads: reply.generalModelLoads };
        this.#preparing?.resolve();
        return;
      case 'closed':
        this.#closed?.();
        return;
      case 'partial':
        this.#turns.get(reply.turn)?.partial(reply.text, reply.audioMs);
        return;
      case 'final':
        this.#heardMs += reply.audioMs;
        if (reply.cepstralMean) this.#line.learn(reply.cepstralMean);
        this.#turns.get(reply.turn)?.final(reply);
        return;
      case 'error':
        if (reply.turn === undefined) this.#preparing?.reject(new MediaError('asr_prepare_failed', `could not prepare recognition: ${reply.message}`));
        else this.#turns.get(reply.turn)?.settle(new MediaError('asr_failed', `recognition failed: ${reply.message}`, true));
    }
  }

  /** @internal */
  onFailure(err: Error): void {
    if (this.#failure) return;
    this.#failure = err;
    this.#preparing?.reject(err);
    this.#closed?.();
    for (const turn of [...this.#turns.values()]) turn.settle(err);
  }

  #post(message: SphinxRequest, transfer: ArrayBuffer[] = []): void {
    this.#thread.post(message, transfer);
  }
}
