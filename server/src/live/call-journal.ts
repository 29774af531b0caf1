import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { StaleWriteError, type CallWrite, type RecordingRow, type StoredEvent } from '../db/call-writes.js';
import type { Database } from '../db/database.js';
import type { CallEventType } from '../db/generated/enums.js';
import { ConflictError } from '../errors.js';
import { Journal } from '../journal/journal.js';
import type { Logger } from '../logger.js';
import type { CallEventView, ChecklistMarkView, EntityView, TranscriptSegmentView } from '../protocol/api.js';

// The one way a live call's records reach the database: transcript lines, events, entities,
// checklist marks, its recording and its end. Each is given its id here, stamped with the
// token of the lease this process took the call under (`hold`), journalled on this process's
// disk, and resolves (with the view to push) once the database has it, or once it is durable
// while the database does not answer: an outage holds the writes, it does not lose them, and a
// control answers while it lasts. The journal applies them in order; the end of a call, once
// applied, is followed by its scoring and announcement (`ended`).
//
// The database refuses a write whose token is no longer the call's (another process took the
// call over, or ended it as lost, while this one stalled): it is set aside, the write rejects
// (so no ack says ok), and `stale` tells the call's copy here to stop.

export type EndWrite = Extract<CallWrite, { kind: 'end' }>;
/** A change of a call, before it is stamped with the call's lease token. */
type Change = CallWrite extends infer W ? (W extends CallWrite ? Omit<W, 'token'> : never) : never;
export type Actor = { id: string; name: string };

/** Who did something, as a call event names them. */
export function actorOf(peer: { principal: { userId: string; name: string } }): Actor {
  return { id: peer.principal.userId, name: peer.principal.name };
}

export type CallJournalOptions = {
  dataDir: string;
  db: Database;
  logger: Logger;
  /** A call's end reached the database (also when a restart applies it again): score and announce it. */
  ended: (end: EndWrite) => Promise<void>;
  /** The database refused a write about the call made under `token`: this process is no longer its owner. */
  stale: (callId: string, token: number | null) => void;
};

export class CallJournal {
  readonly #journal: Journal<CallWrite>;
  /** The lease token each call this process writes about was taken under. */
  readonly #tokens = new Map<string, number>();

  constructor(options: CallJournalOptions) {
    const { db, logger } = options;
    this.#journal = new Journal<CallWrite>({
      dir: path.join(options.dataDir, 'journal'),
      logger: logger.child({ module: 'journal' }),
      reachable: () => db.ping().then(() => true),
      apply: async (write) => {
        await db.calls.apply(write);
        if (write.kind === 'end') await options.ended(write);
      },
      refused: (write, error) => {
        if (!(error instanceof StaleWriteError)) return false;
        logger.error({ callId: write.callId, kind: write.kind, token: write.token, current: error.current }, "a write about a call this process no longer owns was refused: its copy of the call stops");
        if (this.#tokens.get(write.callId) === write.token) this.#tokens.delete(write.callId);
        options.stale(write.callId, write.token);
        return true;
      },
    });
  }

  /** From now on this process writes about the call under `token` (a lease it took the call under). */
  hold(callId: string, token: number): void {
    this.#tokens.set(callId, token);
  }

  /** This process writes nothing more about the call. */
  release(callId: string): void {
    this.#tokens.delete(callId);
  }

  /** Resolves once every write so far is in the database (or held through an outage); rejects when this process no longer holds the call. */
  async landed(callId: string): Promise<void> {
    await this.#journal.caughtUp();
    if (!this.#tokens.has(callId)) throw new NotHeldError();
  }

  /** Applies what a previous run left; returns how many writes it had. */
  open(): Promise<number> {
    return this.#journal.open();
  }

  /** A final transcript line; `id` may be given so it replaces the partials the client showed. */
  async segment(callId: string, line: Omit<TranscriptSegmentView, 'id'> & { id?: string | undefined }): Promise<TranscriptSegmentView> {
    const segment = { ...line, id: line.id ?? randomUUID() };
    await this.#write({ kind: 'segment', callId, segment });
    return segment;
  }

  async entities(callId: string, found: Omit<EntityView, 'id'>[]): Promise<EntityView[]> {
    if (found.length === 0) return [];
    const entities = found.map((e) => ({ ...e, id: randomUUID() }));
    await this.#write({ kind: 'entities', callId, entities });
    return entities;
  }

  /** Changes of the live checklist, as they were shown. */
  async marks(callId: string, marks: ChecklistMarkView[]): Promise<void> {
    if (marks.length > 0) await this.#write({ kind: 'marks', callId, marks: marks.map((m) => ({ ...m, id: randomUUID() })) });
  }

  /** A call event, timed now; `heldMs` (an unhold) adds to the call's hold time. */
  async event(callId: string, type: CallEventType, actor: Actor | null, data?: Record<string, unknown>, heldMs?: number): Promise<CallEventView> {
    const event = stored(type, actor?.id ?? null, data);
    await this.#write({ kind: 'event', callId, event, ...(heldMs ? { heldMs } : {}) });
    return { id: event.id, type, at: event.at, actor, data: event.data };
  }

  /** Answers the call (durably): the database marks it active when it has this. */
  async answer(callId: string, actor: Actor): Promise<CallEventView> {
    const event = stored('answer', actor.id, undefined);
    await this.#write({ kind: 'answer', callId, event });
    return { id: event.id, type: 'answer', at: event.at, actor, data: event.data };
  }

  async recording(callId: string, recording: Omit<RecordingRow, 'id'>): Promise<void> {
    await this.#write({ kind: 'recording', callId, recording: { ...recording, id: randomUUID() } });
  }

  /** Ends the call (durably); `heldMs` is a hold still under way. */
  async end(callId: string, end: { status: 'ended' | 'failed'; outcome: string; reason?: string | undefined; actorId: string | null; heldMs: number }): Promise<EndWrite> {
    const write: Omit<EndWrite, 'token'> = {
      kind: 'end',
      callId,
      status: end.status,
      outcome: end.outcome,
      reason: end.reason ?? null,
      event: stored('end', end.actorId, { outcome: end.outcome, reason: end.reason ?? null }),
      heldMs: end.heldMs,
    };
    return this.#write(write);
  }

  /** True once every write so far is in the database; false after `ms`. */
  settled(ms: number): Promise<boolean> {
    return this.#journal.settled(ms);
  }

  close(ms: number): Promise<void> {
    return this.#journal.close(ms);
  }

  /** Stamps the change with the call's token and journals it at once (in order with every other); see the top of the file. */
  async #write<W extends Change>(change: W): Promise<W & { token: number }> {
    const token = this.#tokens.get(change.callId);
    if (token === undefined) throw new NotHeldError();
    const write = { ...change, token };
    try {
      await this.#journal.write(write as CallWrite);
    } catch (error) {
      throw error instanceof StaleWriteError ? new NotHeldError() : error;
    }
    return write;
  }
}

/** A write about a call this process does not hold (any more): not stored, and not acknowledged. */
export class NotHeldError extends ConflictError {
  constructor() {
    super('this server no longer carries the call (another took it over or ended it): not stored');
  }
}

function stored(type: CallEventType, actorId: string | null, data: Record<string, unknown> | undefined): StoredEvent {
  return { id: randomUUID(), type, actorId, at: new Date().toISOString(), data: (data ?? null) as StoredEvent['data'] };
}
