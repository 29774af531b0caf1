import { spawn } from 'node:child_process';
import { MediaError } from '../errors.js';
import { PCM_RATE_HZ } from '../format.js';
import { colourEffects, presetOf } from './colour.js';
import type { SpeechSynthesizer, Voice } from './synthesizer.js';
import { providerVoices, voiceFor } from './voices.js';

// flite (Debian) speaks; sox turns whatever rate the voice has (kal is 8 kHz) into 16 kHz
// mono PCM, coloured by emotion like every engine (colour.ts). Both run as child processes,
// so synthesis never blocks the event loop.

const MAX_TEXT = 2000;

export class FliteSynthesizer implements SpeechSynthesizer {
  readonly name = 'flite';
  readonly capabilities = { streaming: false, voices: providerVoices('flite') };

  constructor(private readonly timeoutMs = 10_000) {}

  async synthesize(text: string, voice: Voice, signal?: AbortSignal): Promise<Int16Array> {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (!clean) return new Int16Array(0);
    if (clean.length > MAX_TEXT) throw new TypeError(`text longer than ${MAX_TEXT} characters`);
    const name = voiceFor('flite', voice.name);
    // flite sets the pace itself (duration_stretch), which sounds better than sox's tempo.
    const flite = ['-voice', name, '--setf', `duration_stretch=${presetOf(voice.emotion).stretch}`];
    if (voice.pitchHz) flite.push('--setf', `int_f0_target_mean=${voice.pitchHz}`);
    const effects = colourEffects(voice.emotion, true);
    const script = `flite ${flite.join(' ')} -t "$RINGDOWN_TEXT" -o /dev/stdout | sox -q -t wav - -t raw -r ${PCM_RATE_HZ} -e signed -b 16 -c 1 - ${effects.join(' ')}`;
    const pcm = await run(script, { RINGDOWN_TEXT: clean }, this.timeoutMs, signal);
    return new Int16Array(pcm.buffer, pcm.byteOffset, pcm.length >> 1);
  }
}

/** Runs a shell pipeline (the text passes through the environment, never into the command). */
function run(script: string, env: Record<string, string>, timeoutMs: number, signal?: AbortSignal): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/bash', ['-o', 'pipefail', '-c', script], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      signal,
      timeout: timeoutMs,
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('error', reject);
    child.once('close', (code, sig) => {
      if (code === 0) return resolve(Buffer.concat(out));
      reject(new MediaError('tts_failed', `flite failed (${sig ?? code}): ${err.trim().slice(0, 300)}`, true));
    });
  });
}
