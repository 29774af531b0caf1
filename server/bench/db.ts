// npm run bench:db — p50/p99 of the API's main reads with 10,000 stored calls.
// Target (the original design's): every read p99 < 50 ms.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PROJECT_ROOT } from '../src/config/config.js';
import { Database } from '../src/db/database.js';
import { EmbeddedDatabase } from '../src/db/embedded.js';
import { applyMigrations } from '../src/db/migrate.js';
import { seed } from '../src/db/seed.js';

const CALLS = Number(process.env.BENCH_CALLS ?? 10_000);
const TRAINEES = 50;
const ITERATIONS = 300;
const TARGET_P99_MS = 50;

const dir = await mkdtemp(path.join(tmpdir(), 'ringdown-bench-db-'));
const embedded = await EmbeddedDatabase.start({ dataDir: path.join(dir, 'pg') });
try {
  await applyMigrations(embedded.url);
  const db = new Database(embedded.url);
  await seed(db, { scenarioDir: path.join(PROJECT_ROOT, 'prisma/scenarios') });

  const loadStarted = performance.now();
  const counts = await load(embedded.url);
  console.log(`loaded ${Object.entries(counts).map(([t, n]) => `${n} ${t}`).join(', ')} in ${Math.round(performance.now() - loadStarted)} ms`);

  const client = new pg.Client({ connectionString: embedded.url });
  await client.connect();
  const trainees = (await client.query<{ id: string; email: string }>(`SELECT id, email FROM "User" WHERE role = 'trainee'`)).rows;
  const callIds = (await client.query<{ id: string }>(`SELECT id FROM "Call" ORDER BY random() LIMIT 500`)).rows.map((r) => r.id);
  await client.end();
  const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;

  const reads: [string, () => Promise<unknown>][] = [
    ['floor: live calls (GET /calls?status=active)', () => db.calls.list({ status: 'active', limit: 50 })],
    ["trainee history (GET /calls, a trainee's own)", () => db.calls.list({ traineeId: pick(trainees).id, limit: 50 })],
    ['all calls, first page (GET /calls)', () => db.calls.list({ limit: 50 })],
    ['all calls, a later page (cursor)', () => db.calls.list({ limit: 50, cursor: pick(callIds) })],
    ['call detail with transcript, entities, events (GET /calls/:id)', () => db.calls.get(pick(callIds))],
    ['scenario list (GET /scenarios)', () => db.scenarios.list()],
    ['login lookup by email', () => db.users.findByEmail(pick(trainees).email)],
  ];

  console.log(`\n${'read'.padEnd(64)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`);
  let failed = false;
  for (const [name, read] of reads) {
    for (let i = 0; i < 20; i++) await read(); // warm the pool and the plan cache
    const times: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const t = performance.now();
      await read();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const p50 = times[Math.floor(times.length * 0.5)]!;
    const p99 = times[Math.floor(times.length * 0.99)]!;
    failed ||= p99 >= TARGET_P99_MS;
    console.log(`${name.padEnd(64)} ${p50.toFixed(2).padStart(8)} ${p99.toFixed(2).padStart(8)}`);
  }
  console.log(`\n${ITERATIONS} reads each over ${CALLS} calls; target p99 < ${TARGET_P99_MS} ms: ${failed ? 'MISSED' : 'met'}`);
  await db.close();
  process.exitCode = failed ? 1 : 0;
} finally {
  await embedded.destroy();
  await rm(dir, { recursive: true, force: true });
}

/** Bulk-loads realistic volumes with set-based SQL (the API path would take minutes). */
async function load(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const values = Array.from({ length: TRAINEES }, (_, i) => `('${randomUUID()}', 'bench-trainee-${i}@bench.local', 'Trainee ${i}', 'trainee', 'x')`);
  await client.query(`INSERT INTO "User" (id, email, name, role, "passwordHash") VALUES ${values.join(',')}`);
  await client.query(`
    INSERT INTO "Call" (id, status, "traineeId", "scenarioId", seed, "startedAt", "answeredAt", "endedAt", outcome, score)
    SELECT gen_random_uuid(),
           (CASE WHEN g % 500 = 0 THEN 'active' WHEN g % 97 = 0 THEN 'failed' ELSE 'ended' END)::"CallStatus",
           (SELECT id FROM "User" WHERE role = 'trainee' ORDER BY email OFFSET (g % ${TRAINEES}) LIMIT 1),
           (SELECT id FROM "Scenario" ORDER BY id OFFSET (g % (SELECT count(*) FROM "Scenario")) LIMIT 1),
           g, now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval + interval '4 seconds',
           CASE WHEN g % 500 = 0 THEN NULL ELSE now() - (g || ' minutes')::interval + interval '4 minutes' END,
           CASE WHEN g % 500 = 0 THEN NULL ELSE 'completed' END, (g % 100)::float
    FROM generate_series(1, ${CALLS}) g`);
  await client.query(`
    INSERT INTO "TranscriptSegment" (id, "callId", speaker, text, "startMs", "endMs", confidence, "isFinal")
    SELECT gen_random_uuid(), c.id, (CASE WHEN s % 2 = 0 THEN 'trainee' ELSE 'caller' END)::"Speaker",
           'nine one one what is the address of your emergency', s * 4000, s * 4000 + 3000, 0.9, true
    FROM "Call" c, generate_series(0, 7) s`);
  await client.query(`
    INSERT INTO "CallEvent" (id, "callId", type, at)
    SELECT gen_random_uuid(), c.id, (ARRAY['ring','answer','hold','end'])[e]::"CallEventType", c."startedAt" + (e || ' seconds')::interval
    FROM "Call" c, generate_series(1, 4) e`);
  await client.query(`
    INSERT INTO "Entity" (id, "callId", "segmentId", type, raw, normalized, "atMs")
    SELECT gen_random_uuid(), s."callId", s.id, 'location', 'fourteen twenty maple avenue', '1420 Maple Avenue', s."startMs"
    FROM "TranscriptSegment" s WHERE s.speaker = 'caller' AND s."startMs" < 16000`);
  await client.query('ANALYZE');
  const counts: Record<string, number> = {};
  for (const table of ['Call', 'TranscriptSegment', 'CallEvent', 'Entity']) {
    counts[table] = Number((await client.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);
  }
  await client.end();
  return counts;
}
