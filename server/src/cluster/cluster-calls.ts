import { ConflictError, UnavailableError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { LiveCalls } from '../live/live-calls.js';
import type { SharedState } from '../state/state.js';
import { MovedError, type CallLeases } from './leases.js';
import type { ClusterLoad } from './load.js';
import { Relay } from './relay.js';

// Any process serves any browser. A request about a live call runs where the call's media is:
// here when this process holds the call's lease, on the owner (relayed) when another does. A
// call nobody carries yet is placed on the least-loaded process that is not draining, which
// takes the lease as it opens the media. A placement that raced another (two processes placed
// the same call at once) loses the lease and is sent on to the winner.

/** LiveCalls' requests that act on one call, each taking (peer, callId, ...) or (callId, ...). */
const ROUTED = [
  'join',
  'createTransport',
  'connectTransport',
  'produce',
  'consume',
  'resumeConsumer',
  'restartIce',
  'supervise',
  'unsupervise',
  'answer',
  'setMuted',
  'setOnHold',
  'transfer',
  'completeTransfer',
  'type',
  'steer',
  'end',
  'finish',
] as const;
type Routed = (typeof ROUTED)[number];
type Method<M extends Routed> = (...args: Parameters<LiveCalls[M]>) => ReturnType<LiveCalls[M]>;
const PEER_LEFT = 'cluster:peer-left';
const ATTEMPTS = 3;

export class ClusterCalls {
  readonly #relay: Relay;
  #unsubscribe: (() => Promise<void>) | undefined;

  constructor(
    private readonly live: LiveCalls,
    private readonly leases: CallLeases,
    private readonly load: ClusterLoad,
    private readonly state: SharedState,
    private readonly logger: Logger,
  ) {
    this.#relay = new Relay(state, leases.self, (method, args) => this.#local(method as Routed, args), logger);
  }

  async start(): Promise<void> {
    await this.#relay.start();
    this.#unsubscribe = await this.state.subscribe(PEER_LEFT, (peerId) => this.live.peerLeft(peerId));
    this.leases.start();
    await this.load.start();
  }

  async stop(): Promise<void> {
    this.leases.stop();
    // With Redis away these would wait for its return: a process shutting down waits 1 s at most.
    const leaving = Promise.all([this.load.stop(), this.#unsubscribe?.(), this.#relay.stop()]);
    await Promise.race([leaving, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
  }

  /** Runs a call request where the call is carried. */
  run<M extends Routed>(method: M, ...args: Parameters<LiveCalls[M]>): ReturnType<LiveCalls[M]> {
    return this.#route(method, args) as ReturnType<LiveCalls[M]>;
  }

  /** A browser's socket went away: the call it was in, wherever it runs, lets its media go. */
  peerLeft(peerId: string): void {
    this.state.publish(PEER_LEFT, peerId).catch((error: unknown) => {
      this.logger.warn({ err: error, peerId }, 'departure not shared: handled here only');
      this.live.peerLeft(peerId);
    });
  }

  /** SIGTERM: no new call is placed here from now on; resolves once no call is carried here, or after `limitMs`. */
  async drain(limitMs: number): Promise<number> {
    this.load.draining = true;
    await this.load.publish();
    const until = Date.now() + limitMs;
    while (this.live.count > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 500));
    return this.live.count;
  }

  get draining(): boolean {
    return this.load.draining;
  }

  async #route(method: Routed, args: unknown[]): Promise<unknown> {
    const callId = (method === 'finish' ? args[0] : args[1]) as string;
    for (let attempt = 1; ; attempt++) {
      const owner = (await this.leases.ownerOf(callId)) ?? (method === 'finish' ? this.leases.self : await this.#place());
      try {
        return owner === this.leases.self ? await this.#local(method, args) : await this.#relay.send(owner, method, args);
      } catch (error) {
        // Turned away by a process that lost the race for the lease, or by one gone: try the owner now.
        const moved = error instanceof MovedError || (owner !== this.leases.self && (await this.leases.ownerOf(callId)) !== owner);
        if (!moved || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  async #place(): Promise<string> {
    const process = await this.load.place();
    if (!process) throw new UnavailableError('every server is draining: try again in a moment');
    return process;
  }

  #local(method: Routed, args: unknown[]): Promise<unknown> {
    if (!ROUTED.includes(method)) return Promise.reject(new ConflictError(`not a call request: ${method}`));
    return (this.live[method] as Method<Routed>).apply(this.live, args as never);
  }
}
