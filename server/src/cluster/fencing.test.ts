import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { scenarioFixture } from '../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { connectSocket, nextEvent, request, type ClientSocket } from '../../test/socket.js';

// Two server processes sharing PostgreSQL and Redis. The call's owner stalls past its lease (its
// renewals stop, as in a long pause), the lease lapses and the other process takes the call
// over; the stalled owner then wakes and writes about the call. The database must refuse
// those writes (they carry the old lease's token), the stalled owner's ack must not say ok,
// its copy of the call must stop, and the new owner's call must stand.

const redis = createClient({ url: inject('redisUrl') });
let a: TestServer;
let b: TestServer;
let scenarioId: string;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  await redis.connect();
  [a, b] = await Promise.all([startTestServer({ redis: true }), startTestServer({ redis: true })]);
  const instructor = await a.login(await a.user('instructor'));
  scenarioId = (await a.api('POST', '/api/v1/scenarios', { cookie: instructor, body: scenarioFixture() })).body.id;
}, 120_000);
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await Promise.all([a?.close(), b?.close()]);
  await redis.quit();
});

const lease = async (callId: string) => {
  const held = await redis.get(`lease:call:${callId}`);
  return held ? (JSON.parse(held) as { owner: string; token: number }) : null;
};

/**
 * A trainee's answered call on `a`, with a socket on each process. `a` then stalls: it renews
 * nothing, its lease lapses, and `b` takes the call over. (The media is opened on the process
 * the test names, not placed: other test files' servers share this Redis and may be placed on.)
 */
async function stalledCall() {
  const trainee = await a.user('trainee');
  const cookie = await a.login(trainee);
  const callId = (await a.api('POST', '/api/v1/calls/start', { cookie, body: { scenarioId } })).body.id as string;
  const [onA, onB] = await Promise.all([connectSocket(a.url, cookie), connectSocket(b.url, cookie)]);
  sockets.push(onA, onB);
  const principal = { userId: trainee.id, role: trainee.role, name: trainee.name, email: trainee.email };
  await a.live.join({ id: onA.id!, principal }, callId);
  const { owner, token: staleToken } = (await lease(callId))!;
  expect(owner).toBe(a.live.carrier);
  expect(await request(onA, 'call:answer', { callId })).toMatchObject({ ok: true });
  expect(await request(onA, 'call:type', { callId, text: 'nine one one what is the address of your emergency' })).toEqual({ ok: true, data: null });

  a.live.leases.stop();
  await expect.poll(() => lease(callId), { timeout: 15_000, interval: 250 }).toBeNull();
  await b.live.join({ id: onB.id!, principal }, callId);
  const taken = await lease(callId);
  expect(taken?.owner).toBe(b.live.carrier);
  expect(taken!.token).toBeGreaterThan(staleToken);
  return { callId, onStale: onA, onOwner: onB };
}

const stored = (callId: string) => a.db.calls.get(callId);

describe('a stalled owner whose lease another process took', () => {
  it('has the transcript line it writes refused: its ack is not ok, its copy of the call stops and tells its browsers to join again, and the new owner goes on', async () => {
    const { callId, onStale, onOwner } = await stalledCall();
    const moved = nextEvent(onStale, 'rtc:moved', (info) => info.callId === callId, 10_000);

    const stale = await request(onStale, 'call:type', { callId, text: 'is anyone hurt' });
    expect(stale).toMatchObject({ ok: false, code: 'conflict' });
    await expect.poll(async () => a.live.get(callId), { timeout: 10_000 }).toBeUndefined();
    // The browser whose media was on the stale copy is told to join again (which reaches the owner).
    expect(await moved).toEqual({ callId });
    a.live.leases.start();

    expect(await request(onOwner, 'call:type', { callId, text: 'stay on the line with me' })).toEqual({ ok: true, data: null });
    const call = await stored(callId);
    const typed = call!.transcript.filter((s) => s.speaker === 'trainee').map((s) => s.text);
    expect(typed.sort()).toEqual(['nine one one what is the address of your emergency', 'stay on the line with me']);
    expect(call).toMatchObject({ status: 'active' });
    expect(await request(onOwner, 'call:end', { callId })).toMatchObject({ ok: true, data: { status: 'ended' } });
  }, 120_000);

  it('has its end of the call refused: its ack is not ok, and the call stays live with the new owner, who ends it with one recording', async () => {
    const { callId, onStale, onOwner } = await stalledCall();

    expect(await request(onStale, 'call:end', { callId }, 30_000)).toMatchObject({ ok: false, code: 'conflict' });
    expect(await stored(callId)).toMatchObject({ status: 'active', endedAt: null, recordings: [] });
    expect(await a.live.get(callId)).toBeUndefined();
    a.live.leases.start();

    expect(await request(onOwner, 'call:end', { callId }, 30_000)).toMatchObject({ ok: true, data: { status: 'ended' } });
    const call = await stored(callId);
    expect(call).toMatchObject({ status: 'ended', outcome: 'completed' });
    expect(call!.events.filter((e) => e.type === 'end')).toHaveLength(1);
    expect(call!.recordings).toHaveLength(1);
  }, 120_000);
});
