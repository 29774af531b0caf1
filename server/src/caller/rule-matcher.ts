import type { TraineeIntent } from '../protocol/scenario.js';
import { COMMAND_START, INTENT_RULES, QUESTION_CUE, type IntentRule } from './intent-rules.js';

export interface IntentMatch {
  intent: TraineeIntent;
  score: number;
}

interface CompiledRule {
  rule: IntentRule;
  patterns: RegExp[];
  unless: RegExp[];
}

const compile = (source: string): RegExp => new RegExp(source.startsWith('^') ? source : `\\b(?:${source})\\b`);

const COMPILED: readonly CompiledRule[] = INTENT_RULES.map((rule) => ({
  rule,
  patterns: rule.patterns.map(compile),
  unless: (rule.unless ?? []).map(compile),
}));
const COMMAND_START_RE = new RegExp(COMMAND_START);
const QUESTION_CUE_RE = new RegExp(QUESTION_CUE);

const COUNT_WORDS = new Map(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'].map((w, i) => [w, i + 1]));

/**
 * "1 2 3 4", "one and two and three", "push push push": the call-taker is counting compressions.
 * Numbers count only when they go up by one ("6 0 8 5 5 5" is a phone number read back).
 */
export function isCounting(normalized: string): boolean {
  const tokens = normalized.split(' ').filter(Boolean);
  const numbers = tokens.map((t) => (/^\d{1,2}$/.test(t) ? Number(t) : COUNT_WORDS.get(t))).filter((n): n is number => n !== undefined);
  const rising = numbers.filter((n, i) => i > 0 && n === (numbers[i - 1] as number) + 1).length;
  const pushes = tokens.filter((t) => t === 'push' || t === 'pump').length;
  const filler = tokens.filter((t) => t === 'and' || t === 'push' || t === 'pump').length;
  return (numbers.length >= 3 && rising >= numbers.length / 2 && numbers.length + filler >= tokens.length * 0.6) || (pushes >= 3 && pushes >= tokens.length * 0.6);
}

/**
 * The hand-written rules of intent-rules.ts over normalized text with numbers as digits: every
 * intent whose patterns match, best first (score: rule weight x 10 + hits). The learned model
 * uses them as features; reveal rules use them to read what an authored answer is about.
 */
export function matchRules(normalized: string): IntentMatch[] {
  const matches: IntentMatch[] = [];
  if (normalized && isCounting(normalized)) matches.push({ intent: 'cpr_count', score: 41 });
  // A bare command ("put pressure on it") mentions things the ask_ rules look for; without a
  // question in it, it is an instruction, not a question.
  const commandOnly = COMMAND_START_RE.test(normalized) && !QUESTION_CUE_RE.test(normalized.replace(/^if /, ''));
  for (const { rule, patterns, unless } of COMPILED) {
    if (rule.intent === 'cpr_count' || matches.some((m) => m.intent === rule.intent)) continue;
    if (unless.some((re) => re.test(normalized))) continue;
    const hits = patterns.filter((re) => re.test(normalized)).length;
    if (hits === 0) continue;
    const weight = commandOnly && rule.intent.startsWith('ask_') ? 1 : rule.weight;
    matches.push({ intent: rule.intent, score: weight * 10 + Math.min(hits, 9) });
  }
  // Counting already says what the call-taker is doing; the numbers are not a phone number.
  const result = matches.some((m) => m.intent === 'cpr_count') ? matches.filter((m) => m.intent === 'cpr_count' || m.intent === 'command' || m.intent === 'reassure') : matches;
  const order = (intent: TraineeIntent) => INTENT_RULES.findIndex((r) => r.intent === intent);
  return result.sort((a, b) => b.score - a.score || order(a.intent) - order(b.intent));
}
