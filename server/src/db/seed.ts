import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { hashPassword } from '../auth/password.js';
import { describeZodIssues } from '../errors.js';
import type { Role } from '../protocol/roles.js';
import { ScenarioInput } from '../protocol/scenario.js';
import type { Database } from './database.js';

/** Reads and validates the scenario library (one JSON file per scenario). */
export async function readScenarioLibrary(dir: string): Promise<ScenarioInput[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (file) => {
      const parsed = ScenarioInput.safeParse(JSON.parse(await readFile(path.join(dir, file), 'utf8')));
      if (!parsed.success) throw new Error(`scenario ${file}: ${describeZodIssues(parsed.error.issues)}`);
      return parsed.data;
    }),
  );
}

export const DEMO_USERS: readonly { email: string; name: string; role: Role }[] = [
  { email: 'trainee@ringdown.local', name: 'Tess Trainee', role: 'trainee' },
  { email: 'trainee2@ringdown.local', name: 'Theo Trainee', role: 'trainee' },
  { email: 'supervisor@ringdown.local', name: 'Sam Supervisor', role: 'supervisor' },
  { email: 'instructor@ringdown.local', name: 'Ines Instructor', role: 'instructor' },
  { email: 'admin@ringdown.local', name: 'Ada Admin', role: 'admin' },
];

export async function seed(db: Database, options: { scenarioDir: string; demoPassword?: string | undefined }): Promise<{ scenarios: number }> {
  const scenarios = await readScenarioLibrary(options.scenarioDir);
  await db.scenarios.upsertLibrary(scenarios);
  if (options.demoPassword) {
    const passwordHash = await hashPassword(options.demoPassword);
    for (const user of DEMO_USERS) await db.users.ensure({ ...user, passwordHash });
  }
  return { scenarios: scenarios.length };
}
