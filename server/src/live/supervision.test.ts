import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallEventView } from '../protocol/api.js';
import type { CallState, SupervisionState } from '../protocol/media.js';
import { scenarioFixture } from '../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { nextEvent, request } from '../../test/socket.js';

// Supervision's authority through real sockets: who may supervise which call in which mode,
// what a supervisor may not touch, and what is stored and told (and to whom).

let server: TestServer;
let scenarioId: string;

beforeAll(async () => {
  server = await startTestServer();
  scenarioId = await addScenario(server);
});
afterAll(async () => {
  await server?.close();
});

async function addScenario(on: TestServer): Promise<string> {
  const instructorCookie = await on.login(await on.user('instructor'));
  return (await on.api('POST', '/api/v1/scenarios', { cookie: instructorCookie, body: scenarioFixture() })).body.id;
}


/** A trainee with a ringing call whose softphone joined its media. */
async function traineeOnCall(on = server, scenario = scenarioId) {
  const trainee = await on.person('trainee');
  const callId = (await on.api('POST', '/api/v1/calls/start', { cookie: trainee.cookie, body: { scenarioId: scenario } })).body.id as string;
  expect(await request(trainee.socket, 'rtc:join', { callId })).toMatchObject({ ok: true });
  return { ...trainee, callId };
}

/** The call's stored events of the kinds this file is about (not, say, the caller's emotion track). */
const CALL_EVENTS = ['ring', 'answer', 'mute', 'unmute', 'hold', 'unhold', 'transfer', 'monitor', 'coach', 'barge', 'leave', 'end'];
const eventsOf = async (callId: string, cookie: string, on = server) =>
  ((await on.api('GET', `/api/v1/calls/${callId}`, { cookie })).body.events as CallEventView[]).filter((e) => CALL_EVENTS.includes(e.type));
const eventTypes = async (callId: string, cookie: string, on = server) => (await eventsOf(callId, cookie, on)).map((e) => e.type);

const CONTROLS: [string, Record<string, unknown>][] = [
  ['call:answer', {}],
  ['call:mute', {}],
  ['call:unmute', {}],
  ['call:hold', {}],
  ['call:unhold', {}],
  ['call:transfer', { agency: 'fire', mode: 'warm' }],
  ['call:completeTransfer', {}],
  ['call:end', {}],
  ['call:type', { text: 'what is the address?' }],
];

