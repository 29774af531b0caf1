import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from '../../test/socket.js';
import { TEST_PASSWORD, startTestServer, type TestServer } from '../../test/harness.js';

// Issue 11's probe, against a server on the default configuration (nothing set but the
// test database): what an attacker tried, and what must now hold.

let server: TestServer;
beforeAll(async () => void (server = await startTestServer()));
afterAll(() => server?.close());

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  server.api('POST', '/api/v1/auth/login', { body: { email, password }, headers });

describe('a probe of a default install', () => {
  // First, while the database pool holds one connection: new ones must be opened mid-burst.
  it('regression: 50 concurrent logins answered 23 of them 500 (hashing starved the database handshake)', async () => {
    const users = [];
    for (let i = 0; i < 50; i++) users.push(await server.user('trainee'));
    const answers = await Promise.all(users.map((u, i) => login(u.email, TEST_PASSWORD, { 'x-forwarded-for': `198.51.100.${i + 1}` })));
    expect(answers.map((a) => a.status)).toEqual(users.map(() => 200));
  }, 180_000);

  it('answers a cross-origin POST that would end a call 403, and the call stays live', async () => {
    const { cookie } = await server.person('trainee');
    const call = await server.api('POST', '/api/v1/calls/start', { cookie, body: { scenarioId: 'house-fire-trapped-person' } });
    expect(call.status).toBe(201);
    const attack = await server.api('POST', `/api/v1/calls/${call.body.id}/end`, {
      cookie,
      raw: '{}',
      headers: { 'content-type': 'text/plain', origin: 'http://evil.example' },
    });
    expect(attack.status).toBe(403);
    expect(attack.body).toEqual({ code: 'forbidden', message: 'cross-site request refused: http://evil.example is not this site' });
    expect((await server.api('GET', `/api/v1/calls/${call.body.id}`, { cookie })).body.status).toBe('ringing');

    const fromTheApp = await server.api('POST', `/api/v1/calls/${call.body.id}/end`, { cookie, body: {}, headers: { origin: server.url } });
    expect(fromTheApp).toMatchObject({ status: 200, body: { status: 'ended' } });
  });

  it('sends a Content-Security-Policy with frame-ancestors on the app page', async () => {
    const page = await fetch(`${server.url}/calls`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/(^|;)frame-ancestors 'none'(;|$)/);
    expect(page.headers.get('content-security-policy')).toMatch(/(^|;)script-src 'self'(;|$)/);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('strict-transport-security')).toBeNull(); // plain HTTP on localhost
  });

  it('answers 429 with Retry-After within 30 wrong passwords for one account', async () => {
    const victim = await server.user('instructor');
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<typeof login>> | undefined;
    for (let i = 0; i < 30 && !refused; i++) {
      // Each from another address: the account's own count must stop it.
      const answer = await login(victim.email, `guess ${i}`, { 'x-forwarded-for': `203.0.113.${i + 1}` });
      statuses.push(answer.status);
      if (answer.status === 429) refused = answer;
    }
    expect(refused, `statuses: ${statuses.join(' ')}`).toBeDefined();
    expect(refused!.body).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('too many failed sign-ins') });
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses NUL in a scenario field, a scenario id and a typed line, naming the field', async () => {
    const { cookie } = await server.person('instructor');
    const scenario = await server.api('GET', '/api/v1/scenarios/house-fire-trapped-person', { cookie });
    const withNul = { ...scenario.body, id: 'probe-nul', title: 'Fire\u0000' };
    const created = await server.api('POST', '/api/v1/scenarios', { cookie, body: withNul });
    expect(created.status).toBe(400);
    expect(created.body.message).toBe('title: contains a control character (U+0000 at character 5)');

    const byId = await server.api('GET', '/api/v1/scenarios/house-fire%00', { cookie });
    expect(byId).toMatchObject({ status: 400, body: { code: 'bad_request', message: expect.stringMatching(/^id: /) } });

    const trainee = await server.person('trainee');
    const call = await server.api('POST', '/api/v1/calls/start', { cookie: trainee.cookie, body: { scenarioId: 'house-fire-trapped-person' } });
    const typed = await request(trainee.socket, 'call:type', { callId: call.body.id, text: 'where\u0000 are you' });
    expect(typed).toEqual({ ok: false, code: 'bad_request', message: 'text: contains a control character (U+0000 at character 6)' });
  });
});
