import { writeFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Me } from '../server/src/protocol/api.js';
import { TEST_PASSWORD, type TestServer } from '../server/test/harness.js';
import { login } from './browser.js';

// What every e2e test does with a call: log someone in, take a call, listen to what a page
// receives and to what the caller pipeline hears, download the recording.

/** An element by its test id. */
export const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

/**
 * The people of a supervised call, each in a browser of their own (each with its own fake
 * microphone): the trainee; the supervisor, with the call and the floor in two tabs; the instructor.
 */
export async function supervisedCallPages([traineeBrowser, supervisorBrowser, instructorBrowser]: Browser[]): Promise<Record<'trainee' | 'supervisor' | 'floor' | 'instructor', Page>> {
  const supervisorContext = await supervisorBrowser!.newContext();
  return {
    trainee: await (await traineeBrowser!.newContext()).newPage(),
    supervisor: await supervisorContext.newPage(),
    floor: await supervisorContext.newPage(),
    instructor: await (await instructorBrowser!.newContext()).newPage(),
  };
}

/** Logs a fresh trainee in (so one test's live call never blocks the next) and takes a call. */
export async function takeCall(server: TestServer, page: Page, scenarioId: string, mode: 'practice' | 'exam' = 'practice'): Promise<{ callId: string; trainee: Me }> {
  const trainee = await server.user('trainee');
  await login(page, server.url, trainee.email, TEST_PASSWORD);
  const card = page.locator(`[data-testid="scenario-card"][data-scenario-id="${scenarioId}"]`);
  if (mode !== 'practice') await card.getByTestId('call-mode').selectOption(mode);
  await card.getByTestId('take-call').click();
  await page.getByTestId('ani').waitFor();
  return { callId: page.url().split('/calls/')[1]!.split(/[/?#]/)[0]!, trainee };
}

/** Inbound audio energy per remote source, as the page's WebRTC stats report it. */
export function inboundEnergy(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const stats = (await window.__ringdown?.media.inboundAudio()) ?? {};
    return Object.fromEntries(Object.entries(stats).map(([source, s]) => [source, s?.totalAudioEnergy ?? 0]));
  });
}

/** How much energy `source` delivered to the page over `ms`. */
export async function energyGain(page: Page, source: string, ms: number): Promise<number> {
  const before = (await inboundEnergy(page))[source] ?? 0;
  await page.waitForTimeout(ms);
  return ((await inboundEnergy(page))[source] ?? 0) - before;
}

/** Collects the 16 kHz frames the caller pipeline hears, for `ms`. */
export async function pipelineFrames(server: TestServer, callId: string, ms: number): Promise<Int16Array[]> {
  const call = (await server.live.get(callId))!;
  const frames: Int16Array[] = [];
  const onFrame = (frame: Int16Array) => frames.push(frame);
  call.room.bridge.on('traineeFrame', onFrame);
  await new Promise((r) => setTimeout(r, ms));
  call.room.bridge.off('traineeFrame', onFrame);
  return frames;
}

/** Fetches a signed recording URL into the server's data folder. */
export async function download(server: TestServer, url: string): Promise<string> {
  const res = await fetch(server.url + url);
  expect(res.status).toBe(200);
  const file = `${server.config.dataDir}/dl-${Date.now()}.wav`;
  await writeFile(file, Buffer.from(await res.arrayBuffer()));
  return file;
}

/** The sources of the remote audio elements a page plays now, sorted (a source may repeat). */
export function remoteSources(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="remote-audio"]', (els) => els.map((el) => (el as HTMLElement).dataset.source ?? '').sort());
}

/** The ids of the transports a page's call media uses (a supervision mode switch keeps them). */
export function transportIds(page: Page): Promise<{ send: string | null; recv: string | null }> {
  return page.evaluate(() => window.__ringdown?.media.transportIds() ?? { send: null, recv: null });
}

/** Collects the 16 kHz frames of the line (exactly what the AI caller hears: the trainee, and a barging instructor mixed in), for `ms`. */
export async function lineFrames(server: TestServer, callId: string, ms: number): Promise<Int16Array[]> {
  const call = (await server.live.get(callId))!;
  const frames: Int16Array[] = [];
  const onFrame = (frame: Int16Array) => frames.push(frame);
  call.room.bridge.on('lineFrame', onFrame);
  await new Promise((r) => setTimeout(r, ms));
  call.room.bridge.off('lineFrame', onFrame);
  return frames;
}
