import { MediaError } from '../errors.js';
import { toPhonePcm } from './colour.js';
import type { SpeechSynthesizer, Voice } from './synthesizer.js';
import { providerVoices, voiceFor } from './voices.js';

// A Coqui TTS server (`tts-server`, GET /api/tts) as the caller's voice. It answers a WAV at
// the model's rate (often 22.05 kHz); sox brings it to 16 kHz mono and colours it by emotion,
// like every other voice.
// The persona's voice goes as the catalogue's speaker id for Coqui (voices.ts).

export class CoquiSynthesizer implements SpeechSynthesizer {
  readonly name = 'coqui';
  readonly capabilities = { streaming: false, voices: providerVoices('coqui') };

  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async synthesize(text: string, voice: Voice, signal?: AbortSignal): Promise<Int16Array> {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (!clean) return new Int16Array(0);
    const url = new URL('/api/tts', this.baseUrl);
    url.searchParams.set('text', clean);
    url.searchParams.set('speaker_id', voiceFor('coqui', voice.name));
    const timeout = AbortSignal.timeout(this.timeoutMs);
    let res: Response;
    try {
      res = await fetch(url, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new MediaError('tts_failed', `Coqui TTS at ${this.baseUrl} did not answer: ${(error as Error).message}`, true);
    }
    if (!res.ok) throw new MediaError('tts_failed', `Coqui TTS answered ${res.status}: ${(await res.text()).slice(0, 200)}`, res.status >= 500);
    return toPhonePcm(Buffer.from(await res.arrayBuffer()), voice.emotion, 'Coqui TTS', signal);
  }
}
