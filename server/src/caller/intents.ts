import type { TraineeIntent } from '../protocol/scenario.js';
import { COMMAND_START, INTENT_RULES, QUESTION_CUE, type IntentRule } from './intent-rules.js';
import { normalize } from './text.js';

export interface IntentMatch {
  intent: TraineeIntent;
  score: number;
}

/** What the matcher understood of one trainee utterance. */
export interface Understanding {
  text: string;
  normalized: string;
  /** Every intent that matched, best first; never empty (`other` when nothing matched). */
  intents: IntentMatch[];
  primary: TraineeIntent;
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
const ASK_INTENTS = new Set<TraineeIntent>([
  'ask_location', 'ask_callback', 'ask_name', 'ask_nature', 'ask_breathing', 'ask_conscious', 'ask_injuries',
  'ask_weapons', 'ask_hazards', 'ask_people_count', 'ask_suspect', 'ask_vehicle',
]);

const COUNT_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty']);

/** "1 2 3 4", "one and two and three", "push push push": the call-taker is counting compressions. */
export function isCounting(normalized: string): boolean {
  const tokens = normalized.split(' ').filter(Boolean);
  const counts = tokens.filter((t) => /^\d{1,2}$/.test(t) || COUNT_WORDS.has(t)).length;
  const pushes = tokens.filter((t) => t === 'push' || t === 'pump').length;
  const filler = tokens.filter((t) => t === 'and' || t === 'push' || t === 'pump').length;
  return (counts >= 3 && counts + filler >= tokens.length * 0.6) || (pushes >= 3 && pushes >= tokens.length * 0.6);
}

/** Recognises the trainee's intents in one utterance of ASR text. */
export function understand(text: string): Understanding {
  const normalized = normalize(text);
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
    const weight = commandOnly && ASK_INTENTS.has(rule.intent) ? 1 : rule.weight;
    matches.push({ intent: rule.intent, score: weight * 10 + Math.min(hits, 9) });
  }
  // Counting already says what the call-taker is doing; the numbers are not a phone number.
  const result = matches.some((m) => m.intent === 'cpr_count') ? matches.filter((m) => m.intent === 'cpr_count' || m.intent === 'command' || m.intent === 'reassure') : matches;
  const order = (intent: TraineeIntent) => INTENT_RULES.findIndex((r) => r.intent === intent);
  result.sort((a, b) => b.score - a.score || order(a.intent) - order(b.intent));
  if (result.length === 0) result.push({ intent: 'other', score: 0 });
  return { text, normalized, intents: result, primary: (result[0] as IntentMatch).intent };
}

export function hasIntent(u: Understanding, intent: TraineeIntent): boolean {
  return u.intents.some((m) => m.intent === intent);
}
