import { createHash } from 'node:crypto';
import { access, appendFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RECORDING_CHANNELS } from '../../../media/bridge.js';
import { scenarioFixture } from '../../test/fixtures.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../../test/harness.js';
import { startServerProcess, stopServerProcess, type ServerProcess } from '../../test/server-process.js';
import { connectSocket, nextEvent, request, type ClientSocket } from '../../test/socket.js';
import { processName } from '../live/ownership.js';
import type { ProcessLoad } from './load.js';

// Two real server processes (npm start's entry point) sharing PostgreSQL, Redis and the
// recordings folder, each socket on the process the test picks: a call's media runs on exactly
// one of them, whichever process a request comes through; a killed owner's call ends as lost
// on the other; SIGTERM drains. (e2e/cluster.test.ts does the same behind nginx, in Chromium.)

/** A successful ack; a failed one is shown whole. */
const expectOk = (ack: unknown) => expect(ack, JSON.stringify(ack)).toMatchObject({ ok: true });

type Node = ServerProcess & { name: string; dataDir: string };

const storageDir = await mkdtemp(path.join(tmpdir(), 'ringdown-shared-'));
const redis = createClient({ url: inject('redisUrl') });
let helper: TestServer;
let scenarioId: string;
const nodes: Node[] = [];
const sockets: ClientSocket[] = [];

/** A process on a new data folder, or restarted on the folder of one that was killed. */
async function startNode(dataDir?: string): Promise<Node> {
  dataDir ??= await mkdtemp(path.join(tmpdir(), 'ringdown-node-'));
  const proc = await startServerProcess({
    DATA_DIR: dataDir,
    DATABASE_URL: inject('databaseUrl'),
    REDIS_URL: inject('redisUrl'),
    STORAGE_DIR: storageDir,
    URL_SIGNING_SECRET: 's'.repeat(32),
    DRAIN_TIMEOUT_MS: '60000',
  });
  const node = { ...proc, dataDir, name: processName('redis', dataDir) };
  nodes.push(node);
  return node;
}

beforeAll(async () => {
  await redis.connect();
  // Users and the scenario only: this helper is no member of the cluster (no Redis).
  helper = await startTestServer();
  const created = await helper.api('POST', '/api/v1/scenarios', { cookie: await helper.login(await helper.user('instructor')), body: scenarioFixture() });
  scenarioId = created.body.id;
  await Promise.all([startNode(), startNode()]);
}, 300_000);
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await Promise.all(nodes.map(async (n) => n.child.exitCode === null && n.child.signalCode === null && (n.child.kill('SIGKILL'), await n.exited)));
  await helper?.close();
  await redis.quit();
});

