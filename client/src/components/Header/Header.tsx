import { useLocation } from 'preact-iso';
import { ADMIN_ROLES, FLOOR_ROLES, INSTRUCTOR_ROLES, type Role } from '../../protocol.js';
import { useStores } from '../../state/context.js';

type Link = { href: string; label: string; roles?: readonly Role[]; testId?: string };

const LINKS: Link[] = [
  { href: '/', label: 'Home' },
  { href: '/calls', label: 'Calls' },
  { href: '/floor', label: 'Floor', roles: FLOOR_ROLES },
  { href: '/classes', label: 'Classes', roles: FLOOR_ROLES },
  { href: '/scenarios', label: 'Scenarios', roles: INSTRUCTOR_ROLES },
  { href: '/users', label: 'Users', roles: ADMIN_ROLES, testId: 'users-link' },
];

export function Header() {
  const { session, connection } = useStores();
  const { path } = useLocation();
  const me = session.me.value;
  if (!me) return null;

  // A trainee's own scores over time; the floor roles reach anyone's from the calls list.
  const links: Link[] = me.role === 'trainee' ? [...LINKS, { href: `/trainees/${me.id}/history`, label: 'My progress', testId: 'my-progress-link' }] : LINKS;
  const isCurrent = (href: string) => (href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`));

  // The shell sees the session end and moves to /login.
  const logout = () => void session.logout().catch(() => undefined);

  return (
    <header class="app-header">
      <a class="brand" href="/">
        <span class="brand-mark" aria-hidden="true">
          911
        </span>
        Ringdown
      </a>
      <nav aria-label="Main">
        <ul>
          {links.filter((l) => !l.roles || session.can(l.roles)).map((l) => (
            <li key={l.href}>
              <a href={l.href} data-testid={l.testId} aria-current={isCurrent(l.href) ? 'page' : undefined}>
                {l.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="user-menu" data-testid="user-menu">
        <span
          class={`link-dot ${connection.connected.value ? 'up' : 'down'}`}
          title={connection.connected.value ? 'Live link connected' : 'Live link offline'}
          role="img"
          aria-label={connection.connected.value ? 'Live link connected' : 'Live link offline'}
        />
        <a class="user-name" href="/account/password" title="Change your password" data-testid="account-link">
          {me.name}
        </a>
        <span class={`role-badge role-${me.role}`}>{me.role}</span>
        <button type="button" class="btn btn-quiet" data-testid="logout" onClick={logout}>
          Log out
        </button>
      </div>
    </header>
  );
}
