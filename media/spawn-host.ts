import { fork, type ChildProcess } from 'node:child_process';
import { MediaError } from './errors.js';

// Short-lived commands (flite and sox for each synthesised sentence, sox colouring a hosted
// voice's) started from a small
// helper process instead of from ringdown's own. Linux forks a process to start a command,
// and the fork blocks the forking thread for as long as copying its page tables takes: about
// 35 ms per GB of memory here, and ringdown with its models, workers and calls is over a GB.
// Spawned from the server, every sentence stalled the event loop that paces every call's
// audio (bench:turns with 10 calls: 35 s of 150 s in spawn()). The host is forked once; its
// own forks are cheap and never block the server. It is started on first use, restarted if it
// dies (requests in flight then fail as retryable), and does not keep the server alive.

export type HostRequest =
  | { op: 'run'; id: number; file: string; args: string[]; env: Record<string, string>; timeoutMs: number; nice: number; input: Uint8Array | undefined }
  | { op: 'cancel'; id: number };
export type HostReply = { id: number; ok: true; stdout: Uint8Array } | { id: number; ok: false; message: string };

export interface RunOptions {
  env?: Record<string, string>;
  /** Written to the command's standard input (else it reads nothing). */
  input?: Uint8Array;
  timeoutMs?: number;
  /** 0-19: how much the command yields the cores to others (background work). */
  nice?: number;
  signal?: AbortSignal | undefined;
}

type Pending = { resolve: (out: Buffer) => void; reject: (error: Error) => void; what: string };

export class SpawnHost {
  static #shared: SpawnHost | undefined;
  #child: ChildProcess | undefined;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;

  /** The host every part of this process shares. */
  static shared(): SpawnHost {
    return (SpawnHost.#shared ??= new SpawnHost());
  }

  /** Runs `file` with `args` and resolves with its standard output; rejects with MediaError('command_failed') on a non-zero exit. */
  run(file: string, args: string[], options: RunOptions = {}): Promise<Buffer> {
    const { signal, timeoutMs = 10_000, nice = 0 } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const child = this.#host();
    const id = this.#nextId++;
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', ...options.env };
    return new Promise<Buffer>((resolve, reject) => {
      const onAbort = () => {
        this.#forget(id);
        child.send({ op: 'cancel', id } satisfies HostRequest);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = <T>(settle: (v: T) => void) => (v: T) => {
        signal?.removeEventListener('abort', onAbort);
        settle(v);
      };
      this.#pending.set(id, { resolve: done(resolve), reject: done(reject), what: file });
      child.channel?.ref(); // a command in flight keeps this process alive, an idle host does not
      child.send({ op: 'run', id, file, args, env, timeoutMs, nice, input: options.input } satisfies HostRequest);
    });
  }

  /** Stops the host; requests in flight reject. */
  close(): void {
    this.#child?.kill('SIGKILL');
  }

  #forget(id: number): void {
    this.#pending.delete(id);
    if (this.#pending.size === 0) this.#child?.channel?.unref();
  }

  #host(): ChildProcess {
    if (this.#child) return this.#child;
    const child = fork(new URL('./spawn-host.mjs', import.meta.url), [], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: [],
    });
    this.#child = child;
    child.on('message', (reply: HostReply) => {
      const pending = this.#pending.get(reply.id);
      if (!pending) return; // cancelled
      this.#forget(reply.id);
      // Copied: what arrives over the channel sits at any byte offset of the message, and PCM
      // read as 16-bit samples needs an even one (a view on it threw, and the reply was lost).
      if (reply.ok) pending.resolve(Buffer.from(reply.stdout));
      else pending.reject(new MediaError('command_failed', `${pending.what} failed (${reply.message})`, true));
    });
    child.once('exit', (code, signal) => {
      if (this.#child === child) this.#child = undefined;
      const error = new MediaError('command_failed', `the spawn host stopped (${signal ?? `exit ${code}`})`, true);
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    });
    child.on('error', () => undefined); // 'exit' follows and fails what is pending
    child.unref();
    child.channel?.unref();
    return child;
  }
}
