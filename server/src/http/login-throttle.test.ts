import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '../protocol/api.js';
import { TEST_PASSWORD, startTestServer, type TestServer } from '../../test/harness.js';

// Sign-in throttling with a real server: per account, per address, reset by a success, and
// shared through Redis by two processes. Addresses come from X-Forwarded-For, which the
// server trusts from loopback (as from a reverse proxy on the same machine).

const LIMITS = { LOGIN_ACCOUNT_FAILURES: '4', LOGIN_ADDRESS_FAILURES: '6' };
/** An address of its own for each use, so counts never carry over (IPv6 documentation range, never routed). */
const address = () => `2001:db8::${randomInt(1, 0xffff).toString(16)}:${randomInt(1, 0xffff).toString(16)}`;

function login(server: TestServer, user: Pick<Me, 'email'>, password: string, from: string) {
  return server.api('POST', '/api/v1/auth/login', { body: { email: user.email, password }, headers: { 'x-forwarded-for': from } });
}

async function statuses(server: TestServer, attempts: { user: Pick<Me, 'email'>; password: string; from: string }[]): Promise<number[]> {
  const out: number[] = [];
  for (const a of attempts) out.push((await login(server, a.user, a.password, a.from)).status);
  return out;
}

describe('sign-in throttling in one process', () => {
  let server: TestServer;
  beforeAll(async () => void (server = await startTestServer({ env: LIMITS })));
  afterAll(() => server?.close());

  it("refuses an account's attempts past its limit, even with the right password, until the window ends", async () => {
    const user = await server.user('trainee');
    const wrong = Array.from({ length: 4 }, (_, i) => ({ user, password: `wrong ${i}`, from: address() }));
    expect(await statuses(server, wrong)).toEqual([401, 401, 401, 401]);
    const refused = await login(server, user, TEST_PASSWORD, address());
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('rate_limited');
    const retryAfterS = Number(refused.headers.get('retry-after'));
    expect(retryAfterS).toBeGreaterThan(14 * 60);
    expect(retryAfterS).toBeLessThanOrEqual(15 * 60);
  });

  it("resets an account's count when its owner signs in", async () => {
    const user = await server.user('trainee');
    const wrong = (n: number) => Array.from({ length: n }, (_, i) => ({ user, password: `wrong ${i}`, from: address() }));
    const right = { user, password: TEST_PASSWORD, from: address() };
    expect(await statuses(server, [...wrong(3), right, ...wrong(3), right])).toEqual([401, 401, 401, 200, 401, 401, 401, 200]);
  });

  it('refuses an address that fails on many accounts, and no other address', async () => {
    const from = address();
    const users = await Promise.all(Array.from({ length: 7 }, () => server.user('trainee')));
    expect(await statuses(server, users.slice(0, 6).map((user) => ({ user, password: 'wrong', from })))).toEqual([401, 401, 401, 401, 401, 401]);
    expect((await login(server, users[6]!, TEST_PASSWORD, from)).status).toBe(429);
    expect((await login(server, users[6]!, TEST_PASSWORD, address())).status).toBe(200);
  });

  it('never holds up a class signing in from one address: successes give the attempt back', async () => {
    const from = address();
    const users = await Promise.all(Array.from({ length: 12 }, () => server.user('trainee')));
    expect(await statuses(server, users.map((user) => ({ user, password: TEST_PASSWORD, from })))).toEqual(users.map(() => 200));
  });

  it('counts an attempt before its password is checked, so a burst at once cannot slip past the limit', async () => {
    const user = await server.user('trainee');
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => login(server, user, `wrong ${i}`, address())));
    const count = (status: number) => burst.filter((b) => b.status === status).length;
    expect([count(401), count(429)]).toEqual([4, 8]);
  });
});

describe('sign-in throttling with REDIS_URL', () => {
  let a: TestServer, b: TestServer;
  beforeAll(async () => {
    [a, b] = await Promise.all([startTestServer({ redis: true, env: LIMITS }), startTestServer({ redis: true, env: LIMITS })]);
  });
  afterAll(async () => Promise.all([a?.close(), b?.close()]));

  it("shares an account's count between processes", async () => {
    const user = await a.user('trainee');
    const attempts = [a, b, a, b, a, b].map(async (server, i) => (await login(server, user, `wrong ${i}`, address())).status);
    const answers: number[] = [];
    for (const attempt of attempts) answers.push(await attempt);
    expect(answers.filter((s) => s === 401)).toHaveLength(4);
    expect(answers.filter((s) => s === 429)).toHaveLength(2);
  });
});
