import { ADMIN_ROLES, FLOOR_ROLES, INSTRUCTOR_ROLES } from '../../protocol.js';
import { useStores } from '../../state/context.js';
import { ScenarioPicker } from '../ScenarioPicker/ScenarioPicker.js';
import { usePageTitle } from '../../title.js';

export function HomePage() {
  const { session } = useStores();
  const me = session.me.value;
  usePageTitle(me?.role === 'trainee' ? 'Take a call' : 'Home');
  if (!me) return null;

  if (me.role === 'trainee') return <ScenarioPicker />;

  return (
    <section class="page">
      <h1>Welcome, {me.name}</h1>
      <div class="tiles">
        {session.can(FLOOR_ROLES) && (
          <a class="tile" href="/floor">
            <strong>Floor board</strong>
            <span>Every ringing and active call, live.</span>
          </a>
        )}
        <a class="tile" href="/calls">
          <strong>Calls</strong>
          <span>All calls, with outcome and score; open one to review it.</span>
        </a>
        {session.can(FLOOR_ROLES) && (
          <a class="tile" href="/classes">
            <strong>Classes</strong>
            <span>Trainees, assigned scenarios and exams, and how each trainee is doing.</span>
          </a>
        )}
        {session.can(INSTRUCTOR_ROLES) && (
          <a class="tile" href="/scenarios">
            <strong>Scenarios</strong>
            <span>Write and edit the scenario library.</span>
          </a>
        )}
        {session.can(ADMIN_ROLES) && (
          <a class="tile" href="/users">
            <strong>Users</strong>
            <span>Invite staff, change roles, disable accounts; the audit log.</span>
          </a>
        )}
      </div>
    </section>
  );
}
