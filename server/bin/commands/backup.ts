import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../../src/config/config.js';
import { BackupError, backupKey, describeDatabase, dumpDatabase, restoreDatabase } from '../../src/db/backup.js';
import { isStorageKey, openStorage, type RecordingStorage } from '../../src/storage/storage.js';
import { CONFIG_EXIT, configOrExit, type CliIo, type Command } from './command.js';

const BACKUP_USAGE = `usage: ringdown backup

Dumps the database at DATABASE_URL with pg_dump (custom format) and stores the dump in the
recordings storage (the S3 bucket when S3_ENDPOINT is set, else STORAGE_DIR) as
backups/<UTC time>.dump, then prints that key. pg_dump comes from PG_BIN_DIR or PATH and must
be at least the server's version.`;

const RESTORE_USAGE = `usage: ringdown restore <backup key or file> [--force]

Restores a dump made by \`ringdown backup\` (its key in the recordings storage, such as
backups/20261205T020000Z.dump, or a file) into the database at DATABASE_URL with pg_restore, in
one transaction. Stop ringdown first. A database that holds tables already is refused; --force
replaces its contents with the backup.`;

/** Where a backup or restore works: a configuration with DATABASE_URL, the storage, a scratch folder. */
async function withSetup(io: CliIo, name: string, work: (config: Config & { databaseUrl: string }, storage: RecordingStorage, scratch: string) => Promise<void>): Promise<number> {
  const config = configOrExit(io);
  if (!config) return CONFIG_EXIT;
  const { databaseUrl } = config;
  if (!databaseUrl) {
    io.stderr.write(`ringdown ${name}: DATABASE_URL is not set: backups are of an external PostgreSQL, not the embedded one\n`);
    return CONFIG_EXIT;
  }
  const scratch = await mkdtemp(path.join(tmpdir(), `ringdown-${name}-`));
  try {
    const { storage } = await openStorage(config);
    await work({ ...config, databaseUrl }, storage, scratch);
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    io.stderr.write(`ringdown ${name}: ${error.message}\n`);
    return 1;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function runBackup(args: string[], io: CliIo): Promise<number> {
  if (args.length > 0) {
    io.stderr.write(`${BACKUP_USAGE}\n`);
    return 2;
  }
  return withSetup(io, 'backup', async (config, storage, scratch) => {
    const file = path.join(scratch, 'ringdown.dump');
    await dumpDatabase(config.databaseUrl, file, config.pgBinDir);
    const key = backupKey();
    await storage.put(key, file, 'application/octet-stream');
    io.stdout.write(`Backed up ${describeDatabase(config.databaseUrl)} (${(await stat(file)).size} bytes) to ${key} in ${storage.kind === 's3' ? `bucket ${config.s3!.bucket}` : config.storageDir}\n`);
  });
}

/** The dump's file: the argument itself when it is a file, else the object it names in the storage. */
async function fetchDump(source: string, storage: RecordingStorage, config: Config, scratch: string): Promise<string> {
  if (await stat(source).then((s) => s.isFile(), () => false)) return source;
  const bytes = isStorageKey(source) ? await storage.read(source) : null;
  if (!bytes) {
    const where = storage.kind === 's3' ? `bucket ${config.s3!.bucket}` : config.storageDir;
    throw new BackupError(`no backup ${JSON.stringify(source)}: it is neither a file nor a key in ${where} (keys look like backups/20261205T020000Z.dump)`);
  }
  const file = path.join(scratch, 'restore.dump');
  await writeFile(file, bytes);
  return file;
}

async function runRestore(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, strict: true, allowPositionals: true, options: { force: { type: 'boolean' } } });
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${RESTORE_USAGE}\n`);
    return 2;
  }
  const [source, ...extra] = parsed.positionals;
  if (!source || extra.length > 0) {
    io.stderr.write(`${RESTORE_USAGE}\n`);
    return 2;
  }
  return withSetup(io, 'restore', async (config, storage, scratch) => {
    const file = await fetchDump(source, storage, config, scratch);
    await restoreDatabase(config.databaseUrl, file, { force: parsed.values.force ?? false, binDir: config.pgBinDir });
    io.stdout.write(`Restored ${source} into ${describeDatabase(config.databaseUrl)}\n`);
  });
}

export const backup: Command = { name: 'backup', summary: 'dump the database into the recordings storage (backups/)', usage: BACKUP_USAGE, run: runBackup };
export const restore: Command = { name: 'restore', summary: 'restore a backup into an empty database', usage: RESTORE_USAGE, run: runRestore };
