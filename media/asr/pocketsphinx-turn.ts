// One trainee turn on the embedded recognizer: batches 20 ms frames into ~100 ms posts to the
// call's worker (a partial hypothesis can follow each), and settles finish() once.
import { EventEmitter } from 'node:events';
import { InvalidStateError } from '../errors.js';
import { PCM_RATE_HZ } from '../format.js';
import { normalizeNumbers } from './numbers.js';
import type { BackgroundOutcome, SphinxReply, SphinxRequest } from './pocketsphinx-messages.js';
import { abortError, type Recognition, type RecognitionStream, type RecognitionStreamEvents } from './recognizer.js';

/** @internal What a turn needs of its call. */
export interface TurnHost {
  readonly callId: number;
  post(message: SphinxRequest, transfer?: ArrayBuffer[]): void;
  /** Keeps the process alive while a finish() waits on the worker. */
  hold(waiting: boolean): void;
  /** The turn is settled: its call routes no more replies to it. */
  forget(turn: number): void;
}

export interface TurnStats {
  /** Audio the decoder took, ms. */
  audioMs: number;
  /** Worker time spent decoding it, ms. */
  decodeMs: number;
  /** Audio dropped past maxTurnMs, ms. */
  droppedMs: number;
  /** 2 when its start was decoded twice: a decoder new to its line hears its first turn again once adapted to it. */
  passes: 1 | 2;
  /** What the background pass did: 'used' when the words are its own (the call's decoder was unsure). */
  background: BackgroundOutcome;
}

export class PocketSphinxTurn extends EventEmitter<RecognitionStreamEvents> implements RecognitionStream {
  readonly id: number;
  readonly #call: TurnHost;
  readonly #batch: Int16Array;
  readonly #maxSamples: number;
  #filled = 0;
  #partial = '';
  #heardMs = 0;
  #samples = 0;
  #dropped = 0;
  #state: 'open' | 'finishing' | 'done' = 'open';
  #error: Error | undefined;
  #stats: TurnStats | undefined;
  #result: Promise<Recognition> | undefined;
  #resolve: ((r: Recognition) => void) | undefined;
  #reject: ((e: Error) => void) | undefined;

  /** @internal Use PocketSphinxCall.startTurn(). */
  constructor(call: TurnHost, id: number, batchSamples: number, maxSamples: number) {
    super();
    this.#call = call;
    this.id = id;
    this.#batch = new Int16Array(batchSamples);
    this.#maxSamples = maxSamples;
  }

  /** @internal */
  get takingAudio(): boolean {
    return this.#state === 'open';
  }

  /** Audio of the turn the latest partial covers, ms. */
  get heardMs(): number {
    return this.#heardMs;
  }

  /** Decoding cost of the turn, once finished. */
  get stats(): TurnStats | undefined {
    return this.#stats;
  }

  push(frame: Int16Array): void {
    if (this.#state !== 'open') throw new InvalidStateError('turn already finished or cancelled');
    if (!(frame instanceof Int16Array)) throw new TypeError('a frame is an Int16Array of 16 kHz mono PCM');
    let offset = 0;
    while (offset < frame.length) {
      if (this.#samples >= this.#maxSamples) {
        this.#dropped += frame.length - offset;
        return;
      }
      const n = Math.min(frame.length - offset, this.#batch.length - this.#filled, this.#maxSamples - this.#samples);
      this.#batch.set(frame.subarray(offset, offset + n), this.#filled);
      this.#filled += n;
      this.#samples += n;
      offset += n;
      if (this.#filled === this.#batch.length) this.#flush();
    }
  }

  finish(): Promise<Recognition> {
    if (this.#result) return this.#result;
    if (this.#state === 'done') return Promise.reject(this.#error ?? new InvalidStateError('turn is over'));
    this.#state = 'finishing';
    this.#result = new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    this.#flush();
    this.#call.hold(true);
    this.#call.post({ op: 'end', call: this.#call.callId, turn: this.id });
    return this.#result;
  }

  cancel(): void {
    if (this.#state === 'done') return;
    this.#call.post({ op: 'cancel', call: this.#call.callId, turn: this.id });
    this.settle(abortError());
  }

  /** @internal */
  partial(text: string, audioMs: number): void {
    if (this.#state === 'done') return;
    this.#heardMs = audioMs;
    if (text === this.#partial) return;
    this.#partial = text;
    this.emit('partial', normalizeNumbers(text));
  }

  /** @internal */
  final(reply: Extract<SphinxReply, { op: 'final' }>): void {
    if (this.#state !== 'finishing') return;
    this.#stats = { audioMs: reply.audioMs, decodeMs: reply.decodeMs, droppedMs: this.#dropped / (PCM_RATE_HZ / 1000), passes: reply.passes, background: reply.background };
    const { text, confidence, words } = reply.result;
    this.#state = 'done';
    this.#call.hold(false);
    this.#call.forget(this.id);
    this.#resolve?.({ text: normalizeNumbers(text), confidence, words });
  }

  /** @internal Ends the turn with an error (or an abort); a finish() already asked for rejects. */
  settle(err: Error): void {
    if (this.#state === 'done') return;
    const finishing = this.#state === 'finishing';
    this.#state = 'done';
    this.#error = err;
    this.#call.forget(this.id);
    if (finishing) this.#call.hold(false);
    this.#reject?.(err);
  }

  #flush(): void {
    if (this.#filled === 0) return;
    const pcm = this.#batch.slice(0, this.#filled).buffer;
    this.#filled = 0;
    this.#call.post({ op: 'audio', call: this.#call.callId, turn: this.id, pcm }, [pcm]);
  }
}
