import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddedDatabase } from './embedded.js';
import { freePort } from '../../test/free-port.js';

const EMBEDDED = fileURLToPath(new URL('./embedded.ts', import.meta.url));

let dir: string;
let dataDir: string;
let port: number;
const started: EmbeddedDatabase[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ringdown-embedded-'));
  dataDir = path.join(dir, 'pg');
  port = await freePort();
});
afterEach(async () => {
  await Promise.all(started.splice(0).map((db) => db.stop()));
  await rm(dir, { recursive: true, force: true });
});


async function start(): Promise<EmbeddedDatabase> {
  const db = await EmbeddedDatabase.start({ dataDir, port });
  started.push(db);
  return db;
}

async function currentDatabase(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0]!.db;
  } finally {
    await client.end();
  }
}

/** Pids of live processes whose command line names the data folder (the postmaster). */
async function postgresServing(folder: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.split('\0').includes(folder)) pids.push(Number(entry));
  }
  return pids;
}

/** Starts the database in a child node process and resolves with it once the database is up. */
async function startInChildProcess() {
  const script = `
    import { EmbeddedDatabase } from ${JSON.stringify(EMBEDDED)};
    await EmbeddedDatabase.start({ dataDir: ${JSON.stringify(dataDir)}, port: ${port} });
    process.stdout.write('ready\\n');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
  });
  child.removeAllListeners('exit');
  return child;
}

describe('EmbeddedDatabase', () => {
  it('initialises a cluster in an empty folder, serves the ringdown database and leaves no process after stop', async () => {
    const db = await start();
    expect(db.url).toBe(`postgresql://ringdown:ringdown@127.0.0.1:${port}/ringdown`);
    expect(await currentDatabase(db.url)).toBe('ringdown');
    expect(await postgresServing(dataDir)).toHaveLength(1);

    await db.stop();
    await db.stop();
    expect(await postgresServing(dataDir)).toEqual([]);
  });

  it('starts an existing cluster again and keeps its data', async () => {
    const first = await start();
    const client = new pg.Client({ connectionString: first.url });
    await client.connect();
    await client.query('CREATE TABLE kept (note text); INSERT INTO kept VALUES ($$still here$$)');
    await client.end();
    await first.stop();

    const second = await start();
    const again = new pg.Client({ connectionString: second.url });
    await again.connect();
    expect((await again.query('SELECT note FROM kept')).rows).toEqual([{ note: 'still here' }]);
    await again.end();
  });

  it('starts after the process that started it was killed with SIGKILL, replacing its orphaned postgres', async () => {
    const child = await startInChildProcess();
    const [orphan] = await postgresServing(dataDir);
    expect(orphan).toBeDefined();
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    // The postmaster outlives its parent and still holds the pid file.
    expect(await postgresServing(dataDir)).toEqual([orphan]);

    const db = await start();
    expect(await currentDatabase(db.url)).toBe('ringdown');
    expect(await postgresServing(dataDir)).not.toContain(orphan);

    await db.stop();
    expect(await postgresServing(dataDir)).toEqual([]);
  });

  it('stops its postgres when the process that started it is terminated by a signal', async () => {
    const child = await startInChildProcess();
    expect(await postgresServing(dataDir)).toHaveLength(1);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await expect.poll(() => postgresServing(dataDir), { timeout: 10_000 }).toEqual([]);
  });

  it('refuses to start a folder that a live owner is still serving', async () => {
    const db = await start();
    await expect(EmbeddedDatabase.start({ dataDir, port: port + 1 })).rejects.toThrow(/already running/);
    expect(await currentDatabase(db.url)).toBe('ringdown');
  });
});
