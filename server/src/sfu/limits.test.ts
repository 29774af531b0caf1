import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioFixture } from '../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { connectSocket, request, type ClientSocket } from '../../test/socket.js';
import { MEDIA_LIMITS, TRANSPORTS_PER_CALL } from './limits.js';

// The media limits as an attacker meets them, on a server with the default settings: one
// trainee hammering their own call is stopped with `limit_exceeded` while another trainee's
// new call still gets its transports; an id in upper case is the same call.

/** The first rtc:join of a call opens it (its caller's models are readied): seconds on a busy machine. */
const OPENS_CALL = 30_000;

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

async function traineeWithCall(on = server, scenario = scenarioId) {
  const trainee = await on.person('trainee');
  const callId = (await on.api('POST', '/api/v1/calls/start', { cookie: trainee.cookie, body: { scenarioId: scenario } })).body.id as string;
  return { ...trainee, callId };
}

const transport = (socket: ClientSocket, callId: string, direction: 'send' | 'recv') => request<{ id: string }>(socket, 'rtc:createTransport', { callId, direction });

describe('media limits on a default install', () => {
  it("stops a trainee at the participant's limits with limit_exceeded while another trainee's new call gets its transports", async () => {
    const hammer = await traineeWithCall();
    expect(await request(hammer.socket, 'rtc:join', { callId: hammer.callId }, OPENS_CALL)).toMatchObject({ ok: true });
    expect(await transport(hammer.socket, hammer.callId, 'recv')).toMatchObject({ ok: true });
    // Both at once: the second is counted before the first exists.
    const sends = await Promise.all([transport(hammer.socket, hammer.callId, 'send'), transport(hammer.socket, hammer.callId, 'send')]);
    expect(sends.filter((a) => a.ok)).toHaveLength(1);
    const refused = await Promise.all(Array.from({ length: 20 }, (_, i) => transport(hammer.socket, hammer.callId, i % 2 ? 'send' : 'recv')));
    for (const reply of [...sends.filter((a) => !a.ok), ...refused]) {
      expect(reply).toMatchObject({ ok: false, code: 'limit_exceeded', message: expect.stringMatching(/^a participant has at most 1 (send|recv) transport/) });
    }

    // More sockets on the same call: the trainee's connections are counted per call.
    const extra = await Promise.all(Array.from({ length: MEDIA_LIMITS.traineePeersPerCall }, () => connectSocket(server.url, hammer.cookie)));
    const joins = [];
    for (const socket of extra) joins.push(await request(socket, 'rtc:join', { callId: hammer.callId }));
    expect(joins.at(-1)).toEqual({ ok: false, code: 'limit_exceeded', message: "a call has at most 2 of its trainee's connections in its media" });
    extra.forEach((s) => s.close());

    const other = await traineeWithCall();
    expect(await request(other.socket, 'rtc:join', { callId: other.callId }, OPENS_CALL)).toMatchObject({ ok: true });
    expect(await transport(other.socket, other.callId, 'recv')).toMatchObject({ ok: true });
    expect(await transport(other.socket, other.callId, 'send')).toMatchObject({ ok: true });
    expect(hammer.socket.connected && other.socket.connected).toBe(true);
  });

  it('refuses a second microphone on one participant', async () => {
    const { socket, callId } = await traineeWithCall();
    await request(socket, 'rtc:join', { callId }, 30_000);
    const send = await transport(socket, callId, 'send');
    const rtpParameters = { codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 }], encodings: [{ ssrc: 1111 }] };
    const produce = () => request(socket, 'rtc:produce', { callId, transportId: send.ok ? send.data.id : '', kind: 'audio', rtpParameters });
    expect(await produce()).toMatchObject({ ok: true });
    expect(await produce()).toMatchObject({ ok: false, code: 'limit_exceeded' });
  });

  it('joins the same live call when the id comes in upper case, over sockets and REST', async () => {
    const { socket, cookie, callId } = await traineeWithCall();
    await request(socket, 'rtc:join', { callId }, 30_000);
    const live = await server.live.get(callId);
    const routers = (await server.workers.check()).routers;

    const second = await connectSocket(server.url, cookie);
    const upper = callId.toUpperCase();
    expect(await request(second, 'rtc:join', { callId: upper })).toMatchObject({ ok: true, data: { state: { callId } } });
    expect(await request(second, 'call:answer', { callId: upper })).toMatchObject({ ok: true, data: { callId, status: 'active' } });
    expect((await server.workers.check()).routers).toBe(routers);
    expect(await server.live.get(callId)).toBe(live);
    expect(await server.live.get(upper)).toBeUndefined();
    expect((await server.api('GET', `/api/v1/calls/${upper}`, { cookie })).body).toMatchObject({ id: callId, status: 'active' });

    expect((await server.api('POST', `/api/v1/calls/${upper}/end`, { cookie, body: {} })).body).toMatchObject({ id: callId, status: 'ended' });
    expect(await request(second, 'call:mute', { callId: upper })).toMatchObject({ ok: false, code: 'conflict' });
    second.close();
  });

  it("answers another trainee's live call exactly as a call that does not exist", async () => {
    const owner = await traineeWithCall();
    await request(owner.socket, 'rtc:join', { callId: owner.callId }, OPENS_CALL);
    const { socket } = await server.person('trainee');
    const unknown = randomUUID();
    for (const event of ['rtc:join', 'rtc:createTransport', 'call:answer', 'call:end', 'call:join']) {
      const payload = (callId: string) => ({ callId, direction: 'recv' });
      const theirs = await request(socket, event, payload(owner.callId));
      const none = await request(socket, event, payload(unknown));
      expect(theirs).toEqual({ ok: false, code: 'not_found', message: `call "${owner.callId}" not found` });
      expect(none).toEqual({ ok: false, code: 'not_found', message: `call "${unknown}" not found` });
    }
  });

  it('answers a flood on one connection with rate_limited and serves it again a second later', async () => {
    const { socket, callId } = await traineeWithCall();
    const replies = await Promise.all(Array.from({ length: 200 }, () => request(socket, 'call:join', { callId })));
    const limited = replies.filter((r) => !r.ok && r.code === 'rate_limited');
    expect(replies.filter((r) => r.ok).length).toBeLessThanOrEqual(server.config.socketRequestsPerSecond);
    expect(limited.length).toBeGreaterThanOrEqual(200 - server.config.socketRequestsPerSecond * 2);
    expect(limited[0]).toMatchObject({ message: expect.stringMatching(/^too many requests on this connection: wait \d+ ms$/) });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await request(socket, 'call:join', { callId })).toMatchObject({ ok: true });
  });
});

