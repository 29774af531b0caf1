import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRealtimeDouble, type RealtimeDouble } from '../server/src/caller/realtime-double.js';
import { FliteSynthesizer } from '../media/speech/flite.js';
import { scenarioFixture } from '../server/test/fixtures.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../server/test/harness.js';
import { launchBrowser, login, speechTurnsWav } from './browser.js';
import { takeCall } from './session.js';

// The realtime caller end to end: Chromium's fake microphone asks the same question every 14
// seconds through the real SFU; the caller runs on a local Realtime-compatible test double
// that speaks in flite's voice. The caller's long opening is talked over, its facts come from
// the mind's reveal rules, and a link cut mid-call is reopened without ending the call.

const QUESTION = "What's the address?";
const OPENING = 'Help me please, my kitchen is on fire and the smoke is everywhere, I tried to put it out with a wet towel but it only got bigger and now the whole stove is burning, and the cupboards above it have caught as well, and I cannot see the back door.';
let server: TestServer;
let browser: Browser;
let double: RealtimeDouble;
let scenarioId: string;

beforeAll(async () => {
  double = await startRealtimeDouble(new FliteSynthesizer());
  // The microphone starts as the call is answered: its first question comes while the opening plays.
  const caFile = path.join(path.dirname(await speechTurnsWav([{ say: QUESTION, thenSilentS: 8 }], 'rms', 5)), 'double-ca.pem');
  await writeFile(caFile, double.ca);
  server = await startTestServer({
    env: { OPENAI_BASE_URL: double.baseUrl, OPENAI_API_KEY: 'test-key', OPENAI_REALTIME_MODEL: 'double-realtime', OPENAI_REALTIME_CA_FILE: caFile },
  });
  browser = await launchBrowser(path.join(path.dirname(caFile), 'turns.wav'));
  const instructor = await server.login(await server.user('instructor'));
  const scenario = scenarioFixture({
    persona: { name: 'Dana Reyes', age: 41, voice: 'slt', languageLevel: 'fluent', controlDifficulty: 0, initialEmotion: 'anxious' },
    script: {
      openingLine: OPENING,
      revealRules: [{ fact: 'location', answer: "It's 1420 Maple Avenue.", when: 'askedFor', wrongFirst: 'Fourteen sixteen Maple!', intents: ['ask_location', 'verify_location'], keywords: [], values: ['1420'] }],
      timeline: [],
      preArrivalInstructions: [],
    },
  });
  scenarioId = (await server.api('POST', '/api/v1/scenarios', { cookie: instructor, body: scenario })).body.id;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await double?.close();
});

describe('the realtime caller', () => {
  it('is talked over, answers from the reveal rules only, and survives a dropped link', async () => {
    for (let i = 0; i < 40; i++) double.hears.push(QUESTION);
    const page = await (await browser.newContext()).newPage();
    await takeCall(server, page, scenarioId);
    await page.getByTestId('answer-call').click();
    await expect.poll(() => page.getByTestId('call-status').first().textContent(), { timeout: 10_000 }).toMatch(/active/i);
    // The floor shows what the caller is doing as it goes: every activity it passes through is kept.
    const floor = await (await browser.newContext()).newPage();
    const supervisor = await server.user('supervisor');
    await login(floor, server.url, supervisor.email, TEST_PASSWORD);
    await floor.goto(`${server.url}/floor`);
    await floor.getByTestId('caller-activity').first().waitFor({ timeout: 15_000 });
    await floor.evaluate(() => {
      const seen = new Set<string>();
      (window as unknown as { seen: Set<string> }).seen = seen;
      const look = () => document.querySelectorAll('[data-testid="caller-activity"]').forEach((e) => seen.add(e.getAttribute('data-activity') ?? ''));
      look();
      new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const callerLines = () => page.locator('[data-testid="transcript-line"][data-speaker="caller"] .line-text').allTextContents();

    // (1) The question comes while the long opening plays: the opening is cut, and the model told where.
    await expect.poll(() => double.received.some((e) => e.type === 'conversation.item.truncate'), { timeout: 30_000 }).toBe(true);
    await expect.poll(async () => (await callerLines()).length, { timeout: 30_000 }).toBeGreaterThan(0);
    const opening = (await callerLines())[0]!.trim();
    expect(opening.length).toBeGreaterThan(0);
    expect(OPENING.startsWith(opening), `the first caller line: ${opening}`).toBe(true);
    expect(opening.length).toBeLessThan(OPENING.length);
    const truncate = double.received.find((e) => e.type === 'conversation.item.truncate') as { audio_end_ms: number } | undefined;
    expect(truncate?.audio_end_ms).toBeGreaterThan(0);

    // (2) The address behind its rule: the wrong one first, the real one only when asked again.
    await expect.poll(async () => (await callerLines()).some((l) => l.includes('1420')), { timeout: 45_000 }).toBe(true);
    const lines = await callerLines();
    const wrong = lines.findIndex((l) => l.includes('Fourteen sixteen'));
    const right = lines.findIndex((l) => l.includes('1420'));
    expect(wrong).toBeGreaterThan(0);
    expect(wrong).toBeLessThan(right);
    const sessions = double.received.filter((e) => e.type === 'session.update').map((e) => JSON.stringify(e.session));
    for (const s of sessions) expect(s).not.toMatch(/1420|1416|Maple|Dana|Reyes|555/);

    // (3) The link drops mid-call: it is reopened, and the call goes on with answers.
    const connections = double.connections;
    const before = lines.length;
    double.drop();
    await expect.poll(() => double.connections, { timeout: 15_000 }).toBe(connections + 1);
    await expect.poll(async () => (await callerLines()).length, { timeout: 30_000 }).toBeGreaterThan(before);
    expect(await page.getByTestId('call-status').first().textContent()).toMatch(/active/i);
    const activities = await floor.evaluate(() => [...(window as unknown as { seen: Set<string> }).seen]);
    expect(activities).toEqual(expect.arrayContaining(['listening', 'thinking', 'speaking']));
  }, 180_000);
});
