import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import type { SharedState } from '../state/state.js';

// Which process carries which live call: a key in the shared state (Redis when several
// processes serve) with a short life, renewed while the call runs. A call the database holds
// as live that no process carries (its process died, or the end could not be written) is
// stuck: its trainee would be refused a new call for ever. Such calls are found at start and
// every minute, and ended as lost.

const key = (callId: string) => `call-owner:${callId}`;
export const OWNER_TTL_MS = 60_000;
const RENEW_MS = 15_000;
const RECONCILE_MS = 60_000;

export type OwnershipDeps = {
  state: SharedState;
  db: Database;
  logger: Logger;
  /** The calls this process carries now. */
  carried: () => Iterable<string>;
  /** Ends a stuck call. */
  lost: (callId: string) => Promise<void>;
};

export class CallOwnership {
  readonly #deps: OwnershipDeps;
  readonly #timers: NodeJS.Timeout[] = [];

  constructor(deps: OwnershipDeps) {
    this.#deps = deps;
  }

  /** This process carries the call from now on. */
  claim(callId: string): void {
    this.#deps.state.set(key(callId), String(process.pid), OWNER_TTL_MS).catch((error: unknown) => this.#deps.logger.warn({ err: error, callId }, 'call owner not shared'));
  }

  start(): void {
    const renew = setInterval(() => {
      for (const callId of this.#deps.carried()) this.claim(callId);
    }, RENEW_MS);
    const reconcile = setInterval(() => {
      this.reconcile().catch((error: unknown) => this.#deps.logger.warn({ err: error }, 'stuck calls not reconciled'));
    }, RECONCILE_MS);
    renew.unref();
    reconcile.unref();
    this.#timers.push(renew, reconcile);
  }

  stop(): void {
    this.#timers.splice(0).forEach(clearInterval);
  }

  /**
   * Ends the live calls no process carries; returns how many. A call whose media started less
   * than an owner's life ago is left alone: its process may not have claimed it yet.
   */
  async reconcile(): Promise<number> {
    const carried = new Set(this.#deps.carried());
    const candidates = await this.#deps.db.calls.liveWithMediaBefore(new Date(Date.now() - OWNER_TTL_MS));
    let ended = 0;
    for (const callId of candidates) {
      // The shared state not answering is no proof of a dead owner: get() throws and nothing is ended.
      if (carried.has(callId) || (await this.#deps.state.get(key(callId))) !== null) continue;
      this.#deps.logger.warn({ callId }, 'a live call no server carries: ended as lost');
      await this.#deps.lost(callId);
      ended++;
    }
    return ended;
  }
}
