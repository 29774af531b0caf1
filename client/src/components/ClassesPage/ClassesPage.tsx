import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { errorMessage } from '../../api.js';
import { formatDateTime } from '../../format.js';
import { INSTRUCTOR_ROLES, type ClassSummary } from '../../protocol.js';
import { useStores } from '../../state/context.js';
import { usePageTitle } from '../../title.js';

/** Every class (instructors) or the classes one follows (supervisors); instructors create them here. */
export function ClassesPage() {
  const { classes, session } = useStores();
  usePageTitle('Classes');
  const list = useSignal<ClassSummary[] | null>(null);
  const error = useSignal<string | null>(null);
  const name = useSignal('');

  const load = () =>
    classes.list().then(
      (c) => (list.value = c),
      (err) => (error.value = errorMessage(err)),
    );
  useEffect(() => void load(), []);

  async function create(e: Event) {
    e.preventDefault();
    error.value = null;
    try {
      await classes.create(name.value);
      name.value = '';
      await load();
    } catch (err) {
      error.value = errorMessage(err);
    }
  }

  return (
    <section class="page">
      <h1>Classes</h1>
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
      {session.can(INSTRUCTOR_ROLES) && (
        <form class="field-inline form-row" onSubmit={create}>
          <label for="class-name">New class</label>
          <input id="class-name" data-testid="class-name" required maxLength={120} value={name.value} onInput={(e) => (name.value = e.currentTarget.value)} />
          <button type="submit" class="btn btn-primary" data-testid="create-class">
            Create
          </button>
        </form>
      )}
      {list.value === null && !error.value && <p role="status">Loading classes…</p>}
      {list.value?.length === 0 && <p>No classes yet.</p>}
      {list.value && list.value.length > 0 && (
        <div class="table-wrap">
          <table class="data" data-testid="classes-table">
            <thead>
              <tr>
                <th scope="col">Class</th>
                <th scope="col" class="num">
                  Trainees
                </th>
                <th scope="col" class="num">
                  Assignments
                </th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {list.value.map((c) => (
                <tr key={c.id}>
                  <td>
                    <a href={`/classes/${c.id}`}>{c.name}</a>
                  </td>
                  <td class="num">{c.trainees}</td>
                  <td class="num">{c.assignments}</td>
                  <td>{formatDateTime(c.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
