import { ConflictError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { SharedState } from '../state/state.js';

// One owner per call. The process that opens a call's media first claims the call's lease in
// the shared state: its name and a fencing token (a counter that only goes up, so a later
// owner's token is always larger). The owner renews its leases every few seconds; a process
// that dies stops renewing and its leases lapse, which is how the others learn its calls are
// lost. An owner that finds a lease no longer its own (it stalled past the lease's life and
// another process took the call) stops carrying that call at once; one whose lease merely
// lapsed, nobody else holding it, takes it back. What it wrote in between is
// refused by the database: the process that takes a call records its token on the call's row,
// and every write about the call must carry it (db/call-writes.ts).

export const LEASE_TTL_MS = 6000;
const RENEW_MS = 2000;
const leaseKey = (callId: string) => `lease:call:${callId}`;
const TOKEN_KEY = 'lease:token';

/** A process turned a call's request away: another process holds the call's lease. */
export class MovedError extends ConflictError {
  constructor(readonly owner: string) {
    super('the call is carried by another server');
  }
}

export type Lease = { owner: string; token: number };
export type Claim = { mine: true; token: number } | { mine: false; owner: string };

export class CallLeases {
  readonly #held = new Map<string, string>();
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly state: SharedState,
    /** This process, as leases name it. */
    readonly self: string,
    private readonly logger: Logger,
    /** A lease this process held is gone: the call must stop here. */
    private readonly lost: (callId: string) => void,
  ) {}

  async acquire(callId: string): Promise<Claim> {
    const mine = this.#held.get(callId);
    if (mine) return { mine: true, token: (JSON.parse(mine) as Lease).token };
    const value = JSON.stringify({ owner: this.self, token: await this.nextToken() } satisfies Lease);
    const held = await this.state.claim(leaseKey(callId), value, LEASE_TTL_MS);
    const lease = JSON.parse(held) as Lease;
    if (held !== value) return { mine: false, owner: lease.owner };
    this.#held.set(callId, value);
    return { mine: true, token: lease.token };
  }

  /** A new fencing token, larger than any given before (within one process's run without Redis). */
  nextToken(): Promise<number> {
    return this.state.increment(TOKEN_KEY);
  }

  async ownerOf(callId: string): Promise<string | null> {
    if (this.#held.has(callId)) return this.self;
    const held = await this.state.get(leaseKey(callId));
    return held === null ? null : (JSON.parse(held) as Lease).owner;
  }

  release(callId: string): void {
    const value = this.#held.get(callId);
    if (!value) return;
    this.#held.delete(callId);
    // Not waited for: with Redis away the command would wait for its return, and a call's end
    // must not; a lease left behind lapses by itself.
    void this.state.deleteIf(leaseKey(callId), value).catch((error: unknown) => this.logger.warn({ err: error, callId }, 'call lease not released (it lapses)'));
  }

  start(): void {
    this.#timer ??= setInterval(() => void this.renew(), RENEW_MS).unref();
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** Renews every lease held; one that is no longer this process's is given up. */
  async renew(): Promise<void> {
    await Promise.all(
      [...this.#held].map(async ([callId, value]) => {
        const renewed = await this.state.renewIf(leaseKey(callId), value, LEASE_TTL_MS).catch((error: unknown) => {
          // Redis not answering is no proof the lease is gone: tried again at the next round.
          this.logger.warn({ err: error, callId }, 'call lease not renewed');
          return true;
        });
        if (renewed || this.#held.get(callId) !== value) return;
        // Lapsed while this process stalled (a starved event loop, a paused VM) and nobody
        // holds it since: held again, under the same token. Should another process have taken
        // the call meanwhile and let it go, the database still refuses this process's writes
        // under the old token, and its copy of the call stops at the first one.
        const held = await this.state.claim(leaseKey(callId), value, LEASE_TTL_MS).catch(() => null);
        if (held === value) return this.logger.warn({ callId }, "the call's lease lapsed while this process stalled, and nobody took it: held again");
        if (this.#held.get(callId) !== value) return;
        this.#held.delete(callId);
        this.logger.error({ callId }, "this process lost the call's lease: it stops carrying the call");
        this.lost(callId);
      }),
    );
  }
}
