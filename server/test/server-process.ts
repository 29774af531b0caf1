import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT } from '../src/config/config.js';

// A ringdown server in a process of its own (npm start's entry point), for tests that kill
// it or run several: it is ready when it logs so, with its URL. SIGTERM drains its live calls
// for 5 s unless DRAIN_TIMEOUT_MS says otherwise.

export type ServerProcess = { child: ChildProcess; url: string; exited: Promise<unknown> };

export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'server/src/main.ts')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', SEED_DEMO_USERS: 'false', LOG_LEVEL: 'info', RTC_LOOPBACK_ONLY: 'true', DRAIN_TIMEOUT_MS: '5000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'ringdown is ready' && entry.url) resolve(entry.url);
    });
  });
  return { child, url, exited };
}

/** Stops it (SIGTERM) unless it is gone already. */
export async function stopServerProcess(proc: ServerProcess | undefined): Promise<void> {
  if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill('SIGTERM');
  await proc.exited;
}