describe('who may supervise', () => {
  it("refuses a trainee who asks to supervise, in any mode, their own call or another's, and changes nothing", async () => {
    const { callId, socket, cookie } = await traineeOnCall();
    const other = await server.person('trainee');
    for (const mode of ['monitor', 'coach', 'barge']) {
      expect(await request(other.socket, 'call:supervise', { callId, mode })).toEqual({ ok: false, code: 'forbidden', message: 'trainees do not supervise calls' });
      expect(await request(socket, 'call:supervise', { callId, mode })).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect(await request(other.socket, 'call:unsupervise', { callId })).toMatchObject({ ok: false, code: 'forbidden' });
    // Nor does another trainee get near the call's media.
    expect(await request(other.socket, 'rtc:join', { callId })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await eventTypes(callId, cookie)).toEqual(['ring']);
    expect((await server.live.get(callId))!.supervisors.size).toBe(0);
  });

  it('lets a supervisor monitor any live call, but not coach or barge in', async () => {
    const { callId } = await traineeOnCall();
    const supervisor = await server.person('supervisor');
    expect(await request(supervisor.socket, 'call:supervise', { callId, mode: 'monitor' })).toEqual({ ok: false, code: 'conflict', message: "join the call's media first (rtc:join)" });
    expect(await request(supervisor.socket, 'rtc:join', { callId })).toMatchObject({ ok: true, data: { state: { callId, status: 'ringing' } } });
    for (const mode of ['coach', 'barge']) {
      expect(await request(supervisor.socket, 'call:supervise', { callId, mode })).toEqual({
        ok: false,
        code: 'forbidden',
        message: 'only instructors coach or barge in; supervisors monitor silently',
      });
    }
    expect((await server.live.get(callId))!.supervisors.size).toBe(0);
    const monitoring = await request<SupervisionState>(supervisor.socket, 'call:supervise', { callId, mode: 'monitor' });
    expect(monitoring).toMatchObject({ ok: true, data: { callId, supervisors: [{ userId: supervisor.user.id, role: 'supervisor', mode: 'monitor', peerId: supervisor.socket.id }] } });
  });

  it("keeps a supervisor off the trainee's controls, and silent while monitoring", async () => {
    const { callId, cookie } = await traineeOnCall();
    const supervisor = await server.person('supervisor');
    const instructor = await server.person('instructor');
    for (const p of [supervisor, instructor]) {
      expect(await request(p.socket, 'rtc:join', { callId })).toMatchObject({ ok: true });
      expect(await request(p.socket, 'call:supervise', { callId, mode: 'monitor' })).toMatchObject({ ok: true });
      for (const [event, extra] of CONTROLS) {
        expect(await request(p.socket, event, { callId, ...extra }), event).toEqual({ ok: false, code: 'forbidden', message: "only the call's trainee uses its softphone" });
      }
      const send = await request<{ id: string }>(p.socket, 'rtc:createTransport', { callId, direction: 'send' });
      expect(send.ok).toBe(true);
      const produced = await request(p.socket, 'rtc:produce', {
        callId,
        transportId: send.ok ? send.data.id : '',
        kind: 'audio',
        rtpParameters: { codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 }], encodings: [{ ssrc: 1234 }] },
      });
      expect(produced).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect(await eventTypes(callId, supervisor.cookie)).toEqual(['ring', 'monitor', 'monitor']);
    // Monitoring is silent: the trainee's own view of the call does not show it either.
    expect(await eventTypes(callId, cookie)).toEqual(['ring']);
    expect((await server.live.get(callId))!.state).toMatchObject({ status: 'ringing', muted: false, onHold: false });
  });

  it('refuses to supervise a call that has ended or does not exist', async () => {
    const { callId, cookie } = await traineeOnCall();
    const instructor = await server.person('instructor');
    const unknown = randomUUID();
    expect(await request(instructor.socket, 'rtc:join', { callId: unknown })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await request(instructor.socket, 'call:supervise', { callId: unknown, mode: 'monitor' })).toMatchObject({ ok: false, code: 'not_found' });
    await server.api('POST', `/api/v1/calls/${callId}/end`, { cookie, body: {} });
    expect(await request(instructor.socket, 'rtc:join', { callId })).toMatchObject({ ok: false, code: 'conflict', message: expect.stringMatching(/ended/) });
    expect(await request(instructor.socket, 'call:supervise', { callId, mode: 'coach' })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await request(instructor.socket, 'call:supervise', { callId, mode: 'sideways' })).toMatchObject({ ok: false, code: 'bad_request', message: expect.stringMatching(/^mode: /) });
  });

  it('lets one instructor at a time coach or barge in', async () => {
    const { callId } = await traineeOnCall();
    const first = await server.person('instructor');
    const second = await server.person('admin');
    for (const p of [first, second]) expect(await request(p.socket, 'rtc:join', { callId })).toMatchObject({ ok: true });
    expect(await request(first.socket, 'call:supervise', { callId, mode: 'coach' })).toMatchObject({ ok: true });
    expect(await request(second.socket, 'call:supervise', { callId, mode: 'barge' })).toEqual({ ok: false, code: 'conflict', message: `${first.user.name} is already coaching this call` });
    expect(await request(second.socket, 'call:supervise', { callId, mode: 'monitor' })).toMatchObject({ ok: true });
    expect(await request(first.socket, 'call:unsupervise', { callId })).toMatchObject({ ok: true, data: { supervisors: [{ userId: second.user.id }] } });
    expect(await request(second.socket, 'call:supervise', { callId, mode: 'barge' })).toMatchObject({ ok: true, data: { supervisors: [{ mode: 'barge' }] } });
  });
});