async function signIn(node: Node, role: 'trainee' | 'instructor'): Promise<{ cookie: string; socket: ClientSocket }> {
  const user = await helper.user(role);
  const res = await fetch(`${node.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email, password: TEST_PASSWORD }) });
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const socket = await connectSocket(node.url, cookie);
  sockets.push(socket);
  return { cookie, socket };
}

async function startCall(node: Node, cookie: string): Promise<string> {
  const res = await fetch(`${node.url}/api/v1/calls/start`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ scenarioId }) });
  return ((await res.json()) as { id: string }).id;
}

const ownerOf = async (callId: string) => {
  const lease = await redis.get(`lease:call:${callId}`);
  return lease ? (JSON.parse(lease) as { owner: string; token: number }) : null;
};
const liveCalls = async () => Object.fromEntries(Object.entries(await redis.hGetAll('cluster:load')).map(([name, json]) => [name, (JSON.parse(json) as ProcessLoad).liveCalls]));

describe('server processes sharing Redis', () => {
  it('open a call once, on one process, whichever process its requests come through, and relay them to it', async () => {
    const [a, b] = nodes as [Node, Node];
    const trainee = await signIn(a, 'trainee');
    const instructor = await signIn(b, 'instructor');
    const callId = await startCall(a, trainee.cookie);

    // Both processes are asked to open the call's media at the same moment: one lease, one router.
    const [traineeJoin, instructorJoin] = await Promise.all([
      request<{ routerRtpCapabilities: unknown }>(trainee.socket, 'rtc:join', { callId }, 30_000),
      request<{ routerRtpCapabilities: unknown }>(instructor.socket, 'rtc:join', { callId }, 30_000),
    ]);
    expectOk(traineeJoin);
    expectOk(instructorJoin);
    const lease = await ownerOf(callId);
    expect([a.name, b.name]).toContain(lease?.owner);
    expect(lease?.token).toBeGreaterThan(0);
    await expect.poll(liveCalls, { timeout: 10_000 }).toMatchObject({ [lease!.owner]: 1, [[a, b].find((n) => n.name !== lease!.owner)!.name]: 0 });

    // Controls, supervision and steering from either process reach the one call.
    expect(await request(trainee.socket, 'call:answer', { callId })).toMatchObject({ ok: true, data: { status: 'active' } });
    const held = nextEvent(instructor.socket, 'call:state', (s) => s.callId === callId && s.onHold);
    expect(await request(trainee.socket, 'call:hold', { callId })).toMatchObject({ ok: true, data: { onHold: true } });
    await held;
    expect(await request(instructor.socket, 'call:supervise', { callId, mode: 'coach' })).toMatchObject({ ok: true, data: { supervisors: [{ mode: 'coach' }] } });
    expectOk(await request(instructor.socket, 'call:steer', { callId, steer: { action: 'escalate' } }));
    expect(await request(instructor.socket, 'call:answer', { callId })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await request(trainee.socket, 'call:end', { callId })).toMatchObject({ ok: true, data: { status: 'ended' } });
    // The lease is let go just after the end (an end never waits on Redis).
    await expect.poll(() => ownerOf(callId), { timeout: 5000 }).toBeNull();
    await expect.poll(liveCalls, { timeout: 10_000 }).toMatchObject({ [a.name]: 0, [b.name]: 0 });
  }, 90_000);

  it('end the call of a process killed outright as lost on another, and tell its browsers, within 15 s', async () => {
    const [a, b] = nodes as [Node, Node];
    const trainee = await signIn(a, 'trainee');
    const instructor = await signIn(b, 'instructor');
    const callId = await startCall(a, trainee.cookie);
    expectOk(await request(trainee.socket, 'rtc:join', { callId }, 30_000));
    expectOk(await request(instructor.socket, 'rtc:join', { callId }, 30_000));
    const ownerName = (await ownerOf(callId))!.owner;
    const [killed, survivor] = ownerName === a.name ? [a, b] : [b, a];
    // The caller answers a typed line: its voice is recorded, and shipped to the shared storage in pieces.
    expectOk(await request(trainee.socket, 'call:answer', { callId }));
    expectOk(await request(trainee.socket, 'call:type', { callId, text: 'nine one one what is the address of your emergency' }));
    await expect.poll(() => access(path.join(storageDir, 'recordings', callId, 'live', '000000.pcm')).then(() => true, () => false), { timeout: 20_000 }).toBe(true);
    // Told on the socket held by the process that lives on.
    const watcher = killed === a ? instructor.socket : trainee.socket;

    const lost = nextEvent(watcher, 'call:lost', (l) => l.callId === callId, 15_000);
    const killedAt = Date.now();
    killed.child.kill('SIGKILL');
    await killed.exited;
    // Its browser joins again and again, as one whose media went dead does: the call is never
    // opened again from nothing on the survivor (a second caller, a second recording).
    let over = false;
    const rejoins: unknown[] = [];
    const rejoining = (async () => {
      while (!over) {
        rejoins.push(await request(watcher, 'rtc:join', { callId }, 30_000));
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    expect((await lost).reason).toMatch(/server carrying the call went away/);
    expect(Date.now() - killedAt).toBeLessThan(15_000);
    over = true;
    await rejoining;
    expect(rejoins.length).toBeGreaterThan(0);
    for (const ack of rejoins) expect(ack).toMatchObject({ ok: false });
    const stored = await helper.api('GET', `/api/v1/calls/${callId}`, { cookie: await helper.login(await helper.user('instructor')) });
    expect(stored.body).toMatchObject({ status: 'failed', outcome: 'lost' });
    await expect.poll(liveCalls, { timeout: 10_000 }).toMatchObject({ [survivor.name]: 0 });
    nodes.splice(nodes.indexOf(killed), 1);

    // Regression: restarted on the same data folder, the killed process stored what it had left
    // on its disk as the call's recording too. The call is the survivor's to end: its recording stands.
    const recording = async () => {
      const { recordings } = (await helper.db.calls.get(callId))!;
      const bytes = await readFile(path.join(storageDir, recordings[0]!.storageKey));
      return { keys: recordings.map((r) => r.storageKey), sha256: createHash('sha256').update(bytes).digest('hex') };
    };
    const kept = await recording();
    expect(kept.keys).toHaveLength(1);
    const left = path.join(killed.dataDir, 'recordings-live', `${callId}.wav`);
    // What the killed process had recorded is still on its disk, with the last second it never
    // shipped (pieces go every 2 s): its own copy differs from the one the survivor joined.
    await appendFile(left, Buffer.alloc(16_000 * 2 * RECORDING_CHANNELS.length, 0x11));
    const restarted = await startNode(killed.dataDir);
    expect(await recording()).toEqual(kept);
    await expect(access(left)).rejects.toThrow();
    expect((await helper.db.calls.get(callId))!.events.filter((e) => e.type === 'end')).toHaveLength(1);
    await stopServerProcess(restarted); // drained at once (no calls): out of the cluster's placement
    nodes.splice(nodes.indexOf(restarted), 1);
  }, 150_000);

  it('drain on SIGTERM: no new call is placed on the draining process, /ready says 503, and its live call ends normally', async () => {
    const [survivor] = nodes as [Node];
    const fresh = await startNode();
    const trainee = await signIn(fresh, 'trainee');
    const callId = await startCall(fresh, trainee.cookie);
    expectOk(await request(trainee.socket, 'rtc:join', { callId }, 30_000));
    const ownerName = (await ownerOf(callId))!.owner;
    const draining = nodes.find((n) => n.name === ownerName)!;
    const other = draining === fresh ? survivor : fresh;

    draining.child.kill('SIGTERM');
    await expect.poll(async () => (await fetch(`${draining.url}/ready`)).status, { timeout: 10_000 }).toBe(503);
    // A second trainee's call, asked for on the draining process, opens on the other one.
    const second = await signIn(draining, 'trainee');
    const secondCall = await startCall(draining, second.cookie);
    expectOk(await request(second.socket, 'rtc:join', { callId: secondCall }, 30_000));
    expect((await ownerOf(secondCall))?.owner).toBe(other.name);
    expectOk(await request(second.socket, 'call:end', { callId: secondCall }));

    // The draining process's call goes on, and ends as the trainee ends it; then the process exits.
    expect(draining.child.exitCode).toBeNull();
    expectOk(await request(trainee.socket, 'call:answer', { callId }));
    expect(await request(trainee.socket, 'call:end', { callId })).toMatchObject({ ok: true, data: { status: 'ended' } });
    await draining.exited;
    expect(draining.child.exitCode).toBe(0);
    const stored = await helper.api('GET', `/api/v1/calls/${callId}`, { cookie: await helper.login(await helper.user('instructor')) });
    expect(stored.body).toMatchObject({ status: 'ended', outcome: 'completed' });
  }, 300_000);
});
