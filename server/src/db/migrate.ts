import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Migrations run through Prisma's own `migrate deploy`, via scripts/prisma.mjs, which supplies
// the offline schema engine. A child process: the CLI is not an importable library.

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const PRISMA = path.join(PROJECT_ROOT, 'scripts/prisma.mjs');

/** Applies every pending migration in prisma/migrations; a no-op when none is pending. */
export async function applyMigrations(databaseUrl: string): Promise<void> {
  const child = spawn(process.execPath, [PRISMA, 'migrate', 'deploy'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
  });
  if (code !== 0) {
    const text = Buffer.concat(output).toString('utf8').replace(/\n{2,}/g, '\n').trim();
    throw new Error(`prisma migrate deploy failed (${signal ?? `exit ${code}`}):\n${text}`);
  }
}
