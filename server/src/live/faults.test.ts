import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answeredCall, callThroughFault, copiesOf, spokenLine, storedWhenFinished } from '../../test/call-under-fault.js';
import { scenarioFixture } from '../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { startRedis } from '../../test/redis-setup.js';
import { nextEvent, request } from '../../test/socket.js';

// Faults other than the database's (database-outage.test.ts), with the real processes: a
// media worker killed mid-call, Redis stopped mid-call, and a call left live by a server that
// is gone. Nothing acknowledged may be lost, and no trainee stays stuck. The Redis server is
// this file's own, so stopping it disturbs no other test; it is stopped by the last test.

let redis: Awaited<ReturnType<typeof startRedis>>;
let redisStopped: Promise<void> | undefined;
const stopRedis = () => (redisStopped ??= redis.stop());
let server: TestServer;
let scenarioId: string;

beforeAll(async () => {
  redis = await startRedis();
  server = await startTestServer({ env: { REDIS_URL: redis.url } });
  const instructor = await server.login(await server.user('instructor'));
  scenarioId = (await server.api('POST', '/api/v1/scenarios', { cookie: instructor, body: scenarioFixture() })).body.id;
}, 120_000);
afterAll(async () => {
  await server?.close();
  if (redis) await stopRedis();
});

const stored = (callId: string) => () => server.db.calls.get(callId);

describe('faults mid-call', () => {
  it('ends as lost a call whose server is gone, so its trainee can start another; a call another server carries is left alone', async () => {
    const trainee = await server.person('trainee');
    const start = () => server.api('POST', '/api/v1/calls/start', { cookie: trainee.cookie, body: { scenarioId } });
    const stuck = (await start()).body.id as string;
    // What a crash leaves: answered, its media opened by this server's earlier run, carried by nobody now.
    const token = 1_000_000; // the earlier run's lease token
    expect(await server.db.calls.take(stuck, null, token, server.live.carrier)).toBe(true);
    await server.db.calls.markMediaStarted(stuck, new Date(Date.now() - 120_000));
    const at = new Date().toISOString();
    await server.db.calls.apply({ kind: 'answer', callId: stuck, token, event: { id: randomUUID(), type: 'answer', actorId: trainee.user.id, at, data: null } });
    expect((await start()).status).toBe(409);

    const other = await server.person('trainee');
    const elsewhere = (await server.api('POST', '/api/v1/calls/start', { cookie: other.cookie, body: { scenarioId } })).body.id as string;
    await server.db.calls.take(elsewhere, null, token + 1, 'local:another-host:0123456789ab');
    await server.db.calls.markMediaStarted(elsewhere, new Date(Date.now() - 120_000));

    await server.live.reconcile();
    expect(await server.db.calls.get(stuck)).toMatchObject({ status: 'failed', outcome: 'lost', endReason: 'the server carrying the call went away' });
    expect((await server.db.calls.get(elsewhere))?.status).toBe('ringing');
    expect((await start()).status).toBe(201);
  }, 60_000);

  it('tells the trainee when the media worker is killed (kill -9), and keeps every line it acknowledged', async () => {
    const trainee = await server.person('trainee');
    const { callId, peer, pushed } = await answeredCall(server, scenarioId, trainee);
    await peer.speak(await spokenLine());
    const typed: string[] = [];
    // Not the spoken sentence: a typed line must be told apart from what the recogniser heard.
    for (const text of ['where are you right now', 'is anyone hurt', 'okay stay on the line with me']) {
      expect(await request(trainee.socket, 'call:type', { callId, text })).toEqual({ ok: true, data: null });
      typed.push(text);
    }
    await new Promise((resolve) => setTimeout(resolve, 3000)); // the caller answers, the trainee's voice is recognised
    const lost = nextEvent(trainee.socket, 'call:lost', (info) => info.callId === callId, 20_000);
    process.kill(server.workers.pidOf((await server.live.get(callId))!.room.router)!, 'SIGKILL');
    expect(await lost).toMatchObject({ reason: 'the media server failed' });
    peer.close();

    const call = await storedWhenFinished(stored(callId));
    expect(call).toMatchObject({ status: 'failed', outcome: 'lost' });
    const copies = copiesOf(call, { typed, pushed });
    expect(copies.typedInOrder).toEqual(typed);
    expect(copies.pushedMissing).toEqual([]);
    expect(copies.duplicates).toBe(0);
  }, 90_000);

  it('goes on when Redis stops mid-call (REDIS_URL set): every acknowledged line, control and the recording are stored', async () => {
    const trainee = await server.person('trainee');
    const report = await callThroughFault(server, scenarioId, trainee, { begin: stopRedis, end: async () => {} }, 8000);
    expect(report.controls).toEqual({ hold: true, unhold: true, end: true });
    expect(report.typed.length).toBeGreaterThanOrEqual(3);
    const call = await storedWhenFinished(stored(report.callId));
    expect(call).toMatchObject({ status: 'ended', outcome: 'completed' });
    const copies = copiesOf(call, report);
    expect(copies.typedInOrder).toEqual(report.typed);
    expect(copies.pushedMissing).toEqual([]);
    expect(copies.duplicates).toBe(0);
    expect(call.events.map((e) => e.type)).toEqual(expect.arrayContaining(['hold', 'unhold', 'end']));
  }, 120_000);
});
