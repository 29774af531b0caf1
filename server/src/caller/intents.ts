import type { TraineeIntent } from '../protocol/scenario.js';
import { intentModel, type IntentModel } from './intent-model.js';
import { matchRules, type IntentMatch } from './rule-matcher.js';
import { spokenText } from '../../../media/language/plain.js';
import { normalize } from './text.js';

export type { IntentMatch } from './rule-matcher.js';

/** What the caller understood of one trainee utterance. */
export interface Understanding {
  text: string;
  normalized: string;
  /** Every intent in the line, the primary first, then the others by score (0..1); never empty. */
  intents: IntentMatch[];
  primary: TraineeIntent;
  /** How sure the model is that the primary is right (0..1). */
  confidence: number;
  /** The next likeliest primary, and how likely; null when nothing else is in the running. */
  runnerUp: IntentMatch | null;
  /** What the line itself states (an address read back...), when an LLM classified it. */
  slots?: { type: string; value: string }[];
}

/** An intent other than the primary counts as said when the model gives it at least this... */
const PRESENT = 0.5;
/** ...or this much and a hand-written rule heard it too (the rules are good at spotting a second question). */
const PRESENT_WITH_RULE = 0.1;

/** Recognises the trainee's intents in one utterance of ASR text, with the model learned from the corpus. */
export function understand(text: string, model: IntentModel = intentModel()): Understanding {
  const normalized = normalize(text);
  if (!normalized) return { text, normalized, intents: [{ intent: 'other', score: 1 }], primary: 'other', confidence: 1, runnerUp: null };
  const prediction = model.predict(text);
  const ranked = [...prediction.primary].sort((a, b) => b[1] - a[1]);
  const [primary, confidence] = ranked[0] as [TraineeIntent, number];
  const ruled = new Set(matchRules(spokenText(text)).filter((m) => m.score >= 20).map((m) => m.intent));
  const others = [...prediction.present]
    .filter(([intent, p]) => intent !== primary && intent !== 'other' && (p >= PRESENT || (ruled.has(intent) && p >= PRESENT_WITH_RULE)))
    .sort((a, b) => b[1] - a[1])
    .map(([intent, score]) => ({ intent, score: round(score) }));
  const [second, secondScore] = ranked[1] as [TraineeIntent, number];
  return {
    text,
    normalized,
    intents: [{ intent: primary, score: round(confidence) }, ...(primary === 'other' ? [] : others)],
    primary,
    confidence: round(confidence),
    runnerUp: secondScore >= 0.05 ? { intent: second, score: round(secondScore) } : null,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function hasIntent(u: Understanding, intent: TraineeIntent): boolean {
  return u.intents.some((m) => m.intent === intent);
}
