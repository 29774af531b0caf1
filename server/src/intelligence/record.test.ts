import { describe, expect, it } from 'vitest';
import { scenarioFixture } from '../../test/fixtures.js';
import type { CallEventView, EntityView, TranscriptSegmentView } from '../protocol/api.js';
import { recordOf } from './record.js';

// The one builder of a call's record: the live call and the end of the call give it the same
// stored rows, perhaps in another order, and get the same record on the same clock.

const ORIGIN = '2026-12-05T10:00:00.000Z';
const at = (ms: number) => new Date(Date.parse(ORIGIN) + ms).toISOString();
const line = (id: string, speaker: TranscriptSegmentView['speaker'], startMs: number, text: string): TranscriptSegmentView => ({ id, speaker, text, startMs, endMs: startMs + 1500, confidence: null, isFinal: true });
const event = (id: string, type: string, ms: number, data: unknown = null): CallEventView => ({ id, type, at: at(ms), actor: null, data });

describe('the call record', () => {
  const scenario = scenarioFixture();
  const transcript = [line('b', 'trainee', 4000, 'is that 1420 maple'), line('a', 'caller', 4000, '1420 Maple Avenue'), line('c', 'instructor', 5000, 'ask about weapons')];
  const entities: EntityView[] = [
    { id: 'e2', type: 'address', raw: '1420 maple', normalized: '1420 Maple', atMs: 4000, segmentId: 'b' },
    { id: 'e1', type: 'address', raw: '1420 maple avenue', normalized: '1420 Maple Avenue', atMs: 4000, segmentId: 'a' },
    { id: 'e3', type: 'weapon', raw: 'weapons', normalized: 'weapon', atMs: 5000, segmentId: 'c' },
  ];
  const events = [event('v2', 'emotion', 3000, { emotion: 'panicked' }), event('v1', 'answer', 1000)];
  const parts = { transcript, entities, events, mediaStartedAt: ORIGIN, startedAt: at(-5000), endedAt: at(9000) };

  it('is the same whatever order the rows come in, times in ms since the media started', () => {
    const record = recordOf(parts, scenario);
    const shuffled = recordOf({ ...parts, transcript: [...transcript].reverse(), entities: [...entities].reverse(), events: [...events].reverse() }, scenario);
    expect(shuffled).toEqual(record);
    expect(record.segments.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(record.events).toEqual([{ type: 'answer', atMs: 1000, data: undefined }]);
    expect(record.emotions).toEqual([{ emotion: 'panicked', atMs: 3000 }]);
    expect(record.atMs).toBe(9000);
  });

  it("reads no entity of an instructor's or an agency's line", () => {
    expect(recordOf(parts, scenario).entities.map((e) => e.segmentId)).toEqual(['a', 'b']);
  });
});
