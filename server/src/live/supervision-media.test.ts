import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sine } from '../../../media/testing/signals.js';
import { readWav } from '../../../media/wav.js';
import type { Role } from '../protocol/roles.js';
import { scenarioFixture } from '../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { concat, ok, PlainPeer, tone } from '../../test/plain-peer.js';
import { request, type ClientSocket } from '../../test/socket.js';
import type { LiveCall } from './live-call.js';

// Who hears whom, from audio evidence: the real server, its SFU and caller bridge, with
// PlainTransports standing in for the browsers of a trainee, a supervisor and an instructor.
// Each party talks in a tone of its own, so what any ear (or the caller pipeline, or a
// recording channel) picked up says whose voice reached it.

const TRAINEE_HZ = 400;
const CALLER_HZ = 700;
const INSTRUCTOR_HZ = 1200;
const AMPLITUDE = 6000;
/** A tone this strong was heard; weaker than QUIET, it was not. */
const HEARD = 1000;
const QUIET = 100;

let server: TestServer;
let scenarioId: string;
const peers: PlainPeer[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  server = await startTestServer();
  const instructorCookie = await server.login(await server.user('instructor'));
  scenarioId = (await server.api('POST', '/api/v1/scenarios', { cookie: instructorCookie, body: scenarioFixture() })).body.id;
});
afterAll(async () => {
  peers.forEach((p) => p.close());
  await server?.close();
});


async function join(socket: ClientSocket, callId: string, speaks = false): Promise<PlainPeer> {
  const peer = await PlainPeer.join(socket, callId, async () => (await server.live.get(callId))!.room, { speaks });
  peers.push(peer);
  return peer;
}

/** A ringing call whose trainee hears what it is offered and talks in its tone. */
async function traineeTalking() {
  const trainee = await server.person('trainee');
  const callId = (await server.api('POST', '/api/v1/calls/start', { cookie: trainee.cookie, body: { scenarioId } })).body.id as string;
  const peer = await join(trainee.socket, callId, true);
  await peer.consume();
  await peer.speak(sine(1000, TRAINEE_HZ, AMPLITUDE));
  const call = (await server.live.get(callId))!;
  return { ...trainee, callId, peer, call };
}

async function supervising(role: Role, callId: string, mode: 'monitor' | 'coach' | 'barge') {
  const { socket, user } = await server.person(role);
  const peer = await join(socket, callId, mode !== 'monitor');
  ok(await request(socket, 'call:supervise', { callId, mode }), 'call:supervise');
  await peer.consume();
  if (mode !== 'monitor') await peer.speak(sine(1000, INSTRUCTOR_HZ, AMPLITUDE));
  return { socket, user, peer };
}

/** What the caller pipeline is fed for `ms`. */
async function callerHears(call: LiveCall, ms: number): Promise<{ frames: number; pcm: Int16Array }> {
  const frames: Int16Array[] = [];
  const onFrame = (frame: Int16Array) => frames.push(frame);
  call.room.bridge.on('lineFrame', onFrame);
  await sleep(ms);
  call.room.bridge.off('lineFrame', onFrame);
  return { frames: frames.length, pcm: concat(frames) };
}

/** Everyone's ears start afresh, then listen for `ms`. */
async function listen(ms: number, ...ears: PlainPeer[]): Promise<void> {
  for (const ear of ears) ear.clearHeard();
  await sleep(ms);
}

const callerSays = (call: LiveCall, ms: number) => void call.caller.voice.play(sine(ms, CALLER_HZ, AMPLITUDE), `tone-${Date.now()}`);

async function recordingOf(callId: string, cookie: string) {
  const detail = (await server.api('POST', `/api/v1/calls/${callId}/end`, { cookie, body: {} })).body;
  const res = await fetch(server.url + detail.recordings[0].url);
  const file = path.join(server.config.dataDir, `${callId}.wav`);
  await writeFile(file, Buffer.from(await res.arrayBuffer()));
  const [trainee, caller, agency, instructor] = (await readWav(file)).channels;
  return { trainee: trainee!, caller: caller!, agency: agency!, instructor: instructor! };
}

