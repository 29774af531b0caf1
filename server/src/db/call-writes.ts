import type { ChecklistMarkView, EntityView, TranscriptSegmentView } from '../protocol/api.js';
import type { Prisma, PrismaClient } from './generated/client.js';
import type { CallEventType } from './generated/enums.js';

// What a live call writes as it goes, as plain data (the journal keeps it on disk until the
// database has it), and how each is written. Every row carries its own id, made when it
// happened, and every write is idempotent: applying one twice (a replay after a crash)
// stores nothing twice, and a counter (hold time) moves only with the row that records it.

export type StoredEvent = { id: string; type: CallEventType; actorId: string | null; at: string; data: Prisma.InputJsonValue | null };
export type RecordingRow = { id: string; storageKey: string; durationMs: number; channels: number; sampleRateHz: number; sizeBytes: number };

export type CallWrite =
  | { kind: 'segment'; callId: string; segment: TranscriptSegmentView }
  | { kind: 'entities'; callId: string; entities: EntityView[] }
  | { kind: 'marks'; callId: string; marks: (ChecklistMarkView & { id: string })[] }
  /** `heldMs` is added to the call's hold time when the event is first stored (an unhold). */
  | { kind: 'event'; callId: string; event: StoredEvent; heldMs?: number }
  | { kind: 'recording'; callId: string; recording: RecordingRow }
  /** Answers a ringing call once, with its answer event. */
  | { kind: 'answer'; callId: string; event: StoredEvent }
  /** Ends a live call once, with its end event; a hold under way at the end counts too. */
  | { kind: 'end'; callId: string; status: 'ended' | 'failed'; outcome: string; reason: string | null; event: StoredEvent; heldMs: number };

/** Writes one change; true when it changed something (false: already stored, or an end of a call not live). */
export async function applyCallWrite(prisma: PrismaClient, write: CallWrite): Promise<boolean> {
  const { callId } = write;
  switch (write.kind) {
    case 'segment':
      return stored(await prisma.transcriptSegment.createMany({ data: [{ callId, ...write.segment }], skipDuplicates: true }));
    case 'entities':
      return stored(await prisma.entity.createMany({ data: write.entities.map((e) => ({ callId, ...e })), skipDuplicates: true }));
    case 'marks':
      return stored(await prisma.checklistMark.createMany({ data: write.marks.map((m) => ({ callId, ...m })), skipDuplicates: true }));
    case 'recording':
      return stored(await prisma.recording.createMany({ data: [{ callId, ...write.recording }], skipDuplicates: true }));
    case 'event':
      return prisma.$transaction(async (tx) => {
        const added = stored(await tx.callEvent.createMany({ data: [eventRow(callId, write.event)], skipDuplicates: true }));
        if (added && write.heldMs) await tx.call.update({ where: { id: callId }, data: { holdMs: { increment: Math.round(write.heldMs) } } });
        return added;
      });
    case 'answer':
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.call.updateMany({ where: { id: callId, status: 'ringing' }, data: { status: 'active', answeredAt: new Date(write.event.at) } });
        if (count === 0) return false;
        await tx.callEvent.createMany({ data: [eventRow(callId, write.event)], skipDuplicates: true });
        return true;
      });
    case 'end':
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.call.updateMany({
          where: { id: callId, status: { in: ['ringing', 'active'] } },
          data: { status: write.status, outcome: write.outcome, endReason: write.reason, endedAt: new Date(write.event.at), holdMs: { increment: Math.round(write.heldMs) } },
        });
        if (count === 0) return false;
        await tx.callEvent.createMany({ data: [eventRow(callId, write.event)], skipDuplicates: true });
        return true;
      });
  }
}

function stored({ count }: { count: number }): boolean {
  return count > 0;
}

function eventRow(callId: string, event: StoredEvent): Prisma.CallEventCreateManyInput {
  return { callId, id: event.id, type: event.type, actorId: event.actorId, at: new Date(event.at), data: event.data ?? undefined };
}
