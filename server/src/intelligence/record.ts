import type { CallDetail } from '../protocol/api.js';
import type { ScenarioInput } from '../protocol/scenario.js';
import { CALL_PARTIES, ENTITY_TYPES, type CallRecord, type EntityType, type Segment } from './types.js';

// The one way a call becomes a CallRecord, live and after the end: the live call keeps its
// lines, entities and events as they were stored and builds its record here too, so the live
// checklist and the final score read the same record. One time base: ms since the call's media
// (and its recording) started, Call.mediaStartedAt; the review seeks the recording by it.

export type StoredParts = Pick<CallDetail, 'transcript' | 'entities' | 'events' | 'mediaStartedAt' | 'startedAt' | 'endedAt'>;

const isEntityType = (type: string): type is EntityType => (ENTITY_TYPES as readonly string[]).includes(type);
/** Ties broken by id: the live call and the database list the same rows in the same order. */
const byTime = <T extends { id: string }>(time: (x: T) => number) => (a: T, b: T) => time(a) - time(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Where the call's clock starts: its media, or (a call that never had any) when it started. */
export const originOf = (call: Pick<CallDetail, 'mediaStartedAt' | 'startedAt'>) => Date.parse(call.mediaStartedAt ?? call.startedAt);

export function recordOf(call: StoredParts, scenario: ScenarioInput, now = Date.now()): CallRecord {
  const origin = originOf(call);
  const msOf = (iso: string) => Math.max(0, Date.parse(iso) - origin);
  const segments: Segment[] = call.transcript
    .filter((s) => s.isFinal)
    .sort(byTime((s) => s.startMs))
    .map(({ id, speaker, text, startMs, endMs }) => ({ id, speaker, text, startMs, endMs }));
  const speakerOf = new Map(segments.map((s) => [s.id, s.speaker]));
  const events = [...call.events]
    .sort(byTime((e) => Date.parse(e.at)))
    .map((e) => ({ type: e.type, atMs: msOf(e.at), data: (e.data ?? undefined) as Record<string, unknown> | undefined }));
  return {
    scenario,
    segments,
    entities: [...call.entities].sort(byTime((e) => e.atMs)).flatMap((e) => {
      const speaker = e.segmentId ? speakerOf.get(e.segmentId) : undefined;
      if (!speaker || !CALL_PARTIES.includes(speaker) || !e.segmentId || !isEntityType(e.type)) return [];
      return [{ type: e.type, raw: e.raw, normalized: e.normalized, segmentId: e.segmentId, speaker, atMs: e.atMs }];
    }),
    events: events.filter((e) => e.type !== 'emotion'),
    emotions: events.flatMap((e) => (e.type === 'emotion' && typeof e.data?.emotion === 'string' ? [{ emotion: e.data.emotion, atMs: e.atMs }] : [])),
    atMs: call.endedAt ? msOf(call.endedAt) : Math.max(0, now - origin),
  };
}
