import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrismaClient } from './generated/client.js';
import { applyMigrations } from './migrate.js';

// The first test migrates a database of its own on the run's server, so it starts truly empty;
// the others use the run's database, which the global setup migrated.
const name = `migrate_test_${randomUUID().replaceAll('-', '')}`;
let url: string;
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const MIGRATIONS = `${ROOT}prisma/migrations`;

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
});
afterAll(async () => {
  await query(inject('databaseUrl'), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

const tables = () => query<{ tablename: string }>(url, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
const applied = () => query<{ migration_name: string; finished_at: Date | null }>(url, 'SELECT migration_name, finished_at FROM _prisma_migrations');

describe('applyMigrations', () => {
  it('creates every table of the schema on an empty database', async () => {
    await applyMigrations(url);
    expect((await tables()).map((t) => t.tablename)).toEqual([
      'Assignment', 'AuditEntry', 'Call', 'CallEvent', 'ChecklistMark', 'Class', 'ClassMember', 'Entity', 'PerformanceMetric', 'Recording', 'Scenario', 'ScenarioVersion', 'TranscriptSegment', 'User', 'UserInvite', '_prisma_migrations',
    ]);
    expect(await applied()).toEqual(
      readdirSync(MIGRATIONS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => ({ migration_name: d.name, finished_at: expect.any(Date) })),
    );
  });

  it('leaves the database exactly as schema.prisma describes it (no migration is missing)', async () => {
    const diff = spawnSync(process.execPath, ['scripts/prisma.mjs', 'migrate', 'diff', '--from-config-datasource', '--to-schema', 'prisma/schema.prisma', '--script'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
      encoding: 'utf8',
    });
    expect(diff.status, diff.stderr).toBe(0);
    expect(diff.stdout.trim()).toMatch(/^-- This is an empty migration\.$/);
  });

  it('changes nothing on a database that is already migrated', async () => {
    const shared = inject('databaseUrl');
    const before = await query(shared, 'SELECT * FROM _prisma_migrations ORDER BY id');
    await applyMigrations(shared);
    expect(await query(shared, 'SELECT * FROM _prisma_migrations ORDER BY id')).toEqual(before);
  });

  it('throws with the CLI output when the database cannot be reached', async () => {
    const unreachable = new URL(url);
    unreachable.port = '1';
    await expect(applyMigrations(unreachable.href)).rejects.toThrow(/P1001/);
  });

  it('round-trips a call and everything hanging off it through the generated client', async () => {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject('databaseUrl') }) });
    try {
      const trainee = await prisma.user.create({
        data: { email: `trainee-${randomUUID()}@ringdown.test`, name: 'Tess Trainee', role: 'trainee', passwordHash: 'x' },
      });
      const scenario = await prisma.scenario.create({
        data: {
          id: `kitchen-fire-${randomUUID().slice(0, 8)}`,
          title: 'Kitchen fire',
          nature: 'fire',
          difficulty: 2,
          summary: 'Grease fire, caller outside.',
          ani: '(312) 555-0100',
          ali: { address: '1420 Maple Avenue' },
          groundTruth: { location: '1420 Maple Avenue' },
          persona: { name: 'Dana' },
          script: { openingLine: 'My kitchen is on fire!' },
          rubric: [{ id: 'location_verified', weight: 100 }],
          createdById: trainee.id,
          versions: { create: { version: 1, content: { title: 'Kitchen fire' } } },
        },
      });
      const call = await prisma.call.create({ data: { traineeId: trainee.id, scenarioId: scenario.id, scenarioVersion: 1, seed: 42, status: 'active' } });
      const segment = await prisma.transcriptSegment.create({
        data: { callId: call.id, speaker: 'caller', text: 'My kitchen is on fire!', startMs: 0, endMs: 1800, confidence: 0.92 },
      });
      await prisma.entity.create({
        data: { callId: call.id, segmentId: segment.id, type: 'nature', raw: 'kitchen is on fire', normalized: 'structure fire', atMs: 900 },
      });
      await prisma.callEvent.create({ data: { callId: call.id, type: 'answer', actorId: trainee.id, data: { via: 'softphone' } } });
      await prisma.recording.create({
        data: { callId: call.id, storageKey: `recordings/${call.id}/1.wav`, durationMs: 1800, channels: 2, sampleRateHz: 16000, sizeBytes: 115_244 },
      });
      await prisma.performanceMetric.create({
        data: { callId: call.id, rubricItem: 'location_verified', passed: true, score: 100, maxScore: 100, evidence: { atMs: 900 } },
      });

      const found = await prisma.call.findUniqueOrThrow({
        where: { id: call.id },
        include: { trainee: true, scenario: true, segments: { include: { entities: true } }, entities: true, events: true, recordings: true, metrics: true },
      });
      expect(found).toMatchObject({
        status: 'active',
        seed: 42,
        holdMs: 0,
        trainee: { id: trainee.id, role: 'trainee' },
        scenario: { id: scenario.id, ali: { address: '1420 Maple Avenue' }, rubric: [{ id: 'location_verified', weight: 100 }] },
        segments: [{ speaker: 'caller', text: 'My kitchen is on fire!', confidence: 0.92, isFinal: true, entities: [{ normalized: 'structure fire' }] }],
        entities: [{ type: 'nature', segmentId: segment.id }],
        events: [{ type: 'answer', actorId: trainee.id, data: { via: 'softphone' } }],
        recordings: [{ storageKey: `recordings/${call.id}/1.wav`, sampleRateHz: 16000 }],
        metrics: [{ rubricItem: 'location_verified', passed: true, score: 100 }],
      });
      expect(found.startedAt).toBeInstanceOf(Date);

      // Deleting the call cascades to everything that belongs to it.
      await prisma.call.delete({ where: { id: call.id } });
      expect(await prisma.transcriptSegment.count({ where: { callId: call.id } })).toBe(0);
      expect(await prisma.recording.count({ where: { callId: call.id } })).toBe(0);
    } finally {
      await prisma.$disconnect();
    }
  });

  it('keeps the scenarios and calls of an install from before versions, as version 1', async () => {
    const old = `${name}_old`;
    await query(inject('databaseUrl'), `CREATE DATABASE "${old}"`);
    const oldUrl = new URL(inject('databaseUrl'));
    oldUrl.pathname = `/${old}`;
    try {
      const run = (migration: string) => query(oldUrl.href, readFileSync(`${MIGRATIONS}/${migration}/migration.sql`, 'utf8'));
      const migrations = readdirSync(MIGRATIONS).filter((f) => /^\d/.test(f)).sort();
      const versions = migrations.indexOf('20261205060000_scenario_versions');
      for (const m of migrations.slice(0, versions)) await run(m);
      await query(
        oldUrl.href,
        `INSERT INTO "User" (id, email, name, role, "passwordHash") VALUES ('00000000-0000-4000-8000-000000000001', 't@x', 'T', 'trainee', 'x');
         INSERT INTO "Scenario" (id, title, nature, difficulty, summary, ani, ali, "groundTruth", persona, script, rubric, "updatedAt")
           VALUES ('old-fire', 'Old fire', 'fire', 2, 'S', '555', '{"address":"1 A St"}', '{"callerName":"Dana"}', '{}', '{}', '[]', now());
         INSERT INTO "Call" (id, "traineeId", "scenarioId", seed) VALUES ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'old-fire', 7);`,
      );
      for (const m of migrations.slice(versions)) await run(m);
      expect(await query(oldUrl.href, `SELECT "scenarioVersion" FROM "Call"`)).toEqual([{ scenarioVersion: 1 }]);
      const [stored] = await query<{ version: number; content: Record<string, unknown> }>(oldUrl.href, `SELECT version, content FROM "ScenarioVersion"`);
      expect(stored).toMatchObject({ version: 1, content: { title: 'Old fire', brief: null, ali: { address: '1 A St' }, groundTruth: { callerName: 'Dana' } } });
    } finally {
      await query(inject('databaseUrl'), `DROP DATABASE IF EXISTS "${old}" WITH (FORCE)`);
    }
  });
});
