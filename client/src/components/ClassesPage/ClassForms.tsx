import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { AssignmentInput, CallMode, ClassRole } from '../../protocol.js';
import { useStores } from '../../state/context.js';
import { FormError, useAction } from '../Form/useAction.js';

/** A datetime-local value ("2026-12-05T14:30", the browser's local time) as an ISO instant. */
const instant = (local: string) => (local ? new Date(local).toISOString() : undefined);

/** Adds a trainee or supervisor to the class by their sign-in email. */
export function AddMember({ classId, onDone }: { classId: string; onDone: () => void }) {
  const { classes } = useStores();
  const email = useSignal('');
  const role = useSignal<ClassRole>('trainee');
  const action = useAction();

  async function submit(e: Event) {
    e.preventDefault();
    await action.run(async () => {
      await classes.addMember(classId, email.value, role.value);
      email.value = '';
      onDone();
    });
  }

  return (
    <form class="field-inline form-row" onSubmit={submit} aria-label="Add a member">
      <label for="member-email">Email</label>
      <input id="member-email" data-testid="member-email" type="email" required value={email.value} onInput={(e) => (email.value = e.currentTarget.value)} />
      <label for="member-role">as</label>
      <select id="member-role" data-testid="member-role" value={role.value} onChange={(e) => (role.value = e.currentTarget.value as ClassRole)}>
        <option value="trainee">Trainee</option>
        <option value="supervisor">Supervisor</option>
      </select>
      <button type="submit" class="btn" data-testid="add-member" disabled={action.busy.value}>
        Add
      </button>
      <FormError error={action.error.value} />
    </form>
  );
}

/** Assigns a scenario to the class: practice with a due date, or an exam with a window. */
export function AddAssignment({ classId, onDone }: { classId: string; onDone: () => void }) {
  const { classes, scenarios } = useStores();
  const scenarioId = useSignal('');
  const mode = useSignal<CallMode>('practice');
  const dueAt = useSignal('');
  const opensAt = useSignal('');
  const closesAt = useSignal('');
  const action = useAction();
  useEffect(() => void scenarios.load(), []);

  async function submit(e: Event) {
    e.preventDefault();
    const body: AssignmentInput = { scenarioId: scenarioId.value, mode: mode.value, dueAt: instant(dueAt.value) };
    if (mode.value === 'exam') Object.assign(body, { opensAt: instant(opensAt.value), closesAt: instant(closesAt.value) });
    await action.run(async () => {
      await classes.assign(classId, body);
      onDone();
    });
  }

  const date = (id: string, label: string, value: { value: string }) => (
    <>
      <label for={id}>{label}</label>
      <input id={id} data-testid={id} type="datetime-local" value={value.value} onInput={(e) => (value.value = e.currentTarget.value)} />
    </>
  );
  return (
    <form class="field-inline form-row" onSubmit={submit} aria-label="Assign a scenario">
      <label for="assign-scenario">Scenario</label>
      <select id="assign-scenario" data-testid="assign-scenario" required value={scenarioId.value} onChange={(e) => (scenarioId.value = e.currentTarget.value)}>
        <option value="">Choose…</option>
        {scenarios.list.value.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}
          </option>
        ))}
      </select>
      <label for="assign-mode">Mode</label>
      <select id="assign-mode" data-testid="assign-mode" value={mode.value} onChange={(e) => (mode.value = e.currentTarget.value as CallMode)}>
        <option value="practice">Practice</option>
        <option value="exam">Exam</option>
      </select>
      {date('assign-due', 'Due', dueAt)}
      {mode.value === 'exam' && date('assign-opens', 'Opens', opensAt)}
      {mode.value === 'exam' && date('assign-closes', 'Closes', closesAt)}
      <button type="submit" class="btn" data-testid="assign" disabled={action.busy.value}>
        Assign
      </button>
      <FormError error={action.error.value} />
    </form>
  );
}
