import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { intentModel } from '../src/caller/intent-model.js';
import { hashPassword } from '../src/auth/password.js';
import { loadConfig, PROJECT_ROOT } from '../src/config/config.js';
import { EmbeddedDatabase } from '../src/db/embedded.js';
import { applyMigrations } from '../src/db/migrate.js';
import { seed } from '../src/db/seed.js';
import { natureModel } from '../src/intelligence/extract/nature-model.js';
import { createLogger } from '../src/logger.js';
import type { Role } from '../src/protocol/roles.js';
import { startServer, type RunningServer } from '../src/server.js';
import { connectSocket, type ClientSocket } from '../test/socket.js';

// ringdown for the turn benchmarks, started as `npm start` starts it: on the embedded
// PostgreSQL (a throwaway cluster in a temporary folder, so the bench's people and calls never
// land in the everyday database) or on DATABASE_URL when set, migrated, the intent and nature
// models ready, the scenario library seeded. People sign in over HTTP and connect their
// socket as the browser does.

export type BenchPerson = { cookie: string; socket: ClientSocket };

export class BenchServer {
  readonly #password: string;
  readonly #passwordHash: string;
  readonly #cleanup: () => Promise<void>;

  private constructor(
    readonly server: RunningServer,
    /** Which database the calls are written to. */
    readonly database: string,
    password: string,
    passwordHash: string,
    cleanup: () => Promise<void>,
  ) {
    this.#password = password;
    this.#passwordHash = passwordHash;
    this.#cleanup = cleanup;
  }

  /** `env` adds to (or overrides) the environment the server is configured from: an LLM, say. */
  static async start(env: Record<string, string> = {}): Promise<BenchServer> {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'ringdown-bench-'));
    let embedded: EmbeddedDatabase | undefined;
    let server: RunningServer | undefined;
    const cleanup = async () => {
      await server?.close();
      await embedded?.destroy();
      await rm(dataDir, { recursive: true, force: true });
    };
    try {
      const config = loadConfig({ ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: process.env.LOG_LEVEL ?? 'error', RTC_LOOPBACK_ONLY: 'true', ...env });
      if (!config.databaseUrl) embedded = await EmbeddedDatabase.start({ dataDir: path.join(dataDir, 'postgres') });
      const url = config.databaseUrl ?? embedded!.url;
      await applyMigrations(url);
      intentModel();
      natureModel();
      server = await startServer(config, createLogger(config.logLevel), url);
      await seed(server.db, { scenarioDir: path.join(PROJECT_ROOT, 'prisma/scenarios') });
      const password = randomBytes(12).toString('base64url');
      return new BenchServer(server, embedded ? 'embedded PostgreSQL' : 'DATABASE_URL', password, await hashPassword(password), cleanup);
    } catch (error) {
      await cleanup().catch(() => undefined);
      throw error;
    }
  }

  /** A new user of `role`, signed in, their socket connected (a supervisor's joins the floor). */
  async person(role: Role): Promise<BenchPerson> {
    const email = `bench-${role}-${randomUUID()}@bench.local`;
    await this.server.db.users.ensure({ email, name: `Bench ${role}`, role, passwordHash: this.#passwordHash });
    const res = await fetch(`${this.server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: this.#password }),
    });
    if (res.status !== 200) throw new Error(`bench sign-in failed: ${res.status} ${await res.text()}`);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    return { cookie, socket: await connectSocket(this.server.url, cookie) };
  }

  /** A practice call of `scenarioId` drawn with `seed`, started by its trainee over the API: its id. */
  async startCall(trainee: BenchPerson, scenarioId: string, seed: number): Promise<string> {
    const res = await fetch(`${this.server.url}/api/v1/calls/start`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: trainee.cookie },
      body: JSON.stringify({ scenarioId, seed }),
    });
    const body = (await res.json()) as { id?: string; message?: string };
    if (!res.ok || !body.id) throw new Error(`bench call not started: ${res.status} ${body.message ?? ''}`);
    return body.id;
  }

  /** What the database holds of these calls: transcript lines, events, entities and checklist marks, each a row written during the call. */
  async stored(callIds: Iterable<string>): Promise<{ lines: number; rows: number }> {
    let lines = 0;
    let rows = 0;
    for (const id of callIds) {
      const call = await this.server.db.calls.get(id);
      if (!call) continue;
      lines += call.transcript.length;
      rows += call.transcript.length + call.events.length + call.entities.length + (await this.server.db.calls.checklistMarks(id)).length;
    }
    return { lines, rows };
  }

  close(): Promise<void> {
    return this.#cleanup();
  }
}
