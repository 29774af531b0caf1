// The hosted recognizer: any OpenAI-compatible /v1/audio/transcriptions endpoint (OpenAI,
// a whisper server, vLLM, llama.cpp...). A turn's audio is buffered and sent as one WAV on
// finish(), so it gives no partials. The call's vocabulary goes along as the prompt, which
// steers such models toward the call's street and people's names.
import { EventEmitter } from 'node:events';
import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError, toFile } from 'openai';
import { InvalidStateError, MediaError } from '../errors.js';
import { PCM_RATE_HZ } from '../format.js';
import { wavHeader } from '../wav.js';
import { normalizeNumbers } from './numbers.js';
import {
  abortError,
  type CallRecognizer,
  type CallVocabulary,
  type Recognition,
  type RecognitionStream,
  type RecognitionStreamEvents,
  type SpeechRecognizer,
} from './recognizer.js';

export interface OpenAIRecognizerOptions {
  /** e.g. "https://api.openai.com/v1" or a local server's "http://127.0.0.1:8000/v1". */
  baseURL: string;
  apiKey: string;
  /** e.g. "whisper-1", "gpt-4o-mini-transcribe". */
  model: string;
  /** How long one transcription may take before finish() rejects (default 15 s). */
  timeoutMs?: number;
  /** Retries of a failed request (default 0: a late answer is of no use to a live call). */
  maxRetries?: number;
  /** Audio after this much of one turn is dropped (default 60 s). */
  maxTurnMs?: number;
  language?: string;
}

type CallOptions = Required<Pick<OpenAIRecognizerOptions, 'model' | 'timeoutMs' | 'maxTurnMs' | 'language'>>;

export class OpenAIRecognizer implements SpeechRecognizer {
  readonly name = 'openai';
  /** One request per turn, made when it ends: no running transcript. */
  readonly capabilities = { partials: false, streaming: false };
  readonly #client: OpenAI;
  readonly #options: CallOptions;

  constructor(options: OpenAIRecognizerOptions) {
    const { baseURL, apiKey, model, timeoutMs = 15_000, maxRetries = 0, maxTurnMs = 60_000, language = 'en' } = options;
    if (!baseURL || !model) throw new TypeError('baseURL and model are required');
    if (!(timeoutMs > 0)) throw new TypeError('timeoutMs must be > 0');
    this.#client = new OpenAI({ baseURL, apiKey, timeout: timeoutMs, maxRetries });
    this.#options = { model, timeoutMs, maxTurnMs, language };
  }

  async prepare(vocabulary: CallVocabulary, signal?: AbortSignal): Promise<CallRecognizer> {
    signal?.throwIfAborted();
    return new OpenAICall(this.#client, this.#options, vocabularyPrompt(vocabulary));
  }
}

/** "Riverton. 1420 Maple Avenue. Cedar Street. Denise Walker. (419) 555-0147." */
export function vocabularyPrompt(v: CallVocabulary): string {
  const phrases = [...(v.addresses ?? []), ...(v.places ?? []), ...(v.names ?? []), ...(v.phoneNumbers ?? [])];
  return phrases.map((p) => p.trim().replace(/[.;]+$/, '')).filter(Boolean).join('. ').slice(0, 800);
}

class OpenAICall implements CallRecognizer {
  #turn: OpenAITurn | undefined;
  #closed = false;

  constructor(
    private readonly client: OpenAI,
    private readonly options: CallOptions,
    private readonly prompt: string,
  ) {}

