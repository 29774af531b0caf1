import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { ScenarioDetail, ScenarioSummary } from '../../protocol.js';
import { useStores } from '../../state/context.js';
import { usePageTitle } from '../../title.js';
import { natureText } from '../../words.js';
import { FormError, useAction } from '../Form/useAction.js';
import { Readable } from '../Readable/Readable.js';
import { ScenarioEditor } from '../ScenarioEditor/ScenarioEditor.js';

/** Instructors' scenario library: open one in the form editor, or start a new one. */
export function ScenariosPage() {
  usePageTitle('Scenarios');
  const { scenarios } = useStores();
  const opened = useSignal<ScenarioDetail | null>(null);
  const showArchived = useSignal(false);
  const notice = useSignal<string | null>(null);
  const open = useAction();

  useEffect(() => void scenarios.load({ archived: showArchived.value }), [showArchived.value]);

  async function edit(id: string) {
    notice.value = null;
    const detail = await open.run(() => scenarios.get(id));
    if (detail) opened.value = detail;
  }

  function changed(scenario: ScenarioDetail, what: string) {
    opened.value = scenario;
    notice.value = what;
  }

  const list = showArchived.value ? scenarios.archived.value : scenarios.list.value;
  const current = opened.value;
  return (
    <section class="page">
      <h1>Scenarios</h1>
      <div class="scenarios-layout">
        <nav class="panel scenario-list" aria-label="Scenario library">
          <button type="button" class="btn btn-primary" data-testid="scenario-new" onClick={() => ((opened.value = null), (notice.value = null))}>
            New scenario
          </button>
          <label class="check">
            <input type="checkbox" data-testid="show-archived" checked={showArchived.value} onChange={(e) => (showArchived.value = e.currentTarget.checked)} />
            Show archived instead
          </label>
          <FormError error={scenarios.error.value ?? open.error.value} />
          <ul>
            {list.map((s) => (
              <LibraryItem key={s.id} scenario={s} current={current?.id === s.id} onOpen={() => void edit(s.id)} />
            ))}
          </ul>
        </nav>
        <div>
          {notice.value && (
            <p class="notice" role="status" data-testid="scenario-notice">
              {notice.value}
            </p>
          )}
          <ScenarioEditor key={current ? `${current.id}@${current.version}@${current.archivedAt}` : 'new'} scenario={current} onChanged={changed} />
        </div>
      </div>
    </section>
  );
}

function LibraryItem({ scenario, current, onOpen }: { scenario: ScenarioSummary; current: boolean; onOpen: () => void }) {
  return (
    <li>
      <button type="button" class="list-item" data-testid="scenario-item" data-scenario-id={scenario.id} aria-current={current ? 'true' : undefined} onClick={onOpen}>
        <strong>
          <Readable text={scenario.title} />
        </strong>
        <span class="muted">
          {natureText(scenario.nature)}, difficulty {scenario.difficulty}
        </span>
        {scenario.summary && (
          <span class="scenario-summary" data-testid="scenario-summary">
            <Readable text={scenario.summary} />
          </span>
        )}
      </button>
    </li>
  );
}
