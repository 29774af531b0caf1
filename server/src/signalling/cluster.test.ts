import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { scenarioFixture } from '../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { startServerProcess, stopServerProcess, type ServerProcess } from '../../test/server-process.js';
import { connectSocket, nextEvent, request, type ClientSocket } from '../../test/socket.js';

// Two real server processes (npm start's entry point) sharing one PostgreSQL and one Redis:
// what one process does reaches sockets connected to the other.

async function startProcess(): Promise<ServerProcess> {
  return startServerProcess({
    DATA_DIR: await mkdtemp(path.join(tmpdir(), 'ringdown-proc-')),
    DATABASE_URL: inject('databaseUrl'),
    REDIS_URL: inject('redisUrl'),
  });
}

let helper: TestServer;
let procs: ServerProcess[] = [];
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  helper = await startTestServer({ redis: true });
  procs = await Promise.all([startProcess(), startProcess()]);
}, 60_000);
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await Promise.all(procs.map(stopServerProcess));
  await helper?.close();
});

async function login(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'correct horse battery staple' }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

describe('two server processes with Redis', () => {
  it('share sessions, socket rooms and call updates', async () => {
    const [a, b] = procs as [ServerProcess, ServerProcess];
    const trainee = await helper.user('trainee');
    const supervisor = await helper.user('supervisor');
    const instructorCookie = await login(a.url, (await helper.user('instructor')).email);
    const scenario = await fetch(`${a.url}/api/v1/scenarios`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: instructorCookie },
      body: JSON.stringify(scenarioFixture()),
    }).then((r) => r.json());

    // A session made on A works on B: the session store is Redis.
    const traineeCookie = await login(a.url, trainee.email);
    const floorOnB = await connectSocket(b.url, await login(b.url, supervisor.email));
    const traineeOnB = await connectSocket(b.url, traineeCookie);
    sockets.push(floorOnB, traineeOnB);

    const started = nextEvent(floorOnB, 'call:updated', (c) => c.trainee.id === trainee.id);
    const call = await fetch(`${a.url}/api/v1/calls/start`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: traineeCookie },
      body: JSON.stringify({ scenarioId: scenario.id }),
    }).then((r) => r.json());
    expect(await started).toMatchObject({ id: call.id, status: 'ringing' });

    expect(await request(traineeOnB, 'call:join', { callId: call.id })).toMatchObject({ ok: true });
    const ended = nextEvent(traineeOnB, 'call:event', (e) => e.callId === call.id && e.type === 'end');
    await fetch(`${a.url}/api/v1/calls/${call.id}/end`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: traineeCookie }, body: '{}' });
    expect(await ended).toMatchObject({ type: 'end' });
  });

  it("shows a call's live floor entry to a supervisor on the other process, and its changes as they happen", async () => {
    const [a, b] = procs as [ServerProcess, ServerProcess];
    const trainee = await helper.user('trainee');
    const instructorCookie = await login(a.url, (await helper.user('instructor')).email);
    const scenario = await fetch(`${a.url}/api/v1/scenarios`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: instructorCookie },
      body: JSON.stringify(scenarioFixture()),
    }).then((r) => r.json());
    const traineeCookie = await login(a.url, trainee.email);
    const traineeOnA = await connectSocket(a.url, traineeCookie);
    const floorOnB = await connectSocket(b.url, await login(b.url, (await helper.user('supervisor')).email));
    sockets.push(traineeOnA, floorOnB);
    const call = await fetch(`${a.url}/api/v1/calls/start`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: traineeCookie },
      body: JSON.stringify({ scenarioId: scenario.id }),
    }).then((r) => r.json());

    // The call's media runs on A; B answers for it from the shared store.
    const ringing = nextEvent(floorOnB, 'floor:call', (live) => live.callId === call.id && live.state !== null);
    expect(await request(traineeOnA, 'rtc:join', { callId: call.id })).toMatchObject({ ok: true });
    expect((await ringing).state).toMatchObject({ status: 'ringing' });
    expect(await request(floorOnB, 'floor:watch', { callIds: [call.id] })).toMatchObject({ ok: true, data: [{ callId: call.id, state: { status: 'ringing' } }] });
    const held = nextEvent(floorOnB, 'floor:call', (live) => live.callId === call.id && live.state?.onHold === true);
    expect(await request(traineeOnA, 'call:answer', { callId: call.id })).toMatchObject({ ok: true });
    expect(await request(traineeOnA, 'call:hold', { callId: call.id })).toMatchObject({ ok: true });
    expect((await held).state).toMatchObject({ status: 'active', onHold: true });
    expect(await request(floorOnB, 'floor:watch', { callIds: [call.id] })).toMatchObject({ ok: true, data: [{ state: { onHold: true } }] });

    expect(await request(traineeOnA, 'call:end', { callId: call.id })).toMatchObject({ ok: true });
    // An ended call leaves the board.
    await expect.poll(() => request(floorOnB, 'floor:watch', { callIds: [call.id] })).toEqual({ ok: true, data: [] });
  });
});
