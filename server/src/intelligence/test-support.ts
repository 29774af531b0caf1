// Test support (imported by *.test.ts only): scripted calls written by hand.
import type { ScenarioInput } from '../protocol/scenario.js';
import type { CallRecord, EmotionMark, EntityType, Segment, TimedEvent } from './types.js';

/** One line of a scripted call, with the entities an extractor would find in it. */
export type Line = [at: number, speaker: Segment['speaker'], text: string, entities?: [EntityType, string][]];

/** The record of a scripted call; it lasts until its `end` event, or its last line. */
export function record(scenario: ScenarioInput, lines: Line[], events: TimedEvent[] = [], emotions: EmotionMark[] = []): CallRecord {
  const segments = lines.map(([at, speaker, text], i) => ({ id: `s${i + 1}`, speaker, text, startMs: at, endMs: at + 2000 }));
  const entities = lines.flatMap(([at, speaker, , found = []], i) => found.map(([type, normalized]) => ({ type, raw: normalized, normalized, segmentId: `s${i + 1}`, speaker, atMs: at })));
  const end = events.findLast((e) => e.type === 'end')?.atMs;
  return { scenario, segments, entities, events, emotions, atMs: end ?? Math.max(0, ...lines.map(([at]) => at + 2000)) };
}
