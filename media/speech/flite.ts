import { spawn } from 'node:child_process';
import { MediaError } from '../errors.js';
import { PCM_RATE_HZ } from '../format.js';
import type { SpeechSynthesizer, Voice } from './synthesizer.js';

// flite (Debian) speaks; sox turns whatever rate the voice has (kal is 8 kHz) into 16 kHz
// mono PCM. Both run as child processes, so synthesis never blocks the event loop.

export const FLITE_VOICES = ['slt', 'rms', 'awb', 'kal16', 'kal'] as const;
const MAX_TEXT = 2000;

export class FliteSynthesizer implements SpeechSynthesizer {
  readonly name = 'flite';

  constructor(
    private readonly bins = { flite: 'flite', sox: 'sox' },
    private readonly timeoutMs = 10_000,
  ) {}

  async synthesize(text: string, voice: Voice, signal?: AbortSignal): Promise<Int16Array> {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (!clean) return new Int16Array(0);
    if (clean.length > MAX_TEXT) throw new TypeError(`text longer than ${MAX_TEXT} characters`);
    const name = (FLITE_VOICES as readonly string[]).includes(voice.name) ? voice.name : 'slt';
    const script = `${this.bins.flite} -voice ${name} -t "$RINGDOWN_TEXT" -o /dev/stdout | ${this.bins.sox} -q -t wav - -t raw -r ${PCM_RATE_HZ} -e signed -b 16 -c 1 -`;
    const pcm = await run(script, { RINGDOWN_TEXT: clean }, this.timeoutMs, signal);
    return new Int16Array(pcm.buffer, pcm.byteOffset, pcm.length >> 1);
  }
}

/** Runs a shell pipeline (text passed through the environment, never interpolated). */
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
