import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../config/config.js';
import { scenarioFixture } from '../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { connectSocket, nextEvent, request, type ClientSocket } from '../../test/socket.js';

// Two real server processes (npm start's entry point) sharing one PostgreSQL and one Redis:
// what one process does reaches sockets connected to the other.

type Proc = { child: ChildProcess; url: string };

async function startProcess(): Promise<Proc> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'server/src/main.ts')], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: await mkdtemp(path.join(tmpdir(), 'ringdown-proc-')),
      DATABASE_URL: inject('databaseUrl'),
      REDIS_URL: inject('redisUrl'),
      SEED_DEMO_USERS: 'false',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'ringdown is ready' && entry.url) resolve(entry.url);
    });
  });
  return { child, url };
}

let helper: TestServer;
let procs: Proc[] = [];
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  helper = await startTestServer({ redis: true });
  procs = await Promise.all([startProcess(), startProcess()]);
}, 60_000);
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await Promise.all(
    procs.map(({ child }) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : (child.once('exit', resolve), child.kill('SIGTERM'))))),
  );
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
    const [a, b] = procs as [Proc, Proc];
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
    const [a, b] = procs as [Proc, Proc];
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
