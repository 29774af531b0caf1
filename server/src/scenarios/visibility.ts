import type { ScenarioCard } from '../protocol/api.js';
import type { Role } from '../protocol/roles.js';

// What each role is shown of a scenario, decided here and nowhere else. A trainee is told only
// the card (title, kind of call, difficulty, a neutral brief): the summary names the twist and
// the rest is the ground truth the call should make them find out. Staff see everything; so
// does the trainee in the review of their own call once it is over.

/** full: the scenario as stored (summary, ground truth, script); card: what a trainee may know before the call. */
export type ScenarioAccess = 'card' | 'full';

export function scenarioAccess(role: Role, when: { ownCallOver?: boolean } = {}): ScenarioAccess {
  return role !== 'trainee' || when.ownCallOver ? 'full' : 'card';
}

/** The scenario as `access` allows: the card's fields only, or all of it. */
export function scenarioShown<T extends ScenarioCard>(scenario: T, access: ScenarioAccess): ScenarioCard | T {
  if (access === 'full') return scenario;
  const { id, title, nature, difficulty, brief } = scenario;
  return { id, title, nature, difficulty, brief };
}
