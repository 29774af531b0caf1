import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chown, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { toolMajor } from '../src/db/backup.js';
import { freePort } from '../src/free-port.js';

// A PostgreSQL server of the same major version as the pg_dump/pg_restore on PATH (Debian's
// postgresql-NN, installed beside its client by scripts/install-system.sh), for the backup
// tests: pg_dump refuses a server newer than itself, and the run's embedded PostgreSQL is 18,
// newer than any client tools Debian bookworm has. A throwaway cluster in a temporary folder
// on a free loopback port, trusting local connections, removed when stopped.

const run = promisify(execFile);

export type ScratchPostgres = {
  major: number;
  /** A URL for `database` on this server (as the superuser `ringdown`). */
  url(database: string): string;
  /** Makes an empty database, returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
};

export async function startClientVersionPostgres(): Promise<ScratchPostgres> {
  const major = await toolMajor(undefined, 'pg_dump');
  const bin = `/usr/lib/postgresql/${major}/bin`;
  // As root the server runs as Debian's `postgres` user, who must own its folder.
  const ids = process.getuid?.() === 0 ? { uid: Number((await run('id', ['-u', 'postgres'])).stdout), gid: Number((await run('id', ['-g', 'postgres'])).stdout) } : {};
  const dir = await mkdtemp(path.join(tmpdir(), `ringdown-pg${major}-`));
  const data = path.join(dir, 'data');
  await mkdir(data, { mode: 0o700 });
  if (ids.uid !== undefined) {
    await chown(dir, ids.uid, ids.gid!);
    await chown(data, ids.uid, ids.gid!);
  }
  await run(path.join(bin, 'initdb'), ['-D', data, '-U', 'ringdown', '--auth=trust', '--encoding=UTF8', '--locale=C'], ids);
  const port = await freePort();
  const server: ChildProcess = spawn(path.join(bin, 'postgres'), ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1'], { ...ids, stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let said = '';
    server.stderr!.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('ready to accept connections')) resolve();
    });
    void exited.then(() => reject(new Error(`postgres ${major} did not start:\n${said}`)));
  });
  const url = (database: string) => `postgresql://ringdown@127.0.0.1:${port}/${database}`;
  return {
    major,
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      await client.query(`CREATE DATABASE "${name}"`).finally(() => client.end());
      return url(name);
    },
    async stop() {
      server.kill('SIGINT'); // fast shutdown
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
