import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { errorMessage } from '../../api.js';
import { formatDateTime, formatScore } from '../../format.js';
import { INSTRUCTOR_ROLES, type AssignmentView, type ClassDashboard, type ClassDetail } from '../../protocol.js';
import { useStores } from '../../state/context.js';
import { usePageTitle } from '../../title.js';
import { ASSIGNMENT_STATUS_LABEL, natureText } from '../../words.js';
import { AddAssignment, AddMember } from './ClassForms.js';

const assignmentText = (a: AssignmentView) =>
  `${a.scenario.title} (${a.mode === 'exam' ? 'exam' : 'practice'}${a.dueAt ? `, due ${formatDateTime(a.dueAt)}` : ''})`;

/** Each trainee against each assignment, with their mean, weakest checklist items and why they fall behind. */
function Dashboard({ board }: { board: ClassDashboard }) {
  return (
    <div class="table-wrap">
      <table class="data" data-testid="class-dashboard">
        <thead>
          <tr>
            <th scope="col">Trainee</th>
            {board.assignments.map((a) => (
              <th key={a.id} scope="col">
                {assignmentText(a)}
              </th>
            ))}
            <th scope="col" class="num">
              Average
            </th>
            <th scope="col">Weakest item</th>
            <th scope="col">By kind of call</th>
            <th scope="col">Falling behind</th>
          </tr>
        </thead>
        <tbody>
          {board.rows.map((r) => (
            <tr key={r.trainee.id} data-testid="dashboard-row" data-trainee-id={r.trainee.id} class={r.behind.length > 0 ? 'behind' : undefined}>
              <th scope="row">
                <a href={`/trainees/${r.trainee.id}/history`}>{r.trainee.name}</a>
              </th>
              {r.assignments.map((a) => (
                <td key={a.assignmentId} data-status={a.status}>
                  {ASSIGNMENT_STATUS_LABEL[a.status]}
                  {a.bestScore !== null && ` · ${formatScore(a.bestScore)}`}
                </td>
              ))}
              <td class="num">{formatScore(r.average)}</td>
              <td>{r.byItem[0] ? `${r.byItem[0].label}: ${r.byItem[0].passed} of ${r.byItem[0].of}` : '—'}</td>
              <td>{r.byNature.map((n) => `${natureText(n.nature)} ${formatScore(n.average)} (${n.calls})`).join(', ') || '—'}</td>
              <td>{r.behind.join('; ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ClassPage() {
  const id = useRoute().params.id!;
  const { classes, session } = useStores();
  const detail = useSignal<ClassDetail | null>(null);
  const board = useSignal<ClassDashboard | null>(null);
  const error = useSignal<string | null>(null);
  usePageTitle(detail.value ? `Class: ${detail.value.name}` : 'Class');
  const manage = session.can(INSTRUCTOR_ROLES);

  const load = () =>
    Promise.all([classes.get(id), classes.dashboard(id)]).then(
      ([d, b]) => {
        detail.value = d;
        board.value = b;
      },
      (err) => (error.value = errorMessage(err)),
    );
  useEffect(() => void load(), [id]);

  async function remove(userId: string) {
    try {
      await classes.removeMember(id, userId);
      await load();
    } catch (err) {
      error.value = errorMessage(err);
    }
  }

  if (error.value) return <p class="error page" role="alert">{error.value}</p>;
  if (!detail.value || !board.value) return <p role="status">Loading the class…</p>;
  const c = detail.value;
  return (
    <section class="page">
      <div class="page-head">
        <h1>Class: {c.name}</h1>
        <a class="btn" href={classes.csvUrl(id)} download data-testid="class-csv">
          Calls and scores (CSV)
        </a>
      </div>
      <h2>Progress</h2>
      {board.value.rows.length === 0 ? <p>No trainees in this class yet.</p> : <Dashboard board={board.value} />}
      <h2>Assignments</h2>
      <ul data-testid="class-assignments">
        {c.assignments.map((a) => (
          <li key={a.id}>{assignmentText(a)}</li>
        ))}
      </ul>
      {manage && <AddAssignment classId={id} onDone={() => void load()} />}
      <h2>Members</h2>
      <ul data-testid="class-members">
        {c.members.map((m) => (
          <li key={m.userId}>
            {m.name} <span class="muted">({m.email}, {m.role})</span>
            {manage && (
              <button type="button" class="btn btn-small" onClick={() => void remove(m.userId)} aria-label={`Remove ${m.name}`}>
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      {manage && <AddMember classId={id} onDone={() => void load()} />}
    </section>
  );
}
