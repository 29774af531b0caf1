import type { ChildProcess } from 'node:child_process';
import type { NetworkNamespace } from './namespace.js';

// Starts ringdown inside a network namespace as its own process, the way an operator does.

export type RingdownProcess = { child: ChildProcess; output: () => string };

/** Runs `argv` in `cwd` with exactly `env`, and waits for "ringdown is running" (or fails with its output). */
export function startRingdown(ns: NetworkNamespace, argv: string[], options: { cwd: string; env: Record<string, string>; timeoutMs: number }): Promise<RingdownProcess> {
  const child = ns.spawn(argv, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const output = () => text;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`ringdown did not start in ${options.timeoutMs} ms:\n${text.slice(-4000)}`)), options.timeoutMs);
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('ringdown is running')) {
        clearTimeout(timer);
        resolve({ child, output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`ringdown exited with ${code}:\n${text.slice(-4000)}`));
    });
  });
}
