import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { formatDateTime } from '../../format.js';
import type { Role, UserView } from '../../protocol.js';
import { useStores } from '../../state/context.js';
import type { UsersStore } from '../../state/users.js';
import { usePageTitle } from '../../title.js';
import { AUDIT_LABEL, ROLE_LABEL } from '../../words.js';

const ROLES = Object.keys(ROLE_LABEL) as Role[];

function statusText(user: UserView): string {
  if (user.disabledAt) return `Disabled ${formatDateTime(user.disabledAt)}`;
  return user.hasPassword ? 'Active' : 'Invited: no password yet';
}

function CreateForm({ users }: { users: UsersStore }) {
  const name = useSignal('');
  const email = useSignal('');
  const role = useSignal<Role>('trainee');

  async function submit(e: Event) {
    e.preventDefault();
    if (await users.create({ name: name.value.trim(), email: email.value.trim(), role: role.value })) name.value = email.value = '';
  }

  return (
    <form class="panel" onSubmit={submit} aria-labelledby="new-user-title">
      <h2 id="new-user-title">New user</h2>
      <label for="new-user-name">Name</label>
      <input id="new-user-name" required maxLength={120} data-testid="new-user-name" value={name.value} onInput={(e) => (name.value = e.currentTarget.value)} />
      <label for="new-user-email">Email</label>
      <input id="new-user-email" type="email" required maxLength={200} data-testid="new-user-email" value={email.value} onInput={(e) => (email.value = e.currentTarget.value)} />
      <label for="new-user-role">Role</label>
      <select id="new-user-role" data-testid="new-user-role" value={role.value} onChange={(e) => (role.value = e.currentTarget.value as Role)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABEL[r]}
          </option>
        ))}
      </select>
      <p class="muted">They get a one-time link to set their own password.</p>
      <button type="submit" class="btn btn-primary" data-testid="new-user-create" disabled={users.busy.value}>
        Create and make link
      </button>
    </form>
  );
}

/** The link just made: shown once, since the server keeps only its hash. */
function LinkPanel({ users }: { users: UsersStore }) {
  const copied = useSignal(false);
  const link = users.link.value;
  if (!link) return null;
  const copy = () => void navigator.clipboard?.writeText(link.url).then(() => (copied.value = true));
  return (
    <div class="panel" role="status" data-testid="invite-panel">
      <h2>Link for {link.name}</h2>
      <p>Send this to them; it sets their password once and works until {formatDateTime(link.expiresAt)}. It is not shown again.</p>
      <div class="field-inline">
        <label for="invite-link" class="visually-hidden">
          One-time link
        </label>
        <input id="invite-link" class="mono" readOnly data-testid="invite-link" value={link.url} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" class="btn" onClick={copy}>
          {copied.value ? 'Copied' : 'Copy'}
        </button>
      </div>
    </div>
  );
}

function UserRow({ user, users, me }: { user: UserView; users: UsersStore; me: string }) {
  const self = user.id === me;
  return (
    <tr data-testid="user-row" data-email={user.email}>
      <td>{user.name}</td>
      <td class="mono">{user.email}</td>
      <td>
        <label class="visually-hidden" for={`role-${user.id}`}>
          Role of {user.name}
        </label>
        <select
          id={`role-${user.id}`}
          data-testid="user-role"
          value={user.role}
          disabled={self || users.busy.value}
          onChange={(e) => void users.setRole(user, e.currentTarget.value as Role)}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </select>
      </td>
      <td data-testid="user-status">{statusText(user)}</td>
      <td>
        <div class="field-inline">
          <button type="button" class="btn" data-testid="user-reset" disabled={users.busy.value} onClick={() => void users.reset(user)}>
            New link
          </button>
          {!self && (
            <button
              type="button"
              class={user.disabledAt ? 'btn' : 'btn btn-danger'}
              data-testid="user-toggle"
              disabled={users.busy.value}
              onClick={() => void users.setDisabled(user, !user.disabledAt)}
            >
              {user.disabledAt ? 'Enable' : 'Disable'}
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}

/** Admins' accounts page: create by invitation, change roles, disable, reset; the audit log below. */
export function UsersPage() {
  usePageTitle('Users');
  const { users, session } = useStores();
  useEffect(() => void users.load(), []);
  const me = session.me.value?.id ?? '';

  return (
    <section class="page">
      <h1>Users</h1>
      {users.error.value && (
        <p class="error" role="alert" data-testid="users-error">
          {users.error.value}
        </p>
      )}
      <div class="users-layout">
        <CreateForm users={users} />
        <LinkPanel users={users} />
      </div>
      <h2>Accounts</h2>
      <div class="table-wrap">
        <table class="data">
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Role</th>
              <th>Status</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.list.value.map((u) => (
              <UserRow key={u.id} user={u} users={users} me={me} />
            ))}
          </tbody>
        </table>
      </div>
      <h2>Audit log</h2>
      <div class="table-wrap">
        <table class="data" data-testid="audit-log">
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>What</th>
              <th>Whose account</th>
            </tr>
          </thead>
          <tbody>
            {users.audit.value.length === 0 && (
              <tr>
                <td class="empty" colSpan={4}>
                  Nothing yet.
                </td>
              </tr>
            )}
            {users.audit.value.map((e) => (
              <tr key={e.id} data-testid="audit-entry">
                <td>{formatDateTime(e.at)}</td>
                <td>{e.actor?.name ?? 'The command line'}</td>
                <td>
                  {AUDIT_LABEL[e.action]}
                  {e.action === 'role_changed' && e.detail && ` (${ROLE_LABEL[e.detail.from as Role]} to ${ROLE_LABEL[e.detail.to as Role]})`}
                </td>
                <td>{e.target ? `${e.target.name} (${e.target.email})` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
