import type { TraineeIntent } from '../protocol/scenario.js';
import { compareReadBack, isActive, selectFacts, type Fact, type FactMatch } from './facts.js';
import { matchInstruction, startsCompressions } from './instructions.js';
import { hasIntent, type Understanding } from './intents.js';
import { countWord, PHRASES } from './phrases.js';
import { resists, say, spoken, worry, type MindState } from './state.js';
import { spokenText } from '../../../media/language/plain.js';

/** What the caller says to one trainee utterance, before any LLM rephrases it. */
export interface Composed {
  parts: string[];
  /** Facts that came out for the first time. */
  revealed: string[];
  /** What this turn tells about each fact it touches (the LLM may say these and nothing more). */
  conveyed: { fact: string; say: string }[];
}

const CONFIRMATIONS = new Set(Object.values(PHRASES.confirm).flat());

const EMPTY_TRUTH: Partial<Record<TraineeIntent, 'weapons' | 'hazards' | 'suspects' | 'vehicles'>> = {
  ask_weapons: 'weapons',
  ask_hazards: 'hazards',
  ask_suspect: 'suspects',
  ask_vehicle: 'vehicles',
};

export function composeTurn(s: MindState, u: Understanding, atMs: number): Composed {
  const out: Composed = { parts: [], revealed: [], conveyed: [] };
  // Reassurance works whatever else was said in the same breath.
  if (hasIntent(u, 'reassure')) s.emotion.calm('reassure');
  switch (u.primary) {
    case 'cpr_count':
      count(s, u, out);
      return out;
    case 'hold_notice':
      out.parts.push(say(s, 'holdAck'));
      return out;
    case 'repeat':
      out.parts.push(s.lastCallerText || say(s, 'notUnderstood'));
      return out;
    case 'command':
      command(s, u, out);
      break;
    case 'reassure':
      out.parts.push(say(s, 'reassured'));
      break;
    case 'greeting':
      // "Hello? Are you there?" after the call has started: the caller is.
      out.parts.push(say(s, 'here'));
      break;
    default:
      question(s, u, atMs, out);
  }
  volunteer(s, atMs, out);
  flavour(s, u, out);
  return out;
}

function reveal(s: MindState, fact: Fact, out: Composed, line: string, conveys = line): void {
  out.parts.push(line);
  out.conveyed.push({ fact: fact.rule.fact, say: conveys });
  if (!fact.state.revealed) out.revealed.push(fact.rule.fact);
  fact.state.revealed = true;
  fact.state.wrongGiven = false;
}

function question(s: MindState, u: Understanding, atMs: number, out: Composed): void {
  const matches = selectFacts(s.facts, u, atMs);
  if (matches.length === 0) {
    out.parts.push(fallback(s, u));
    return;
  }
  if (resists(s, u.primary)) {
    // Instead of answering, what is on their mind: what they meant to tell anyway, or a worry.
    if (!volunteer(s, atMs, out)) out.parts.push(worry(s));
    s.dodged = u.primary;
    return;
  }
  s.dodged = null;
  if (s.behaviours.has('answers_wrong_question') && s.rng.chance(0.2)) {
    const stale = s.facts.filter((f) => f.state.revealed && f.rule.when !== 'never' && !matches.some((m) => m.fact === f));
    if (stale.length > 0) {
      const f = s.rng.pick(stale);
      out.parts.push(f.rule.answer);
      out.conveyed.push({ fact: f.rule.fact, say: f.rule.answer });
      s.dodged = u.primary;
      return;
    }
  }
  // A read-back that matches one fact ("mile marker 112") says nothing against the others.
  const isReadBack = (m: FactMatch) => m.intents.some((i) => i === 'verify_location' || i === 'verify_callback');
  const confirmed = matches.some((m) => isReadBack(m) && compareReadBack(m.fact, u.text) === 'agrees');
  const answering = confirmed ? matches.filter((m) => !isReadBack(m) || compareReadBack(m.fact, u.text) === 'agrees') : matches;
  let repeated = false;
  for (const match of answering) {
    const { fact } = match;
    const { rule, state } = fact;
    if (rule.when === 'never') {
      out.parts.push(rule.answer);
      continue;
    }
    if (s.withheld.has(rule.fact)) {
      out.parts.push(say(s, 'evade'));
      s.dodged = u.primary;
      continue;
    }
    if (rule.when === 'afterCalmed' && !s.emotion.settled) {
      out.parts.push(say(s, 'evade'));
      s.dodged = u.primary;
      continue;
    }
    if (isReadBack(match)) {
      verify(s, fact, u, out);
      continue;
    }
    if (rule.wrongFirst && !state.wrongGiven && !state.revealed) {
      state.wrongGiven = true;
      out.parts.push(rule.wrongFirst);
      out.conveyed.push({ fact: rule.fact, say: rule.wrongFirst });
      continue;
    }
    if (state.revealed) {
      repeated = true;
      const line = `${say(s, 'told')} ${rule.answer}`;
      out.parts.push(line);
      out.conveyed.push({ fact: rule.fact, say: line });
      continue;
    }
    reveal(s, fact, out, state.wrongGiven ? corrected(s, rule.answer) : rule.answer);
  }
  // Being asked again for what they already said: an easy caller shrugs, a hard one boils over.
  if (repeated) s.emotion.escalate(0.25 + 0.5 * s.scenario.persona.controlDifficulty, 'repeat');
}

/**
 * A read-back. The caller confirms what matches, corrects what does not, and before saying
 * anything gives the wrong answer they were going to give anyway (standing in front of the
 * neighbour's house, "1416" sounds right).
 */