  startTurn(): RecognitionStream {
    if (this.#closed) throw new InvalidStateError('recognizer closed');
    if (this.#turn?.takingAudio) throw new InvalidStateError('the previous turn still takes audio: finish() or cancel() it first');
    this.#turn = new OpenAITurn((wav, signal) => this.#transcribe(wav, signal), this.options.maxTurnMs);
    return this.#turn;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#turn?.fail(new InvalidStateError('recognizer closed'));
  }

  async #transcribe(wav: Buffer, signal: AbortSignal): Promise<string> {
    const { model, language, timeoutMs } = this.options;
    try {
      const file = await toFile(wav, 'turn.wav', { type: 'audio/wav' });
      const result = await this.client.audio.transcriptions.create(
        { file, model, language, response_format: 'json', ...(this.prompt ? { prompt: this.prompt } : {}) },
        { signal },
      );
      return result.text;
    } catch (err) {
      if (err instanceof APIUserAbortError || signal.aborted) throw abortError();
      if (err instanceof APIConnectionTimeoutError) {
        throw new MediaError('asr_timeout', `transcription service did not answer within ${timeoutMs} ms`, true);
      }
      if (err instanceof APIError && err.status !== undefined) {
        const retryable = err.status === 429 || err.status >= 500;
        throw new MediaError('asr_failed', `transcription service answered ${err.status}: ${err.message}`, retryable);
      }
      throw new MediaError('asr_failed', `transcription service unreachable: ${(err as Error).message}`, true);
    }
  }
}

/** Hosted text -> the library's form: lowercase, no punctuation, numbers as digits. */
export function normalizeTranscript(text: string): string {
  const plain = text
    .toLowerCase()
    .replace(/\(?\b(\d{3})\)?[\s.-]*(\d{3})[\s.-](\d{4})\b/g, '$1-$2-$3') // (419) 555-0147 -> 419-555-0147
    .replace(/(\d),(?=\d{3}\b)/g, '$1') // 1,420 -> 1420
    .replace(/(\d)-(?=\d)/g, '$1\u0000') // keep 555-0147
    .replace(/[^a-z0-9'\u0000]+/g, ' ')
    .replace(/\u0000/g, '-');
  return normalizeNumbers(plain);
}

class OpenAITurn extends EventEmitter<RecognitionStreamEvents> implements RecognitionStream {
  readonly #chunks: Int16Array[] = [];
  readonly #maxSamples: number;
  readonly #controller = new AbortController();
  #samples = 0;
  #state: 'open' | 'finishing' | 'done' = 'open';
  #result: Promise<Recognition> | undefined;
  #reject: ((err: Error) => void) | undefined;

  constructor(
    private readonly transcribe: (wav: Buffer, signal: AbortSignal) => Promise<string>,
    maxTurnMs: number,
  ) {
    super();
    this.#maxSamples = Math.round((maxTurnMs * PCM_RATE_HZ) / 1000);
  }

  get takingAudio(): boolean {
    return this.#state === 'open';
  }

  push(frame: Int16Array): void {
    if (this.#state !== 'open') throw new InvalidStateError('turn already finished or cancelled');
    if (!(frame instanceof Int16Array)) throw new TypeError('a frame is an Int16Array of 16 kHz mono PCM');
    const room = this.#maxSamples - this.#samples;
    if (room <= 0) return;
    const kept = frame.length > room ? frame.subarray(0, room) : frame;
    this.#chunks.push(kept.slice());
    this.#samples += kept.length;
  }

  finish(): Promise<Recognition> {
    if (this.#result) return this.#result;
    if (this.#state === 'done') return Promise.reject(abortError());
    this.#state = 'finishing';
    const wav = Buffer.alloc(44 + this.#samples * 2);
    wavHeader(1, PCM_RATE_HZ, this.#samples * 2).copy(wav, 0);
    let offset = 44;
    for (const chunk of this.#chunks) {
      Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).copy(wav, offset);
      offset += chunk.byteLength;
    }
    this.#chunks.length = 0;
    this.#result = new Promise<Recognition>((resolve, reject) => {
      this.#reject = reject;
      this.transcribe(wav, this.#controller.signal).then(
        (text) => {
          if (this.#state === 'done') return;
          this.#state = 'done';
          resolve({ text: normalizeTranscript(text), confidence: null });
        },
        (err: Error) => this.fail(err),
      );
    });
    return this.#result;
  }

  cancel(): void {
    this.fail(abortError());
  }

  /** @internal */
  fail(err: Error): void {
    if (this.#state === 'done') return;
    this.#state = 'done';
    this.#controller.abort();
    this.#reject?.(err);
  }
}
