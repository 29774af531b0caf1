import type { ChecklistMarkView, EntityView, TranscriptSegmentView } from '../protocol/api.js';
import type { Prisma, PrismaClient } from './generated/client.js';
import type { CallEventType } from './generated/enums.js';

// What a live call writes as it goes, as plain data (the journal keeps it on disk until the
// database has it), and how each is written. Every row carries its own id, made when it
// happened, and every write is idempotent: applying one twice (a replay after a crash)
// stores nothing twice, and a counter (hold time) moves only with the row that records it.
//
// Every write is fenced: it carries the token of the lease its process held on the call, and
// lands only while that is still the call's `leaseToken` (checked and written in one
// transaction that holds the call's row, so a takeover cannot slip in between). A process that
// stalled past its lease, while another took the call over or ended it, is refused. A write
// that changes nothing (stored already; an end of a call that has ended) is no one's to refuse.

export type StoredEvent = { id: string; type: CallEventType; actorId: string | null; at: string; data: Prisma.InputJsonValue | null };
export type RecordingRow = { id: string; storageKey: string; durationMs: number; channels: number; sampleRateHz: number; sizeBytes: number };

type Change =
  | { kind: 'segment'; segment: TranscriptSegmentView }
  | { kind: 'entities'; entities: EntityView[] }
  | { kind: 'marks'; marks: (ChecklistMarkView & { id: string })[] }
  /** `heldMs` is added to the call's hold time when the event is first stored (an unhold). */
  | { kind: 'event'; event: StoredEvent; heldMs?: number }
  | { kind: 'recording'; recording: RecordingRow }
  /** Answers a ringing call once, with its answer event. */
  | { kind: 'answer'; event: StoredEvent }
  /** Ends a live call once, with its end event; a hold under way at the end counts too. */
  | { kind: 'end'; status: 'ended' | 'failed'; outcome: string; reason: string | null; event: StoredEvent; heldMs: number };

/** One change of a call, made under the lease `token` (null: a call no process has taken yet). */
export type CallWrite = Change & { callId: string; token: number | null };

/** The call's lease token is no longer the one a write was made under: its writer is not the call's owner any more. */
export class StaleWriteError extends Error {
  constructor(
    readonly callId: string,
    readonly token: number | null,
    /** The call's token now (undefined: no such call). */
    readonly current: number | null | undefined,
  ) {
    super(`write refused: made under lease token ${token}, the call's is now ${current === undefined ? 'gone' : current}`);
    this.name = 'StaleWriteError';
  }
}

/** Writes one change; true when it changed something (false: already stored, or an end of a call not live); throws StaleWriteError from a stale owner. */
export async function applyCallWrite(prisma: PrismaClient, write: CallWrite): Promise<boolean> {
  const { callId } = write;
  return prisma.$transaction(async (tx) => {
    // The change is made first and fenced only if it changed something: a journal replayed after
    // a crash applies again writes that are stored already, which change nothing, whoever holds
    // the call now. A refused change is rolled back with the transaction.
    const fenced = async () => {
      // FOR SHARE: a takeover's UPDATE of the token waits for this write to commit, or this sees its token.
      const [row] = await tx.$queryRaw<{ leaseToken: number | null }[]>`SELECT "leaseToken" FROM "Call" WHERE "id" = ${callId}::uuid FOR SHARE`;
      // A journal written before writes carried tokens has none: a call no process had taken.
      const token = write.token ?? null;
      if (!row || row.leaseToken !== token) throw new StaleWriteError(callId, token, row?.leaseToken);
      return true;
    };
    switch (write.kind) {
      case 'segment':
        return stored(await tx.transcriptSegment.createMany({ data: [{ callId, ...write.segment }], skipDuplicates: true })) && fenced();
      case 'entities':
        return stored(await tx.entity.createMany({ data: write.entities.map((e) => ({ callId, ...e })), skipDuplicates: true })) && fenced();
      case 'marks':
        return stored(await tx.checklistMark.createMany({ data: write.marks.map((m) => ({ callId, ...m })), skipDuplicates: true })) && fenced();
      case 'recording':
        return stored(await tx.recording.createMany({ data: [{ callId, ...write.recording }], skipDuplicates: true })) && fenced();
      case 'event': {
        if (!stored(await tx.callEvent.createMany({ data: [eventRow(callId, write.event)], skipDuplicates: true }))) return false;
        await fenced();
        if (write.heldMs) await tx.call.update({ where: { id: callId }, data: { holdMs: { increment: Math.round(write.heldMs) } } });
        return true;
      }
      case 'answer': {
        const { count } = await tx.call.updateMany({ where: { id: callId, status: 'ringing' }, data: { status: 'active', answeredAt: new Date(write.event.at) } });
        if (count === 0) return false;
        await fenced();
        await tx.callEvent.createMany({ data: [eventRow(callId, write.event)], skipDuplicates: true });
        return true;
      }
      case 'end': {
        const { count } = await tx.call.updateMany({
          where: { id: callId, status: { in: ['ringing', 'active'] } },
          data: { status: write.status, outcome: write.outcome, endReason: write.reason, endedAt: new Date(write.event.at), holdMs: { increment: Math.round(write.heldMs) } },
        });
        if (count === 0) return false;
        await fenced();
        await tx.callEvent.createMany({ data: [eventRow(callId, write.event)], skipDuplicates: true });
        return true;
      }
    }
  });
}

function stored({ count }: { count: number }): boolean {
  return count > 0;
}

function eventRow(callId: string, event: StoredEvent): Prisma.CallEventCreateManyInput {
  return { callId, id: event.id, type: event.type, actorId: event.actorId, at: new Date(event.at), data: event.data ?? undefined };
}
