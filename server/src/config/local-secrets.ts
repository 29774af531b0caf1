import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A secret for the embedded defaults: kept in the data folder (mode 0600) so it survives
 * restarts. Production sets these in the environment instead (see .env.example).
 */
export async function loadOrCreateLocalSecret(dataDir: string, name: string, bytes = 32): Promise<{ value: string; created: boolean }> {
  const file = path.join(dataDir, 'secrets', name);
  const existing = await readFile(file, 'utf8').catch(() => '');
  if (existing.trim()) return { value: existing.trim(), created: false };
  const value = randomBytes(bytes).toString('base64url');
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, value, { mode: 0o600 });
  return { value, created: true };
}
