import { useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import type { ScenarioDetail, ScenarioInput } from '../../protocol.js';
import { useStores } from '../../state/context.js';
import { createScenarioDraft } from '../../state/scenarioDraft.js';
import { draftOf, SCENARIO_TEMPLATE } from '../../state/scenarios.js';
import { formatDateTime } from '../../format.js';
import { FormError, useAction } from '../Form/useAction.js';
import { BasicsSection, CallerSection, LocationSection } from './CallerSections.js';
import { FactsSection, RubricSection, TimelineSection } from './ScriptSections.js';
import { TryCaller } from './TryCaller.js';

type Props = {
  /** The scenario opened, or null for a new one. */
  scenario: ScenarioDetail | null;
  /** After a save, a copy or an archive: the page shows what the server now holds, and says what happened. */
  onChanged: (scenario: ScenarioDetail, what: string) => void;
};

/** The form instructors write a scenario in; the page gives it a fresh key per scenario opened. */
export function ScenarioEditor({ scenario, onChanged }: Props) {
  const { scenarios } = useStores();
  const draft = useMemo(() => createScenarioDraft(scenario ? draftOf(scenario) : SCENARIO_TEMPLATE), []);
  const save = useAction();
  const problems = draft.problems.value;

  async function submit(e: Event) {
    e.preventDefault();
    draft.showAll.value = true;
    if (problems.size > 0) {
      save.error.value = `Fix the ${problems.size === 1 ? 'problem' : `${problems.size} problems`} marked in the form first.`;
      return;
    }
    const saved = await save.run(() => scenarios.save(draft.draft.value as ScenarioInput, scenario?.id ?? null));
    if (saved) onChanged(saved, `Saved "${saved.title}" as version ${saved.version}.`);
  }

  return (
    <div class="editor-layout">
      <form class="panel editor" onSubmit={submit} aria-labelledby="editor-title" noValidate>
        <header class="editor-head">
          <h2 id="editor-title" data-testid="editor-title">
            {scenario ? `Editing ${scenario.title}, version ${scenario.version}` : 'New scenario'}
          </h2>
          {scenario?.archivedAt && (
            <p class="notice" data-testid="archived-note">
              Archived {formatDateTime(scenario.archivedAt)}: out of the library, it takes no new calls. Past calls and their reviews are kept.
            </p>
          )}
        </header>
        <BasicsSection draft={draft} isNew={scenario === null} />
        <CallerSection draft={draft} />
        <LocationSection draft={draft} />
        <FactsSection draft={draft} />
        <TimelineSection draft={draft} />
        <RubricSection draft={draft} />
        {draft.showAll.value && problems.size > 0 && (
          <ul class="error problem-list" data-testid="problem-list">
            {[...problems].map(([path, words]) => (
              <li key={path}>
                <span class="mono">{path || 'scenario'}</span>: {words}
              </li>
            ))}
          </ul>
        )}
        <FormError error={save.error.value} id="scenario-error" testId="scenario-error" />
        <div class="editor-actions">
          <button type="submit" class="btn btn-primary" data-testid="scenario-save" disabled={save.busy.value}>
            {scenario ? 'Save as a new version' : 'Create scenario'}
          </button>
        </div>
      </form>
      <aside class="editor-aside">
        <TryCaller draft={draft} />
        {scenario && <LibraryActions scenario={scenario} onChanged={onChanged} />}
      </aside>
    </div>
  );
}

/** Copy the saved scenario under a new id, or take it out of the library (and back). */
function LibraryActions({ scenario, onChanged }: Props & { scenario: ScenarioDetail }) {
  const { scenarios } = useStores();
  const copyId = useSignal(`${scenario.id}-copy`.slice(0, 61));
  const action = useAction();

  async function duplicate(e: Event) {
    e.preventDefault();
    const copy = await action.run(() => scenarios.duplicate(scenario.id, copyId.value.trim()));
    if (copy) onChanged(copy, `Copied as "${copy.id}".`);
  }

  async function archive(archived: boolean) {
    const changed = await action.run(() => scenarios.setArchived(scenario.id, archived));
    if (changed) onChanged(changed, archived ? 'Archived: it is out of the library.' : 'Back in the library.');
  }

  return (
    <section class="panel" aria-labelledby="library-actions">
      <h2 id="library-actions">In the library</h2>
      <form class="field-inline" onSubmit={duplicate}>
        <label for="copy-id">Copy as</label>
        <input id="copy-id" data-testid="copy-id" value={copyId.value} onInput={(e) => (copyId.value = e.currentTarget.value)} />
        <button type="submit" class="btn" data-testid="scenario-duplicate" disabled={action.busy.value}>
          Duplicate
        </button>
      </form>
      <p class="muted">Archived, a scenario leaves the library and takes no new calls; its past calls and reviews stay.</p>
      {scenario.archivedAt ? (
        <button type="button" class="btn" data-testid="scenario-restore" disabled={action.busy.value} onClick={() => void archive(false)}>
          Put back in the library
        </button>
      ) : (
        <button type="button" class="btn btn-danger" data-testid="scenario-archive" disabled={action.busy.value} onClick={() => void archive(true)}>
          Archive
        </button>
      )}
      <FormError error={action.error.value} />
    </section>
  );
}
