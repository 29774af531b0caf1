import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { errorMessage } from '../../api.js';
import { formatDateTime, formatScore } from '../../format.js';
import type { TraineeAssignment } from '../../protocol.js';
import { useStores } from '../../state/context.js';
import { ASSIGNMENT_STATUS_LABEL, natureText } from '../../words.js';

/** Whether the trainee can start this assignment now. */
const takeable = (a: TraineeAssignment) => a.status === 'todo' || a.status === 'overdue' || (a.mode === 'practice' && a.status === 'done');

function when(a: TraineeAssignment): string {
  if (a.mode === 'exam' && (a.opensAt || a.closesAt)) {
    return `Exam ${a.opensAt ? `from ${formatDateTime(a.opensAt)}` : ''}${a.closesAt ? ` until ${formatDateTime(a.closesAt)}` : ''}`.trim();
  }
  return a.dueAt ? `Due ${formatDateTime(a.dueAt)}` : 'No due date';
}

/** A trainee's assigned work across their classes; shown only when they have some. */
export function Assignments() {
  const { classes, calls } = useStores();
  const { route } = useLocation();
  const list = useSignal<TraineeAssignment[] | null>(null);
  const error = useSignal<string | null>(null);
  const starting = useSignal<string | null>(null);

  useEffect(() => {
    classes.mine().then(
      (a) => (list.value = a),
      (err) => (error.value = errorMessage(err)),
    );
  }, []);

  async function take(a: TraineeAssignment) {
    starting.value = a.id;
    error.value = null;
    try {
      const call = await calls.start({ assignmentId: a.id }, a.mode);
      route(`/calls/${call.id}`);
    } catch (err) {
      error.value = errorMessage(err);
      starting.value = null;
    }
  }

  if (error.value) return <p class="error" role="alert">{error.value}</p>;
  if (!list.value || list.value.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="assignments-title" data-testid="assignments">
      <h2 id="assignments-title">Assigned to you</h2>
      <div class="table-wrap">
        <table class="data">
          <thead>
            <tr>
              <th scope="col">Scenario</th>
              <th scope="col">Class</th>
              <th scope="col">When</th>
              <th scope="col">Status</th>
              <th scope="col" class="num">
                Best score
              </th>
              <th scope="col">
                <span class="visually-hidden">Take</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.value.map((a) => (
              <tr key={a.id} data-testid="assignment-row" data-assignment-id={a.id} data-status={a.status}>
                <td>
                  {a.scenario.title} <span class="muted">({natureText(a.scenario.nature)}, {a.mode === 'exam' ? 'exam' : 'practice'})</span>
                </td>
                <td>{a.className}</td>
                <td>{when(a)}</td>
                <td>{ASSIGNMENT_STATUS_LABEL[a.status]}</td>
                <td class="num">{formatScore(a.bestScore)}</td>
                <td>
                  {takeable(a) && (
                    <button type="button" class="btn btn-primary" data-testid="take-assignment" disabled={starting.value !== null} onClick={() => take(a)}>
                      {starting.value === a.id ? 'Connecting…' : 'Take call'}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
