import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import type { HostReply, HostRequest } from './spawn-host.js';

// The spawn host's own side: it starts the commands its parent asks for and sends back their
// standard output. It stays small (no models, no media), so forking it is cheap, and its
// forks never stall the parent's event loop.

const running = new Map<number, ChildProcess>();
const reply = (message: HostReply) => process.send?.(message);

process.on('message', (message: HostRequest) => {
  if (message.op === 'cancel') {
    running.get(message.id)?.kill('SIGKILL');
    return;
  }
  const { id, file, args, env, timeoutMs, nice, input } = message;
  const options: SpawnOptions = { env, stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'], timeout: timeoutMs };
  // nice(1) lowers the command's priority (background work yields the cores to live calls).
  const child = nice > 0 ? spawn('nice', ['-n', String(nice), file, ...args], options) : spawn(file, args, options);
  if (input) {
    child.stdin!.on('error', () => undefined); // it may exit before reading everything (bad input)
    child.stdin!.end(input);
  }
  running.set(id, child);
  const out: Buffer[] = [];
  let err = '';
  child.stdout!.on('data', (c: Buffer) => out.push(c));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  child.once('error', (error) => {
    running.delete(id);
    reply({ id, ok: false, message: error.message });
  });
  child.once('close', (code, signal) => {
    if (!running.delete(id)) return; // 'error' answered already
    if (code === 0) reply({ id, ok: true, stdout: Buffer.concat(out) });
    else reply({ id, ok: false, message: `${signal ?? `exit ${code}`}: ${err.trim().slice(0, 300)}` });
  });
});

// The parent gone, nothing is left to answer.
process.on('disconnect', () => {
  for (const child of running.values()) child.kill('SIGKILL');
  process.exit(0);
});
