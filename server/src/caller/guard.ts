import type { Emotion } from '../protocol/scenario.js';
import { digitRuns, hasPhrase, mentionsNumber, normalize } from './text.js';

/**
 * The contract between the mind and an LLM that phrases for it. The mind decides what the
 * caller may say this turn; the LLM only words it; this guard refuses a wording that says
 * more. A refused wording costs nothing: the scripted line is there already.
 */
export interface PhrasePlan {
  persona: { age: number; languageLevel: string; behaviours: readonly string[] };
  emotion: Emotion;
  traineeText: string;
  /** What the scripted caller says; the LLM rewrites it. */
  draft: string;
  /** The facts this turn touches, with what the caller means to say about each. */
  conveyed: { fact: string; say: string; tells: string[] }[];
  /** Facts told earlier in the call: free to repeat. */
  known: { fact: string; answer: string }[];
  /** Facts the caller must not give away this turn, and the words that would give them away. */
  forbidden: { fact: string; tells: string[] }[];
  /** Earlier turns, oldest first. */
  history: { role: 'trainee' | 'caller'; text: string }[];
}

export interface LlmReply {
  say: string;
  emotion: Emotion;
  revealedFacts: string[];
}

const isNumeric = (tell: string) => /\d/.test(tell);

function mentions(text: string, normalized: string, tell: string): boolean {
  return isNumeric(tell) && /^\d+$/.test(tell) ? mentionsNumber(text, tell) : hasPhrase(normalized, tell);
}

/** Null when the reply may be spoken; otherwise why not. */
export function refusalReason(reply: LlmReply, plan: PhrasePlan): string | null {
  const say = reply.say.trim();
  if (!say) return 'empty reply';
  if (say.length > 400) return 'reply too long';
  const normalized = normalize(say);

  const allowedFacts = new Set([...plan.conveyed.map((c) => c.fact), ...plan.known.map((k) => k.fact)]);
  const stray = reply.revealedFacts.find((f) => !allowedFacts.has(f));
  if (stray) return `claims to reveal "${stray}", not allowed this turn`;

  // What the caller may say: this turn's lines, what they said before, what was said to them.
  const allowed = [plan.draft, ...plan.conveyed.map((c) => c.say), ...plan.known.map((k) => k.answer), ...plan.history.filter((h) => h.role === 'caller').map((h) => h.text)].join(' \n ');
  const allowedNormalized = normalize(allowed);
  for (const { fact, tells } of plan.forbidden) {
    const leaked = tells.find((tell) => mentions(say, normalized, tell) && !mentions(allowed, allowedNormalized, tell));
    if (leaked) return `reveals "${fact}" (${leaked})`;
  }

  // An invented address or phone number is as bad as a leaked one.
  const known = new Set([...digitRuns(allowed), ...digitRuns(plan.traineeText)]);
  const invented = digitRuns(say).find((run) => run.length >= 2 && ![...known].some((k) => k.includes(run)));
  if (invented) return `invents the number ${invented}`;

  // The mind decided this fact comes out now: a wording that drops it would desync the state.
  for (const c of plan.conveyed) {
    const missing = c.tells.find((tell) => mentions(c.say, normalize(c.say), tell) && !mentions(say, normalized, tell));
    if (missing) return `drops "${c.fact}" (${missing})`;
  }
  return null;
}
