import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { errorMessage } from '../../api.js';
import { useStores } from '../../state/context.js';
import { editableJson, SCENARIO_TEMPLATE } from '../../state/scenarios.js';
import { usePageTitle } from '../../title.js';

/** Instructors' scenario library: pick one to edit its JSON, or start a new one. */
export function ScenariosPage() {
  usePageTitle('Scenarios');
  const { scenarios } = useStores();
  const editingId = useSignal<string | null>(null);
  const text = useSignal(editableJson(SCENARIO_TEMPLATE));
  const error = useSignal<string | null>(null);
  const notice = useSignal<string | null>(null);
  const busy = useSignal(false);

  useEffect(() => void scenarios.load(), []);

  function startNew() {
    editingId.value = null;
    text.value = editableJson(SCENARIO_TEMPLATE);
    error.value = notice.value = null;
  }

  async function edit(id: string) {
    error.value = notice.value = null;
    busy.value = true;
    try {
      text.value = editableJson(await scenarios.get(id));
      editingId.value = id;
    } catch (err) {
      error.value = errorMessage(err);
    } finally {
      busy.value = false;
    }
  }

  async function save(e: Event) {
    e.preventDefault();
    error.value = notice.value = null;
    busy.value = true;
    try {
      const saved = await scenarios.save(text.value, editingId.value);
      editingId.value = saved.id;
      text.value = editableJson(saved);
      notice.value = `Saved "${saved.title}".`;
    } catch (err) {
      error.value = errorMessage(err);
    } finally {
      busy.value = false;
    }
  }

  return (
    <section class="page">
      <h1>Scenarios</h1>
      <div class="scenarios-layout">
        <nav class="panel scenario-list" aria-label="Scenario library">
          <button type="button" class="btn btn-primary" data-testid="scenario-new" onClick={startNew}>
            New scenario
          </button>
          {scenarios.error.value && (
            <p class="error" role="alert">
              {scenarios.error.value}
            </p>
          )}
          <ul>
            {scenarios.list.value.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  class="list-item"
                  data-testid="scenario-item"
                  data-scenario-id={s.id}
                  aria-current={editingId.value === s.id ? 'true' : undefined}
                  onClick={() => void edit(s.id)}
                >
                  <strong>{s.title}</strong>
                  <span class="mono muted">{s.id}</span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <form class="panel editor" onSubmit={save}>
          <label for="scenario-json">
            {editingId.value ? (
              <>
                Editing <code>{editingId.value}</code>
              </>
            ) : (
              'New scenario'
            )}{' '}
            (JSON)
          </label>
          <textarea
            id="scenario-json"
            data-testid="scenario-editor"
            spellcheck={false}
            rows={28}
            value={text.value}
            onInput={(e) => (text.value = e.currentTarget.value)}
            aria-describedby={error.value ? 'scenario-error' : undefined}
          />
          {error.value && (
            <p id="scenario-error" class="error" role="alert" data-testid="scenario-error">
              {error.value}
            </p>
          )}
          {notice.value && (
            <p class="notice" role="status">
              {notice.value}
            </p>
          )}
          <div class="editor-actions">
            <button type="submit" class="btn btn-primary" data-testid="scenario-save" disabled={busy.value}>
              {editingId.value ? 'Save changes' : 'Create scenario'}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}
