import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { hashPassword } from '../src/auth/password.js';
import { loadConfig, PROJECT_ROOT, type Config } from '../src/config/config.js';
import { seed } from '../src/db/seed.js';
import { createLogger } from '../src/logger.js';
import type { Me } from '../src/protocol/api.js';
import type { Role } from '../src/protocol/roles.js';
import { startServer, type RunningServer } from '../src/server.js';
import { connectSocket, type ClientSocket } from './socket.js';

// A real ringdown server for a test file: the run's PostgreSQL, optionally its Redis,
// port 0, a temporary data folder. Users are made per test so files never collide.

export const TEST_PASSWORD = 'correct horse battery staple';
const passwordHash = hashPassword(TEST_PASSWORD);

export type TestServer = RunningServer & {
  config: Config;
  /** Creates a user with a unique email and TEST_PASSWORD. */
  user(role: Role): Promise<Me>;
  /** Logs in and returns the session cookie header value. */
  login(user: Me): Promise<string>;
  /** A new user of `role`, signed in, with a connected socket that closes with the server. */
  person(role: Role): Promise<{ user: Me; cookie: string; socket: ClientSocket }>;
  /** fetch against the server, JSON in and out. */
  api(method: string, url: string, options?: { cookie?: string; body?: unknown; raw?: string; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
};

export async function startTestServer(options: { redis?: boolean; env?: Record<string, string> } = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ringdown-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    // Tests never send media to this machine's real interfaces (see e2e/netns for a machine of their own).
    RTC_LOOPBACK_ONLY: 'true',
    DATABASE_URL: inject('databaseUrl'),
    ...(options.redis ? { REDIS_URL: inject('redisUrl') } : {}),
    ...options.env,
  });
  const server = await startServer(config, createLogger(config.logLevel), config.databaseUrl!);
  await seed(server.db, { scenarioDir: path.join(PROJECT_ROOT, 'prisma/scenarios') });

  const api: TestServer['api'] = async (method, url, { cookie, body, raw, headers } = {}) => {
    const res = await fetch(server.url + url, {
      method,
      headers: { ...(body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}), ...headers },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {}
    return { status: res.status, body: parsed, headers: res.headers };
  };

  const sockets: ClientSocket[] = [];
  const login: TestServer['login'] = async (user) => {
    const res = await api('POST', '/api/v1/auth/login', { body: { email: user.email, password: TEST_PASSWORD } });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.headers.get('set-cookie')!.split(';')[0]!;
  };
  const user: TestServer['user'] = async (role) =>
    server.db.users.ensure({ email: `${role}-${randomUUID()}@test.local`, name: `Test ${role}`, role, passwordHash: await passwordHash });

  return {
    ...server,
    config,
    api,
    user,
    login,
    async person(role) {
      const person = await user(role);
      const cookie = await login(person);
      const socket = await connectSocket(server.url, cookie);
      sockets.push(socket);
      return { user: person, cookie, socket };
    },
    async close() {
      sockets.forEach((s) => s.close());
      await server.close();
    },
  };
}
