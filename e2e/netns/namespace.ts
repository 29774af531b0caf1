import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createConnection, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { PROJECT_ROOT } from '../../server/src/config/config.js';

// A private network namespace for tests that need a machine with a non-loopback address
// (Firefox never pairs its own address with a loopback one) without sending anything to this
// machine's real interfaces. Servers and browsers run inside it through `nsenter`; the test
// process reaches them, and they reach the test run's PostgreSQL, through relayed Unix sockets.

const TSX = path.join(PROJECT_ROOT, 'node_modules/.bin/tsx');

export class NetworkNamespace {
  /** The namespace's LAN-like address (on a veth pair that stays inside it). */
  static readonly LAN_IP = '10.77.0.2';
  readonly #relay: ChildProcess;
  readonly #replies: Interface;
  readonly #dir: string;
  readonly #servers: Server[] = [];
  readonly #children = new Set<ChildProcess>();
  #queue: Promise<unknown> = Promise.resolve();
  #sockets = 0;

  private constructor(relay: ChildProcess, dir: string) {
    this.#relay = relay;
    this.#dir = dir;
    this.#replies = createInterface({ input: relay.stdout! });
  }

  static async create(): Promise<NetworkNamespace> {
    const dir = await mkdtemp(path.join(tmpdir(), 'ringdown-netns-'));
    const relay = spawn('unshare', ['--net', '--', TSX, path.join(PROJECT_ROOT, 'e2e/netns/relay.ts'), NetworkNamespace.LAN_IP], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const ns = new NetworkNamespace(relay, dir);
    const first = await ns.#reply();
    if (first !== 'ready') throw new Error(`network namespace did not start: ${first}`);
    return ns;
  }

  /** Runs `argv` inside the namespace (killed on close). */
  spawn(argv: string[], options: SpawnOptions = {}): ChildProcess {
    const child = spawn('nsenter', [`--net=/proc/${this.#relay.pid}/ns/net`, '--', ...argv], { ...options, detached: true });
    this.#children.add(child);
    child.once('exit', () => this.#children.delete(child));
    return child;
  }

  /** An executable file that runs `executable` inside the namespace: for a browser launcher's `executablePath`. */
  async launcher(executable: string): Promise<string> {
    const file = path.join(this.#dir, `${path.basename(executable)}-in-netns`);
    await writeFile(file, `#!/bin/sh\nexec nsenter --net=/proc/${this.#relay.pid}/ns/net -- ${executable} "$@"\n`);
    await chmod(file, 0o755);
    return file;
  }

  /** Makes 127.0.0.1:`port` inside reach the test process's 127.0.0.1:`port` (the test run's PostgreSQL). */
  async bringIn(port: number): Promise<void> {
    const socket = this.#socketPath();
    await this.#listen((server) => server.listen(socket), () => createConnection(port, '127.0.0.1'));
    await this.#command(`into ${port} ${socket}`);
  }

  /**
   * A free port that reaches the same port number inside from the test process's 127.0.0.1:
   * for a server inside that tells its clients where it listens (Firefox's BiDi address).
   */
  async sharedPort(): Promise<number> {
    const socket = this.#socketPath();
    const server = await this.#listen((s) => s.listen(0, '127.0.0.1'), () => createConnection(socket));
    const { port } = server.address() as { port: number };
    await this.#command(`out ${socket} ${port}`);
    return port;
  }

  async close(): Promise<void> {
    for (const child of this.#children) {
      try {
        process.kill(-child.pid!, 'SIGKILL'); // the whole group: a browser's or a server's helpers too
      } catch {}
    }
    for (const server of this.#servers) server.close();
    this.#relay.stdin!.end();
    this.#relay.kill();
    await rm(this.#dir, { recursive: true, force: true });
  }

  #socketPath(): string {
    return path.join(this.#dir, `relay-${++this.#sockets}.sock`);
  }

  #listen(listen: (server: Server) => void, connect: () => ReturnType<typeof createConnection>): Promise<Server> {
    const server = createServer((client) => {
      const upstream = connect();
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    this.#servers.push(server);
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.once('listening', () => resolve(server));
      listen(server);
    });
  }

  /** One command at a time, so each reply belongs to its command. */
  #command(line: string): Promise<void> {
    const next = this.#queue.then(async () => {
      this.#relay.stdin!.write(`${line}\n`);
      const reply = await this.#reply();
      if (reply !== 'ok') throw new Error(`netns relay: ${reply}`);
    });
    this.#queue = next.catch(() => undefined);
    return next;
  }

  #reply(): Promise<string> {
    return new Promise((resolve) => {
      const onLine = (line: string) => {
        this.#replies.off('line', onLine);
        this.#relay.off('exit', onExit);
        resolve(line);
      };
      const onExit = (code: number | null) => {
        this.#replies.off('line', onLine);
        resolve(`exited with ${code}`);
      };
      this.#replies.on('line', onLine);
      this.#relay.once('exit', onExit);
    });
  }
}
