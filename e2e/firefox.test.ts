import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../server/src/config/config.js';
import { speechWav } from './browser.js';
import { NetworkNamespace } from './netns/namespace.js';
import { startRingdown, type RingdownProcess } from './netns/ringdown.js';

// Firefox ESR, driven by puppeteer-core over WebDriver BiDi, takes a call on ringdown served
// at http://localhost:3000 as `npm start` serves it. Firefox never pairs its own address with
// a loopback candidate, so this needs a machine with a real address: ringdown and Firefox run
// in a network namespace of their own (loopback plus one veth address), never on this
// machine's interfaces. The fake microphone plays a trainee's question.

const PASSWORD = 'firefox-test-password';
const TSX = path.join(PROJECT_ROOT, 'node_modules/.bin/tsx');
let ns: NetworkNamespace;
let browser: Browser;
let micWav: Buffer;
const dataDirs: string[] = [];
const servers: RingdownProcess[] = [];

/** ringdown as its own process in the namespace, on the test run's database, with `settings` on top. */
async function serve(settings: Record<string, string>): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ringdown-firefox-'));
  dataDirs.push(dataDir);
  const env = { PATH: process.env.PATH!, HOME: process.env.HOME!, DATABASE_URL: inject('databaseUrl'), DATA_DIR: dataDir, SEED_PASSWORD: PASSWORD, LOG_LEVEL: 'warn' };
  servers.push(await startRingdown(ns, [TSX, 'server/src/main.ts'], { cwd: PROJECT_ROOT, env: { ...env, ...settings }, timeoutMs: 90_000 }));
}

beforeAll(async () => {
  ns = await NetworkNamespace.create();
  await ns.bringIn(Number(new URL(inject('databaseUrl')).port));
  await serve({});
  micWav = await readFile(await speechWav('Nine one one, what is the address of your emergency?', 'rms', 7));

  // puppeteer reads Firefox's BiDi address from its output and connects to it from here: the
  // same port number is relayed out of the namespace.
  const port = await ns.sharedPort();
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: await ns.launcher('/usr/bin/firefox-esr'),
    headless: true,
    args: [`--remote-debugging-port=${port}`],
    acceptInsecureCerts: true, // the deployed case's self-signed certificate
    extraPrefsFirefox: {
      'media.navigator.streams.fake': true,
      'media.navigator.permission.disabled': true,
      'media.autoplay.default': 0,
    },
  });
}, 180_000);
afterAll(async () => {
  await browser?.close().catch(() => undefined);
  for (const server of servers) server.child.kill('SIGINT');
  await ns?.close();
  await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
}, 30_000);

/** Where the fake microphone's recording is served: on the page's own origin, as its CSP allows media. */
const MIC_PATH = '/__test-microphone.wav';

/**
 * The microphone plays the trainee's question: getUserMedia answers with a looping <audio>
 * element's captured stream (headless Firefox has no audio device, so an AudioContext never
 * starts; a media element plays on the system clock). The recording is answered by the test
 * itself (request interception), on the page's origin: ringdown's CSP allows media from there only.
 */
async function speakThroughMicrophone(page: Page, wav: Buffer): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === MIC_PATH) void request.respond({ status: 200, contentType: 'audio/wav', body: wav });
    else void request.continue();
  });
  await page.evaluateOnNewDocument((src: string) => {
    const media = navigator.mediaDevices;
    const original = media.getUserMedia.bind(media);
    media.getUserMedia = async (constraints) => {
      const granted = await original(constraints); // the browser's own permission path
      granted.getTracks().forEach((t) => t.stop());
      const player = new Audio(src);
      player.loop = true;
      const stream = (player as HTMLAudioElement & { mozCaptureStream(): MediaStream }).mozCaptureStream();
      await player.play();
      return stream;
    };
  }, MIC_PATH);
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

/** A trainee takes a call in Firefox at `baseUrl`: audio both ways, the question heard, and the caller answering it. */
async function takeCallInFirefox(baseUrl: string, email: string): Promise<void> {
  const page = await browser.newPage();
  await speakThroughMicrophone(page, micWav);
  await page.goto(`${baseUrl}/login`);
  await page.type(testId('login-email'), email);
  await page.type(testId('login-password'), PASSWORD);
  await page.click(testId('login-submit'));
  await page.waitForSelector(testId('user-menu'));
  const takeCall = `${testId('scenario-card')}[data-scenario-id="stroke-fast-signs"] ${testId('take-call')}`;
  await page.waitForSelector(takeCall);
  await page.click(takeCall);
  await page.waitForSelector(testId('answer-call'));
  const callId = page.url().split('/calls/')[1]!.split(/[/?#]/)[0]!;
  await page.click(testId('answer-call'));

  const softphone = () => page.evaluate(() => `${document.querySelector('[data-testid="connection-state"]')?.textContent}: ${document.querySelector('.softphone .error')?.textContent ?? ''}`);
  await poll(softphone, (s) => s.startsWith('connected'), 30_000, 'media connection');
  const bytes = () => page.evaluate(() => window.__ringdown!.media.audioBytes());
  await poll(bytes, (b) => b.sent > 2000 && b.received > 2000, 15_000, 'audio bytes sent and received');

  // The caller recognised the question from Firefox's microphone and answered it. (What it
  // answers is the caller's business, tested elsewhere; under load it may pick another turn.)
  type Line = { speaker: string; text: string; startMs: number };
  const transcript = () => page.evaluate(async (id: string) => ((await (await fetch(`/api/v1/calls/${id}`)).json()) as { transcript: Line[] }).transcript, callId);
  const answered = (t: Line[]) => {
    const question = t.find((s) => s.speaker === 'trainee' && /address/.test(s.text));
    return !!question && t.some((s) => s.speaker === 'caller' && s.startMs > question.startMs);
  };
  await poll(transcript, answered, 45_000, 'the question heard and answered');

  await page.click(testId('end-call'));
  await poll(() => page.$eval(testId('call-status'), (el) => el.textContent ?? ''), (s) => /ended/i.test(s), 10_000, 'call status');
  await page.close();
}

describe('Firefox ESR', () => {
  it('takes a call at http://localhost:3000 with audio both ways (Firefox got no audio on the default install)', () => takeCallInFirefox('http://localhost:3000', 'trainee@ringdown.local'), 120_000);

  it('takes a call on a deployed address: HTTPS on every interface, the address announced for media', async () => {
    const host = NetworkNamespace.LAN_IP;
    await serve({ HOST: '0.0.0.0', PORT: '3443', RTC_ANNOUNCED_IP: host, RTC_MIN_PORT: '41000', RTC_MAX_PORT: '41999' });
    await takeCallInFirefox(`https://${host}:3443`, 'trainee@ringdown.local');
  }, 200_000);
});
