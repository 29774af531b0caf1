import { randomUUID } from 'node:crypto';
import { AppError, UnavailableError } from '../errors.js';
import type { Logger } from '../logger.js';
import { ErrorCode } from '../protocol/ack.js';
import type { SharedState } from '../state/state.js';

// Requests for a call owned by another process, carried over Redis: each process listens on
// its own channel, a request names the channel its answer goes to, and the answer is the
// result or the AppError the owner threw (code, message and status kept), so the browser gets
// the same reply from any process. A request to a process gone (nobody on its channel) or one
// that does not answer fails as unavailable, and the browser may try again.

/** Longer than the slowest request's own work: opening a call readies its caller's models, seconds on a busy machine. */
const RELAY_TIMEOUT_MS = 30_000;
const channel = (process: string) => `relay:${process}`;
const replies = (process: string) => `relay-reply:${process}`;

type Request = { id: string; from: string; method: string; args: unknown[] };
type Reply = { id: string; ok: true; data: unknown } | { id: string; ok: false; error: { code: ErrorCode; message: string; status: number } };

export class Relay {
  readonly #pending = new Map<string, { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  readonly #unsubscribe: (() => Promise<void>)[] = [];

  constructor(
    private readonly state: SharedState,
    private readonly self: string,
    /** Runs a request here, on the owner. */
    private readonly handle: (method: string, args: unknown[]) => Promise<unknown>,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    this.#unsubscribe.push(
      await this.state.subscribe(channel(this.self), (message) => void this.#serve(JSON.parse(message) as Request)),
      await this.state.subscribe(replies(this.self), (message) => this.#answered(JSON.parse(message) as Reply)),
    );
  }

  async stop(): Promise<void> {
    for (const [id, p] of this.#pending) {
      clearTimeout(p.timer);
      p.reject(new UnavailableError('this server is shutting down'));
      this.#pending.delete(id);
    }
    await Promise.all(this.#unsubscribe.splice(0).map((u) => u()));
  }

  /** Runs `method` on process `to`; rejects with the owner's AppError, or as unavailable when it does not answer. */
  send(to: string, method: string, args: unknown[]): Promise<unknown> {
    const id = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new UnavailableError("the server carrying this call did not answer: try again"));
      }, RELAY_TIMEOUT_MS);
      this.#pending.set(id, { resolve, reject, timer });
      const fail = (error: Error) => {
        clearTimeout(timer);
        this.#pending.delete(id);
        reject(error);
      };
      this.state.publish(channel(to), JSON.stringify({ id, from: this.self, method, args } satisfies Request)).then(
        // Nobody listens on its channel: the process is gone (its lease not yet lapsed).
        (receivers) => receivers === 0 && fail(new UnavailableError('the server carrying this call is gone: try again in a moment')),
        (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))),
      );
    });
  }

  async #serve(request: Request): Promise<void> {
    let reply: Reply;
    try {
      reply = { id: request.id, ok: true, data: (await this.handle(request.method, request.args)) ?? null };
    } catch (error) {
      const e = error instanceof AppError ? error : null;
      if (!e) this.logger.error({ err: error, method: request.method, from: request.from }, 'relayed request failed');
      reply = { id: request.id, ok: false, error: { code: e?.code ?? ErrorCode.internal, message: e?.message ?? 'internal error', status: e?.status ?? 500 } };
    }
    await this.state.publish(replies(request.from), JSON.stringify(reply)).catch(() => undefined);
  }

  #answered(reply: Reply): void {
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.#pending.delete(reply.id);
    if (reply.ok) pending.resolve(reply.data);
    else pending.reject(new AppError(reply.error.code, reply.error.message, reply.error.status));
  }
}
