import type { RevealRule, TraineeIntent } from '../protocol/scenario.js';
import type { Understanding } from './intents.js';
import { matchRules } from './rule-matcher.js';
import { digitRuns, hasLoosePhrase, normalize, numericTokens } from './text.js';

/** What the caller has done with one fact so far. */
export interface FactState {
  /** The wrong answer (wrongFirst) has been said and not yet corrected. */
  wrongGiven: boolean;
  revealed: boolean;
}

/** A reveal rule ready for matching: normalized keywords, the intents that ask for it, the words that give it away. */
export interface Fact {
  rule: RevealRule;
  keywords: string[];
  intents: ReadonlySet<TraineeIntent>;
  /** Normalized words and numeric tokens whose presence in a reply means the fact came out. */
  tells: string[];
  /** Digit runs of the right answer ("1420", "4195550112"), to compare with a read-back. */
  digits: string[];
  /** Digit runs of the wrong answer. */
  wrongDigits: string[];
  state: FactState;
}

const NOT_A_QUESTION = new Set<TraineeIntent>(['other', 'command', 'greeting', 'repeat', 'reassure', 'hold_notice', 'cpr_count']);

export function prepareFact(rule: RevealRule): Fact {
  // A rule from the first library names no intents or keywords: ask the hand-written rules what
  // its sentence is about ("address is 615 Lincoln Avenue" -> ask_location, verify_location);
  // the learned model knows call-takers' lines, not callers'.
  const derived = rule.intents.length === 0 && rule.keywords.length === 0 ? matchRules(normalize(rule.answer)).map((m) => m.intent).filter((i) => !NOT_A_QUESTION.has(i)) : [];
  return {
    rule,
    keywords: rule.keywords.map(normalize).filter(Boolean),
    intents: new Set([...rule.intents, ...derived]),
    tells: [...new Set([...numericTokens(rule.answer), ...rule.values.map(normalize)])].filter(Boolean),
    digits: digitRuns(rule.answer).filter((d) => d.length >= 2),
    wrongDigits: rule.wrongFirst ? digitRuns(rule.wrongFirst).filter((d) => d.length >= 2) : [],
    state: { wrongGiven: false, revealed: false },
  };
}

/** What one reply changed of the facts, to take back if nothing of it was heard. */
export type FactChanges = { fact: Fact; before: FactState }[];

export const factStates = (facts: Fact[]): FactState[] => facts.map((f) => ({ ...f.state }));

export function changesSince(facts: Fact[], before: FactState[]): FactChanges {
  return facts
    .map((fact, i) => ({ fact, before: before[i] as FactState }))
    .filter(({ fact, before }) => before.revealed !== fact.state.revealed || before.wrongGiven !== fact.state.wrongGiven);
}

export function isActive(fact: Fact, atMs: number): boolean {
  const { fromMs, untilMs } = fact.rule;
  return (fromMs === undefined || atMs >= fromMs) && (untilMs === undefined || atMs < untilMs);
}

export interface FactMatch {
  fact: Fact;
  score: number;
  keywordHit: boolean;
  /** The matched intents this fact answers. */
  intents: TraineeIntent[];
}

/**
 * How well a fact answers this utterance. A keyword counts more than an intent, and a longer
 * keyword more than a shorter one: "how old are you" is about the child, "how old" about Papa.
 */
export function scoreFact(fact: Fact, u: Understanding): FactMatch {
  let score = 0;
  for (const keyword of fact.keywords) if (hasLoosePhrase(u.normalized, keyword)) score += 2 + keyword.split(' ').length;
  const keywordHit = score > 0;
  const intents = u.intents.filter((m) => fact.intents.has(m.intent)).map((m) => m.intent);
  for (const intent of intents) score += intent === u.primary ? 3 : 2;
  return { fact, score, keywordHit, intents };
}

/**
 * The facts to answer, best first, at most two. The best one answers the main question; a
 * second only when it answers another part of the utterance ("what's the address and your
 * phone number") or its own keyword matched as strongly. Unrevealed facts come before ones
 * already told, so "is she hurt anywhere else" gets the next injury.
 */
export function selectFacts(facts: readonly Fact[], u: Understanding, atMs: number): FactMatch[] {
  const scored = facts
    .filter((f) => isActive(f, atMs))
    .map((f) => scoreFact(f, u))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || Number(a.fact.state.revealed) - Number(b.fact.state.revealed));
  const first = scored[0];
  if (!first) return [];
  const covered = new Set<TraineeIntent>([u.primary, ...first.intents]);
  const second = scored.slice(1).find((m) => m.intents.some((i) => !covered.has(i)) || (m.keywordHit && !m.fact.state.revealed && m.score >= first.score));
  return second ? [first, second] : [first];
}

/** How a read-back compares with what the caller knows. */
export type ReadBack = 'agrees' | 'disagrees' | 'no_numbers';

export function compareReadBack(fact: Fact, traineeText: string): ReadBack {
  const said = digitRuns(traineeText).filter((d) => d.length >= 2);
  if (said.length === 0 || fact.digits.length === 0) return 'no_numbers';
  return said.some((d) => fact.digits.some((mine) => mine.includes(d) || d.includes(mine))) ? 'agrees' : 'disagrees';
}
