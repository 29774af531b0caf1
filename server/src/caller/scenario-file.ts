import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeZodIssues } from '../errors.js';
import { ScenarioInput } from '../protocol/scenario.js';
import { scenarioAsWritten, scenarioForCall } from '../scenarios/draw.js';

/** The scenario library in the repository (prisma/scenarios). */
export const LIBRARY_DIR = fileURLToPath(new URL('../../../prisma/scenarios/', import.meta.url));

/**
 * Reads and validates one scenario from the library, without a database: as a call with this seed
 * would draw it, or without a seed as written (its own names, address and number).
 */
export async function loadScenarioFile(id: string, dir = LIBRARY_DIR, seed?: number): Promise<ScenarioInput> {
  if (!/^[a-z0-9][a-z0-9-]{1,60}$/.test(id)) throw new TypeError(`not a scenario id: ${JSON.stringify(id)}`);
  const raw: unknown = JSON.parse(await readFile(path.join(dir, `${id}.json`), 'utf8'));
  const parsed = ScenarioInput.safeParse(raw);
  if (!parsed.success) throw new TypeError(`scenario ${id}: ${describeZodIssues(parsed.error.issues)}`);
  return seed === undefined ? scenarioAsWritten(parsed.data) : scenarioForCall(parsed.data, seed);
}
