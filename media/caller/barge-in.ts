import { FRAME_MS } from '../format.js';
import type { Turn } from './listening.js';

// When the trainee talks over the caller: a compliant caller falls silent at the first sound
// (it may be a cough or an "uh-huh"; it goes on if so), then decides whether it was talked
// over. A caller too upset to stop may talk on. Chosen from what the recognizer can do: with
// a running transcript an acknowledgement is heard as one; without, only its shortness tells.

/**
 * Words that acknowledge without taking the turn: they never interrupt the caller. "huh" is
 * how the recogniser's first pass often hears an "uh-huh" (HTS slt's, as a final).
 */
export const BACKCHANNEL = /^(uh[- ]?huh|huh|mm+[- ]?hmm+|m+|okay|ok|yeah|yep|yes|right|alright|got it|i see|uh|um)$/;
/** The words acknowledgements are made of, as the recognizer spells them. */
const BACKCHANNEL_WORDS = new Set(['uh', 'huh', 'um', 'mm', 'hmm', 'm', 'okay', 'ok', 'yeah', 'yep', 'yes', 'right', 'alright', 'got', 'it', 'i', 'see']);
/**
 * How long after the trainee's speech is confirmed the caller decides whether it was talked
 * over: it stops then unless what it heard so far is an acknowledgement ("uh-huh", "okay").
 * The recognizer needs this long: its first guesses at a word are often other words
 * ("uh-huh" starts out as "by" or "how" and becomes "uh huh" 380-430 ms after its onset).
 */
const BARGE_IN_DECISION_MS = 150;
/**
 * A recognizer behind on its audio (a busy host) has not yet heard what the decision is
 * about: its partial then is empty or the first guess at a word. The decision waits for a
 * partial that has heard the turn up to the decision time (less one ~100 ms step of partials),
 * for at most this long; still behind, it decides as for an acknowledgement, by how long the
 * trainee keeps talking.
 */
const LATE_PARTIAL_MS = 400;
const PARTIAL_STEP_MS = 100;
/**
 * An acknowledgement is short: still talking this long after the decision, the trainee is
 * taking the turn. (The running transcript is no guide meanwhile: "uh huh" can turn into
 * "i have" for a moment before it settles back.) A short turn is judged by its final.
 */
const ACKNOWLEDGEMENT_MS = 600;
/**
 * A first sound that neither becomes a turn nor is dropped within this long (the line went
 * quiet under it: a trainee who muted mid-word sends no more frames) lets the caller go on.
 */
const CANDIDATE_MS = 1000;

export type BargeInActions = {
  /** Fall silent now, keeping what is queued. */
  pause(): void;
  /** Go on from where the voice stopped. */
  resume(): void;
  /** Talked over: the caller gives up its turn (every stage hears it). */
  interrupt(): void;
};

export type BargeInOptions = {
  /** The recognizer gives a running transcript (its capability). */
  partials: boolean;
  /** Whether the caller, as upset as it is now, talks on over the trainee this time. */
  talksOn: () => boolean;
};

export class BargeInPolicy {
  readonly #act: BargeInActions;
  readonly #options: BargeInOptions;
  /** The caller fell silent for a possible interruption and waits to know what it was. */
  #paused = false;
  #speaking = false;
  #turn: Turn | undefined;
  /** While a turn talks over the caller and it has not stopped: the next decision's timer. */
  #timer: NodeJS.Timeout | undefined;
  /** Turns that ended while the caller held off deciding: their final text decides. */
  readonly #heldOff = new WeakSet<Turn>();
  /** When the pending decision fell due, and how much of the turn's audio was pushed by then. */
  #decision: { dueAt: number; audioMs: number } | undefined;

  constructor(actions: BargeInActions, options: BargeInOptions) {
    this.#act = actions;
    this.#options = options;
  }

  get paused(): boolean {
    return this.#paused;
  }

  /** The player says whether the caller's voice is on the line. */
  setSpeaking(speaking: boolean): void {
    this.#speaking = speaking;
  }

