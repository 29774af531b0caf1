import type { Random } from '../../../media/random.js';
import type { TraineeIntent } from '../protocol/scenario.js';
import type { Understanding } from './intents.js';

/**
 * Below this confidence the caller is not sure what was asked... On recognised text of the
 * corpus's dev lines (3 voices, 1,200 lines) a question read below 0.4 was wrong 73 % of the
 * time (62 of 85), against 76 % below 0.3 for half as many caught (32 of 42); on written lines
 * 0.4 asks back on 3 % of them.
 */
export const UNSURE_BELOW = 0.4;
/** ...nor when the two likeliest readings are this close, both questions. */
export const CLOSE_WITHIN = 0.05;

const isQuestion = (intent: TraineeIntent) => intent.startsWith('ask_') || intent.startsWith('verify_');

/**
 * Whether the caller should ask back rather than answer what it may have misheard: only when
 * the best reading is a question. A doubtful "uh-huh", noise heard as words or a half-heard
 * instruction is not worth a "What?" that cuts the caller's own words short.
 */
export function isUnsure(u: Understanding): boolean {
  if (!u.normalized || !isQuestion(u.primary)) return false;
  if (u.confidence < UNSURE_BELOW) return true;
  const { runnerUp } = u;
  return runnerUp !== null && isQuestion(u.primary) && isQuestion(runnerUp.intent) && u.confidence - runnerUp.score < CLOSE_WITHIN;
}

/** How a caller checks what they think they were asked. */
const GUESSES: Partial<Record<TraineeIntent, readonly string[]>> = {
  ask_location: ['My address?', 'Where we are?', 'The address?'],
  verify_location: ['The address?', 'Is that the address, you mean?'],
  ask_callback: ['My number?', 'My phone number?'],
  verify_callback: ['My number?', 'Is that my number, you mean?'],
  ask_name: ['My name?', 'You want my name?'],
  ask_age: ['How old?', 'His age?'],
  ask_nature: ['What happened?', 'What\'s going on, you mean?'],
  ask_breathing: ['Is he breathing?', 'Breathing?'],
  ask_conscious: ['Is he awake?', 'Awake?'],
  ask_injuries: ['Hurt?', 'Is anyone hurt?'],
  ask_weapons: ['A weapon?', 'Does he have a weapon?'],
  ask_hazards: ['Is it safe?', 'Dangerous, you mean?'],
  ask_people_count: ['How many people?', 'Who else is here?'],
  ask_suspect: ['The guy?', 'What he looks like?'],
  ask_vehicle: ['The car?', 'What car?'],
};
const WHAT = ['What?', 'Sorry, what?', 'What did you say?', 'What? I didn\'t get that.'];

/** Every line an ask-back can be. */
export const ASK_BACK_LINES: ReadonlySet<string> = new Set([...Object.values(GUESSES).flat(), ...WHAT]);

/** The caller's ask-back: their best guess as a question ("My address?"), or a plain "What?". */
export function askBack(u: Understanding, random: Random): string {
  const guesses = GUESSES[u.primary];
  return guesses && u.confidence >= UNSURE_BELOW / 2 ? random.pick(guesses) : random.pick(WHAT);
}
