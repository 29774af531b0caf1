import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sine } from '../media/testing/signals.js';
import { DISTRESS } from '../server/src/caller/emotion.js';
import type { LiveCall } from '../server/src/live/live-call.js';
import type { Emotion } from '../server/src/protocol/scenario.js';
import type { SupervisionMode } from '../server/src/protocol/media.js';
import { scenarioFixture } from '../server/test/fixtures.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../server/test/harness.js';
import { concat, rms } from './audio.js';
import { launchBrowser, login, speechWav } from './browser.js';
import { byTestId, inboundEnergy, lineFrames, remoteSources, supervisedCallPages, takeCall, transportIds } from './session.js';

// Supervision end to end, from audio evidence: three Chromiums, each with its own fake
// microphone (a trainee, a supervisor and an instructor, three flite voices), the real SFU and
// caller bridge. What each page hears is its WebRTC inbound energy per source; what the AI
// caller hears is the bridge's line (lineFrame). The trainee is muted while the modes are
// compared: mute cuts only the trainee's feed to the caller, so whatever is left on the line
// is the instructor, and supervisors keep hearing the trainee.

const TRAINEE_LINE = 'Nine one one, what is the address of your emergency?';
const SUPERVISOR_LINE = 'This is the shift supervisor, I am only listening in today.';
const INSTRUCTOR_LINE = 'Ask her whether anybody is still inside the house.';
const CALLER_HZ = 700;
/** Inbound energy over a listening window above which a source was heard. */
const HEARD = 1e-3;
/** Line RMS (16-bit) above which someone is on the line; below QUIET, nobody is. */
const LINE_HEARD = 300;
const LINE_QUIET = 30;
const WINDOW_MS = 2000;
/** The sources the supervision table is about; a steer's background noise is checked on its own. */
const PEOPLE = ['caller', 'instructor', 'trainee'] as const;
type Source = (typeof PEOPLE)[number];
type Ear = 'trainee' | 'supervisor' | 'instructor';

/** DOMAIN.md's table, as what each page must play (and nothing else), and whether the caller hears the instructor. */
const TABLE: Record<SupervisionMode, Record<Ear, Source[]> & { lineHasInstructor: boolean }> = {
  monitor: { trainee: ['caller'], supervisor: ['caller', 'trainee'], instructor: ['caller', 'trainee'], lineHasInstructor: false },
  coach: { trainee: ['caller', 'instructor'], supervisor: ['caller', 'trainee'], instructor: ['caller', 'trainee'], lineHasInstructor: false },
  barge: { trainee: ['caller', 'instructor'], supervisor: ['caller', 'instructor', 'trainee'], instructor: ['caller', 'trainee'], lineHasInstructor: true },
};

let server: TestServer;
let scenarioId: string;
const browsers: Browser[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const [traineeWav, supervisorWav, instructorWav] = await Promise.all([
    speechWav(TRAINEE_LINE, 'rms', 1.5),
    speechWav(SUPERVISOR_LINE, 'slt', 1.5),
    // Short gaps: the instructor is talking in almost any window measured.
    speechWav(INSTRUCTOR_LINE, 'awb', 0.3),
  ]);
  browsers.push(...(await Promise.all([traineeWav, supervisorWav, instructorWav].map((wav) => launchBrowser(wav)))));
  const cookie = await server.login(await server.user('instructor'));
  const scenario = scenarioFixture({
    persona: { name: 'Dana Reyes', age: 41, voice: 'slt', languageLevel: 'fluent', controlDifficulty: 0.3, initialEmotion: 'anxious' },
    script: {
      openingLine: 'Help me, please! My kitchen is on fire and the smoke is everywhere!',
      revealRules: [
        { fact: 'callback', answer: '312-555-0100.', when: 'askedFor', intents: ['ask_callback'], keywords: [], values: [] },
        { fact: 'people_inside', answer: 'My son is still upstairs!', when: 'afterCalmed', intents: ['ask_people_count'], keywords: ['inside', 'anyone'], values: ['son'] },
      ],
      timeline: [],
      preArrivalInstructions: [],
    },
  });
  const created = await server.api('POST', '/api/v1/scenarios', { cookie, body: scenario });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  scenarioId = created.body.id;
}, 60_000);
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await server?.close();
});

