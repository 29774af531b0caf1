import { cpus } from 'node:os';
import type { Logger } from '../logger.js';
import type { SharedState } from '../state/state.js';

// Each process publishes how loaded it is (live calls, CPU, whether it drains) every few
// seconds and whenever its calls change; a new call goes to the least-loaded process that is
// not draining. A process that stopped publishing is left out once its figure is stale.

const LOAD_KEY = 'cluster:load';
const PUBLISH_MS = 2000;
/** A figure older than this is a process gone (or cut off from Redis): never placed on. */
const STALE_MS = 3 * PUBLISH_MS;
/** Figures this old are removed from the shared map (a process that is gone for good). */
const FORGET_MS = 60_000;

export type ProcessLoad = {
  process: string;
  liveCalls: number;
  /** Share of the machine's cores this process used over the last period, 0..1. */
  cpu: number;
  draining: boolean;
  at: number;
};

export class ClusterLoad {
  draining = false;
  #timer: NodeJS.Timeout | undefined;
  #cpu = { usage: process.cpuUsage(), at: performance.now() };

  constructor(
    private readonly state: SharedState,
    private readonly self: string,
    private readonly liveCalls: () => number,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    await this.publish();
    this.#timer ??= setInterval(() => void this.publish(), PUBLISH_MS).unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.state.deleteField(LOAD_KEY, this.self).catch(() => undefined);
  }

  /** This process's figure now. */
  now(): ProcessLoad {
    const usage = process.cpuUsage(this.#cpu.usage);
    const at = performance.now();
    const cpu = (usage.user + usage.system) / 1000 / Math.max(1, at - this.#cpu.at) / cpus().length;
    this.#cpu = { usage: process.cpuUsage(), at };
    return { process: this.self, liveCalls: this.liveCalls(), cpu: Math.round(cpu * 1000) / 1000, draining: this.draining, at: Date.now() };
  }

  async publish(): Promise<void> {
    await this.state.setField(LOAD_KEY, this.self, JSON.stringify(this.now())).catch((error: unknown) => this.logger.warn({ err: error }, 'load not published'));
  }

  /** Every process's latest figure that is fresh. */
  async all(): Promise<ProcessLoad[]> {
    const now = Date.now();
    const loads: ProcessLoad[] = [];
    for (const [process, json] of Object.entries(await this.state.fields(LOAD_KEY))) {
      const load = JSON.parse(json) as ProcessLoad;
      if (now - load.at > FORGET_MS) await this.state.deleteField(LOAD_KEY, process);
      else if (now - load.at <= STALE_MS) loads.push(load);
    }
    return loads;
  }

  /** Where a new call goes: the fewest live calls, then the least CPU; null when every process drains. */
  async place(): Promise<string | null> {
    const candidates = (await this.all()).filter((l) => !l.draining);
    // Without a fresh figure of its own (Redis slow to answer, or memory state) this process still counts.
    if (!this.draining && !candidates.some((l) => l.process === this.self)) {
      candidates.push({ process: this.self, liveCalls: this.liveCalls(), cpu: 0, draining: false, at: Date.now() });
    }
    candidates.sort((a, b) => a.liveCalls - b.liveCalls || a.cpu - b.cpu || a.process.localeCompare(b.process));
    return candidates[0]?.process ?? null;
  }
}
