import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { CallMode, ScenarioCard as ScenarioCardData } from '../../protocol.js';
import { useStores } from '../../state/context.js';
import { natureText } from '../../words.js';
import { Assignments } from '../Assignments/Assignments.js';
import { FormError, useAction } from '../Form/useAction.js';
import { Readable } from '../Readable/Readable.js';

function Difficulty({ level }: { level: number }) {
  return (
    <span class="difficulty" title={`Difficulty ${level} of 5`}>
      <span class="visually-hidden">Difficulty {level} of 5</span>
      {[1, 2, 3, 4, 5].map((i) => (
        <span key={i} aria-hidden="true" class={i <= level ? 'pip on' : 'pip'} />
      ))}
    </span>
  );
}

function ScenarioCard({ scenario, busy, onTake }: { scenario: ScenarioCardData; busy: boolean; onTake: () => void }) {
  const titleId = `scenario-${scenario.id}`;
  return (
    <article class="card scenario-card" data-testid="scenario-card" data-scenario-id={scenario.id} aria-labelledby={titleId}>
      <header>
        <h2 id={titleId}>
          <Readable text={scenario.title} />
        </h2>
        <div class="card-meta">
          <span class={`nature nature-${scenario.nature}`}>{natureText(scenario.nature)}</span>
          <Difficulty level={scenario.difficulty} />
        </div>
      </header>
      <p data-testid="scenario-brief">
        <Readable text={scenario.brief} />
      </p>
      <button type="button" class="btn btn-primary" data-testid="take-call" disabled={busy} onClick={onTake}>
        {busy ? 'Connecting…' : 'Take call'}
      </button>
    </article>
  );
}

const MODE_HINT: Record<CallMode, string> = {
  practice: 'The NENA checklist and what you captured are shown live while you take the call.',
  exam: 'No live checklist: you see how you did in the review once the call is over.',
};

function ModeChoice({ mode, disabled }: { mode: { value: CallMode }; disabled: boolean }) {
  return (
    <div class="mode-choice">
      <div class="field-inline">
        <label for="call-mode">Mode</label>
        <select
          id="call-mode"
          data-testid="call-mode"
          aria-describedby="call-mode-hint"
          value={mode.value}
          disabled={disabled}
          onChange={(e) => (mode.value = e.currentTarget.value as CallMode)}
        >
          <option value="practice">Practice</option>
          <option value="exam">Exam</option>
        </select>
      </div>
      <p id="call-mode-hint" class="muted">
        {MODE_HINT[mode.value]}
      </p>
    </div>
  );
}

/** The trainee's start page: their assignments, then any scenario; the call rings at once. */
export function ScenarioPicker() {
  const { scenarios, calls } = useStores();
  const { route } = useLocation();
  const starting = useSignal<string | null>(null);
  const action = useAction();
  const mode = useSignal<CallMode>('practice');

  useEffect(() => void scenarios.load(), []);

  async function take(id: string) {
    starting.value = id;
    const call = await action.run(() => calls.start({ scenarioId: id }, mode.value));
    if (call) route(`/calls/${call.id}`);
    else starting.value = null;
  }

  const list = scenarios.list.value;
  return (
    <section class="page">
      <h1>Take a call</h1>
      <Assignments />
      <p class="muted">Or choose any scenario to practise. The call rings as soon as you press "Take call".</p>
      <ModeChoice mode={mode} disabled={starting.value !== null} />
      <FormError error={action.error.value} />
      {scenarios.error.value && (
        <p class="error" role="alert">
          Could not load scenarios: {scenarios.error.value}
        </p>
      )}
      {scenarios.loading.value && list.length === 0 && <p role="status">Loading scenarios…</p>}
      {!scenarios.loading.value && !scenarios.error.value && list.length === 0 && <p>No scenarios yet.</p>}
      <div class="card-grid">
        {list.map((s) => (
          <ScenarioCard key={s.id} scenario={s} busy={starting.value !== null} onTake={() => take(s.id)} />
        ))}
      </div>
    </section>
  );
}
