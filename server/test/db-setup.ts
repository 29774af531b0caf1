import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { EmbeddedDatabase } from '../src/db/embedded.js';
import { applyMigrations } from '../src/db/migrate.js';

// One migrated PostgreSQL for the whole test run: an embedded one of its own (a temporary
// data folder, a free port, deleted at the end), unless TEST_DATABASE_URL names one. Tests
// read its URL with inject('databaseUrl').

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    await applyMigrations(process.env.TEST_DATABASE_URL);
    project.provide('databaseUrl', process.env.TEST_DATABASE_URL);
    return;
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'ringdown-test-pg-'));
  let db: EmbeddedDatabase | undefined;
  const teardown = async () => {
    await db?.destroy();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    db = await EmbeddedDatabase.start({ dataDir: path.join(dir, 'pg') });
    await applyMigrations(db.url);
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide('databaseUrl', db.url);
  return teardown;
}
