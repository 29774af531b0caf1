import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioFixture } from '../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { connectSocket, nextEvent, request, type ClientSocket } from '../../test/socket.js';

// The softphone's signalling without a browser: order, validation and authority.

let server: TestServer;
let scenarioId: string;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const instructorCookie = await server.login(await server.user('instructor'));
  scenarioId = (await server.api('POST', '/api/v1/scenarios', { cookie: instructorCookie, body: scenarioFixture() })).body.id;
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await server?.close();
});

async function traineeWithCall() {
  const trainee = await server.user('trainee');
  const cookie = await server.login(trainee);
  const call = (await server.api('POST', '/api/v1/calls/start', { cookie, body: { scenarioId } })).body;
  const socket = await connectSocket(server.url, cookie);
  sockets.push(socket);
  return { trainee, cookie, callId: call.id as string, socket };
}

describe('softphone signalling', () => {
  it('refuses requests out of order with a clear error', async () => {
    const { socket, callId } = await traineeWithCall();
    expect(await request(socket, 'rtc:createTransport', { callId, direction: 'send' })).toEqual({
      ok: false,
      code: 'conflict',
      message: "join the call's media first (rtc:join)",
    });
    expect(await request(socket, 'call:answer', { callId })).toMatchObject({ ok: false, code: 'conflict' });
    const joined = await request<{ routerRtpCapabilities: { codecs: { mimeType: string }[] }; state: { status: string } }>(socket, 'rtc:join', { callId }, 30_000);
    expect(joined.ok && joined.data.routerRtpCapabilities.codecs.map((c) => c.mimeType)).toEqual(['audio/opus']);
    expect(joined.ok && joined.data.state.status).toBe('ringing');
    expect(await request(socket, 'call:mute', { callId })).toEqual({ ok: false, code: 'conflict', message: 'answer the call first' });
    expect(await request(socket, 'rtc:consume', { callId, rtpCapabilities: { codecs: [] } })).toMatchObject({
      ok: false,
      code: 'conflict',
      message: 'create a receive transport first',
    });
    const transportId = randomUUID();
    expect(await request(socket, 'rtc:connectTransport', { callId, transportId, dtlsParameters: { fingerprints: [{ algorithm: 'sha-256', value: 'AA' }] } })).toEqual({
      ok: false,
      code: 'conflict',
      message: `no transport ${transportId}`,
    });
  });

  it('names the bad field of a malformed request and stays up', async () => {
    const { socket, callId } = await traineeWithCall();
    await request(socket, 'rtc:join', { callId }, 30_000);
    expect(await request(socket, 'rtc:createTransport', { callId, direction: 'sideways' })).toMatchObject({ ok: false, code: 'bad_request', message: expect.stringMatching(/^direction: /) });
    expect(await request(socket, 'rtc:connectTransport', { callId, transportId: randomUUID(), dtlsParameters: { fingerprints: [] } })).toMatchObject({
      ok: false,
      code: 'bad_request',
      message: expect.stringMatching(/^dtlsParameters\.fingerprints: /),
    });
    const send = await request<{ id: string }>(socket, 'rtc:createTransport', { callId, direction: 'send' });
    expect(send.ok).toBe(true);
    const produced = await request(socket, 'rtc:produce', {
      callId,
      transportId: send.ok ? send.data.id : '',
      kind: 'audio',
      rtpParameters: { codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48000 }], encodings: [{ ssrc: 'not a number' }] },
    });
    expect(produced).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await request(socket, 'call:transfer', { callId, agency: 'coast_guard', mode: 'warm' })).toMatchObject({ ok: false, code: 'bad_request', message: expect.stringMatching(/^agency: /) });
    expect(socket.connected).toBe(true);
  });

  it("keeps other people off a trainee's softphone", async () => {
    const { callId } = await traineeWithCall();
    const other = await connectSocket(server.url, await server.login(await server.user('trainee')));
    const supervisor = await connectSocket(server.url, await server.login(await server.user('supervisor')));
    sockets.push(other, supervisor);
    expect(await request(other, 'rtc:join', { callId })).toMatchObject({ ok: false, code: 'not_found' });
    // A supervisor may join the media (to supervise: supervision.test.ts), never drive the softphone.
    expect(await request(supervisor, 'call:answer', { callId })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await request(other, 'call:end', { callId })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await request(other, 'rtc:join', { callId: randomUUID() })).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('answers, tells the call room, and stores a recording when the call ends over REST', async () => {
    const { socket, callId, cookie } = await traineeWithCall();
    await request(socket, 'rtc:join', { callId }, 30_000);
    const state = nextEvent(socket, 'call:state', (s) => s.callId === callId && s.status === 'active');
    expect(await request(socket, 'call:answer', { callId })).toMatchObject({ ok: true, data: { status: 'active', muted: false, onHold: false } });
    await state;
    expect(await request(socket, 'call:answer', { callId })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await request(socket, 'call:hold', { callId })).toMatchObject({ ok: true, data: { onHold: true } });
    const ended = await server.api('POST', `/api/v1/calls/${callId}/end`, { cookie, body: {} });
    expect(ended.body).toMatchObject({ status: 'ended', outcome: 'completed' });
    expect(ended.body.holdMs).toBeGreaterThanOrEqual(0);
    expect(ended.body.recordings).toHaveLength(1);
    expect(ended.body.recordings[0]).toMatchObject({ channels: 4, sampleRateHz: 16000 });
    const controls = ended.body.events.map((e: { type: string }) => e.type).filter((type: string) => type !== 'emotion');
    expect(controls).toEqual(['ring', 'answer', 'hold', 'end']);
    expect(await request(socket, 'rtc:join', { callId }, 30_000)).toMatchObject({ ok: false, code: 'conflict' });
    expect(await server.live.get(callId)).toBeUndefined();
  });

  it('ends the call as transferred on a cold transfer, and refuses to complete a transfer that is not warm', async () => {
    const { socket, callId, cookie } = await traineeWithCall();
    await request(socket, 'rtc:join', { callId }, 30_000);
    await request(socket, 'call:answer', { callId });
    expect(await request(socket, 'call:completeTransfer', { callId })).toEqual({ ok: false, code: 'conflict', message: 'there is no warm transfer to complete' });
    expect(await request(socket, 'call:transfer', { callId, agency: 'police', mode: 'cold' })).toMatchObject({ ok: true });
    const detail = (await server.api('GET', `/api/v1/calls/${callId}`, { cookie })).body;
    expect(detail).toMatchObject({ status: 'ended', outcome: 'transferred', endReason: 'cold transfer to police' });
    expect(detail.events.find((e: { type: string }) => e.type === 'transfer').data).toEqual({ agency: 'police', mode: 'cold', stage: 'completed' });
  });

  it('loses a call whose trainee disconnects and does not come back', async () => {
    const local = await startTestServer({ env: { RECONNECT_GRACE_MS: '300' } });
    try {
      const trainee = await local.user('trainee');
      const cookie = await local.login(trainee);
      const instructorCookie = await local.login(await local.user('instructor'));
      const sid = (await local.api('POST', '/api/v1/scenarios', { cookie: instructorCookie, body: scenarioFixture() })).body.id;
      const callId = (await local.api('POST', '/api/v1/calls/start', { cookie, body: { scenarioId: sid } })).body.id;
      const socket = await connectSocket(local.url, cookie);
      await request(socket, 'rtc:join', { callId }, 30_000);
      await request(socket, 'call:answer', { callId });
      socket.close();
      await expect.poll(async () => (await local.api('GET', `/api/v1/calls/${callId}`, { cookie })).body.status).toBe('failed');
      const detail = (await local.api('GET', `/api/v1/calls/${callId}`, { cookie })).body;
      expect(detail).toMatchObject({ outcome: 'lost', endReason: "the trainee's browser disconnected" });
      expect(detail.recordings).toHaveLength(1);
    } finally {
      await local.close();
    }
  });
});
