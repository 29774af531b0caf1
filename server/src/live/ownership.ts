import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import path from 'node:path';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import type { SharedState } from '../state/state.js';
import { LEASE_TTL_MS, type CallLeases } from '../cluster/leases.js';

// Which process carries which live call. Each call records its carrier when its media opens:
// this process's name, the same across restarts of one data folder on one host. A process
// whose state is shared (Redis) also keeps a short-lived key saying it is alive, and holds
// each call's lease (cluster/leases.ts). A call the database holds as live is stuck when its
// carrier is gone: this process's own earlier run (a crash), or a process of the shared state
// whose key and whose lease on the call both lapsed (killed). Its trainee would be refused a
// new call for ever and its browsers would wait on a dead line, so it is ended as lost, at
// start and every few seconds. Without Redis a process cannot see another's key, so it judges
// only the calls it carried itself, at start and every minute.
//
// A call whose carrier is gone is never opened again elsewhere (a browser that joins again in
// the meantime would otherwise start a second caller, from nothing): it is ended as lost at
// once. The key lives half as long as a lease, so when a dead process's lease lapses its key
// has lapsed already; a lease that lapses while its carrier's key lives is a stall, and that
// call may be taken over (cluster/leases.ts).

const HEARTBEAT_TTL_MS = LEASE_TTL_MS / 2;
const RENEW_MS = HEARTBEAT_TTL_MS / 3;
/** Checked this often with Redis: a killed process's calls end within the key's life and this. */
const SHARED_RECONCILE_MS = 2000;
const LOCAL_RECONCILE_MS = 60_000;
const key = (carrier: string) => `carrier:${carrier}`;

export type OwnershipDeps = {
  state: SharedState;
  db: Database;
  logger: Logger;
  dataDir: string;
  leases: () => CallLeases;
  /** Whether this process carries the call now. */
  carries: (callId: string) => boolean;
  /** Ends a stuck call, if its lease token is still `seen` (nobody took it meanwhile). */
  lost: (callId: string, seen: number | null) => Promise<void>;
};

export class CallOwnership {
  /** This process, as calls record it: `shared:` when it keeps its key in Redis, `local:` otherwise. */
  readonly carrier: string;
  readonly #deps: OwnershipDeps;
  readonly #timers: NodeJS.Timeout[] = [];

  constructor(deps: OwnershipDeps) {
    this.#deps = deps;
    this.carrier = processName(deps.state.kind, deps.dataDir);
  }

  /** Says this process is alive, then reconciles, and keeps doing both. */
  async start(): Promise<number> {
    await this.#alive();
    const renew = setInterval(() => void this.#alive(), RENEW_MS);
    const reconcile = setInterval(() => {
      this.reconcile().catch((error: unknown) => this.#deps.logger.warn({ err: error }, 'stuck calls not reconciled'));
    }, this.#deps.state.kind === 'redis' ? SHARED_RECONCILE_MS : LOCAL_RECONCILE_MS);
    renew.unref();
    reconcile.unref();
    this.#timers.push(renew, reconcile);
    return this.reconcile();
  }

  stop(): void {
    this.#timers.splice(0).forEach(clearInterval);
  }

  /** Ends the live calls whose carrier is gone; returns how many. */
  async reconcile(): Promise<number> {
    let ended = 0;
    for (const call of await this.#deps.db.calls.carriedLiveCalls()) if (!this.#deps.carries(call.id) && (await this.endIfGone(call))) ended++;
    return ended;
  }

  /** Ends a live call this process does not carry as lost if its carrier is gone; says whether it did. */
  async endIfGone({ id, carrier, leaseToken }: { id: string; carrier: string; leaseToken: number | null }): Promise<boolean> {
    if (!(await this.#gone(id, carrier))) return false;
    this.#deps.logger.warn({ callId: id, carrier }, 'a live call whose server is gone: ended as lost');
    await this.#deps.lost(id, leaseToken);
    return true;
  }

  async #gone(callId: string, carrier: string): Promise<boolean> {
    if (carrier === this.carrier) return true; // ours, and not carried now: an earlier run's
    if (this.#deps.state.kind !== 'redis' || !carrier.startsWith('shared:')) return false;
    // Redis not answering is no proof of a dead carrier: get() throws and nothing is ended.
    // A live carrier without the lease ends the call itself (it gave the lease up).
    return (await this.#deps.state.get(key(carrier))) === null && (await this.#deps.leases().ownerOf(callId)) === null;
  }

  async #alive(): Promise<void> {
    if (this.#deps.state.kind !== 'redis') return;
    await this.#deps.state.set(key(this.carrier), String(process.pid), HEARTBEAT_TTL_MS).catch((error: unknown) => this.#deps.logger.warn({ err: error }, 'carrier key not renewed'));
  }
}

/** A process's name: its host and data folder, so a restart on the same folder knows its own calls. */
export function processName(kind: SharedState['kind'], dataDir: string): string {
  const folder = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 12);
  return `${kind === 'redis' ? 'shared' : 'local'}:${hostname()}:${folder}`;
}
