import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '../protocol/api.js';
import { scenarioFixture } from '../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { connectSocket, nextEvent, request, type ClientSocket } from '../../test/socket.js';

let server: TestServer;
let trainee: Me;
let traineeCookie: string, otherCookie: string, supervisorCookie: string;
let scenarioId: string;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  trainee = await server.user('trainee');
  traineeCookie = await server.login(trainee);
  otherCookie = await server.login(await server.user('trainee'));
  supervisorCookie = await server.login(await server.user('supervisor'));
  const instructorCookie = await server.login(await server.user('instructor'));
  scenarioId = (await server.api('POST', '/api/v1/scenarios', { cookie: instructorCookie, body: scenarioFixture() })).body.id;
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await server?.close();
});

async function connect(cookie?: string) {
  const socket = await connectSocket(server.url, cookie);
  sockets.push(socket);
  return socket;
}

describe('signalling', () => {
  it('refuses a socket without a session', async () => {
    await expect(connect()).rejects.toThrow(/unauthorized/);
    await expect(connect('ringdown_session=forged')).rejects.toThrow(/unauthorized/);
  });

  it('lets a trainee join their own call and hear its events', async () => {
    const call = (await server.api('POST', '/api/v1/calls/start', { cookie: traineeCookie, body: { scenarioId } })).body;
    const socket = await connect(traineeCookie);
    const joined = await request<{ id: string; ani: string }>(socket, 'call:join', { callId: call.id });
    expect(joined).toMatchObject({ ok: true, data: { id: call.id, ani: '(312) 555-0100' } });
    const ended = nextEvent(socket, 'call:event', (e) => e.callId === call.id && e.type === 'end');
    await server.api('POST', `/api/v1/calls/${call.id}/end`, { cookie: traineeCookie, body: {} });
    expect(await ended).toMatchObject({ type: 'end', actor: { id: trainee.id } });
  });

  it('never lets a trainee join another trainee\'s call', async () => {
    const call = (await server.api('POST', '/api/v1/calls/start', { cookie: otherCookie, body: { scenarioId } })).body;
    const socket = await connect(traineeCookie);
    expect(await request(socket, 'call:join', { callId: call.id })).toEqual({ ok: false, code: 'not_found', message: `call "${call.id}" not found` });
    const supervisor = await connect(supervisorCookie);
    expect(await request(supervisor, 'call:join', { callId: call.id })).toMatchObject({ ok: true });
    await server.api('POST', `/api/v1/calls/${call.id}/end`, { cookie: otherCookie, body: {} });
  });

  it('answers malformed and unknown requests with a clear error and stays up', async () => {
    const socket = await connect(traineeCookie);
    expect(await request(socket, 'call:join', { callId: 'nope' })).toMatchObject({ ok: false, code: 'bad_request', message: expect.stringMatching(/^callId: /) });
    expect(await request(socket, 'call:join', 'a string')).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await request(socket, 'call:join', null)).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await request(socket, 'call:teleport', {})).toEqual({ ok: false, code: 'bad_request', message: 'unknown request "call:teleport"' });
    expect(await request(socket, 'call:join', { callId: randomUUID() })).toMatchObject({ ok: false, code: 'not_found' });
    expect(socket.connected).toBe(true);
  });

  it('tells the floor, not other trainees, when a call starts', async () => {
    const supervisor = await connect(supervisorCookie);
    const other = await connect(otherCookie);
    let otherSaw = false;
    other.on('call:updated', () => (otherSaw = true));
    const seen = nextEvent(supervisor, 'call:updated', (c) => c.trainee.id === trainee.id && c.status === 'ringing');
    const call = (await server.api('POST', '/api/v1/calls/start', { cookie: traineeCookie, body: { scenarioId } })).body;
    expect((await seen).id).toBe(call.id);
    await server.api('POST', `/api/v1/calls/${call.id}/end`, { cookie: traineeCookie, body: {} });
    expect(otherSaw).toBe(false);
  });
});
