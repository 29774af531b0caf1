import { compareReadBack, isActive, prepareFact, scoreFact, type Fact } from '../caller/facts.js';
import { hasPhrase, mentionsNumber } from '../caller/text.js';
import type { ScenarioInput, TraineeIntent } from '../protocol/scenario.js';
import { evidenceOf, roots, spoken, type TraineeTurn } from './lines.js';
import type { CallRecord, Evidence, Segment } from './types.js';

// The scenario's facts (its reveal rules) against what was said: did each come out in the
// caller's words, or did the trainee at least ask? One rule for the live checklist and the
// score, so an item the trainee saw done live is not "asked, not heard" in the score.

export type FactContext = { record: CallRecord; turns: readonly TraineeTurn[]; callerLines: readonly Segment[]; facts: ReadonlyMap<string, Fact> };

const prepared = new WeakMap<ScenarioInput, ReadonlyMap<string, Fact>>();

export function factContext(record: CallRecord, turns: readonly TraineeTurn[]): FactContext {
  let facts = prepared.get(record.scenario);
  if (!facts) prepared.set(record.scenario, (facts = new Map(record.scenario.script.revealRules.map((r) => [r.fact, prepareFact(r)]))));
  return { record, turns, callerLines: record.segments.filter((s) => s.speaker === 'caller'), facts };
}

/** The facts a question asks about (by the intents their rules answer); location and callback have items of their own. */
export function factsAsked(c: FactContext, intents: readonly TraineeIntent[]): Fact[] {
  return [...c.facts.values()].filter((f) => f.rule.fact !== 'location' && f.rule.fact !== 'callback' && intents.some((i) => f.intents.has(i)));
}

const CONFIRMS = /^(?:yes|yeah|yep|correct|right|thats right|thats it|uh huh)\b/;

function mentions(text: string, tell: string): boolean {
  return /^\d+$/.test(tell) ? mentionsNumber(text, tell) : hasPhrase(spoken(text), tell);
}

export function overlap(line: Set<string>, answer: Set<string>): number {
  let n = 0;
  for (const w of answer) if (line.has(w)) n += 1;
  return n;
}

/**
 * A fact came out when the caller said a word that gives it away (a number or value of the
 * answer), said most of the answer's words (and more of them than of the wrong first answer),
 * or said "yes" to a read-back whose numbers agree with it. `never` facts have no give-away
 * words: their answer is what the caller says instead.
 */
export function heardFact(c: FactContext, fact: Fact): Evidence | null {
  const rule = fact.rule;
  // A value two facts share ("4C" is the flat and the door buzzer) gives neither away.
  const others = [...c.facts.values()].filter((f) => f !== fact).flatMap((f) => f.tells);
  const tells = rule.when === 'never' ? [] : fact.tells.filter((t) => !others.includes(t));
  const answers = [rule.answer, ...c.record.scenario.script.timeline.filter((t) => t.say && t.reveals?.includes(rule.fact)).map((t) => t.say as string)].map(roots);
  const wrong = rule.wrongFirst ? roots(rule.wrongFirst) : new Set<string>();
  for (const line of c.callerLines) {
    const tell = tells.find((t) => mentions(line.text, t));
    if (tell) return evidenceOf(line, `${rule.fact}: the caller said "${tell}"`);
    const words = roots(line.text);
    for (const answer of answers) {
      const need = answer.size <= 1 ? answer.size : Math.min(4, Math.max(2, Math.ceil(answer.size * 0.4)));
      const hits = overlap(words, answer);
      if (need > 0 && hits >= need && hits > overlap(words, wrong)) return evidenceOf(line, `${rule.fact}: the caller said it`);
    }
    if (fact.digits.length > 0 && CONFIRMS.test(spoken(line.text))) {
      const before = c.turns.findLast((t) => t.segment.startMs < line.startMs);
      if (before && compareReadBack(fact, spoken(before.segment.text)) === 'agrees') return evidenceOf(line, `${rule.fact}: the caller confirmed the read-back`);
    }
  }
  return null;
}

export function askedFact(c: FactContext, fact: Fact): Evidence | null {
  // Asked while the fact held: "is she breathing" before the collapse asks about another fact.
  const turn = c.turns.find((t) => {
    if (!isActive(fact, t.segment.startMs)) return false;
    const match = scoreFact(fact, t.understanding);
    return match.keywordHit || match.intents.some((i) => t.intents.has(i));
  });
  return turn ? evidenceOf(turn.segment, `${fact.rule.fact}: asked, but the caller's answer was not heard`) : null;
}
