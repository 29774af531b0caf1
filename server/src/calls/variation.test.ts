import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { connectSocket, nextEvent, request, type ClientSocket } from '../../test/socket.js';
import { scenarioFixture } from '../../test/fixtures.js';
import type { CallDetail, CallReview } from '../protocol/api.js';
import { ScenarioInput } from '../protocol/scenario.js';
import { scenarioForCall } from '../scenarios/draw.js';

// Two calls of one varied scenario with different seeds, end to end: each rings with its own
// ANI/ALI, and each is reviewed and scored against its own draw. (That a read-back of A's
// address would not tick B is scoring's own test, in scenarios/draw.test.ts: here call B is
// only started and ended, which keeps this test to one live caller.)

let server: TestServer;
const sockets: ClientSocket[] = [];
/** A small scenario (a quick caller to start) whose names, address and number vary. */
const scenario = ScenarioInput.parse(
  scenarioFixture({
    ali: { address: '{address}', city: '{city}', class: 'landline' },
    persona: { name: 'Dana Reyes', sex: 'female', age: 41, voice: 'slt', languageLevel: 'fluent', controlDifficulty: 0.3, initialEmotion: 'anxious' },
    script: {
      openingLine: 'My kitchen is on fire!',
      revealRules: [
        { fact: 'location', answer: "It's {address}.", when: 'askedFor', intents: ['ask_location', 'verify_location'], keywords: [], values: [] },
        { fact: 'callback', answer: '{callback}.', when: 'askedFor', intents: ['ask_callback'], keywords: [], values: [] },
        { fact: 'caller_name', answer: "I'm {caller.name}.", when: 'askedFor', intents: ['ask_name'], keywords: [], values: ['{caller.first}'] },
      ],
      timeline: [],
      preArrivalInstructions: [],
    },
    rubric: [{ id: 'location_verified', label: 'Location read back', weight: 100, facts: ['location'] }],
    variation: { names: true, address: true, callback: true, temperament: true },
  }),
);
const SCENARIO = scenario.id;

beforeAll(async () => {
  server = await startTestServer();
  const created = await server.api('POST', '/api/v1/scenarios', { cookie: await server.login(await server.user('instructor')), body: scenario });
  expect(created.body).toMatchObject({ variation: scenario.variation, persona: { sex: 'female' } });
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await server?.close();
});

/** Starts a call with this seed, types one read-back into it, ends it, and returns what the call and its review say. */
async function callWithReadBack(cookie: string, seed: number, readBack: string): Promise<{ call: CallDetail; review: CallReview }> {
  const started = await server.api('POST', '/api/v1/calls/start', { cookie, body: { scenarioId: SCENARIO, mode: 'practice', seed } });
  expect(started.status).toBe(201);
  const callId = started.body.id as string;
  const socket = await connectSocket(server.url, cookie);
  sockets.push(socket);
  expect(await request(socket, 'rtc:join', { callId }, 30_000)).toMatchObject({ ok: true });
  expect(await request(socket, 'call:answer', { callId })).toMatchObject({ ok: true });
  const heard = nextEvent(socket, 'call:entities', (e) => e.callId === callId && e.entities.some((x) => x.type === 'address'), 15_000);
  await request(socket, 'call:type', { callId, text: readBack });
  await heard;
  expect(await request(socket, 'call:end', { callId })).toMatchObject({ ok: true });
  return { call: started.body as CallDetail, review: (await server.api('GET', `/api/v1/calls/${callId}/review`, { cookie })).body as CallReview };
}

describe('per-call variation', () => {
  it("rings with each call's own ANI/ALI, and reviews and scores each against its own draw", async () => {
    const [a, b] = [scenarioForCall(scenario, 11), scenarioForCall(scenario, 12)];
    expect(a.groundTruth.location.address).not.toBe(b.groundTruth.location.address);
    const cookie = await server.login(await server.user('trainee'));
    const readBack = `okay I have ${a.groundTruth.location.address.toLowerCase()} is that right`;

    const onA = await callWithReadBack(cookie, 11, readBack);
    const started = await server.api('POST', '/api/v1/calls/start', { cookie, body: { scenarioId: SCENARIO, mode: 'practice', seed: 12 } });
    expect(await server.api('POST', `/api/v1/calls/${started.body.id}/end`, { cookie, body: { outcome: 'completed' } })).toMatchObject({ status: 200 });
    const onB = { call: started.body as CallDetail, review: (await server.api('GET', `/api/v1/calls/${started.body.id}/review`, { cookie })).body as CallReview };

    expect(onA.call).toMatchObject({ seed: 11, ani: a.ani, ali: a.ali });
    expect(onB.call).toMatchObject({ seed: 12, ani: b.ani, ali: b.ali });
    const row = (r: CallReview, field: string) => r.truth?.find((t) => t.field === field);
    expect(row(onA.review, 'location')).toMatchObject({ truth: a.groundTruth.location.address, match: 'yes' });
    expect(row(onA.review, 'caller_name')?.truth).toBe(a.persona.name);
    expect(row(onB.review, 'location')?.truth).toBe(b.groundTruth.location.address);
    expect(row(onB.review, 'callback_number')?.truth).toBe(b.groundTruth.callbackNumber);
    const verified = onA.review.score.items.find((m) => m.rubricItem === 'location_verified');
    expect(verified?.score).toBeGreaterThan(0);
  });
});
