import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioFixture } from '../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { nextEvent, request } from '../../test/socket.js';
import type { CallEventView } from '../protocol/api.js';

// An instructor steering the caller through real sockets: who may, what each steer does to
// the live call, and that the trainee hears of none of it while the call is live.

let server: TestServer;
let scenarioId: string;

beforeAll(async () => {
  server = await startTestServer();
  const instructorCookie = await server.login(await server.user('instructor'));
  const scenario = scenarioFixture({
    script: {
      openingLine: 'My kitchen is on fire!',
      revealRules: [{ fact: 'dog', answer: 'My dog is still inside!', when: 'askedFor', intents: [], keywords: ['dog'], values: ['dog'] }],
      timeline: [],
      preArrivalInstructions: [],
    },
  });
  scenarioId = (await server.api('POST', '/api/v1/scenarios', { cookie: instructorCookie, body: scenario })).body.id;
});
afterAll(async () => {
  await server?.close();
});


async function answeredCall() {
  const trainee = await server.person('trainee');
  const callId = (await server.api('POST', '/api/v1/calls/start', { cookie: trainee.cookie, body: { scenarioId } })).body.id as string;
  expect(await request(trainee.socket, 'rtc:join', { callId })).toMatchObject({ ok: true });
  expect(await request(trainee.socket, 'call:answer', { callId })).toMatchObject({ ok: true });
  return { ...trainee, callId };
}

const steersOf = async (callId: string, cookie: string) =>
  ((await server.api('GET', `/api/v1/calls/${callId}`, { cookie })).body.events as CallEventView[]).filter((e) => e.type === 'steer');

describe('steering the caller', () => {
  it('lets only instructors steer, refusing everyone else with nothing changed', async () => {
    const trainee = await answeredCall();
    const supervisor = await server.person('supervisor');
    const instructor = await server.person('instructor');
    const steer = { action: 'escalate' };
    expect(await request(trainee.socket, 'call:steer', { callId: trainee.callId, steer })).toEqual({ ok: false, code: 'forbidden', message: 'only instructors steer the caller' });
    expect(await request(supervisor.socket, 'call:steer', { callId: trainee.callId, steer })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await steersOf(trainee.callId, instructor.cookie)).toEqual([]);
    expect(await request(instructor.socket, 'call:steer', { callId: randomUUID(), steer })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await request(instructor.socket, 'call:steer', { callId: trainee.callId, steer: { action: 'explode' } })).toMatchObject({ ok: false, code: 'bad_request', message: expect.stringMatching(/^steer\.action: /) });
    expect(await request(instructor.socket, 'call:steer', { callId: trainee.callId, steer: { action: 'reveal', fact: 'secret_plans' } })).toEqual({
      ok: false,
      code: 'bad_request',
      message: 'the scenario has no fact "secret_plans"',
    });
  });

  it('refuses to steer a caller whose call is not answered yet', async () => {
    const trainee = await server.person('trainee');
    const callId = (await server.api('POST', '/api/v1/calls/start', { cookie: trainee.cookie, body: { scenarioId } })).body.id as string;
    await request(trainee.socket, 'rtc:join', { callId });
    const instructor = await server.person('instructor');
    expect(await request(instructor.socket, 'call:steer', { callId, steer: { action: 'escalate' } })).toEqual({
      ok: false,
      code: 'conflict',
      message: 'the caller can be steered once the call is answered',
    });
  });

  it('escalates the caller: the softphone shows the new emotion, the floor sees the steer, the trainee does not', async () => {
    const trainee = await answeredCall();
    const { callId } = trainee;
    const instructor = await server.person('instructor');
    let traineeSawSteer = false;
    trainee.socket.on('call:event', (e) => (traineeSawSteer ||= e.type === 'steer'));
    const floorSaw = nextEvent(instructor.socket, 'call:event', (e) => e.callId === callId && e.type === 'steer');
    const panicked = nextEvent(trainee.socket, 'call:state', (s) => s.callId === callId && s.caller.emotion === 'panicked', 10_000);
    expect(await request(instructor.socket, 'call:steer', { callId, steer: { action: 'escalate' } })).toEqual({ ok: true, data: null });
    await panicked; // the fixture's caller starts anxious
    expect(await floorSaw).toMatchObject({ type: 'steer', actor: { id: instructor.user.id }, data: { action: 'escalate' } });
    expect(traineeSawSteer).toBe(false);
    expect(await steersOf(callId, trainee.cookie)).toEqual([]);
    await request(trainee.socket, 'call:end', { callId });
    // After the call the review shows who steered what, and when.
    expect(await steersOf(callId, trainee.cookie)).toMatchObject([{ actor: { id: instructor.user.id }, data: { action: 'escalate' } }]);
  });

  it('puts sirens behind the caller on a track of their own, and takes them away', async () => {
    const { callId } = await answeredCall();
    const instructor = await server.person('instructor');
    expect(await request(instructor.socket, 'call:steer', { callId, steer: { action: 'noise', noise: 'sirens' } })).toEqual({ ok: true, data: null });
    const room = (await server.live.get(callId))!.room;
    const producer = room.voiceProducer('background')!;
    expect(producer).toBeDefined();
    await expect.poll(async () => (await producer.getStats())[0]?.packetCount ?? 0, { timeout: 5000 }).toBeGreaterThan(25);
    expect(await request(instructor.socket, 'call:steer', { callId, steer: { action: 'noise', noise: 'none' } })).toEqual({ ok: true, data: null });
    expect(room.voiceProducer('background')).toBeUndefined();
    expect(producer.closed).toBe(true);
  });

  it('makes the caller say a fact now, and hang up: the call ends with the steer before its end', async () => {
    const { callId, cookie } = await answeredCall();
    const instructor = await server.person('instructor');
    const said = nextEvent(instructor.socket, 'call:transcript', (s) => s.callId === callId && /dog/.test(s.text), 15_000);
    expect(await request(instructor.socket, 'rtc:join', { callId })).toMatchObject({ ok: true }); // in the call's room, to see its transcript
    expect(await request(instructor.socket, 'call:steer', { callId, steer: { action: 'reveal', fact: 'dog' } })).toEqual({ ok: true, data: null });
    await said;
    expect(await request(instructor.socket, 'call:steer', { callId, steer: { action: 'hangUp' } })).toEqual({ ok: true, data: null });
    const ended = (await server.api('GET', `/api/v1/calls/${callId}`, { cookie })).body;
    expect(ended).toMatchObject({ status: 'ended', outcome: 'caller_hung_up', endReason: 'the caller hung up' });
    expect(ended.events.map((e: CallEventView) => e.type).filter((t: string) => t === 'steer' || t === 'end')).toEqual(['steer', 'steer', 'end']);
    expect(await request(instructor.socket, 'call:steer', { callId, steer: { action: 'calm' } })).toMatchObject({ ok: false, code: 'conflict' });
  });
});
