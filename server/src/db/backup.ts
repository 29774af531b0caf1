import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';

// Backups of the database as PostgreSQL's own tools make them: pg_dump's custom format (one
// compressed file that pg_restore reads back, schema and rows together). The tools come from
// PG_BIN_DIR or PATH and must be at least the server's version: pg_dump refuses a newer
// server, so that is checked first and said plainly. The password goes to them through the
// environment, never on a command line other users can read.

/** A backup could not be made or restored; the message says why and what to do. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** Where backups are kept in the recordings storage. */
export const BACKUP_PREFIX = 'backups/';

/** `backups/20261205T151340Z.dump`: sorts by time, and a storage key has no colons. */
export function backupKey(at: Date = new Date()): string {
  return `${BACKUP_PREFIX}${at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.dump`;
}

/** libpq's environment for a database URL (the query parameters libpq does not know, such as Prisma's, are left out). */
export function libpqEnv(url: string): Record<string, string> {
  const u = new URL(url);
  const env: Record<string, string> = {
    PGHOST: u.searchParams.get('host') ?? decodeURIComponent(u.hostname.replace(/^\[|\]$/g, '')),
    PGPORT: u.port || '5432',
    PGUSER: decodeURIComponent(u.username),
    PGPASSWORD: decodeURIComponent(u.password),
    PGDATABASE: decodeURIComponent(u.pathname.slice(1)),
  };
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  // An empty value is left to libpq's defaults (the OS user, no password).
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
}

/** The database a URL names, as messages show it (no password). */
export function describeDatabase(url: string): string {
  const u = new URL(url);
  return `${decodeURIComponent(u.pathname.slice(1))} on ${u.host}`;
}

type Result = { code: number; stdout: string; stderr: string };

function run(binDir: string | undefined, program: 'pg_dump' | 'pg_restore', args: string[], env: Record<string, string> = {}): Promise<Result> {
  const file = binDir ? path.join(binDir, program) : program;
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new BackupError(`${program} not found (${binDir ? `PG_BIN_DIR is ${binDir}` : 'looked on PATH'}): install the PostgreSQL client tools (Debian: postgresql-client) or set PG_BIN_DIR to their folder`)
          : error,
      ),
    );
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}

/** A tool's failure, with the end of what it said. */
function failed(program: string, result: Result): BackupError {
  const said = result.stderr.trim().split('\n').slice(-5).join('\n  ');
  return new BackupError(`${program} failed (exit ${result.code})${said ? `:\n  ${said}` : ''}`);
}

/** The major version of a client tool (`pg_dump (PostgreSQL) 15.18 (Debian ...)` is 15). */
export async function toolMajor(binDir: string | undefined, program: 'pg_dump' | 'pg_restore'): Promise<number> {
  const result = await run(binDir, program, ['--version']);
  const major = /\(PostgreSQL\)\s+(\d+)/.exec(result.stdout);
  if (result.code !== 0 || !major) throw failed(`${program} --version`, result);
  return Number(major[1]);
}

async function query<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`cannot reach the database ${describeDatabase(url)}: ${(error as Error).message}`);
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Dumps the database at `url` into `file` (pg_dump's custom format). */
export async function dumpDatabase(url: string, file: string, binDir: string | undefined): Promise<void> {
  const client = await toolMajor(binDir, 'pg_dump');
  const server = await query(url, async (c) => Math.floor(Number((await c.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0]!.v) / 10_000));
  if (client < server) {
    throw new BackupError(
      `pg_dump ${client} cannot dump PostgreSQL ${server} (${describeDatabase(url)}): it refuses a newer server. Install PostgreSQL ${server}'s client tools and set PG_BIN_DIR to their folder`,
    );
  }
  const result = await run(binDir, 'pg_dump', ['--format=custom', `--file=${file}`], libpqEnv(url));
  if (result.code !== 0) throw failed('pg_dump', result);
}

/** What the database holds already: null when it has no tables of its own (empty, fit to restore into). */
export async function existingData(url: string): Promise<string | null> {
  return query(url, async (c) => {
    const tables = (await c.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`)).rows.map((r) => r.name);
    if (tables.length === 0) return null;
    if (!tables.includes('Call') || !tables.includes('User')) return `${tables.length} tables`;
    const count = async (table: string) => Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`)).rows[0]!.n);
    return `ringdown's tables with ${await count('Call')} calls and ${await count('User')} users`;
  });
}

/**
 * Restores a dump into the database at `url`, all or nothing (one transaction). A database that
 * holds tables already is refused unless `force`, which drops what the dump holds first.
 */
export async function restoreDatabase(url: string, file: string, options: { force: boolean; binDir: string | undefined }): Promise<void> {
  await toolMajor(options.binDir, 'pg_restore');
  const existing = await existingData(url);
  if (existing && !options.force) {
    throw new BackupError(
      `the database ${describeDatabase(url)} is not empty (it holds ${existing}): restoring into it would mix the backup with what is there. Restore into a new, empty database, or pass --force to replace its contents with the backup`,
    );
  }
  const env = libpqEnv(url);
  // Owners and grants are the backed-up server's: the restoring user owns what it restores.
  const args = ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', ...(existing ? ['--clean', '--if-exists'] : []), `--dbname=${env.PGDATABASE}`, file];
  const result = await run(options.binDir, 'pg_restore', args, env);
  if (result.code !== 0) throw failed('pg_restore', result);
}
