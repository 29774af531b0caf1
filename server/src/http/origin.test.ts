import type { IncomingMessage } from 'node:http';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSocket } from '../../test/socket.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { OriginPolicy } from './origin.js';

// Cross-site requests: which pages may change things over REST and open a socket, and which
// bodies the API reads.

const requestFrom = (headers: Record<string, string>): IncomingMessage => ({ headers }) as unknown as IncomingMessage;

describe('the origin policy', () => {
  const policy = new OriginPolicy('https://ringdown.example.org/app');

  it("allows PUBLIC_URL's origin and the host the request was sent to, default ports included", () => {
    expect(policy.refusal(requestFrom({ origin: 'https://ringdown.example.org', host: '10.0.0.5:3000' }))).toBeNull();
    expect(policy.refusal(requestFrom({ origin: 'http://localhost:3000', host: 'localhost:3000' }))).toBeNull();
    expect(policy.refusal(requestFrom({ origin: 'https://Training.Lan', host: 'training.lan:443' }))).toBeNull();
  });

  it('refuses another host, another port, an opaque origin, and a foreign Referer when Origin is absent', () => {
    expect(policy.refusal(requestFrom({ origin: 'http://evil.example', host: 'localhost:3000' }))).toBe('cross-site request refused: http://evil.example is not this site');
    expect(policy.refusal(requestFrom({ origin: 'http://localhost:8080', host: 'localhost:3000' }))).not.toBeNull();
    expect(policy.refusal(requestFrom({ origin: 'null', host: 'localhost:3000' }))).toBe('cross-site request refused: Origin "null" is not this site');
    expect(policy.refusal(requestFrom({ referer: 'https://evil.example/page?x=1', host: 'localhost:3000' }))).toBe('cross-site request refused: https://evil.example is not this site');
    expect(policy.refusal(requestFrom({ referer: 'http://localhost:3000/calls', host: 'localhost:3000' }))).toBeNull();
  });

  it('lets a request that names no page through: it does not come from a browser page', () => {
    expect(policy.refusal(requestFrom({ host: 'localhost:3000' }))).toBeNull();
  });
});

describe('cross-site requests to a running server', () => {
  let server: TestServer;
  let cookie: string;
  beforeAll(async () => {
    server = await startTestServer();
    cookie = await server.login(await server.user('trainee'));
  });
  afterAll(() => server?.close());

  it('refuses a state-changing request from a foreign Referer with 403, and lets GETs through', async () => {
    const logout = await server.api('POST', '/api/v1/auth/logout', { cookie, headers: { referer: 'http://evil.example/x' } });
    expect(logout).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    expect((await server.api('GET', '/api/v1/auth/me', { cookie, headers: { origin: 'http://evil.example' } })).status).toBe(200);
  });

  it("accepts the app's own requests: JSON bodies from its origin, and a POST with no body", async () => {
    const started = await server.api('POST', '/api/v1/calls/start', { cookie, body: { scenarioId: 'house-fire-trapped-person' }, headers: { origin: server.url } });
    expect(started.status).toBe(201);
    expect((await server.api('POST', `/api/v1/calls/${started.body.id}/end`, { cookie, headers: { origin: server.url } })).status).toBe(200);
  });

  it('answers a body that is not JSON 415, from any page (a form post, urlencoded, or none named)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await server.api('POST', '/api/v1/calls/start', { cookie, raw: '{"scenarioId":"house-fire-trapped-person"}', headers: { 'content-type': type } });
      expect(res, type).toMatchObject({ status: 415, body: { code: 'unsupported_media_type', message: 'request bodies must be JSON (Content-Type: application/json)' } });
    }
    expect((await server.api('GET', '/api/v1/calls?status=ringing', { cookie })).body.items).toEqual([]);
  });

  it('refuses a socket.io handshake from another site, over WebSocket and over polling', async () => {
    const socket = io(server.url, { transports: ['websocket'], extraHeaders: { cookie, origin: 'http://evil.example' }, reconnection: false, forceNew: true });
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    socket.close();
    expect(error.message).toMatch(/websocket error/);

    const polling = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { cookie, origin: 'http://evil.example' } });
    expect(polling.status).toBe(403);
    expect(await polling.json()).toMatchObject({ message: 'cross-site request refused: http://evil.example is not this site' });
  });

  it('accepts a socket.io handshake from the app page', async () => {
    const socket = await connectSocket(server.url, cookie);
    socket.close();
    const fromApp = io(server.url, { transports: ['websocket'], extraHeaders: { cookie, origin: server.url }, reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      fromApp.once('connect', resolve);
      fromApp.once('connect_error', reject);
    });
    fromApp.close();
  });
});
