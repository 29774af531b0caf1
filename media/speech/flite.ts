import { MediaError } from '../errors.js';
import { PCM_RATE_HZ } from '../format.js';
import { colourEffects, commandPcm, presetOf } from './colour.js';
import type { SpeechSynthesizer, SynthesisPriority, Voice } from './synthesizer.js';
import { providerVoices, voiceFor } from './voices.js';

// flite (Debian) speaks; sox turns whatever rate the voice has (kal is 8 kHz) into 16 kHz
// mono PCM, coloured by emotion like every engine (colour.ts). Both run as child processes of
// the spawn host (spawn-host.ts), so synthesis never blocks the event loop, not even to fork.

const MAX_TEXT = 2000;

export class FliteSynthesizer implements SpeechSynthesizer {
  readonly name = 'flite';
  readonly capabilities = { streaming: false, voices: providerVoices('flite') };

  constructor(private readonly timeoutMs = 10_000) {}

  async synthesize(text: string, voice: Voice, signal?: AbortSignal, priority: SynthesisPriority = 'live'): Promise<Int16Array> {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (!clean) return new Int16Array(0);
    if (clean.length > MAX_TEXT) throw new TypeError(`text longer than ${MAX_TEXT} characters`);
    const name = voiceFor('flite', voice.name);
    // flite sets the pace itself (duration_stretch), which sounds better than sox's tempo.
    const flite = ['-voice', name, '--setf', `duration_stretch=${presetOf(voice.emotion).stretch}`];
    if (voice.pitchHz) flite.push('--setf', `int_f0_target_mean=${voice.pitchHz}`);
    const effects = colourEffects(voice.emotion, true);
    const script = `flite ${flite.join(' ')} -t "$RINGDOWN_TEXT" -o /dev/stdout | sox -q -t wav - -t raw -r ${PCM_RATE_HZ} -e signed -b 16 -c 1 - ${effects.join(' ')}`;
    // The text passes through the environment, never into the command. Made ahead, it runs at
    // the lowest priority: with the cores busy (10 calls: 1,600 sentences made ahead, 120 s of
    // CPU in 150 s) it waits rather than slowing the calls' recognition and audio.
    const options = { env: { RINGDOWN_TEXT: clean }, timeoutMs: this.timeoutMs, signal, nice: priority === 'ahead' ? 19 : 0 };
    return commandPcm('/bin/bash', ['-o', 'pipefail', '-c', script], options, (detail) => new MediaError('tts_failed', `flite ${detail}`, true));
  }
}
