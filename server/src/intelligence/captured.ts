import type { CapturedFactView, CapturedValueView } from '../protocol/api.js';
import { CALL_PARTIES, ENTITY_TYPES, type Entity, type EntityType } from './types.js';

// What the call has captured, as a CAD form holds it: the latest value of each fact, with the
// values it corrected. The live panel (pushed as it changes) and the review's truth table both
// read this, so the value shown live is the value the review compares with the truth.

/** Facts that add up rather than replace each other: a second injury is not a correction of the first. */
const ADDS_UP: ReadonlySet<EntityType> = new Set(['landmark', 'patient_age', 'injury', 'weapon', 'hazard', 'suspect', 'vehicle']);

const words = (value: string) => value.toLowerCase().split(/[^a-z0-9+]+/).filter(Boolean);

/** "Maple Avenue" after "1420 Maple Avenue" names the same thing less precisely: it corrects nothing. */
function saysLess(later: string, current: string): boolean {
  const have = new Set(words(current));
  const said = words(later);
  return said.length > 0 && said.every((w) => have.has(w));
}

const valueOf = (e: CapturedValueView): CapturedValueView => ({ normalized: e.normalized, atMs: e.atMs, segmentId: e.segmentId });

/** The facts captured so far, in the order a call-taker gets them (location first). Entities in time order. */
export function capturedFacts(entities: readonly Entity[]): CapturedFactView[] {
  const facts = new Map<string, CapturedFactView>();
  for (const e of entities) {
    if (!CALL_PARTIES.includes(e.speaker)) continue;
    if (ADDS_UP.has(e.type)) {
      const key = `${e.type}|${e.normalized}`;
      if (!facts.has(key)) facts.set(key, { type: e.type, ...valueOf(e), corrected: [] });
      continue;
    }
    const current = facts.get(e.type);
    if (current && (current.normalized === e.normalized || saysLess(e.normalized, current.normalized))) continue;
    const corrected = current ? [...current.corrected, valueOf(current)].filter((c) => c.normalized !== e.normalized) : [];
    facts.set(e.type, { type: e.type, ...valueOf(e), corrected });
  }
  const rank = (type: string) => ENTITY_TYPES.indexOf(type as EntityType);
  return [...facts.values()].sort((a, b) => rank(a.type) - rank(b.type) || a.atMs - b.atMs);
}
