import OpenAI, { APIUserAbortError } from 'openai';
import { MediaError } from '../errors.js';
import { toPhonePcm } from './colour.js';
import type { SpeechSynthesizer, Voice } from './synthesizer.js';
import { providerVoices, voiceFor } from './voices.js';

// Any OpenAI-compatible /v1/audio/speech endpoint (OpenAI, or a local server such as
// Kokoro-FastAPI or openedai-speech) as the caller's voice. It answers WAV; sox brings it to
// 16 kHz mono and colours it by emotion, like every other voice.

export interface OpenAISynthesizerOptions {
  baseURL: string;
  apiKey: string;
  /** e.g. "gpt-4o-mini-tts", "tts-1", "kokoro". */
  model: string;
  /** How long one sentence may take (default 10 s). */
  timeoutMs?: number;
}


export class OpenAISynthesizer implements SpeechSynthesizer {
  readonly name = 'openai';
  readonly capabilities = { streaming: false, voices: providerVoices('openai') };
  readonly #client: OpenAI;
  readonly #model: string;

  constructor(options: OpenAISynthesizerOptions) {
    if (!options.baseURL || !options.model) throw new TypeError('baseURL and model are required');
    this.#client = new OpenAI({ baseURL: options.baseURL, apiKey: options.apiKey, timeout: options.timeoutMs ?? 10_000, maxRetries: 0 });
    this.#model = options.model;
  }

  async synthesize(text: string, voice: Voice, signal?: AbortSignal): Promise<Int16Array> {
    const input = text.replace(/\s+/g, ' ').trim();
    if (!input) return new Int16Array(0);
    let audio: Buffer;
    try {
      const res = await this.#client.audio.speech.create(
        { model: this.#model, voice: voiceFor('openai', voice.name), input, response_format: 'wav' },
        { signal },
      );
      audio = Buffer.from(await res.arrayBuffer());
    } catch (error) {
      if (error instanceof APIUserAbortError || signal?.aborted) throw signal?.reason ?? error;
      throw new MediaError('tts_failed', `speech endpoint failed: ${(error as Error).message}`, true);
    }
    return toPhonePcm(audio, voice.emotion, 'the speech endpoint', signal);
  }
}
