import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';

// Debian's Chromium driven by playwright-core (never a downloaded browser), with a fake
// microphone that plays a WAV file in a loop.

const run = promisify(execFile);

/** `executablePath`: another way to start the same Chromium (e.g. inside a network namespace). */
export async function launchBrowser(fakeMicWav: string, executablePath = '/usr/bin/chromium'): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${fakeMicWav}`,
    ],
  });
}

/**
 * A trainee's voice for the fake microphone: real speech from flite, 16-bit PCM WAV (the
 * only kind Chromium's fake capture plays), with silence after it so the loop has edges.
 */
export async function speechWav(text: string, voice = 'rms', silenceS = 1.5): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ringdown-mic-'));
  const raw = path.join(dir, 'raw.wav');
  const out = path.join(dir, 'mic.wav');
  await run('flite', ['-voice', voice, '-t', text, '-o', raw]);
  await run('sox', [raw, '-r', '48000', '-b', '16', '-c', '1', '-e', 'signed-integer', out, 'pad', '0', String(silenceS)]);
  return out;
}

/**
 * Several lines for the fake microphone, each followed by its own silence (the listener's
 * turn), after `quietFirstS` of silence (the microphone starts as the call is answered).
 */
export async function speechTurnsWav(turns: { say: string; thenSilentS: number }[], voice = 'rms', quietFirstS = 0): Promise<string> {
  const parts = await Promise.all(turns.map((turn) => speechWav(turn.say, voice, turn.thenSilentS)));
  const out = path.join(path.dirname(parts[0]!), 'turns.wav');
  await run('sox', [...parts, out, 'pad', String(quietFirstS), '0']);
  return out;
}

export async function login(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

/**
 * Collects every Content-Security-Policy violation the page reports from now on (Chromium
 * logs each to the console as it blocks it), across navigations.
 */
export function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => void (/Content Security Policy/i.test(m.text()) && seen.push(m.text())));
  return seen;
}
