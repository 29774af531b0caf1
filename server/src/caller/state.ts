import type { CallerBehaviour, ScenarioInput, TraineeIntent } from '../protocol/scenario.js';
import { EmotionState } from './emotion.js';
import { prepareFact, type Fact } from './facts.js';
import { prepareInstruction, type Instruction } from './instructions.js';
import { band, PHRASES, type PhraseKind } from './phrases.js';
import type { Random } from '../../../media/random.js';

/** Everything the caller remembers during one call. Owned by one CallerMind. */
export interface MindState {
  readonly scenario: ScenarioInput;
  readonly rng: Random;
  readonly emotion: EmotionState;
  readonly facts: Fact[];
  readonly instructions: Instruction[];
  readonly behaviours: ReadonlySet<CallerBehaviour>;
  opened: boolean;
  cprActive: boolean;
  lastCallerText: string;
  /** The question or command the caller dodged last turn: asked again, it gets an answer (repetitive persistence works). */
  dodged: TraineeIntent | null;
  /** Facts an instructor told the caller to keep back, whatever the call-taker does. */
  withheld: Set<string>;
}

export function createState(scenario: ScenarioInput, rng: Random): MindState {
  const { persona, script } = scenario;
  return {
    scenario,
    rng,
    emotion: new EmotionState(persona.initialEmotion, persona.controlDifficulty),
    facts: script.revealRules.map(prepareFact),
    instructions: script.preArrivalInstructions.map(prepareInstruction),
    behaviours: new Set(persona.behaviours ?? []),
    opened: false,
    cprActive: false,
    lastCallerText: '',
    dodged: null,
    withheld: new Set(),
  };
}

/** A stock phrase for what the caller is doing, in the band of how upset they are now. */
export function say(state: MindState, kind: PhraseKind): string {
  return state.rng.pick(PHRASES[kind][band(state.emotion.emotion)]);
}

/** What the caller comes back to instead of answering: the scenario's own worries first. */
export function worry(state: MindState): string {
  const worries = state.scenario.persona.worries ?? [];
  return worries.length > 0 ? state.rng.pick(worries) : say(state, 'worry');
}

/**
 * Whether a hard-to-control caller ignores this question or command. Grows with
 * controlDifficulty and with how upset they are; never twice in a row for the same thing.
 */
export function resists(state: MindState, what: TraineeIntent): boolean {
  if (state.dodged === what) return false;
  const p = state.scenario.persona.controlDifficulty * Math.min(1, state.emotion.distress / 2) * 0.5;
  return state.rng.chance(p);
}

/** The opening line without stage directions ("(rustling) ..."), which the voice must not read out. */
export function spoken(text: string): string {
  return text.replace(/\([^)]*\)/g, ' ').replace(/\s*\.\.\.\s*/g, ' ').replace(/\s+/g, ' ').trim();
}