function verify(s: MindState, fact: Fact, u: Understanding, out: Composed): void {
  const { rule, state } = fact;
  const readBack = compareReadBack(fact, u.text);
  if (rule.wrongFirst && !state.wrongGiven && !state.revealed && readBack !== 'agrees') {
    state.wrongGiven = true;
    out.parts.push(rule.wrongFirst);
    out.conveyed.push({ fact: rule.fact, say: rule.wrongFirst });
  } else if (readBack === 'agrees') {
    // Two facts confirmed by one read-back get one "yes".
    const yes = out.parts.some((p) => CONFIRMATIONS.has(p)) ? '' : say(s, 'confirm');
    reveal(s, fact, out, yes, `(confirms) ${rule.answer}`);
  } else if (readBack === 'disagrees' || state.wrongGiven) {
    reveal(s, fact, out, corrected(s, rule.answer));
  } else {
    reveal(s, fact, out, rule.answer);
  }
}

/** "No, wait. It's 1420." An answer that starts with its own yes or no needs no "no, wait". */
function corrected(s: MindState, answer: string): string {
  return /^(?:yes|no)\b/i.test(answer) ? answer : `${say(s, 'correction')} ${answer}`;
}

function fallback(s: MindState, u: Understanding): string {
  if (s.behaviours.has('yes_no_only')) return worry(s);
  if (u.primary === 'ask_nature') return spoken(s.scenario.script.openingLine);
  const list = EMPTY_TRUTH[u.primary];
  if (list && s.scenario.groundTruth[list].length === 0) return say(s, 'nothing');
  // No rule, but the ground truth knows: every patient breathing (or awake) is a safe yes.
  const flag = u.primary === 'ask_breathing' ? 'breathing' : u.primary === 'ask_conscious' ? 'conscious' : null;
  const patients = s.scenario.groundTruth.patients;
  if (flag && patients.length > 0 && patients.every((p) => p[flag] === true)) return say(s, flag === 'breathing' ? 'yesBreathing' : 'yesAwake');
  if (u.primary.startsWith('ask_') || u.primary.startsWith('verify_')) return say(s, 'dontKnow');
  return say(s, 'notUnderstood');
}

function command(s: MindState, u: Understanding, out: Composed): void {
  const instruction = matchInstruction(s.instructions, u.text);
  const cpr = startsCompressions(u.text, instruction);
  if (instruction?.followed) {
    out.parts.push(say(s, 'alreadyDoing'));
    s.emotion.calm('command');
    return;
  }
  // Only real instructions are resisted: nobody argues with "listen to me".
  if ((instruction || cpr) && !instruction?.resisted && resists(s, 'command')) {
    if (instruction) instruction.resisted = true;
    s.dodged = 'command';
    out.parts.push(instruction?.spec.resist ?? say(s, 'resist'));
    return;
  }
  s.dodged = null;
  if (instruction) instruction.followed = true;
  if (cpr) s.cprActive = true;
  out.parts.push(instruction?.spec.ack ?? say(s, 'ack'));
  s.emotion.calm('command');
}

/** Counting compressions together: the caller counts along and says what they are doing. */
function count(s: MindState, u: Understanding, out: Composed): void {
  const numbers = spokenText(u.normalized)
    .split(' ')
    .filter((t) => /^\d{1,2}$/.test(t))
    .map(Number);
  const echo = numbers
    .slice(-4)
    .map((n, i) => (i === 0 ? countWord(n) : countWord(n).toLowerCase()))
    .join(', ');
  if (!s.cprActive) out.parts.push(say(s, 'ack'));
  s.cprActive = true;
  if (echo) out.parts.push(`${echo}.`);
  if (s.rng.chance(0.3)) out.parts.push(say(s, 'cprReport'));
  s.emotion.calm('command');
}

/** A fact the caller blurts out unasked, one per turn, when the turn left room for it. */
export function volunteer(s: MindState, atMs: number, out: Composed): boolean {
  if (out.parts.length > 1 || out.conveyed.length > 0 || s.dodged) return false;
  const fact = s.facts.find((f) => f.rule.when === 'volunteered' && !f.state.revealed && !s.withheld.has(f.rule.fact) && isActive(f, atMs));
  if (fact) reveal(s, fact, out, fact.rule.answer);
  return fact !== undefined;
}

/** Behaviours: talking over, repeating, drifting; and the odd "Oh God" from a frantic caller. */
function flavour(s: MindState, u: Understanding, out: Composed): void {
  const { controlDifficulty } = s.scenario.persona;
  const first = out.parts[0];
  if (first === undefined) return;
  if (s.behaviours.has('talks_over') && out.parts.length <= 2 && s.rng.chance(controlDifficulty * 0.5) && u.primary !== 'command') {
    const line = worry(s);
    if (!out.parts.includes(line)) out.parts.unshift(line);
  }
  if (s.behaviours.has('repeats_self') && s.rng.chance(0.3)) {
    const last = out.parts[out.parts.length - 1] as string;
    const sentence = last.match(/[^.!?]+[.!?]*$/)?.[0]?.trim();
    if (sentence) out.parts.push(sentence);
  }
  if (s.behaviours.has('drifts_off_topic') && s.rng.chance(0.25)) {
    const line = worry(s);
    if (!out.parts.includes(line)) out.parts.push(line);
  }
  // A caller who must not be overheard does not exclaim, and a child does not say "Oh God".
  if (s.behaviours.has('whispers') || s.behaviours.has('yes_no_only') || s.scenario.persona.languageLevel === 'child') return;
  const interjection = say(s, 'interjection');
  if (interjection) out.parts.unshift(interjection);
}