describe('media capacity', () => {
  it('gives each call its share of the ports: a call beyond them is refused as unavailable, and /ready says why while /health stays up', async () => {
    // Ports for exactly one call per worker.
    const workers = cpus().length;
    const small = await startTestServer({ env: { RTC_MIN_PORT: '45000', RTC_MAX_PORT: String(45000 + workers * TRANSPORTS_PER_CALL - 1) } });
    try {
      const scenario = await addScenario(small);
      const calls = [];
      for (let i = 0; i < workers; i++) {
        const call = await traineeWithCall(small, scenario);
        expect(await request(call.socket, 'rtc:join', { callId: call.callId }, OPENS_CALL)).toMatchObject({ ok: true });
        calls.push(call);
      }
      const late = await traineeWithCall(small, scenario);
      expect(await request(late.socket, 'rtc:join', { callId: late.callId })).toMatchObject({
        ok: false,
        code: 'unavailable',
        message: expect.stringMatching(/^media capacity exhausted: \d+ calls on \d+ worker\(s\) of 1 calls each/),
      });
      // Refused, it is no stuck call of this process's: the next reconcile leaves it ringing.
      expect(await small.live.reconcile()).toBe(0);
      expect((await small.db.calls.get(late.callId))?.status).toBe('ringing');
      const ready = await fetch(`${small.url}/ready`);
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { checks: Record<string, unknown> }).checks.mediaCapacity).toMatchObject({ ok: false, error: expect.stringMatching(/^media capacity exhausted/) });
      expect((await fetch(`${small.url}/health`)).status).toBe(200);

      // A call in progress still gets every transport its share holds.
      const first = calls[0]!;
      expect(await transport(first.socket, first.callId, 'recv')).toMatchObject({ ok: true });
      expect(await transport(first.socket, first.callId, 'send')).toMatchObject({ ok: true });

      await small.api('POST', `/api/v1/calls/${first.callId}/end`, { cookie: first.cookie, body: {} });
      expect((await fetch(`${small.url}/ready`)).status).toBe(200);
      expect(await request(late.socket, 'rtc:join', { callId: late.callId }, OPENS_CALL)).toMatchObject({ ok: true });
    } finally {
      await small.close();
    }
  }, 90_000);
});