const attr = (page: Page, id: string, name: string) => byTestId(page, id).first().getAttribute(name);
const people = async (page: Page) => (await remoteSources(page)).filter((s) => (PEOPLE as readonly string[]).includes(s));

/** The caller talks (a tone through its own voice) until stopped: queued back to back, so a barge-in cut soon resumes. */
function callerTalks(call: LiveCall): () => void {
  let n = 0;
  const say = () => void call.caller.voice.play(sine(400, CALLER_HZ, 6000), `probe-${n++}`).catch(() => undefined);
  say();
  const timer = setInterval(say, 400);
  return () => clearInterval(timer);
}

type Window = { ears: Record<Ear, Partial<Record<string, number>>>; line: { frames: number; rms: number } };

describe('supervision in the browser', () => {
  it('monitor, coach and barge: who hears whom, switched mid-call on the same transports; steering; leaving', async () => {
    const { trainee, supervisor, floor, instructor } = await supervisedCallPages(browsers);
    const ears: Record<Ear, Page> = { trainee, supervisor, instructor };

    // The trainee takes and answers the call; the caller is heard.
    const { callId } = await takeCall(server, trainee, scenarioId);
    await trainee.getByTestId('answer-call').click();
    await expect.poll(() => attr(trainee, 'connection-state', 'data-state'), { timeout: 15_000 }).toBe('connected');
    await expect.poll(async () => (await inboundEnergy(trainee)).caller ?? 0, { timeout: 15_000 }).toBeGreaterThan(0.001);
    const call = (await server.live.get(callId))!;

    // The floor board: the call, talking, its caller's mood; selecting it shows its live transcript.
    const supervisorUser = await server.user('supervisor');
    await login(floor, server.url, supervisorUser.email, TEST_PASSWORD);
    await floor.goto(`${server.url}/floor`);
    const row = floor.locator(`[data-testid="call-row"][data-call-id="${callId}"]`);
    await expect.poll(() => row.getByTestId('call-state').getAttribute('data-state'), { timeout: 10_000 }).toBe('talking');
    await expect.poll(() => row.getByTestId('caller-emotion').getAttribute('data-emotion'), { timeout: 10_000 }).not.toBe('');
    await row.getByTestId('floor-select').click();
    const panel = floor.locator(`[data-testid="floor-transcript"][data-call-id="${callId}"]`);
    await panel.locator('[data-testid="transcript-line"][data-speaker="caller"]').first().waitFor({ timeout: 20_000 });

    // The supervisor goes from the board (a second tab) to the call and monitors: no coach or barge keys for them.
    await supervisor.goto(`${server.url}/floor`); // signed in already: same browser context as the board

    await supervisor.locator(`[data-testid="call-row"][data-call-id="${callId}"]`).getByTestId('supervise-link').click();
    await byTestId(supervisor, 'supervise-monitor').click();
    await expect.poll(() => attr(supervisor, 'supervision-mode', 'data-mode'), { timeout: 10_000 }).toBe('monitor');
    expect(await byTestId(supervisor, 'supervise-coach').count()).toBe(0);
    expect(await byTestId(supervisor, 'supervise-barge').count()).toBe(0);
    expect(await byTestId(supervisor, 'steer-escalate').count()).toBe(0);

    // The instructor opens the call's supervise page and monitors too.
    const instructorUser = await server.user('instructor');
    await login(instructor, server.url, instructorUser.email, TEST_PASSWORD);
    await instructor.goto(`${server.url}/calls/${callId}/supervise`);
    await byTestId(instructor, 'supervise-monitor').click();
    await expect.poll(() => attr(instructor, 'supervision-mode', 'data-mode'), { timeout: 10_000 }).toBe('monitor');
    await expect.poll(() => row.getByTestId('supervisors').getAttribute('data-modes'), { timeout: 10_000 }).toBe('monitor monitor');

    // Silent monitoring is not told to the trainee (the centre's policy is off); the floor sees it.
    await supervisor.locator('[data-testid="event-line"][data-event-type="monitor"]').first().waitFor({ timeout: 10_000 });
    expect(await trainee.locator('[data-testid="event-line"][data-event-type="monitor"]').count()).toBe(0);
    expect(await byTestId(trainee, 'monitored-indicator').count()).toBe(0);

    // Steering, unheard by the trainee: background noise on its own track behind the caller ...
    const steered = async (testId: string) => {
      const before = await byTestId(instructor, 'steer-status').textContent();
      await byTestId(instructor, testId).click();
      await expect.poll(() => byTestId(instructor, 'steer-status').textContent(), { timeout: 10_000 }).not.toBe(before);
      expect(await attr(instructor, 'steer-status', 'data-ok'), (await byTestId(instructor, 'steer-status').textContent()) ?? '').toBe('true');
    };
    await byTestId(instructor, 'steer-noise').selectOption('sirens');
    await expect.poll(() => attr(instructor, 'steer-status', 'data-ok'), { timeout: 15_000 }).toBe('true');
    await trainee.locator('[data-testid="remote-audio"][data-source="background"]').waitFor({ state: 'attached', timeout: 15_000 });
    const evidence: Record<string, unknown> = {};
    await expect
      .poll(async () => {
        const before = (await inboundEnergy(trainee)).background ?? 0;
        await trainee.waitForTimeout(WINDOW_MS);
        return (evidence['trainee hears the sirens (2 s)'] = ((await inboundEnergy(trainee)).background ?? 0) - before);
      }, { timeout: 15_000 })
      .toBeGreaterThan(HEARD);
    await byTestId(instructor, 'steer-noise').selectOption('none');
    await expect.poll(() => remoteSources(trainee), { timeout: 10_000 }).not.toContain('background');

    // ... the caller escalates (the trainee's softphone shows the new mood), a fact, an event.
    const moodBefore = (await attr(trainee, 'caller-emotion', 'data-emotion')) as Emotion;
    await steered('steer-escalate');
    await expect
      .poll(async () => DISTRESS[(await attr(trainee, 'caller-emotion', 'data-emotion')) as Emotion] ?? -1, { timeout: 10_000 })
      .toBeGreaterThan(DISTRESS[moodBefore]);
    expect(await byTestId(instructor, 'steer-fact').locator('option').allTextContents()).toEqual(['callback', 'people inside']);
    await byTestId(instructor, 'steer-fact').selectOption('callback');
    await steered('steer-reveal');
    await byTestId(instructor, 'steer-event-text').fill('The smoke alarm upstairs just went off');
    await steered('steer-event-send');
    await supervisor.locator('[data-testid="event-line"][data-event-type="steer"]').first().waitFor({ timeout: 10_000 });
    expect(await trainee.locator('[data-testid="event-line"][data-event-type="steer"]').count()).toBe(0);

    // The caller hears the trainee (not muted yet).
    await expect
      .poll(async () => (evidence['line RMS, trainee unmuted (1.5 s)'] = Math.round(rms(concat(await lineFrames(server, callId, 1500))))), { timeout: 10_000 })
      .toBeGreaterThan(LINE_HEARD);

    // From here the trainee is muted: the line carries only what is not the trainee.
    await trainee.getByTestId('mute').click();
    await trainee.getByTestId('mic-muted-indicator').waitFor();

    const newTransports: string[] = [];
    call.room.router.observer.on('newtransport', (t: { id: string }) => newTransports.push(t.id));
    const transportsBefore = { supervisor: await transportIds(supervisor), instructor: await transportIds(instructor) };
    expect(transportsBefore.instructor.send).not.toBeNull();
    expect(transportsBefore.instructor.recv).not.toBeNull();

    async function listen(): Promise<Window> {
      const stop = callerTalks(call);
      try {
        await new Promise((r) => setTimeout(r, 300)); // the first tone is on its way
        const pages = Object.entries(ears) as [Ear, Page][];
        const before = await Promise.all(pages.map(([, p]) => inboundEnergy(p)));
        const frames = await lineFrames(server, callId, WINDOW_MS);
        const after = await Promise.all(pages.map(([, p]) => inboundEnergy(p)));
        const gains = pages.map(([name], i) => {
          const sources = new Set([...Object.keys(before[i]!), ...Object.keys(after[i]!)]);
          return [name, Object.fromEntries([...sources].map((s) => [s, (after[i]![s] ?? 0) - (before[i]![s] ?? 0)]))];
        });
        return { ears: Object.fromEntries(gains), line: { frames: frames.length, rms: Math.round(rms(concat(frames))) } };
      } finally {
        stop();
      }
    }

    const measured: Record<string, Window> = {};
    evidence.modes = measured;
    for (const mode of ['monitor', 'coach', 'barge', 'monitor'] as const) {
      const expected = TABLE[mode];
      if ((await attr(instructor, 'supervision-mode', 'data-mode')) !== mode) await byTestId(instructor, `supervise-${mode}`).click();
      await expect.poll(() => attr(instructor, 'supervision-mode', 'data-mode'), { timeout: 10_000 }).toBe(mode);
      // Consumers follow the switch: each page plays exactly the people the table says.
      for (const ear of ['trainee', 'supervisor', 'instructor'] as const) {
        await expect.poll(async () => [...new Set(await people(ears[ear]))], { timeout: 10_000, message: `${ear} in ${mode}` }).toEqual(expected[ear]);
      }
      const coachShown = mode === 'monitor' ? 0 : 1;
      await expect.poll(() => byTestId(trainee, 'coach-indicator').count(), { timeout: 5000 }).toBe(coachShown);

      // Audio evidence, polled: a quiet stretch of speech is not a failure, a wrong ear is.
      let w = await listen();
      const heardAll = (x: Window) =>
        (['trainee', 'supervisor', 'instructor'] as const).every((ear) => expected[ear].every((s) => (x.ears[ear][s] ?? 0) > HEARD)) &&
        (!expected.lineHasInstructor || x.line.rms > LINE_HEARD);
      for (let attempt = 1; attempt < 4 && !heardAll(w); attempt++) w = await listen();
      measured[`${Object.keys(measured).length + 1}. ${mode}`] = w;

      // On a failure the whole window says which ears went quiet, and what each page plays.
      const seen = async () => JSON.stringify({ window: w, playing: { trainee: await people(trainee), supervisor: await people(supervisor), instructor: await people(instructor) } });
      for (const ear of ['trainee', 'supervisor', 'instructor'] as const) {
        for (const source of PEOPLE) {
          const gain = w.ears[ear][source] ?? 0;
          if (expected[ear].includes(source) && !(gain > HEARD)) expect.fail(`${ear} hears ${source} in ${mode}: ${await seen()}`);
          if (!expected[ear].includes(source) && gain !== 0) expect.fail(`${ear} does not hear ${source} in ${mode}: ${await seen()}`);
        }
      }
      if (expected.lineHasInstructor) expect(w.line.rms, `the caller hears the instructor in ${mode}`).toBeGreaterThan(LINE_HEARD);
      else expect(w.line.rms, `the caller hears nobody but the (muted) trainee in ${mode}`).toBeLessThan(LINE_QUIET);

      // A switch is a request on the same media: no transport made, none replaced.
      expect(await transportIds(supervisor)).toEqual(transportsBefore.supervisor);
      expect(await transportIds(instructor)).toEqual(transportsBefore.instructor);
      expect(newTransports).toEqual([]);
      expect(await attr(instructor, 'supervise-connection', 'data-state')).toBe('connected');
      if (mode === 'coach') expect(await row.getByTestId('supervisors').getAttribute('data-modes')).toMatch(/coach/);
    }
    console.log('supervision evidence (inbound energy per page and source over 2 s, line RMS)', JSON.stringify(evidence));

    // The trainee is told of coach and barge, and now shows both on the softphone's events.
    for (const type of ['coach', 'barge']) await trainee.locator(`[data-testid="event-line"][data-event-type="${type}"]`).first().waitFor();

    // The floor board follows the call: checklist progress, a hold as it happens.
    await expect.poll(() => row.getByTestId('checklist-progress').textContent(), { timeout: 20_000 }).toMatch(/^\d+\/\d+$/);
    await trainee.getByTestId('hold').click();
    await expect.poll(() => row.getByTestId('call-state').getAttribute('data-state'), { timeout: 10_000 }).toBe('on_hold');
    await trainee.getByTestId('hold').click();
    await expect.poll(() => row.getByTestId('call-state').getAttribute('data-state'), { timeout: 10_000 }).toBe('talking');

    // The instructor leaves: their media leaves the call; the supervisor stays.
    await byTestId(instructor, 'supervise-leave').click();
    await expect.poll(() => attr(instructor, 'supervision-mode', 'data-mode'), { timeout: 10_000 }).toBe('none');
    expect(await remoteSources(instructor)).toEqual([]);
    await expect.poll(() => row.getByTestId('supervisors').getAttribute('data-modes'), { timeout: 10_000 }).toBe('monitor');
    await expect.poll(() => people(supervisor), { timeout: 10_000 }).toEqual(['caller', 'trainee']);
    expect(await people(trainee)).toEqual(['caller']);

    // The instructor hangs the caller up: the call ends everywhere.
    await byTestId(instructor, 'steer-hangup').click();
    await expect.poll(() => attr(trainee, 'call-status', 'data-status'), { timeout: 15_000 }).toBe('ended');
    await expect.poll(() => attr(supervisor, 'supervision-mode', 'data-mode'), { timeout: 10_000 }).toBe('none');
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(0);

    // Every switch, leave and steer is stored with who did it, and shown in the review's timeline.
    const detail = (await server.api('GET', `/api/v1/calls/${callId}`, { cookie: await server.login(instructorUser) })).body;
    const mine = detail.events.filter((e: { actor: { id: string } | null }) => e.actor?.id === instructorUser.id);
    const supervisionTypes = ['monitor', 'coach', 'barge', 'leave'];
    expect(mine.filter((e: { type: string }) => supervisionTypes.includes(e.type)).map((e: { type: string }) => e.type)).toEqual(['monitor', 'coach', 'barge', 'monitor', 'leave']);
    expect(mine.filter((e: { type: string }) => e.type === 'steer').map((e: { data: unknown }) => e.data)).toEqual([
      { action: 'noise', noise: 'sirens' },
      { action: 'noise', noise: 'none' },
      { action: 'escalate' },
      { action: 'reveal', fact: 'callback' },
      { action: 'event', say: 'The smoke alarm upstairs just went off' },
      { action: 'hangUp' },
    ]);
    await instructor.goto(`${server.url}/calls/${callId}/review`);
    await expect.poll(() => instructor.locator('[data-testid="timeline-event"][data-event-type="steer"]').count(), { timeout: 10_000 }).toBe(6);
    for (const type of ['coach', 'barge', 'leave']) expect(await instructor.locator(`[data-testid="timeline-event"][data-event-type="${type}"]`).count()).toBeGreaterThan(0);
  }, 150_000);

  it("shows the trainee they are monitored when the centre's policy says so, and stops when the monitor leaves", async () => {
    const policy = await startTestServer({ env: { SHOW_MONITORED: 'true' } });
    const contexts = await Promise.all([browsers[0]!.newContext(), browsers[1]!.newContext()]);
    try {
      const instructorCookie = await policy.login(await policy.user('instructor'));
      const scenario = scenarioFixture({ script: { openingLine: 'My kitchen is on fire!', revealRules: [], timeline: [], preArrivalInstructions: [] } });
      const id = (await policy.api('POST', '/api/v1/scenarios', { cookie: instructorCookie, body: scenario })).body.id as string;
      const [trainee, supervisor] = (await Promise.all(contexts.map((c) => c.newPage()))) as [Page, Page];
      const { callId } = await takeCall(policy, trainee, id);
      await trainee.getByTestId('answer-call').click();
      await expect.poll(() => attr(trainee, 'connection-state', 'data-state'), { timeout: 15_000 }).toBe('connected');
      expect(await byTestId(trainee, 'monitored-indicator').count()).toBe(0);

      const supervisorUser = await policy.user('supervisor');
      await login(supervisor, policy.url, supervisorUser.email, TEST_PASSWORD);
      await supervisor.goto(`${policy.url}/calls/${callId}/supervise`);
      await byTestId(supervisor, 'supervise-monitor').click();
      await byTestId(trainee, 'monitored-indicator').waitFor({ timeout: 10_000 });
      // Told, and still not heard: the trainee plays the caller alone.
      expect(await people(trainee)).toEqual(['caller']);

      await byTestId(supervisor, 'supervise-leave').click();
      await expect.poll(() => byTestId(trainee, 'monitored-indicator').count(), { timeout: 10_000 }).toBe(0);
      await trainee.getByTestId('end-call').click();
      await expect.poll(() => attr(trainee, 'call-status', 'data-status'), { timeout: 10_000 }).toBe('ended');
    } finally {
      // Open pages keep their sockets to the server, and its close would wait for them.
      await Promise.all(contexts.map((c) => c.close()));
      await policy.close();
    }
  }, 60_000);
});