  /** The first sound of a possible turn while the caller talks. */
  candidate(turnOpen: boolean): void {
    if (!this.#speaking || this.#paused || turnOpen) return;
    if (this.#options.talksOn()) return;
    this.#paused = true;
    this.#act.pause();
    // Regression: a trainee muted mid-word left the caller paused for good (no frames came to
    // confirm or drop the sound). A turn that starts clears this timer; so does the next
    // first sound, whose own second this one must not cut short.
    this.#clear();
    this.#timer = setTimeout(() => this.#turn === undefined && this.resume(), CANDIDATE_MS);
  }

  /** Not talked over after all (a noise, an "uh-huh", a failed recognition). */
  resume(): void {
    if (!this.#paused) return;
    this.#paused = false;
    this.#act.resume();
  }

  /** A turn was confirmed as speech; if it talks over the caller, the decision is timed. */
  turnStarted(turn: Turn): void {
    this.#clear();
    this.#turn = turn;
    if (this.#paused) this.#timer = setTimeout(() => this.#decide(turn), BARGE_IN_DECISION_MS);
  }

  /** The trainee stopped talking: no decision on timers any more; the final text decides. */
  turnStopped(turn: Turn): void {
    if (this.#turn !== turn) return;
    if (this.#timer !== undefined) this.#heldOff.add(turn);
    this.#clear();
    this.#turn = undefined;
  }

  /**
   * The turn's final text is in. Returns true when it takes the turn (a reply follows); an
   * acknowledgement or a noise lets the caller go on.
   */
  turnEnded(turn: Turn, text: string): boolean {
    const heldOff = this.#heldOff.has(turn);
    this.#heldOff.delete(turn);
    if (!text || BACKCHANNEL.test(text)) {
      this.resume();
      return false;
    }
    if (heldOff && (this.#speaking || this.#paused)) this.interrupt(); // talked over after all
    return true;
  }

  /** Gives up the turn: stops the caller's voice and whatever it was going to say. */
  interrupt(): void {
    this.#clear();
    this.#paused = false;
    this.#act.interrupt();
  }

  /** Hold or the call's end: no decision is pending any more. */
  reset(): void {
    this.#clear();
    this.#turn = undefined;
    this.#paused = false;
  }

  /**
   * Stops the caller at the decision time unless the turn sounds like an acknowledgement so
   * far (or the recognizer is still behind, see LATE_PARTIAL_MS); then only if the trainee
   * keeps talking (or, when the turn ends, if its final is not one). Without a running
   * transcript every turn is judged that way.
   */
  #decide(turn: Turn): void {
    if (this.#turn !== turn || this.#timer === undefined) return;
    const now = performance.now();
    this.#decision ??= { dueAt: now, audioMs: turn.pushedMs };
    const heard = turn.stream.heardMs;
    const late = this.#options.partials && heard !== undefined && heard < this.#decision.audioMs - PARTIAL_STEP_MS;
    if (late && now - this.#decision.dueAt < LATE_PARTIAL_MS) {
      this.#timer = setTimeout(() => this.#decide(turn), FRAME_MS);
      return;
    }
    if (!this.#options.partials || late || isAcknowledgement(turn.partial)) {
      this.#timer = setTimeout(() => this.#stopIfStillTalking(turn), ACKNOWLEDGEMENT_MS);
      return;
    }
    this.interrupt();
  }

  #stopIfStillTalking(turn: Turn): void {
    if (this.#turn !== turn || this.#timer === undefined) return;
    this.interrupt();
  }

  #clear(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#decision = undefined;
  }
}

/**
 * A running transcript that is an acknowledgement so far. Its last word is the recognizer's
 * guess at a word still being said ("uh huh" passes through "uh how"), so after other words
 * only those before it must be acknowledgement words.
 */
function isAcknowledgement(partial: string): boolean {
  const words = partial.trim().split(/\s+/).filter(Boolean);
  const settled = words.length > 1 ? words.slice(0, -1) : words;
  return settled.length > 0 && settled.every((w) => BACKCHANNEL_WORDS.has(w));
}
