import { batch, signal } from '@preact/signals';
import { errorMessage, type Api } from '../api.js';
import type { CallDetail, CallEventView, CallSummary, CapturedFactView, ChecklistItemView, EntityView, TranscriptSegmentView } from '../protocol.js';
import type { ConnectionStore } from './connection.js';

export type EndOutcome = 'completed' | 'abandoned' | 'transferred';

function upsertSegment(list: TranscriptSegmentView[], seg: TranscriptSegmentView): TranscriptSegmentView[] {
  const i = list.findIndex((s) => s.id === seg.id);
  // A late partial must not overwrite the final text it led to.
  if (i >= 0 && list[i]!.isFinal && !seg.isFinal) return list;
  const next = i >= 0 ? list.map((s, j) => (j === i ? seg : s)) : [...list, seg];
  return next.sort((a, b) => a.startMs - b.startMs);
}

export const isOver = (c: Pick<CallSummary, 'status'> | null) => c !== null && (c.status === 'ended' || c.status === 'failed');

/** One call seen from its page: loaded over REST, then followed in its socket room. */
export function createCallStore(callId: string, api: Api, connection: ConnectionStore) {
  const call = signal<CallDetail | null>(null);
  const error = signal<string | null>(null);
  const ending = signal(false);
  /** The live NENA checklist; null until the server sends one (never, for a trainee in exam mode). */
  const checklist = signal<ChecklistItemView[] | null>(null);
  /** What the call has captured (latest values, corrections), pushed by the server with the checklist. */
  const captured = signal<CapturedFactView[] | null>(null);

  function patch(fn: (c: CallDetail) => CallDetail): void {
    if (call.value) call.value = fn(call.value);
  }

  async function reload(): Promise<void> {
    try {
      call.value = await api.getCall(callId);
      error.value = null;
    } catch (err) {
      error.value = errorMessage(err);
    }
  }

  function onEvent(event: CallEventView & { callId: string }): void {
    if (event.callId !== callId) return;
    patch((c) => (c.events.some((e) => e.id === event.id) ? c : { ...c, events: [...c.events, event] }));
  }

  function onTranscript({ callId: id, ...segment }: TranscriptSegmentView & { callId: string }): void {
    if (id === callId) patch((c) => ({ ...c, transcript: upsertSegment(c.transcript, segment) }));
  }

  function onEntities(info: { callId: string; entities: EntityView[] }): void {
    if (info.callId !== callId) return;
    patch((c) => {
      const known = new Set(c.entities.map((e) => e.id));
      const fresh = info.entities.filter((e) => !known.has(e.id));
      return fresh.length ? { ...c, entities: [...c.entities, ...fresh] } : c;
    });
  }

  function onChecklist(info: { callId: string; items: ChecklistItemView[] }): void {
    if (info.callId === callId) checklist.value = info.items;
  }

  function onCaptured(info: { callId: string; facts: CapturedFactView[] }): void {
    if (info.callId === callId) captured.value = info.facts;
  }

  function onUpdated(summary: CallSummary): void {
    if (summary.id !== callId) return;
    const wasOver = isOver(call.value);
    patch((c) => ({ ...c, ...summary }));
    // Outcome details (recording, metrics) only come with the full call.
    if (!wasOver && isOver(summary)) void reload();
  }

  async function join(): Promise<void> {
    try {
      const detail = await connection.request('call:join', { callId });
      batch(() => {
        call.value = detail;
        error.value = null;
      });
    } catch (err) {
      // REST already showed the call; live updates are what is missing.
      if (!call.value) error.value = errorMessage(err);
    }
  }

  return {
    call,
    error,
    ending,
    checklist,
    captured,
    reload,

    /**
     * The checklist and the captured facts so far, for a page opened mid-call or after it:
     * pushes only come when they change. Only ask where they may be shown (not a trainee's exam call).
     */
    async seedAids(): Promise<void> {
      try {
        const review = await api.getReview(callId);
        // A push that arrived meanwhile is newer than this answer.
        checklist.value ??= review.checklist;
        captured.value ??= review.captured;
      } catch {
        // Nothing to show until the first push; the page works without it.
      }
    },

    /** Load once over REST, without following the call (the review page). */
    load: reload,

    /** Load and follow the call live; returns the function that stops following. */
    follow(): () => void {
      const offs = [
        connection.on('call:event', onEvent),
        connection.on('call:transcript', onTranscript),
        connection.on('call:entities', onEntities),
        connection.on('call:checklist', onChecklist),
        connection.on('call:captured', onCaptured),
        connection.on('call:updated', onUpdated),
        connection.onConnect(() => void join()),
      ];
      void reload();
      if (connection.connected.value) void join();
      return () => {
        offs.forEach((off) => off());
        if (connection.connected.value) connection.request('call:leave', { callId }).catch(() => undefined);
      };
    },

    async end(outcome: EndOutcome = 'completed'): Promise<void> {
      ending.value = true;
      try {
        call.value = await api.endCall(callId, outcome);
        error.value = null;
      } catch (err) {
        error.value = errorMessage(err);
      } finally {
        ending.value = false;
      }
    },
  };
}

export type CallStore = ReturnType<typeof createCallStore>;
