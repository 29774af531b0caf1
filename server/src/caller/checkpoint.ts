import type { MindState } from './state.js';

// What a speculative answer may change of the caller's memory, saved so it can be taken back:
// the trainee paused, the caller began its answer, and the trainee went on talking. Taken
// back, the caller must not have used up a fact, a wrong first answer, a dodge or a random
// draw on a question that was never finished (CallerMind.checkpoint).

/** Saves `state`; calling the result restores it. */
export function saveState(state: MindState): () => void {
  const facts = state.facts.map((f) => ({ ...f.state }));
  const instructions = state.instructions.map((i) => ({ resisted: i.resisted, followed: i.followed }));
  const { opened, cprActive, lastCallerText, dodged } = state;
  const withheld = new Set(state.withheld);
  const rng = state.rng.checkpoint();
  const emotion = state.emotion.checkpoint();
  return () => {
    state.facts.forEach((f, i) => (f.state = { ...facts[i]! }));
    state.instructions.forEach((instruction, i) => Object.assign(instruction, instructions[i]));
    Object.assign(state, { opened, cprActive, lastCallerText, dodged });
    state.withheld.clear();
    for (const fact of withheld) state.withheld.add(fact);
    rng();
    emotion();
  };
}
