import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

// `npm start` with NODE_ENV=production on a database of its own, so no other test's users count.

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const name = `production_test_${randomUUID().replaceAll('-', '')}`;
let url: string;
let dataDir: string;

async function query<T extends pg.QueryResultRow>(connectionString: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await query(inject('databaseUrl'), `CREATE DATABASE "${name}"`);
  const fresh = new URL(inject('databaseUrl'));
  fresh.pathname = `/${name}`;
  url = fresh.href;
  dataDir = await mkdtemp(path.join(tmpdir(), 'ringdown-production-'));
});
afterAll(async () => {
  await query(inject('databaseUrl'), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await rm(dataDir, { recursive: true, force: true });
});

/** Starts main until it says it is running, then stops it; resolves with what it printed. */
function startAndStop(env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], { env: { PATH: process.env.PATH!, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (stderr.includes('Press Ctrl-C to stop')) child.kill('SIGTERM');
  });
  return new Promise((resolve) => child.once('exit', () => resolve(stderr)));
}

describe('a production install', () => {
  it('starts with no demo accounts, even with SEED_PASSWORD set, and says how to make the first admin', async () => {
    const stderr = await startAndStop({
      NODE_ENV: 'production',
      DATABASE_URL: url,
      SEED_PASSWORD: 'a demo password',
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: '0',
      RTC_LOOPBACK_ONLY: 'true',
      LOG_LEVEL: 'silent',
    });
    expect(stderr).toContain('ringdown is running');
    expect(stderr).not.toContain('Demo accounts');
    expect(stderr).toContain('npx ringdown users create --role admin');
    expect(await query(url, 'SELECT email FROM "User"')).toEqual([]);
    expect((await query<{ n: string }>(url, 'SELECT count(*) AS n FROM "Scenario"'))[0]!.n).not.toBe('0');
  }, 120_000);
});
