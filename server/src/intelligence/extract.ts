// Live entity extraction: the facts a call-taker listens for, pulled from one transcript
// segment as it is finalised. Input is recognised speech (lowercase, no punctuation, numbers as
// words, fillers, stutters) or a line the trainee typed; both are brought to one form first
// (extract/text.ts), then each family of entities has its own reader. Everything is
// synchronous and stateless per segment, so it runs the same live, after the call and in the CLI.

import { extractCallback } from './extract/callback.js';
import { extractDescriptions } from './extract/describe.js';
import { extractLocation } from './extract/location.js';
import { extractCallerName } from './extract/name.js';
import { extractNature } from './extract/nature-model.js';
import { extractScene } from './extract/scene.js';
import { type EntityTagger, entityTagger, tagged } from './extract/tagger.js';
import { Utterance } from './extract/text.js';
import { extractVitals } from './extract/vitals.js';
import type { Emit, Extractor } from './extract/words.js';
import type { Entity, Segment } from './types.js';

const EXTRACTORS: readonly Extractor[] = [extractLocation, extractCallback, extractCallerName, extractNature, extractVitals, extractScene, extractDescriptions];

/**
 * The entities said in one segment, in the order they were said; one per type and value. The
 * rules speak first; the tagger (null: rules alone, to measure them) adds what tagged() lets it.
 */
export function extractEntities(segment: Segment, tagger: EntityTagger | null = entityTagger()): Entity[] {
  const utterance = new Utterance(segment.text);
  if (utterance.length === 0) return [];
  type Found = Entity & { at: number; to: number };
  const found: Found[] = [];
  const seen = new Set<string>();
  const emit: Emit = (type, span, normalized) => {
    const key = `${type}\u0000${normalized}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push({ type, raw: utterance.raw(span.start, span.end), normalized, segmentId: segment.id, speaker: segment.speaker, atMs: segment.startMs, at: span.start, to: span.end });
  };
  for (const extract of EXTRACTORS) extract(utterance, emit, segment.speaker);
  if (tagger) for (const { span, value } of tagged(utterance, tagger.spans(utterance), found.map((e) => ({ type: e.type, start: e.at, end: e.to })))) emit(span.type, span, value);
  // A nature's word inside the name of a place or a street ("the Cardiac Hill Diner", "on Fire Street") says nothing of the
  // call; a chemical's does ("the chlorine shed is leaking").
  const named = found.filter((e) => e.type === 'landmark' || e.type === 'address');
  const inName = (e: Found) => e.type === 'nature' && e.normalized !== 'hazmat' && named.some((n) => n.at <= e.at && e.to <= n.to);
  // A place and a vehicle read in the same words are one of them: a place whose head word is in a vehicle's description
  // or plate is the vehicle's ("the light bar on top", "plate hotel tango six"); a vehicle named inside a place's name is
  // the place's ("the civic center", "the mustang flats truck stop").
  const vehicles = found.filter((e) => e.type === 'vehicle');
  const places = found.filter((e) => e.type === 'landmark');
  const vehiclesPart = (place: Found) => {
    const head = utterance.tokens[place.to - 1]!;
    return vehicles.some((v) => v.at < place.to && place.to <= v.to && v.normalized.split(', ').some((part) => part.startsWith('plate ') || part.split(' ').includes(head)));
  };
  const placesPart = (vehicle: Found) => places.some((p) => p.at <= vehicle.at && vehicle.to <= p.to);
  const kept = found.filter((e) => !inName(e) && !(e.type === 'landmark' && vehiclesPart(e)) && !(e.type === 'vehicle' && placesPart(e)));
  // A stabbing's or a shooting's wound is where it is, the nature carries its kind ("cut me across the arm with a razor": arm).
  const wounded = kept.some((e) => e.type === 'nature' && (e.normalized === 'crime:stabbing' || e.normalized === 'crime:shooting'));
  const parts = new Set<string>();
  return kept
    .map((e) => (wounded && e.type === 'injury' ? { ...e, normalized: e.normalized.replace(/^cut /, '') } : e))
    .filter((e) => e.type !== 'injury' || (!parts.has(e.normalized) && parts.add(e.normalized)))
    .sort((a, b) => a.at - b.at)
    .map(({ at: _at, to: _to, ...entity }) => entity);
}
