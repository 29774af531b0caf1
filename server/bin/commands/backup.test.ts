import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import pg from 'pg';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { scoreStoredCall } from '../../src/calls/review.js';
import { Database } from '../../src/db/database.js';
import { applyMigrations } from '../../src/db/migrate.js';
import { CallJournal } from '../../src/live/call-journal.js';
import { createLogger } from '../../src/logger.js';
import { recordingKey } from '../../src/storage/storage.js';
import { startClientVersionPostgres, type ScratchPostgres } from '../../test/client-version-postgres.js';
import { scenarioFixture } from '../../test/fixtures.js';
import { main } from '../ringdown.js';

// `ringdown backup` and `restore` for real: a PostgreSQL of pg_dump's own version holding calls
// made the way a live call makes them (the call journal's writes, then the scoring), dumped into
// the recordings storage (a folder, then S3), restored into a new empty database, and compared.
// The commands read their configuration from the environment, as on a server.

let server: ScratchPostgres;
let sourceUrl: string;
let storageDir: string;
let dataDir: string;
const callIds: string[] = [];

async function ringdown(args: string[], env: Record<string, string | undefined> = {}) {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  try {
    return { code: await main(args, { stdin: Readable.from(['']), stdout, stderr }), out, err };
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

/** Two ended, scored calls with transcript lines, entities, checklist marks, events and a recording, written as a live call writes them. */
async function makeCalls(db: Database): Promise<void> {
  const trainee = await db.users.ensure({ email: 'backup-trainee@centre.example.org', name: 'Tess Trainee', role: 'trainee', passwordHash: 'x' });
  const instructor = await db.users.ensure({ email: 'backup-instructor@centre.example.org', name: 'Ivan Instructor', role: 'instructor', passwordHash: 'x' });
  const scenario = (await db.scenarios.create(scenarioFixture(), instructor.id))!;
  let scored = 0;
  const journal = new CallJournal({
    dataDir,
    db,
    logger: createLogger('silent'),
    ended: async (end) => {
      await scoreStoredCall(db, (await db.calls.get(end.callId))!);
      scored += 1;
    },
    stale: () => {},
  });
  await journal.open();
  for (const [n, address] of ['1420 Maple Avenue', '88 Harbor Road'].entries()) {
    const call = await db.calls.create({ traineeId: trainee.id, scenarioId: scenario.id, scenarioVersion: 1, assignmentId: null, seed: 11 + n, mode: 'practice', actorId: trainee.id });
    expect(await db.calls.take(call.id, null, 1, 'backup-test')).toBe(true);
    journal.hold(call.id, 1);
    await db.calls.markMediaStarted(call.id, new Date());
    const taker = { id: trainee.id, name: trainee.name };
    await journal.answer(call.id, taker);
    await journal.segment(call.id, { speaker: 'trainee', text: '911, what is the address of your emergency?', startMs: 400, endMs: 2600, confidence: 0.91, isFinal: true });
    const line = await journal.segment(call.id, { speaker: 'caller', text: `My kitchen is on fire, I'm at ${address}`, startMs: 3000, endMs: 5200, confidence: null, isFinal: true });
    await journal.entities(call.id, [{ type: 'address', raw: address, normalized: address.toUpperCase(), atMs: 4100, segmentId: line.id }]);
    await journal.segment(call.id, { speaker: 'trainee', text: `${address}, is that correct?`, startMs: 5600, endMs: 7400, confidence: 0.88, isFinal: true });
    await journal.marks(call.id, [{ item: 'location_verified', status: 'done', atMs: 7400 }]);
    await journal.event(call.id, 'coach', { id: instructor.id, name: instructor.name }, { text: 'Read the address back' });
    await journal.recording(call.id, { storageKey: recordingKey(call.id, 'backup-test'), durationMs: 7400, channels: 2, sampleRateHz: 16000, sizeBytes: 236_844 });
    await journal.end(call.id, { status: 'ended', outcome: 'completed', actorId: trainee.id, heldMs: 0 });
    callIds.push(call.id);
  }
  await journal.close(5000);
  expect(scored).toBe(2);
}

beforeAll(async () => {
  server = await startClientVersionPostgres();
  storageDir = await mkdtemp(path.join(tmpdir(), 'ringdown-backup-storage-'));
  dataDir = await mkdtemp(path.join(tmpdir(), 'ringdown-backup-data-'));
  sourceUrl = await server.createDatabase('source');
  await applyMigrations(sourceUrl);
  const db = new Database(sourceUrl);
  await makeCalls(db).finally(() => db.close());
  Object.assign(process.env, { STORAGE_DIR: storageDir, DATA_DIR: dataDir, LOG_LEVEL: 'silent', URL_SIGNING_SECRET: 's'.repeat(32) });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await Promise.all([storageDir, dataDir].map((dir) => dir && rm(dir, { recursive: true, force: true })));
});

/** Every call, as the API reads it back, from the database at `url`. */
async function callsIn(url: string) {
  const db = new Database(url);
  try {
    return await Promise.all(callIds.map((id) => db.calls.get(id)));
  } finally {
    await db.close();
  }
}

const keyIn = (out: string) => /to (backups\/\d{8}T\d{6}Z\.dump) in /.exec(out)?.[1];

describe('ringdown backup and restore', { timeout: 120_000 }, () => {
  it('backs the database up into the storage folder and restores every call, transcript line, entity, event, recording and score into an empty database', async () => {
    const backup = await ringdown(['backup'], { DATABASE_URL: sourceUrl });
    expect(backup.err).toBe('');
    expect(backup.code).toBe(0);
    const key = keyIn(backup.out);
    expect(key, backup.out).toBeDefined();
    expect(await readdir(path.join(storageDir, 'backups'))).toEqual([path.basename(key!)]);

    const emptyUrl = await server.createDatabase('restored');
    const restore = await ringdown(['restore', key!], { DATABASE_URL: emptyUrl });
    expect(restore).toMatchObject({ code: 0, err: '' });

    const [before, after] = [await callsIn(sourceUrl), await callsIn(emptyUrl)];
    expect(before.every((call) => call !== null && call.status === 'ended' && call.score !== null && call.transcript.length === 3 && call.entities.length === 1 && call.recordings.length === 1 && call.metrics.length > 0)).toBe(true);
    expect(before.flatMap((call) => call!.events.map((e) => e.type))).toEqual(expect.arrayContaining(['ring', 'answer', 'coach', 'end']));
    expect(after).toEqual(before);
    // The restored database is a working ringdown database: migrations find nothing to do.
    await applyMigrations(emptyUrl);
  });

  it('backs up to S3 and restores from there with --force over a database that has data', async () => {
    const s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: await mkdtemp(path.join(tmpdir(), 'ringdown-backup-s3-')) });
    const { port } = (await s3.run()) as AddressInfo;
    const s3Env = { S3_ENDPOINT: `http://127.0.0.1:${port}`, S3_ACCESS_KEY: 'S3RVER', S3_SECRET_KEY: 'S3RVER', S3_BUCKET: 'ringdown-backups' };
    try {
      const backup = await ringdown(['backup'], { ...s3Env, DATABASE_URL: sourceUrl });
      expect(backup).toMatchObject({ code: 0, err: '' });
      expect(backup.out).toContain('in bucket ringdown-backups');

      const target = await server.createDatabase('overwritten');
      await applyMigrations(target); // a running ringdown migrated it: it has tables, and no calls
      const restore = await ringdown(['restore', keyIn(backup.out)!, '--force'], { ...s3Env, DATABASE_URL: target });
      expect(restore).toMatchObject({ code: 0, err: '' });
      expect(await callsIn(target)).toEqual(await callsIn(sourceUrl));
    } finally {
      await s3.close();
    }
  });

  it('refuses to restore into a database with ringdown data, saying what it holds and how to go on, and changes nothing', async () => {
    const { out } = await ringdown(['backup'], { DATABASE_URL: sourceUrl });
    const before = await callsIn(sourceUrl);
    const restore = await ringdown(['restore', keyIn(out)!], { DATABASE_URL: sourceUrl });
    expect(restore.code).toBe(1);
    expect(restore.err).toBe(
      `ringdown restore: the database source on ${new URL(sourceUrl).host} is not empty (it holds ringdown's tables with 2 calls and 2 users): restoring into it would mix the backup with what is there. Restore into a new, empty database, or pass --force to replace its contents with the backup\n`,
    );
    expect(await callsIn(sourceUrl)).toEqual(before);
  });

  it('says which backup does not exist, and exits non-zero', async () => {
    const target = await server.createDatabase('never-restored');
    const restore = await ringdown(['restore', 'backups/20000101T000000Z.dump'], { DATABASE_URL: target });
    expect(restore.code).toBe(1);
    expect(restore.err).toBe(`ringdown restore: no backup "backups/20000101T000000Z.dump": it is neither a file nor a key in ${storageDir} (keys look like backups/20261205T020000Z.dump)\n`);
    expect(await ringdown(['restore'], { DATABASE_URL: target })).toMatchObject({ code: 2, err: expect.stringContaining('usage: ringdown restore') });
  });

  it('says pg_dump is missing when PG_BIN_DIR has none, and stores nothing', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'ringdown-no-pg-'));
    const backup = await ringdown(['backup'], { DATABASE_URL: sourceUrl, PG_BIN_DIR: empty, STORAGE_DIR: empty });
    expect(backup.code).toBe(1);
    expect(backup.err).toBe(`ringdown backup: pg_dump not found (PG_BIN_DIR is ${empty}): install the PostgreSQL client tools (Debian: postgresql-client) or set PG_BIN_DIR to their folder\n`);
    expect(await readdir(empty)).toEqual([]);
  });

  it('refuses a server newer than pg_dump (the run\'s embedded PostgreSQL 18) before dumping, naming both versions', async () => {
    const embedded = inject('databaseUrl');
    const backup = await ringdown(['backup'], { DATABASE_URL: embedded });
    expect(backup.code).toBe(1);
    expect(backup.err).toMatch(new RegExp(`^ringdown backup: pg_dump ${server.major} cannot dump PostgreSQL 18 \\(ringdown on 127\\.0\\.0\\.1:\\d+\\): it refuses a newer server\\. Install PostgreSQL 18's client tools and set PG_BIN_DIR to their folder\\n$`));
  });

  it("passes on pg_dump's own words when it fails (a role that may not read the tables), and stores nothing", async () => {
    const admin = new pg.Client({ connectionString: sourceUrl });
    await admin.connect();
    await admin.query('CREATE ROLE outsider LOGIN').finally(() => admin.end());
    const folder = await mkdtemp(path.join(tmpdir(), 'ringdown-backup-denied-'));
    const url = new URL(sourceUrl);
    url.username = 'outsider';
    const backup = await ringdown(['backup'], { DATABASE_URL: url.toString(), STORAGE_DIR: folder });
    expect(backup.code).toBe(1);
    expect(backup.err).toMatch(/^ringdown backup: pg_dump failed \(exit 1\):\n {2}.*permission denied for table/s);
    expect(await readdir(folder)).toEqual([]);
  });

  it('needs DATABASE_URL', async () => {
    expect(await ringdown(['backup'], { DATABASE_URL: undefined })).toMatchObject({ code: 78, err: 'ringdown backup: DATABASE_URL is not set: backups are of an external PostgreSQL, not the embedded one\n' });
  });
});
