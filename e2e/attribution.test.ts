import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioFixture } from '../server/test/fixtures.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../server/test/harness.js';
import type { CallReview } from '../server/src/protocol/api.js';
import { launchBrowser, login, speechWav } from './browser.js';
import { byTestId, takeCall } from './session.js';

// Who said what, in the browser: an instructor barges in and asks the trainee's questions
// (weapons, the caller's name) in a flite voice through Chromium's fake microphone. Their words
// show as the instructor's lines on the trainee's softphone and in the review, and tick nothing
// on the trainee's checklist and capture nothing.

const INSTRUCTOR_LINE = 'Are there any weapons in the house? What is your name?';
const TRAINEE_LINE = 'Nine one one, what is the address of your emergency?';

let server: TestServer;
let scenarioId: string;
const browsers: Browser[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const [traineeWav, instructorWav] = await Promise.all([speechWav(TRAINEE_LINE, 'rms', 1.5), speechWav(INSTRUCTOR_LINE, 'awb', 1.2)]);
  browsers.push(...(await Promise.all([traineeWav, instructorWav].map((wav) => launchBrowser(wav)))));
  const cookie = await server.login(await server.user('instructor'));
  const created = await server.api('POST', '/api/v1/scenarios', { cookie, body: scenarioFixture() });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  scenarioId = created.body.id;
}, 60_000);
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await server?.close();
});

const linesOf = (page: Page, speaker: string) => page.locator(`[data-testid="transcript-line"][data-speaker="${speaker}"]`);
const statusOf = (page: Page, item: string) => page.locator(`[data-testid="checklist-item"][data-item="${item}"]`).getAttribute('data-status');

describe('who said what, in the browser', () => {
  it("an instructor's barge adds instructor lines, and no trainee words, entities or checklist ticks", async () => {
    const [traineeBrowser, instructorBrowser] = browsers as [Browser, Browser];
    const trainee = await (await traineeBrowser.newContext()).newPage();
    const instructor = await (await instructorBrowser.newContext()).newPage();

    const { callId } = await takeCall(server, trainee, scenarioId);
    await trainee.getByTestId('answer-call').click();
    await expect.poll(() => byTestId(trainee, 'connection-state').first().getAttribute('data-state'), { timeout: 15_000 }).toBe('connected');
    // The trainee listens: only the instructor talks on the line.
    await trainee.getByTestId('mute').click();
    await trainee.getByTestId('mic-muted-indicator').waitFor();

    const instructorUser = await server.user('instructor');
    await login(instructor, server.url, instructorUser.email, TEST_PASSWORD);
    await instructor.goto(`${server.url}/calls/${callId}/supervise`);
    await byTestId(instructor, 'supervise-barge').click();
    await expect.poll(() => byTestId(instructor, 'supervision-mode').first().getAttribute('data-mode'), { timeout: 10_000 }).toBe('barge');

    // The trainee's softphone shows the instructor's words as the instructor's, again and again.
    await expect.poll(() => linesOf(trainee, 'instructor').count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    const instructorSaid = (await linesOf(trainee, 'instructor').allTextContents()).join(' ');
    expect(instructorSaid).toMatch(/weapon|name/);
    // The trainee said their greeting before muting: whatever the trainee has is not the instructor's.
    expect((await linesOf(trainee, 'trainee').allTextContents()).join(' ')).not.toMatch(/weapon|name/);
    expect(await statusOf(trainee, 'weapons')).toBe('open');
    expect(await statusOf(trainee, 'caller_identity')).not.toBe('done');
    expect(await trainee.locator('[data-testid="captured-entity"][data-type="weapon"]').count()).toBe(0);

    await byTestId(instructor, 'supervise-leave').click();
    await trainee.getByTestId('end-call').click();
    await expect.poll(() => byTestId(trainee, 'call-status').first().getAttribute('data-status'), { timeout: 30_000 }).toBe('ended');
    const review = (await server.api('GET', `/api/v1/calls/${callId}/review`, { cookie: await server.login(instructorUser) })).body as CallReview;
    const speakerOf = new Map(review.call.transcript.map((s) => [s.id, s.speaker]));
    expect(review.call.transcript.filter((s) => s.speaker === 'trainee' && /weapon|name/.test(s.text))).toEqual([]);
    expect(review.call.entities.filter((e) => speakerOf.get(e.segmentId ?? '') === 'instructor' || e.type === 'weapon')).toEqual([]);
    expect(review.liveChecklist.filter((m) => m.item === 'weapons' || m.item === 'caller_identity')).toEqual([]);
    // The review shows the live checklist beside the final one.
    await instructor.goto(`${server.url}/calls/${callId}/review`);
    await expect.poll(() => instructor.locator('[data-testid="checklist-item"][data-item="weapons"] [data-testid="checklist-live"]').textContent(), { timeout: 10_000 }).toMatch(/never ticked/);
  }, 150_000);
});
