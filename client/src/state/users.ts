import { signal } from '@preact/signals';
import { errorMessage, type Api } from '../api.js';
import type { AuditEntryView, InviteLink, Role, UserView } from '../protocol.js';

/** A one-time link as the admin copies it: the whole URL, for whom, until when. */
export type ShownLink = { url: string; name: string; expiresAt: string };

/** The admins' users page: the accounts, the last link made (shown once) and the audit log. */
export function createUsersStore(api: Api) {
  const list = signal<UserView[]>([]);
  const audit = signal<AuditEntryView[]>([]);
  const error = signal<string | null>(null);
  const link = signal<ShownLink | null>(null);
  const busy = signal(false);

  const shown = (invite: InviteLink, name: string): ShownLink => ({ url: `${location.origin}${invite.path}`, name, expiresAt: invite.expiresAt });

  async function load(): Promise<void> {
    error.value = null;
    try {
      [list.value, audit.value] = await Promise.all([api.listUsers(), api.auditLog()]);
    } catch (err) {
      error.value = errorMessage(err);
    }
  }

  /** Runs one change, then reloads the list and the log; the error is shown, not thrown. */
  async function act(change: () => Promise<void>): Promise<boolean> {
    busy.value = true;
    error.value = null;
    try {
      await change();
      await load();
      return true;
    } catch (err) {
      error.value = errorMessage(err);
      return false;
    } finally {
      busy.value = false;
    }
  }

  return {
    list,
    audit,
    error,
    link,
    busy,
    load,
    create: (input: { email: string; name: string; role: Role }) =>
      act(async () => {
        const created = await api.createUser(input);
        link.value = shown(created.invite, created.user.name);
      }),
    setDisabled: (user: UserView, disabled: boolean) => act(async () => void (await api.updateUser(user.id, { disabled }))),
    setRole: (user: UserView, role: Role) => act(async () => void (await api.updateUser(user.id, { role }))),
    reset: (user: UserView) =>
      act(async () => {
        link.value = shown(await api.resetPassword(user.id), user.name);
      }),
  };
}

export type UsersStore = ReturnType<typeof createUsersStore>;
