import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readlink, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../server/src/config/config.js';
import { launchBrowser, login, speechWav } from './browser.js';
import { NetworkNamespace } from './netns/namespace.js';
import { startRingdown, type RingdownProcess } from './netns/ringdown.js';

// A training centre's first day: a fresh clone started exactly as the README's quick start
// says (`npm start`, nothing in the environment but PATH and HOME, the default `./.data`),
// a call taken in Chromium, and the recording played on the review page. It runs in a
// network namespace of its own, so the default port 3000 is free and nothing reaches this
// machine's interfaces. What `npm ci` installs is linked from this checkout to keep it fast.

const run = promisify(execFile);
let dir: string;
let ns: NetworkNamespace;
let ringdown: RingdownProcess;
let browser: Browser;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ringdown-newcomer-'));
  const clone = path.join(dir, 'ringdown');
  await run('git', ['clone', '--quiet', PROJECT_ROOT, clone]);
  for (const installed of ['node_modules', 'vendor', 'dist', 'server/src/db/generated']) {
    await symlink(path.join(PROJECT_ROOT, installed), path.join(clone, installed));
  }
  ns = await NetworkNamespace.create();
  ringdown = await startRingdown(ns, ['npm', 'start'], { cwd: clone, env: { PATH: process.env.PATH!, HOME: process.env.HOME! }, timeoutMs: 150_000 });
  const mic = await speechWav('Nine one one, what is the address of your emergency?', 'rms', 7);
  browser = await launchBrowser(mic, await ns.launcher('/usr/bin/chromium'));
}, 200_000);
afterAll(async () => {
  await browser?.close();
  // Ctrl-C, as the README says: ringdown stops its database too.
  if (ringdown && ringdown.child.exitCode === null) {
    const exited = new Promise((resolve) => ringdown.child.once('exit', resolve));
    ringdown.child.kill('SIGINT');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  }
  await ns?.close();
  if (!dir) return;
  // Started by root, the clone's cluster lives outside it (see README): remove it too.
  const cluster = await readlink(path.join(dir, 'ringdown/.data/postgres')).catch(() => null);
  if (cluster) await rm(cluster, { recursive: true, force: true });
  await rm(dir, { recursive: true, force: true });
}, 30_000);

describe("a newcomer's first call", () => {
  it('takes a call on a fresh clone started with npm start, hears the address, and plays the recording on the review page', async () => {
    const password = (await readFile(path.join(dir, 'ringdown/.data/secrets/demo-password'), 'utf8')).trim();
    expect(ringdown.output()).toContain(password); // the terminal printed it
    const page = await (await browser.newContext()).newPage();
    await login(page, 'http://localhost:3000', 'trainee@ringdown.local', password);
    await page.locator('[data-testid="scenario-card"][data-scenario-id="stroke-fast-signs"]').getByTestId('take-call').click();
    await page.getByTestId('answer-call').click();
    const callId = page.url().split('/calls/')[1]!.split(/[/?#]/)[0]!;

    // The caller hears "what is the address" and answers with the scenario's address.
    await page.getByTestId('transcript-line').filter({ hasText: '47 Willow Lane' }).first().waitFor({ timeout: 60_000 });
    await page.getByTestId('end-call').click();
    await expect.poll(() => page.getByTestId('call-status').first().textContent(), { timeout: 10_000 }).toMatch(/ended/i);

    await page.goto(`http://localhost:3000/calls/${callId}/review`);
    const player = page.getByTestId('recording-player');
    await expect.poll(() => player.evaluate((a: HTMLAudioElement) => a.duration), { timeout: 15_000 }).toBeGreaterThan(0);
    const link = await player.evaluate((a: HTMLAudioElement) => a.currentSrc);
    const fetched = await page.evaluate(async (url) => {
      const res = await fetch(url);
      const head = new Uint8Array(await res.arrayBuffer()).slice(0, 12);
      return { status: res.status, type: res.headers.get('content-type'), head: String.fromCharCode(...head) };
    }, link);
    expect(fetched).toEqual({ status: 200, type: 'audio/wav', head: expect.stringMatching(/^RIFF....WAVE$/s) });
    await page.close();
  }, 150_000);
});
