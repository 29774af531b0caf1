import { spawn } from 'node:child_process';
import { mkdtemp, readlink, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

let dataDir: string | undefined;
let taken: Server | undefined;
afterEach(async () => {
  taken?.close();
  if (!dataDir) return;
  // Started by root, the cluster lives where the data folder's link points.
  const cluster = await readlink(path.join(dataDir, 'postgres')).catch(() => undefined);
  if (cluster) await rm(cluster, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
});

/** Runs `npm start`'s entry point until it exits; resolves with its exit code and stderr. */
function runMain(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], { env: { PATH: process.env.PATH!, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

describe('npm start', () => {
  it('says what went wrong and what to do, without a stack trace, when the embedded database cannot start', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'ringdown-main-'));
    taken = createServer();
    await new Promise<void>((resolve) => taken!.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };

    const { code, stderr } = await runMain({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port), HOST: '127.0.0.1', PORT: '0' });

    expect(code).toBe(1);
    expect(stderr).toContain(`ringdown could not start its embedded PostgreSQL: port ${port} is already in use`);
    expect(stderr).toContain('What to do: set EMBEDDED_PG_PORT to a free port, or unset it to let ringdown pick one.');
    expect(stderr).not.toMatch(/^\s+at /m);
  }, 60_000);
});
