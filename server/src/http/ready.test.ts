import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { EmbeddedDatabase } from '../db/embedded.js';
import { applyMigrations } from '../db/migrate.js';
import { createLogger } from '../logger.js';
import { startServer, type RunningServer } from '../server.js';

// A database of its own, so stopping it does not disturb the other test files.
let dataDir: string;
let db: EmbeddedDatabase | undefined;
let server: RunningServer;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'ringdown-ready-'));
  db = await EmbeddedDatabase.start({ dataDir: path.join(dataDir, 'pg') });
  await applyMigrations(db.url);
  const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: db.url });
  server = await startServer(config, createLogger('silent'), db.url);
}, 60_000);
afterAll(async () => {
  await server?.close();
  await db?.destroy();
  await rm(dataDir, { recursive: true, force: true });
});

async function ready() {
  const res = await fetch(`${server.url}/ready`);
  return { status: res.status, body: (await res.json()) as { ready: boolean; checks: Record<string, { ok: boolean; error?: string }> } };
}

describe('/ready', () => {
  it('turns not-ready while the database is down and ready again when it returns', async () => {
    expect((await ready()).status).toBe(200);

    await db!.stop();
    const down = await ready();
    expect(down.status).toBe(503);
    expect(down.body.ready).toBe(false);
    expect(down.body.checks.database).toMatchObject({ ok: false, error: expect.any(String) });
    expect(down.body.checks.storage!.ok).toBe(true);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);

    db = await EmbeddedDatabase.start({ dataDir: path.join(dataDir, 'pg'), port: db!.port });
    await expect.poll(async () => (await ready()).status, { timeout: 10_000 }).toBe(200);
  }, 60_000);
});
