import { describe, expect, it } from 'vitest';
import { createScenarioDraft } from './scenarioDraft.js';
import { SCENARIO_TEMPLATE } from './scenarios.js';

describe('a scenario draft', () => {
  it('starts from a template the schema accepts', () => {
    const draft = createScenarioDraft(SCENARIO_TEMPLATE);
    expect(draft.problems.value.size).toBe(0);
    expect(draft.valid.value).not.toBeNull();
  });

  it("shows the schema's message for a field once it is typed in, and every message once a save is tried", () => {
    const draft = createScenarioDraft(SCENARIO_TEMPLATE);
    draft.set(['persona', 'age'], 300);
    draft.draft.value = { ...draft.draft.value, title: '' }; // changed without being typed: not shown yet
    expect([...draft.shown.value]).toEqual([['persona.age', 'at most 110']]);
    draft.showAll.value = true;
    expect(draft.shown.value.get('title')).toBe('required');
    expect(draft.valid.value).toBeNull();
  });

  it('checks rules that span fields, as the server does: a timeline event revealing a fact no rule has', () => {
    const draft = createScenarioDraft(SCENARIO_TEMPLATE);
    draft.add(['script', 'timeline'], { atMs: 1000, event: 'He stops breathing.', reveals: ['breathing'] });
    draft.set(['script', 'timeline', 0, 'say'], 'He stopped breathing!');
    expect(draft.shown.value.get('script.timeline.0.reveals')).toBe('no reveal rule for fact "breathing"');
  });

  it('leaves an emptied optional field out instead of keeping it empty', () => {
    const draft = createScenarioDraft(SCENARIO_TEMPLATE);
    draft.set(['persona', 'patienceMs'], 5000);
    draft.set(['persona', 'patienceMs'], undefined);
    expect('patienceMs' in (draft.draft.value.persona as object)).toBe(false);
  });

  it('removes a list item by its place', () => {
    const draft = createScenarioDraft(SCENARIO_TEMPLATE);
    draft.add(['rubric'], { id: 'second', label: 'Second', weight: 5 });
    draft.remove(['rubric'], 0);
    expect(draft.get(['rubric'])).toEqual([{ id: 'second', label: 'Second', weight: 5 }]);
  });
});
