import { scoreStoredCall } from '../calls/review.js';
import type { CallLeases } from '../cluster/leases.js';
import type { Database } from '../db/database.js';
import { UnavailableError } from '../errors.js';
import type { Logger } from '../logger.js';
import { MEDIA_FAILED_OUTCOME } from '../protocol/api.js';
import type { CallJournal, EndWrite } from './call-journal.js';
import type { LiveCall } from './live-call.js';
import type { LiveNotifier } from './live-calls.js';
import type { LiveRecordings } from './recordings.js';

// The two halves of a call's end. On this process, at once: its parts close in order (the
// last words finished and journalled, the room closed, the recording stored). In the
// database, whenever it answers: the end applied from the journal, then the call scored and
// announced.

/** How long a call's end waits for the trainee's last words to be recognised (PocketSphinx finishes a turn in well under this). */
const FLUSH_MS = 2000;
/** How long ending a call whose media is not here waits for this process's own writes to reach the database. */
const SETTLE_MS = 3000;

export type CallEnd = { status: 'ended' | 'failed'; outcome: string; reason?: string; actorId: string | null };

/** `work`, or nothing after `ms`: a call must end even if a party cannot finish its words. */
async function within(ms: number, work: Promise<void> | undefined): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/** Stops a live call's voices, transcribers and room, and stores its recording; returns the hold under way, if any. */
export async function closeLiveCall(call: LiveCall, deps: { recordings: LiveRecordings; logger: Logger }): Promise<number> {
  const heldMs = call.endHold();
  // What the trainee was still saying when the call ended is theirs too: finished, then stored.
  await Promise.all(call.parties().map((party) => within(FLUSH_MS, party.pipeline.flush?.())));
  for (const party of call.parties()) party.voice.stop();
  // What the voices cut short reaches the parties as settled promises: let their reports of
  // what was really played arrive (and be stored) before the parties close.
  await new Promise((resolve) => setImmediate(resolve));
  for (const party of call.parties()) party.pipeline.close();
  await Promise.all(
    [...call.transcribers].map(async (transcriber) => {
      transcriber.flush();
      await transcriber.settled();
      transcriber.close();
    }),
  );
  await Promise.all(call.writes);
  call.room.close();
  try {
    const summary = await call.room.bridge.finish();
    await deps.recordings.store(call.callId, call.startedAt, call.recordingPath, summary);
  } catch (error) {
    deps.logger.error({ err: error, callId: call.callId }, 'recording could not be stored');
  }
  return heldMs;
}

/**
 * Ends a call whose media is not here (never joined, or its process is gone): this process
 * takes the call under a token of its own (only if its token is still `seen`; by default, as
 * read now), stores what is left of its recording and writes the end under that token, so the
 * call's stale owner, should it wake, writes nothing more.
 */
export async function endElsewhere(
  callId: string,
  end: CallEnd,
  seen: number | null | undefined,
  deps: { db: Database; journal: CallJournal; leases: CallLeases; recordings: LiveRecordings; logger: Logger },
): Promise<void> {
  // What this process still has to write comes first (an end of its own, held through an outage, stands).
  if (!(await deps.journal.settled(SETTLE_MS))) throw new UnavailableError('the database is catching up: try again in a moment');
  const context = await deps.db.calls.liveContext(callId);
  if (context?.status !== 'ringing' && context?.status !== 'active') return;
  const token = await deps.leases.nextToken();
  if (!(await deps.db.calls.take(callId, seen === undefined ? context.leaseToken : seen, token, deps.leases.self))) {
    deps.logger.info({ callId }, 'not ended here: another server took the call meanwhile, or it ended');
    return;
  }
  deps.journal.hold(callId, token);
  try {
    await deps.recordings.storeLeft(callId, context.startedAt).catch((error: unknown) => deps.logger.error({ err: error, callId }, 'what was left of the recording could not be stored'));
    await deps.journal.end(callId, { ...end, heldMs: 0 });
  } finally {
    deps.journal.release(callId);
  }
}

/** Stops a stale copy of a call (another process took it over or ended it): its parts close and its recording goes, nothing written. */
export async function dropLiveCall(call: LiveCall, recordings: LiveRecordings): Promise<void> {
  call.endHold();
  for (const party of call.parties()) {
    party.voice.stop();
    party.pipeline.close();
  }
  for (const transcriber of call.transcribers) transcriber.close();
  call.room.close();
  await call.room.bridge.finish().catch(() => undefined);
  await recordings.discard(call.callId);
}

/**
 * A call's end reached the database: it is scored and everyone is told. Only the end that
 * ended the call counts (a later one, say over REST while the first waited in the journal,
 * changed nothing); applied again after a restart, it scores the call again, to the same total.
 */
export async function announceEnd(end: EndWrite, deps: { db: Database; notifier: LiveNotifier; logger: Logger }): Promise<void> {
  const record = await deps.db.calls.get(end.callId);
  const endEvent = record?.events.find((e) => e.id === end.event.id);
  if (!record || !endEvent) return;
  // Scored from what was stored, so a lost call is scored on what it got to; a technical
  // failure is the system's fault, not the trainee's, and stays out of their history.
  const score =
    end.outcome === MEDIA_FAILED_OUTCOME
      ? null
      : await scoreStoredCall(deps.db, record).catch(async (error: unknown) => {
          await deps.db.ping(); // the database went away: the journal tries this end again
          deps.logger.error({ err: error, callId: end.callId }, 'call could not be scored');
          return record.score;
        });
  deps.notifier.callUpdated({ ...record, score });
  deps.notifier.callEvent(end.callId, endEvent);
  if (end.status === 'failed') deps.notifier.callLost(end.callId, end.reason ?? 'the call was lost');
}
