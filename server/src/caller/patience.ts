import type { Emotion, Persona } from '../protocol/scenario.js';
import type { Random } from '../../../media/random.js';
import { band, PHRASES, type Band } from './phrases.js';

// When a silent line makes the caller speak up ("Hello? Are you there?"), and with what words.
// People wait for the other side to answer, so the wait runs from the end of whoever spoke last:
// the caller's own words as played on the line, or the trainee's voice. How long they bear it is
// the persona's: a hard-to-control caller less, someone hiding or very old more, everyone less
// the more upset they are. The wait varies a little and grows while nobody answers, and no
// prompt repeats the one before it, so the caller never sounds like a metronome.

/** About 150 spoken words a minute: when nobody reports the play-out's end (the terminal), a reply lasts this long per word. */
const SPOKEN_MS_PER_WORD = 400;
/** A calm caller waits longer before asking if anyone is there; a frantic one much less. */
const BAND_FACTOR: Readonly<Record<Band, number>> = { calm: 1.6, upset: 1, frantic: 0.6 };
/** Each prompt nobody answered makes the next wait this much longer (a person gives the line time), up to MAX_UNANSWERED. */
const UNANSWERED_STEP = 0.4;
const MAX_UNANSWERED = 3;
/** Waits vary by up to this fraction either way. */
const JITTER = 0.2;

/**
 * How long this persona bears a silence when upset (calm: longer; frantic: shorter). The
 * scenario's `patienceMs` when it sets one; otherwise read from the persona's temperament.
 */
export function patienceOf(persona: Persona): number {
  if (persona.patienceMs !== undefined) return persona.patienceMs;
  const behaviours = new Set(persona.behaviours ?? []);
  // 8.75 s for a caller who does what they are told, 4.25 s for one who resists everything.
  let ms = 7000 * (1.25 - 0.65 * persona.controlDifficulty);
  // Hiding or covert: calling out into a silent line could give them away.
  if (behaviours.has('whispers') || behaviours.has('yes_no_only')) ms *= 1.5;
  if (persona.languageLevel === 'child') ms *= 0.8;
  if (persona.age >= 75) ms *= 1.25;
  return Math.round(ms);
}

/** One caller's patience with a silent line. All times are ms on the call's clock. */
export class Patience {
  readonly #baseMs: number;
  readonly #rng: Random;
  /** When the caller's last words end: estimated when said, the real play-out end once reported. */
  #callerUntilMs = 0;
  #traineeUntilMs = 0;
  #unanswered = 0;
  #lastPrompt = '';
  /** This silence's variation, drawn once per silence so the wait does not wobble tick by tick. */
  #jitter: number | null = null;

  constructor(baseMs: number, rng: Random) {
    if (!(baseMs > 0)) throw new TypeError('patience must be a positive number of ms');
    this.#baseMs = baseMs;
    this.#rng = rng;
  }

  /** When the line last fell quiet: the end of whoever spoke last. */
  get quietSinceMs(): number {
    return Math.max(this.#callerUntilMs, this.#traineeUntilMs);
  }

  /** The caller starts saying `text` at atMs; until the line reports its end, it is guessed from its length. */
  callerSaid(atMs: number, text: string): void {
    const words = text.split(/\s+/).filter(Boolean).length;
    this.#callerUntilMs = atMs + words * SPOKEN_MS_PER_WORD;
    this.#jitter = null;
  }

  /** The caller's words have been played out (or were cut off) at atMs. */
  callerFinished(atMs: number): void {
    this.#callerUntilMs = atMs;
  }

  /** The trainee finished a turn (speech or a typed line) at endMs: they answered. */
  traineeSpoke(endMs: number): void {
    this.#traineeUntilMs = Math.max(this.#traineeUntilMs, endMs);
    this.#unanswered = 0;
    this.#jitter = null;
  }

  /** Voice on the line at atMs, turn or not: the line is not silent, whoever is talking. */
  voiceHeard(atMs: number): void {
    this.#traineeUntilMs = Math.max(this.#traineeUntilMs, atMs);
  }

  /**
   * Where the silence clock is now: calling the result takes back what was said since (a
   * speculative reply). The trainee's voice heard meanwhile stands: it was on the line.
   */
  checkpoint(): () => void {
    const saved = { callerUntil: this.#callerUntilMs, unanswered: this.#unanswered, lastPrompt: this.#lastPrompt, jitter: this.#jitter, rng: this.#rng.checkpoint() };
    return () => {
      this.#callerUntilMs = saved.callerUntil;
      this.#unanswered = saved.unanswered;
      this.#lastPrompt = saved.lastPrompt;
      this.#jitter = saved.jitter;
      saved.rng();
    };
  }

  /** How long the caller bears this silence, feeling `emotion`. */
  waitMs(emotion: Emotion): number {
    this.#jitter ??= 1 + JITTER * (2 * this.#rng.next() - 1);
    const unanswered = 1 + UNANSWERED_STEP * Math.min(this.#unanswered, MAX_UNANSWERED);
    return Math.round(this.#baseMs * BAND_FACTOR[band(emotion)] * unanswered * this.#jitter);
  }

  /** Whether the caller, feeling `emotion`, speaks up at atMs. */
  due(atMs: number, emotion: Emotion): boolean {
    return atMs - this.quietSinceMs >= this.waitMs(emotion);
  }

  /** What the caller says into the silence: never the same words as the prompt before. */
  prompt(emotion: Emotion): string {
    const lines = PHRASES.silence[band(emotion)].filter((line) => line !== this.#lastPrompt);
    this.#lastPrompt = this.#rng.pick(lines);
    this.#unanswered++;
    return this.#lastPrompt;
  }
}
