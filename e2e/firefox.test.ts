import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../server/src/config/config.js';
import { freePort } from '../server/src/free-port.js';
import { speechWav } from './browser.js';
import { NetworkNamespace } from './netns/namespace.js';
import { startRingdown } from './netns/ringdown.js';

// Firefox ESR, driven by puppeteer-core over WebDriver BiDi, takes a call on ringdown served
// at http://localhost:3000 as `npm start` serves it. Firefox never pairs its own address with
// a loopback candidate, so this needs a machine with a real address: ringdown and Firefox run
// in a network namespace of their own (loopback plus one veth address), never on this
// machine's interfaces. The fake microphone plays a trainee's question.

const PASSWORD = 'firefox-test-password';
const TSX = path.join(PROJECT_ROOT, 'node_modules/.bin/tsx');
let ns: NetworkNamespace;
let browser: Browser;
let micWavBase64: string;

beforeAll(async () => {
  ns = await NetworkNamespace.create();
  const database = new URL(inject('databaseUrl'));
  await ns.bringIn(Number(database.port));
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ringdown-firefox-'));
  await startRingdown(ns, [TSX, 'server/src/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME!, DATABASE_URL: database.href, DATA_DIR: dataDir, SEED_PASSWORD: PASSWORD, LOG_LEVEL: 'warn' },
    timeoutMs: 60_000,
  });
  micWavBase64 = (await readFile(await speechWav('Nine one one, what is the address of your emergency?', 'rms', 7))).toString('base64');

  // puppeteer reads Firefox's BiDi address from its output and connects to it from here: the
  // same port number is relayed out of the namespace.
  const port = await freePort();
  await ns.bringOut(port, port);
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: await ns.launcher('/usr/bin/firefox-esr'),
    headless: true,
    args: [`--remote-debugging-port=${port}`],
    extraPrefsFirefox: {
      'media.navigator.streams.fake': true,
      'media.navigator.permission.disabled': true,
      'media.autoplay.default': 0,
    },
  });
}, 120_000);
afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await ns?.close();
});

/**
 * The microphone plays the trainee's question: getUserMedia answers with a looping <audio>
 * element's captured stream (headless Firefox has no audio device, so an AudioContext never
 * starts; a media element plays on the system clock).
 */
async function speakThroughMicrophone(page: Page, wavBase64: string): Promise<void> {
  await page.evaluateOnNewDocument((wav: string) => {
    const media = navigator.mediaDevices;
    const original = media.getUserMedia.bind(media);
    media.getUserMedia = async (constraints) => {
      const granted = await original(constraints); // the browser's own permission path
      granted.getTracks().forEach((t) => t.stop());
      const player = new Audio(`data:audio/wav;base64,${wav}`);
      player.loop = true;
      const stream = (player as HTMLAudioElement & { mozCaptureStream(): MediaStream }).mozCaptureStream();
      await player.play();
      return stream;
    };
  }, wavBase64);
}

const testId = (id: string) => `[data-testid="${id}"]`;

async function poll<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T;
  do {
    last = await read();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  } while (Date.now() < deadline);
  throw new Error(`${what}: still ${JSON.stringify(last)} after ${timeoutMs} ms`);
}

describe('Firefox ESR', () => {
  it('takes a call at http://localhost:3000 with audio both ways (Firefox got no audio on the default install)', async () => {
    const page = await browser.newPage();
    await speakThroughMicrophone(page, micWavBase64);
    await page.goto('http://localhost:3000/login');
    await page.type(testId('login-email'), 'trainee@ringdown.local');
    await page.type(testId('login-password'), PASSWORD);
    await page.click(testId('login-submit'));
    await page.waitForSelector(testId('user-menu'));
    const takeCall = `${testId('scenario-card')}[data-scenario-id="stroke-fast-signs"] ${testId('take-call')}`;
    await page.waitForSelector(takeCall);
    await page.click(takeCall);
    await page.waitForSelector(testId('answer-call'));
    const callId = page.url().split('/calls/')[1]!.split(/[/?#]/)[0]!;
    await page.click(testId('answer-call'));

    await poll(() => page.$eval(testId('connection-state'), (el) => el.textContent), (s) => s === 'connected', 20_000, 'media connection');
    const bytes = () => page.evaluate(() => window.__ringdown!.media.audioBytes());
    await poll(bytes, (b) => b.sent > 2000 && b.received > 2000, 15_000, 'audio bytes sent and received');

    // The caller heard the question through Firefox's microphone and answered with the address.
    const transcript = () =>
      page.evaluate(async (id: string) => ((await (await fetch(`/api/v1/calls/${id}`)).json()) as { transcript: { speaker: string; text: string }[] }).transcript, callId);
    const lines = await poll(transcript, (t) => t.some((s) => s.speaker === 'caller' && /47 Willow Lane/.test(s.text)), 45_000, 'the caller answering with the address');
    expect(lines.some((s) => s.speaker === 'trainee' && /address/.test(s.text))).toBe(true);

    await page.click(testId('end-call'));
    await poll(() => page.$eval(testId('call-status'), (el) => el.textContent ?? ''), (s) => /ended/i.test(s), 10_000, 'call status');
    await page.close();
  }, 120_000);
});