describe('who hears whom', () => {
  it('silent monitor: the supervisor hears the caller and the trainee, nobody hears the supervisor, and the caller hears the trainee alone', async () => {
    const { callId, peer: trainee, call } = await traineeTalking();
    const { peer: monitor } = await supervising('supervisor', callId, 'monitor');
    expect(monitor.offers.map((o) => o.source).sort()).toEqual(['caller', 'trainee']);

    callerSays(call, 1500);
    const [line] = await Promise.all([callerHears(call, 1500), listen(1500, monitor, trainee)]);
    expect(tone(monitor.heard('caller').pcm, CALLER_HZ)).toBeGreaterThan(HEARD);
    expect(tone(monitor.heard('trainee').pcm, TRAINEE_HZ)).toBeGreaterThan(HEARD);
    expect(tone(trainee.heard('caller').pcm, CALLER_HZ)).toBeGreaterThan(HEARD);
    // The trainee is offered the caller and nothing else: no trace of the supervisor.
    expect(trainee.offers.map((o) => o.source)).toEqual(['caller']);
    expect(tone(line.pcm, TRAINEE_HZ)).toBeGreaterThan(HEARD);
    expect(tone(line.pcm, CALLER_HZ)).toBeLessThan(QUIET);
  });

  it('coach: only the trainee hears the coach; the caller, its recording channel and a silent monitor do not; the coach is recorded on a track of their own', async () => {
    const { callId, cookie, peer: trainee, call } = await traineeTalking();
    const { peer: monitor } = await supervising('supervisor', callId, 'monitor');
    const { peer: coach } = await supervising('instructor', callId, 'coach');
    await expect.poll(() => trainee.offers.map((o) => o.source)).toEqual(['caller', 'instructor']);

    callerSays(call, 1500);
    const [line] = await Promise.all([callerHears(call, 1500), listen(1500, trainee, monitor, coach)]);
    expect(tone(trainee.heard('instructor').pcm, INSTRUCTOR_HZ)).toBeGreaterThan(HEARD);
    expect(tone(coach.heard('trainee').pcm, TRAINEE_HZ)).toBeGreaterThan(HEARD);
    expect(tone(coach.heard('caller').pcm, CALLER_HZ)).toBeGreaterThan(HEARD);
    expect(monitor.offers.map((o) => o.source).sort()).toEqual(['caller', 'trainee']);
    expect(monitor.heard('instructor').packets).toBe(0);
    expect(line.frames).toBeGreaterThan(60);
    expect(tone(line.pcm, TRAINEE_HZ)).toBeGreaterThan(HEARD);
    expect(tone(line.pcm, INSTRUCTOR_HZ)).toBeLessThan(QUIET);

    const recording = await recordingOf(callId, cookie);
    expect(tone(recording.instructor, INSTRUCTOR_HZ)).toBeGreaterThan(HEARD / 2);
    expect(tone(recording.caller, CALLER_HZ)).toBeGreaterThan(HEARD / 10);
    expect(tone(recording.caller, INSTRUCTOR_HZ)).toBeLessThan(QUIET);
    expect(tone(recording.trainee, INSTRUCTOR_HZ)).toBeLessThan(QUIET);
    expect(tone(recording.instructor, TRAINEE_HZ)).toBeLessThan(QUIET);
  });

  it('barge: the trainee, the caller and a silent monitor hear the instructor, and the caller still does while the trainee is muted', async () => {
    const { callId, cookie, socket, peer: trainee, call } = await traineeTalking();
    ok(await request(socket, 'call:answer', { callId }), 'call:answer');
    const { peer: monitor } = await supervising('supervisor', callId, 'monitor');
    await supervising('instructor', callId, 'barge');
    await expect.poll(() => trainee.offers.map((o) => o.source)).toEqual(['caller', 'instructor']);
    await expect.poll(() => monitor.offers.map((o) => o.source).sort()).toEqual(['caller', 'instructor', 'trainee']);

    const [line] = await Promise.all([callerHears(call, 1500), listen(1500, trainee, monitor)]);
    expect(tone(line.pcm, TRAINEE_HZ)).toBeGreaterThan(HEARD);
    expect(tone(line.pcm, INSTRUCTOR_HZ)).toBeGreaterThan(HEARD);
    expect(tone(trainee.heard('instructor').pcm, INSTRUCTOR_HZ)).toBeGreaterThan(HEARD);
    expect(tone(monitor.heard('instructor').pcm, INSTRUCTOR_HZ)).toBeGreaterThan(HEARD);

    // Muted, the trainee leaves the caller's line; the instructor stays on it, and the monitor still hears the trainee.
    ok(await request(socket, 'call:mute', { callId }), 'call:mute');
    await sleep(300);
    const [muted] = await Promise.all([callerHears(call, 1500), listen(1500, monitor)]);
    expect(muted.frames).toBeGreaterThan(60);
    expect(tone(muted.pcm, INSTRUCTOR_HZ)).toBeGreaterThan(HEARD);
    expect(tone(muted.pcm, TRAINEE_HZ)).toBeLessThan(QUIET);
    expect(tone(monitor.heard('trainee').pcm, TRAINEE_HZ)).toBeGreaterThan(HEARD);

    const recording = await recordingOf(callId, cookie);
    expect(tone(recording.instructor, INSTRUCTOR_HZ)).toBeGreaterThan(HEARD / 2);
    expect(tone(recording.trainee, INSTRUCTOR_HZ)).toBeLessThan(QUIET);
  });

  it('on hold the caller hears nobody and is not heard, while the trainee and the instructor still hear each other', async () => {
    const { callId, socket, peer: trainee, call } = await traineeTalking();
    ok(await request(socket, 'call:answer', { callId }), 'call:answer');
    const { peer: instructor } = await supervising('instructor', callId, 'barge');
    await expect.poll(() => trainee.offers.map((o) => o.source)).toEqual(['caller', 'instructor']);

    ok(await request(socket, 'call:hold', { callId }), 'call:hold');
    await sleep(300);
    callerSays(call, 1500); // forced past the pipeline's own silence on hold: the SFU must still cut it off
    const [line] = await Promise.all([callerHears(call, 1500), listen(1500, trainee, instructor)]);
    expect(line.frames).toBe(0);
    expect(trainee.heard('caller').packets).toBe(0);
    expect(tone(trainee.heard('instructor').pcm, INSTRUCTOR_HZ)).toBeGreaterThan(HEARD);
    expect(tone(instructor.heard('trainee').pcm, TRAINEE_HZ)).toBeGreaterThan(HEARD);

    ok(await request(socket, 'call:unhold', { callId }), 'call:unhold');
    await sleep(300);
    const back = await callerHears(call, 1000);
    expect(tone(back.pcm, INSTRUCTOR_HZ)).toBeGreaterThan(HEARD);
    expect(tone(back.pcm, TRAINEE_HZ)).toBeGreaterThan(HEARD);
  });

  it('switches barge -> coach -> monitor mid-call without reconnecting: the line, the monitor and the trainee follow', async () => {
    const { callId, peer: trainee, call } = await traineeTalking();
    const { peer: monitor } = await supervising('supervisor', callId, 'monitor');
    const { socket: instructorSocket, peer: instructor } = await supervising('instructor', callId, 'barge');
    await expect.poll(() => monitor.offers.some((o) => o.source === 'instructor')).toBe(true);
    const toMonitor = monitor.offers.find((o) => o.source === 'instructor')!;
    expect(tone((await callerHears(call, 1000)).pcm, INSTRUCTOR_HZ)).toBeGreaterThan(HEARD);

    ok(await request(instructorSocket, 'call:supervise', { callId, mode: 'coach' }), 'coach');
    await expect.poll(() => monitor.closedConsumers).toContain(toMonitor.id);
    await sleep(300);
    const [coached] = await Promise.all([callerHears(call, 1000), listen(1000, trainee, monitor)]);
    expect(tone(coached.pcm, INSTRUCTOR_HZ)).toBeLessThan(QUIET);
    expect(tone(coached.pcm, TRAINEE_HZ)).toBeGreaterThan(HEARD);
    expect(tone(trainee.heard('instructor').pcm, INSTRUCTOR_HZ)).toBeGreaterThan(HEARD);
    expect(monitor.heard('instructor').packets).toBe(0);

    ok(await request(instructorSocket, 'call:supervise', { callId, mode: 'monitor' }), 'monitor');
    await expect.poll(() => trainee.closedConsumers.length).toBe(1);
    await listen(1000, trainee, instructor);
    expect(trainee.heard('instructor').packets).toBe(0);
    expect(tone(instructor.heard('trainee').pcm, TRAINEE_HZ)).toBeGreaterThan(HEARD);
    // The same consumers of the caller and the trainee throughout: nothing was reconnected.
    expect(instructor.offers.map((o) => o.source).sort()).toEqual(['caller', 'trainee']);
    expect(instructor.closedConsumers).toEqual([]);
  });
});
