import type { CallDetail } from '../protocol/api.js';
import type { ScenarioInput } from '../protocol/scenario.js';
import { ENTITY_TYPES, type CallRecord, type EntityType, type Segment } from './types.js';

// A stored call as the checklist and scoring read it: every time in ms since the call's media
// (and its recording) started, so the review can seek the recording to any evidence.

type StoredParts = Pick<CallDetail, 'transcript' | 'entities' | 'events' | 'mediaStartedAt' | 'startedAt' | 'endedAt'>;

const isEntityType = (type: string): type is EntityType => (ENTITY_TYPES as readonly string[]).includes(type);

export function recordOf(call: StoredParts, scenario: ScenarioInput): CallRecord {
  const origin = Date.parse(call.mediaStartedAt ?? call.startedAt);
  const msOf = (iso: string) => Math.max(0, Date.parse(iso) - origin);
  const segments: Segment[] = call.transcript
    .filter((s) => s.isFinal)
    .map(({ id, speaker, text, startMs, endMs }) => ({ id, speaker, text, startMs, endMs }));
  const speakerOf = new Map(segments.map((s) => [s.id, s.speaker]));
  const events = call.events.map((e) => ({ type: e.type, atMs: msOf(e.at), data: (e.data ?? undefined) as Record<string, unknown> | undefined }));
  return {
    scenario,
    segments,
    entities: call.entities.flatMap((e) => {
      const speaker = e.segmentId ? speakerOf.get(e.segmentId) : undefined;
      if (!speaker || !e.segmentId || !isEntityType(e.type)) return [];
      return [{ type: e.type, raw: e.raw, normalized: e.normalized, segmentId: e.segmentId, speaker, atMs: e.atMs }];
    }),
    events: events.filter((e) => e.type !== 'emotion'),
    emotions: events.flatMap((e) => (e.type === 'emotion' && typeof e.data?.emotion === 'string' ? [{ emotion: e.data.emotion, atMs: e.atMs }] : [])),
    atMs: call.endedAt ? msOf(call.endedAt) : Math.max(0, Date.now() - origin),
  };
}