describe('what supervision stores and tells', () => {
  it('answers the floor (and only the floor) what it knows of live calls, who supervises them included', async () => {
    const trainee = await traineeOnCall();
    const { callId } = trainee;
    const watcher = await server.person('supervisor');
    expect(await request(watcher.socket, 'floor:watch', { callIds: [callId] })).toEqual({
      ok: true,
      data: [{ callId, state: expect.objectContaining({ status: 'ringing' }), checklist: { done: 0, partial: 0, total: 7 }, supervisors: [] }],
    });
    const instructor = await server.person('instructor');
    expect(await request(instructor.socket, 'rtc:join', { callId })).toMatchObject({ ok: true });
    const pushed = nextEvent(watcher.socket, 'floor:call', (live) => live.callId === callId && live.supervisors.length > 0);
    expect(await request(instructor.socket, 'call:supervise', { callId, mode: 'coach' })).toMatchObject({ ok: true });
    const coach = { userId: instructor.user.id, name: instructor.user.name, role: 'instructor', mode: 'coach' };
    expect((await pushed).supervisors).toMatchObject([coach]);
    expect(await request(watcher.socket, 'floor:watch', { callIds: [callId, randomUUID()] })).toMatchObject({ ok: true, data: [{ callId, supervisors: [coach] }] });
    expect(await request(trainee.socket, 'floor:watch', { callIds: [callId] })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await request(watcher.socket, 'floor:watch', { callIds: ['nope'] })).toMatchObject({ ok: false, code: 'bad_request', message: expect.stringMatching(/^callIds\.0: /) });
  });

  it('stores every switch and leave with its actor, tells the floor, and tells the trainee only what they hear', async () => {
    const trainee = await traineeOnCall();
    const { callId } = trainee;
    const instructor = await server.person('instructor');
    const watcher = await server.person('supervisor'); // on the floor, not in the call
    // The floor hears of every change to the call (its phone state too); who supervises, as it changes:
    const floorModes: string[] = [];
    watcher.socket.on('floor:call', (live) => {
      const modes = live.supervisors.map((x) => x.mode).join();
      if (live.callId === callId && (floorModes.length === 0 ? modes !== '' : floorModes.at(-1) !== modes)) floorModes.push(modes);
    });
    const floorEvents: string[] = [];
    watcher.socket.on('call:event', (e) => e.callId === callId && floorEvents.push(e.type));
    const traineeEvents: string[] = [];
    trainee.socket.on('call:event', (e) => e.callId === callId && traineeEvents.push(e.type));
    const traineeStates: CallState[] = [];
    trainee.socket.on('call:state', (s) => traineeStates.push(s));

    expect(await request(instructor.socket, 'rtc:join', { callId })).toMatchObject({ ok: true });
    for (const mode of ['monitor', 'coach', 'barge', 'barge', 'monitor']) {
      expect(await request(instructor.socket, 'call:supervise', { callId, mode })).toMatchObject({ ok: true, data: { supervisors: [{ mode }] } });
    }
    const left = nextEvent(watcher.socket, 'call:event', (e) => e.callId === callId && e.type === 'leave');
    expect(await request(instructor.socket, 'call:unsupervise', { callId })).toEqual({ ok: true, data: { callId, supervisors: [] } });
    await left;

    const supervision = (await eventsOf(callId, watcher.cookie)).filter((e) => e.type !== 'ring');
    expect(supervision.map((e) => [e.type, e.actor?.id, e.data])).toEqual([
      ['monitor', instructor.user.id, { from: null }],
      ['coach', instructor.user.id, { from: 'monitor' }],
      ['barge', instructor.user.id, { from: 'coach' }],
      ['monitor', instructor.user.id, { from: 'barge' }],
      ['leave', instructor.user.id, { mode: 'monitor', reason: 'left' }],
    ]);
    expect(floorEvents).toEqual(['monitor', 'coach', 'barge', 'monitor', 'leave']);
    expect(floorModes).toEqual(['monitor', 'coach', 'barge', 'monitor', '']);
    // The trainee hears a coach and a barge, so is told of them; a silent monitor stays unseen.
    expect(traineeEvents).toEqual(['coach', 'barge']);
    expect(await eventTypes(callId, trainee.cookie)).toEqual(['ring', 'coach', 'barge']);
    expect(traineeStates.every((s) => !('monitored' in s))).toBe(true);
    expect((await server.live.get(callId))!.room.hasPeer(instructor.socket.id!)).toBe(false);
  });

  it('stores a leave when a supervising socket disconnects, and the call goes on', async () => {
    const { callId, cookie } = await traineeOnCall();
    const supervisor = await server.person('supervisor');
    expect(await request(supervisor.socket, 'rtc:join', { callId })).toMatchObject({ ok: true });
    expect(await request(supervisor.socket, 'call:supervise', { callId, mode: 'monitor' })).toMatchObject({ ok: true });
    supervisor.socket.close();
    await expect.poll(() => eventTypes(callId, supervisor.cookie)).toEqual(['ring', 'monitor', 'leave']);
    expect(await eventTypes(callId, cookie)).toEqual(['ring']);
    const call = (await server.live.get(callId))!;
    expect(call.supervisors.size).toBe(0);
    expect(call.live).toBe(true);
    expect(call.graceTimer).toBeUndefined();
  });

  it('loses a call whose trainee disconnects even while a supervisor listens in', async () => {
    const local = await startTestServer({ env: { RECONNECT_GRACE_MS: '300' } });
    try {
      const { callId, socket, cookie } = await traineeOnCall(local, await addScenario(local));
      const supervisor = await local.person('supervisor');
      expect(await request(supervisor.socket, 'rtc:join', { callId })).toMatchObject({ ok: true });
      expect(await request(supervisor.socket, 'call:supervise', { callId, mode: 'monitor' })).toMatchObject({ ok: true });
      socket.close();
      await expect.poll(async () => (await local.api('GET', `/api/v1/calls/${callId}`, { cookie })).body.status).toBe('failed');
    } finally {
      await local.close();
    }
  });

  it('shows the trainee "monitored" when the centre says so', async () => {
    const local = await startTestServer({ env: { SHOW_MONITORED: 'true' } });
    try {
      const trainee = await traineeOnCall(local, await addScenario(local));
      const { callId } = trainee;
      const supervisor = await local.person('supervisor');
      expect(await request(supervisor.socket, 'rtc:join', { callId })).toMatchObject({ ok: true });
      const shown = nextEvent(trainee.socket, 'call:state', (s) => s.callId === callId && s.monitored === true);
      const told = nextEvent(trainee.socket, 'call:event', (e) => e.callId === callId && e.type === 'monitor');
      expect(await request(supervisor.socket, 'call:supervise', { callId, mode: 'monitor' })).toMatchObject({ ok: true });
      await Promise.all([shown, told]);
      const hidden = nextEvent(trainee.socket, 'call:state', (s) => s.callId === callId && s.monitored === false);
      expect(await request(supervisor.socket, 'call:unsupervise', { callId })).toMatchObject({ ok: true });
      await hidden;
    } finally {
      await local.close();
    }
  });
});
