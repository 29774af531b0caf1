import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWav } from '../media/wav.js';
import type { Me } from '../server/src/protocol/api.js';
import { scenarioFixture } from '../server/test/fixtures.js';
import { startTestServer, type TestServer } from '../server/test/harness.js';
import { concat, envelope, loopedCorrelation, rms } from './audio.js';
import { cspViolations, launchBrowser, speechWav } from './browser.js';
import { download, energyGain, inboundEnergy, pipelineFrames, takeCall } from './session.js';

// The media plane end to end: Debian's Chromium with a fake microphone playing a trainee's
// voice, the real SFU, the caller bridge, flite speaking the caller, the recording.

const TRAINEE_LINE = 'Nine one one, what is the address of your emergency?';
let server: TestServer;
let browser: Browser;
let micWav: string;
let trainee: Me;
let scenarioId: string;

beforeAll(async () => {
  server = await startTestServer({ env: { RECONNECT_GRACE_MS: '4000' } });
  micWav = await speechWav(TRAINEE_LINE);
  browser = await launchBrowser(micWav);
  const instructorCookie = await server.login(await server.user('instructor'));
  const scenario = scenarioFixture({
    script: { openingLine: 'Help me, please! My kitchen is on fire and the smoke is everywhere!', revealRules: [], timeline: [], preArrivalInstructions: [] },
  });
  scenarioId = (await server.api('POST', '/api/v1/scenarios', { cookie: instructorCookie, body: scenario })).body.id;
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function startCall(page: Page, scenario = scenarioId): Promise<string> {
  const taken = await takeCall(server, page, scenario);
  trainee = taken.trainee;
  return taken.callId;
}

const traineeFrames = (callId: string, ms: number) => pipelineFrames(server, callId, ms);

describe('the softphone', () => {
  it('carries a call both ways, mutes, holds, records both parties, within the Content-Security-Policy', async () => {
    const page = await (await browser.newContext()).newPage();
    const violations = cspViolations(page);
    const callId = await startCall(page);
    await page.getByTestId('answer-call').click();
    await expect.poll(() => page.getByTestId('call-status').first().textContent(), { timeout: 10_000 }).toMatch(/active/i);
    await expect.poll(() => page.getByTestId('connection-state').textContent(), { timeout: 10_000 }).toBe('connected');

    // (1) The trainee hears the caller's opening line.
    await expect.poll(async () => (await inboundEnergy(page)).caller ?? 0, { timeout: 10_000 }).toBeGreaterThan(0.01);

    // (2) The server's 16 kHz PCM of the trainee matches what the fake microphone played.
    const reference = await readWav(micWav);
    const refPcm = reference.channels[0]!;
    const frames = await traineeFrames(callId, 2 * (refPcm.length / reference.sampleRateHz) * 1000);
    const heard = concat(frames);
    expect(heard.length / 16).toBeGreaterThan(((refPcm.length / reference.sampleRateHz) * 1000 * 2) * 0.8); // ms of audio
    const { correlation } = loopedCorrelation(envelope(heard, 16_000), envelope(refPcm, reference.sampleRateHz));
    expect(correlation).toBeGreaterThan(0.8);
    const levelRatio = rms(heard) / rms(refPcm);
    expect(levelRatio).toBeGreaterThan(0.25);
    expect(levelRatio).toBeLessThan(4);

    // (3) Muted: nothing from the trainee reaches the caller pipeline.
    await page.getByTestId('mute').click();
    await page.getByTestId('mic-muted-indicator').waitFor();
    await new Promise((r) => setTimeout(r, 300));
    expect(await traineeFrames(callId, 1500)).toHaveLength(0);
    await page.getByTestId('mute').click();
    await expect.poll(async () => (await traineeFrames(callId, 500)).length).toBeGreaterThan(10);

    // (3) On hold: nothing either way.
    await page.getByTestId('hold').click();
    await page.getByTestId('hold-indicator').waitFor();
    await new Promise((r) => setTimeout(r, 300));
    expect(await traineeFrames(callId, 1500)).toHaveLength(0);
    expect(await energyGain(page, 'caller', 1000)).toBeLessThan(0.0001);
    await page.getByTestId('hold').click();
    await expect.poll(async () => (await traineeFrames(callId, 500)).length).toBeGreaterThan(10);

    // (4) The recording exists, downloads through its signed URL, and holds both parties.
    await page.getByTestId('end-call').click();
    await expect.poll(() => page.getByTestId('call-status').first().textContent(), { timeout: 10_000 }).toMatch(/ended/i);
    const cookie = await server.login(trainee);
    const detail = (await server.api('GET', `/api/v1/calls/${callId}`, { cookie })).body;
    const controls = detail.events.map((e: { type: string }) => e.type).filter((type: string) => type !== 'emotion');
    expect(controls).toEqual(['ring', 'answer', 'mute', 'unmute', 'hold', 'unhold', 'end']);
    expect(detail.holdMs).toBeGreaterThan(1000);
    const said = (speaker: string) => detail.transcript.filter((s: { speaker: string }) => s.speaker === speaker).map((s: { text: string }) => s.text).join(' ');
    // The trainee's microphone talks from the start, so the caller is often cut off (barge-in):
    // the transcript holds only what was played, whatever that was.
    expect(said('caller')).not.toBe('');
    expect(said('trainee')).toMatch(/address/);
    expect(detail.recordings).toHaveLength(1);
    const recording = await readWav(await download(server, detail.recordings[0].url));
    expect(recording.channels).toHaveLength(4); // trainee, caller, agency, instructor
    expect(rms(recording.channels[0]!)).toBeGreaterThan(100); // trainee
    expect(rms(recording.channels[1]!)).toBeGreaterThan(100); // caller
    expect(detail.recordings[0].durationMs).toBeGreaterThan(5000);
    expect(violations).toEqual([]);
    await page.close();
  }, 90_000);

  it('conferences the receiving agency on a warm transfer and drops the trainee after the briefing', async () => {
    const page = await (await browser.newContext()).newPage();
    const callId = await startCall(page);
    await page.getByTestId('answer-call').click();
    await expect.poll(async () => (await inboundEnergy(page)).caller ?? 0, { timeout: 10_000 }).toBeGreaterThan(0.01);

    await page.getByTestId('transfer').click();
    await page.getByTestId('transfer-agency').selectOption('fire');
    await page.getByTestId('transfer-mode').selectOption('warm');
    await page.getByTestId('transfer-confirm').click();
    await page.locator('[data-testid="remote-audio"][data-source="agency"]').waitFor({ state: 'attached' });
    await expect.poll(async () => (await inboundEnergy(page)).agency ?? 0, { timeout: 10_000 }).toBeGreaterThan(0.01);
    await page.waitForTimeout(3000); // the trainee briefs the agency while it speaks

    await page.getByTestId('complete-transfer').click();
    await expect.poll(() => page.getByTestId('call-status').first().textContent(), { timeout: 10_000 }).toMatch(/ended/i);
    const cookie = await server.login(trainee);
    const detail = (await server.api('GET', `/api/v1/calls/${callId}`, { cookie })).body;
    expect(detail.outcome).toBe('transferred');
    expect(detail.transcript.map((s: { speaker: string }) => s.speaker)).toContain('agency');
    const recording = await readWav(await download(server, detail.recordings[0].url));
    expect(rms(recording.channels[2]!)).toBeGreaterThan(100); // the agency's voice, in and then out
    await page.close();
  }, 60_000);
});

describe('the AI caller', () => {
  let asking: Browser;
  beforeAll(async () => {
    // A trainee who asks once and then listens: the question, then 7 s of silence, looped.
    asking = await launchBrowser(await speechWav('Nine one one, what is the address of your emergency?', 'rms', 7));
  });
  afterAll(() => asking?.close());

  it('hears "what is the address of your emergency?" and answers with the address, audibly and in the transcript', async () => {
    const page = await (await asking.newContext()).newPage();
    const callId = await startCall(page, 'stroke-fast-signs');
    await page.getByTestId('answer-call').click();
    const cookie = await server.login(trainee);
    const transcript = async () => (await server.api('GET', `/api/v1/calls/${callId}`, { cookie })).body.transcript as { speaker: string; text: string }[];
    // The trainee's question, recognised from the fake microphone...
    await expect.poll(async () => (await transcript()).some((s) => s.speaker === 'trainee' && /address/.test(s.text)), { timeout: 30_000 }).toBe(true);
    // ...and the caller's answer with the scenario's real address, spoken into the call.
    await expect.poll(async () => (await transcript()).some((s) => s.speaker === 'caller' && /47 Willow Lane/.test(s.text)), { timeout: 30_000 }).toBe(true);
    await page.getByTestId('transcript-line').filter({ hasText: '47 Willow Lane' }).first().waitFor({ timeout: 10_000 });
    expect(await inboundEnergy(page).then((e) => e.caller ?? 0)).toBeGreaterThan(0.05);
    await page.getByTestId('end-call').click();
    await page.close();
  }, 90_000);
});

describe('when things go wrong', () => {
  it('rides out a network blip: the browser reconnects and rejoins the call without losing it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const callId = await startCall(page);
    await page.getByTestId('answer-call').click();
    await expect.poll(async () => (await traineeFrames(callId, 300)).length, { timeout: 10_000 }).toBeGreaterThan(5);
    // The network drops under the signalling connection (not a clean close): the browser
    // reconnects on its own and rejoins the media within the grace period.
    for (const socket of await server.io.in(`user:${trainee.id}`).fetchSockets()) {
      (socket as unknown as { conn: { close(): void } }).conn.close();
    }
    await page.getByTestId('connection-state').filter({ hasNotText: 'connected' }).waitFor({ timeout: 5000 }).catch(() => undefined);
    await expect.poll(() => page.getByTestId('connection-state').textContent(), { timeout: 15_000 }).toBe('connected');
    await expect.poll(async () => (await traineeFrames(callId, 300)).length, { timeout: 15_000 }).toBeGreaterThan(5);
    const cookie = await server.login(trainee);
    expect((await server.api('GET', `/api/v1/calls/${callId}`, { cookie })).body.status).toBe('active');
    await page.getByTestId('end-call').click();
    await context.close();
  }, 60_000);

  it('regression: the line dropped after the answer went out and its reply was lost; the softphone closed its media and the call was lost. Now it rejoins, answered', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const callId = await startCall(page);
    // The server takes the answer and the connection dies before its reply goes back.
    for (const socket of server.io.sockets.sockets.values()) {
      socket.use((packet, next) => {
        if (packet[0] === 'call:answer') packet[packet.length - 1] = () => (socket as unknown as { conn: { close(): void } }).conn.close();
        next();
      });
    }
    await page.getByTestId('answer-call').click();
    await expect.poll(() => page.getByTestId('connection-state').textContent(), { timeout: 20_000 }).toBe('connected');
    await expect.poll(async () => (await traineeFrames(callId, 300)).length, { timeout: 15_000 }).toBeGreaterThan(5);
    const cookie = await server.login(trainee);
    await expect.poll(async () => (await server.api('GET', `/api/v1/calls/${callId}`, { cookie })).body.status, { timeout: 15_000 }).toBe('active');
    await new Promise((r) => setTimeout(r, 6_000)); // past the 4 s reconnect grace: a call without media is lost by then
    expect((await server.api('GET', `/api/v1/calls/${callId}`, { cookie })).body.status).toBe('active');
    expect(await traineeFrames(callId, 300)).not.toHaveLength(0);
    await page.getByTestId('end-call').click();
    await context.close();
  }, 90_000);

  it('ends the call as lost and keeps the recording when the tab closes', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const callId = await startCall(page);
    await page.getByTestId('answer-call').click();
    await expect.poll(async () => (await traineeFrames(callId, 300)).length, { timeout: 10_000 }).toBeGreaterThan(5);
    await context.close();
    const cookie = await server.login(trainee);
    await expect.poll(async () => (await server.api('GET', `/api/v1/calls/${callId}`, { cookie })).body.status, { timeout: 15_000 }).toBe('failed');
    const detail = (await server.api('GET', `/api/v1/calls/${callId}`, { cookie })).body;
    expect(detail).toMatchObject({ outcome: 'lost', endReason: "the trainee's browser disconnected" });
    expect(detail.recordings[0].durationMs).toBeGreaterThan(500);
  }, 60_000);

  it('ends the call cleanly when its media worker dies, replaces the worker, and takes a new call', async () => {
    const page = await (await browser.newContext()).newPage();
    const callId = await startCall(page);
    await page.getByTestId('answer-call').click();
    await expect.poll(async () => (await traineeFrames(callId, 300)).length, { timeout: 10_000 }).toBeGreaterThan(5);
    const pidsBefore = server.workers.pids;
    const victim = server.workers.pidOf((await server.live.get(callId))!.room.router)!;
    process.kill(victim, 'SIGKILL');
    await page.getByTestId('call-lost').waitFor({ timeout: 10_000 });
    const cookie = await server.login(trainee);
    const detail = (await server.api('GET', `/api/v1/calls/${callId}`, { cookie })).body;
    expect(detail).toMatchObject({ status: 'failed', outcome: 'lost', endReason: 'the media server failed' });
    expect(detail.recordings).toHaveLength(1);
    await expect.poll(() => server.workers.size, { timeout: 10_000 }).toBe(pidsBefore.length);
    expect(server.workers.pids).not.toContain(victim);

    await page.close();

    const next = await (await browser.newContext()).newPage();
    await startCall(next);
    await next.getByTestId('answer-call').click();
    await expect.poll(async () => (await inboundEnergy(next)).caller ?? 0, { timeout: 10_000 }).toBeGreaterThan(0.01);
    await next.getByTestId('end-call').click();
    await next.close();
  }, 60_000);
});
