import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { CallWrite, RecordingRow, StoredEvent } from '../db/call-writes.js';
import type { Database } from '../db/database.js';
import type { CallEventType } from '../db/generated/enums.js';
import { Journal } from '../journal/journal.js';
import type { Logger } from '../logger.js';
import type { CallEventView, ChecklistMarkView, EntityView, TranscriptSegmentView } from '../protocol/api.js';

// The one way a live call's records reach the database: transcript lines, events, entities,
// checklist marks, its recording and its end. Each is given its id here, journalled on this
// process's disk, and resolves (with the view to push) once it is durable: a database outage
// holds the writes, it does not lose them, and a control answers while it lasts. The journal
// applies them in order when the database answers; the end of a call, once applied, is
// followed by its scoring and announcement (`ended`).

export type EndWrite = Extract<CallWrite, { kind: 'end' }>;
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
};

export class CallJournal {
  readonly #journal: Journal<CallWrite>;

  constructor(options: CallJournalOptions) {
    const { db } = options;
    this.#journal = new Journal<CallWrite>({
      dir: path.join(options.dataDir, 'journal'),
      logger: options.logger.child({ module: 'journal' }),
      reachable: () => db.ping().then(() => true),
      apply: async (write) => {
        await db.calls.apply(write);
        if (write.kind === 'end') await options.ended(write);
      },
    });
  }

  /** Applies what a previous run left; returns how many writes it had. */
  open(): Promise<number> {
    return this.#journal.open();
  }

  /** A final transcript line; `id` may be given so it replaces the partials the client showed. */
  async segment(callId: string, line: Omit<TranscriptSegmentView, 'id'> & { id?: string | undefined }): Promise<TranscriptSegmentView> {
    const segment = { ...line, id: line.id ?? randomUUID() };
    await this.#journal.append({ kind: 'segment', callId, segment });
    return segment;
  }

  async entities(callId: string, found: Omit<EntityView, 'id'>[]): Promise<EntityView[]> {
    if (found.length === 0) return [];
    const entities = found.map((e) => ({ ...e, id: randomUUID() }));
    await this.#journal.append({ kind: 'entities', callId, entities });
    return entities;
  }

  /** Changes of the live checklist, as they were shown. */
  async marks(callId: string, marks: ChecklistMarkView[]): Promise<void> {
    if (marks.length > 0) await this.#journal.append({ kind: 'marks', callId, marks: marks.map((m) => ({ ...m, id: randomUUID() })) });
  }

  /** A call event, timed now; `heldMs` (an unhold) adds to the call's hold time. */
  async event(callId: string, type: CallEventType, actor: Actor | null, data?: Record<string, unknown>, heldMs?: number): Promise<CallEventView> {
    const event = stored(type, actor?.id ?? null, data);
    await this.#journal.append({ kind: 'event', callId, event, ...(heldMs ? { heldMs } : {}) });
    return { id: event.id, type, at: event.at, actor, data: event.data };
  }

  /** Answers the call (durably): the database marks it active when it has this. */
  async answer(callId: string, actor: Actor): Promise<CallEventView> {
    const event = stored('answer', actor.id, undefined);
    await this.#journal.append({ kind: 'answer', callId, event });
    return { id: event.id, type: 'answer', at: event.at, actor, data: event.data };
  }

  async recording(callId: string, recording: Omit<RecordingRow, 'id'>): Promise<void> {
    await this.#journal.append({ kind: 'recording', callId, recording: { ...recording, id: randomUUID() } });
  }

  /** Ends the call (durably); `heldMs` is a hold still under way. */
  async end(callId: string, end: { status: 'ended' | 'failed'; outcome: string; reason?: string | undefined; actorId: string | null; heldMs: number }): Promise<EndWrite> {
    const write: EndWrite = {
      kind: 'end',
      callId,
      status: end.status,
      outcome: end.outcome,
      reason: end.reason ?? null,
      event: stored('end', end.actorId, { outcome: end.outcome, reason: end.reason ?? null }),
      heldMs: end.heldMs,
    };
    await this.#journal.append(write);
    return write;
  }

  /** Resolves once every write so far is durable (an acknowledgement may then be sent). */
  synced(): Promise<void> {
    return this.#journal.synced();
  }

  /** True once every write so far is in the database; false at once while it does not answer. */
  caughtUp(): Promise<boolean> {
    return this.#journal.caughtUp();
  }

  /** True once every write so far is in the database; false after `ms`. */
  settled(ms: number): Promise<boolean> {
    return this.#journal.settled(ms);
  }

  close(ms: number): Promise<void> {
    return this.#journal.close(ms);
  }
}

function stored(type: CallEventType, actorId: string | null, data: Record<string, unknown> | undefined): StoredEvent {
  return { id: randomUUID(), type, actorId, at: new Date().toISOString(), data: (data ?? null) as StoredEvent['data'] };
}
