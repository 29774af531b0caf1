import { EventEmitter } from 'node:events';
import { cpus } from 'node:os';
import type { Router, RtpCodecCapability, Worker } from 'mediasoup/lib/types.js';
import type { Logger } from '../logger.js';
import { watchTransports } from '../observability/metrics.js';
import { MediaCapacityError, TRANSPORTS_PER_CALL } from './limits.js';

// mediasoup workers, one per core. Each call gets a router on the least loaded worker.
// Every router is a call, and each call is given its share of its worker's ports (as many
// as it may ever hold transports, limits.ts): a worker takes no more calls than its slice of
// the port range serves in full, so a busy call cannot leave a new one without audio.
// A worker that dies is replaced; its calls learn of it from their router's `workerclose`
// event and end cleanly (stored as failed, the recording so far kept).

export const AUDIO_CODECS: RtpCodecCapability[] = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2, parameters: { useinbandfec: 1, minptime: 10 } },
];

export type WorkerPoolOptions = { workerBin: string; rtcMinPort: number; rtcMaxPort: number; size?: number; logger: Logger };

/** `reserving` counts routers being made, so calls arriving together spread over the workers. */
type Slot = { index: number; worker: Worker; routers: Set<Router>; reserving: number };
const load = (s: Slot) => s.routers.size + s.reserving;

export type WorkerPoolEvents = {
  workerDied: [info: { pid: number }];
};

export class WorkerPool extends EventEmitter<WorkerPoolEvents> {
  readonly #slots: (Slot | undefined)[];
  readonly #options: WorkerPoolOptions;
  readonly #mediasoup: typeof import('mediasoup');
  #closed = false;

  private constructor(mediasoup: typeof import('mediasoup'), options: WorkerPoolOptions, size: number) {
    super();
    this.#mediasoup = mediasoup;
    this.#options = options;
    this.#slots = new Array(size).fill(undefined);
  }

  static async create(options: WorkerPoolOptions): Promise<WorkerPool> {
    // mediasoup reads the worker binary's path once, when it is first loaded.
    process.env.MEDIASOUP_WORKER_BIN ??= options.workerBin;
    const mediasoup = await import('mediasoup');
    const pool = new WorkerPool(mediasoup, options, options.size ?? cpus().length);
    await Promise.all(pool.#slots.map((_, i) => pool.#spawn(i)));
    return pool;
  }

  get size(): number {
    return this.#slots.filter(Boolean).length;
  }

  /** pids of the live workers, for tests and metrics. */
  get pids(): number[] {
    return this.#slots.flatMap((s) => (s ? [s.worker.pid] : []));
  }

  /** The pid of the worker carrying `router`. */
  pidOf(router: Router): number | undefined {
    return this.#slots.find((s) => s?.routers.has(router))?.worker.pid;
  }

  /** Calls one worker carries at most: its slice of the port range over each call's share. */
  get callsPerWorker(): number {
    return Math.floor(this.#portsPerWorker / TRANSPORTS_PER_CALL);
  }

  /** A new router on the worker with the fewest routers, if one has a call's share of ports left. */
  async createRouter(): Promise<Router> {
    if (this.#closed) throw new Error('worker pool closed');
    const live = this.#slots.filter((s): s is Slot => Boolean(s));
    const slot = live.sort((a, b) => load(a) - load(b))[0];
    if (!slot) throw new Error('no mediasoup worker is running');
    if (load(slot) >= this.callsPerWorker) throw new MediaCapacityError(this.#exhausted(live));
    slot.reserving++;
    let router: Router;
    try {
      router = await slot.worker.createRouter({ mediaCodecs: AUDIO_CODECS });
    } finally {
      slot.reserving--;
    }
    slot.routers.add(router);
    router.observer.once('close', () => slot.routers.delete(router));
    watchTransports(router);
    return router;
  }

  /** CPU each live worker has used so far (user + system, ms), by its slot. */
  async usage(): Promise<{ index: number; cpuMs: number }[]> {
    const live = this.#slots.filter((s): s is Slot => Boolean(s));
    return Promise.all(live.map(async (s) => {
      const { ru_utime, ru_stime } = await s.worker.getResourceUsage();
      return { index: s.index, cpuMs: ru_utime + ru_stime };
    }));
  }

  /** Throws unless every worker answers. */
  async check(): Promise<{ workers: number; routers: number }> {
    const live = this.#slots.filter((s): s is Slot => Boolean(s));
    if (live.length < this.#slots.length) throw new Error(`${this.#slots.length - live.length} worker(s) restarting`);
    await Promise.all(live.map((s) => s.worker.getResourceUsage()));
    return { workers: live.length, routers: live.reduce((n, s) => n + s.routers.size, 0) };
  }

  /** Calls carried and the most the running workers can carry; throws (the reason) when no worker can take one more. */
  capacity(): { calls: number; capacity: number } {
    const live = this.#slots.filter((s): s is Slot => Boolean(s));
    if (!live.length) throw new Error('no mediasoup worker is running');
    if (!live.some((s) => load(s) < this.callsPerWorker)) throw new Error(this.#exhausted(live));
    return { calls: live.reduce((n, s) => n + load(s), 0), capacity: live.length * this.callsPerWorker };
  }

  #exhausted(live: Slot[]): string {
    const calls = live.reduce((n, s) => n + load(s), 0);
    return `media capacity exhausted: ${calls} calls on ${live.length} worker(s) of ${this.callsPerWorker} calls each (each call is given ${TRANSPORTS_PER_CALL} ports of RTC_MIN_PORT..RTC_MAX_PORT)`;
  }

  /** Each worker's slice of the port range (see #spawn). */
  get #portsPerWorker(): number {
    return Math.floor((this.#options.rtcMaxPort - this.#options.rtcMinPort + 1) / this.#slots.length);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const slot of this.#slots) slot?.worker.close();
    this.#slots.fill(undefined);
  }

  async #spawn(index: number): Promise<void> {
    const { rtcMinPort } = this.#options;
    // Each worker gets its own slice of the port range, so two never race for a port.
    const span = this.#portsPerWorker;
    const worker = await this.#mediasoup.createWorker({
      logLevel: 'warn',
      rtcMinPort: rtcMinPort + index * span,
      rtcMaxPort: rtcMinPort + (index + 1) * span - 1,
    });
    const slot: Slot = { index, worker, routers: new Set(), reserving: 0 };
    this.#slots[index] = slot;
    worker.once('died', (error) => this.#onDied(slot, error));
  }

  #onDied(slot: Slot, error: Error): void {
    const log = this.#options.logger;
    log.error({ pid: slot.worker.pid, err: error }, 'mediasoup worker died');
    this.#slots[slot.index] = undefined;
    this.emit('workerDied', { pid: slot.worker.pid });
    if (this.#closed) return;
    const restart = (attempt: number): void => {
      this.#spawn(slot.index).then(
        () => log.info({ index: slot.index }, 'mediasoup worker replaced'),
        (err: unknown) => {
          log.error({ err }, 'mediasoup worker restart failed');
          if (!this.#closed) setTimeout(() => restart(attempt + 1), Math.min(1000 * 2 ** attempt, 30_000)).unref();
        },
      );
    };
    restart(0);
  }
}
