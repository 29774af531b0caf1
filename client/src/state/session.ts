import { computed, signal } from '@preact/signals';
import type { Api } from '../api.js';
import type { Me, Role } from '../protocol.js';

/** loading: asking the server who we are; anonymous: must log in; signed-in: `me` is set. */
export type SessionStatus = 'loading' | 'anonymous' | 'signed-in';

export function createSessionStore(api: Api) {
  const me = signal<Me | null>(null);
  const status = signal<SessionStatus>('loading');
  const role = computed<Role | null>(() => me.value?.role ?? null);
  /** True after the user logged out themselves, so the login page does not send them back. */
  const loggedOut = signal(false);

  function set(next: Me | null) {
    me.value = next;
    status.value = next ? 'signed-in' : 'anonymous';
  }

  return {
    me,
    status,
    role,
    loggedOut,
    /** Whether the signed-in user holds one of these roles. */
    can: (roles: readonly Role[]) => role.value !== null && roles.includes(role.value),

    async restore(): Promise<void> {
      try {
        set(await api.session());
      } catch (err) {
        // The server is down or restarting: show the login page rather than hang on "loading".
        set(null);
        throw err;
      }
    },

    /** Throws ApiError (401 on bad credentials) so the form can show the message. */
    async login(email: string, password: string): Promise<Me> {
      const user = await api.login(email, password);
      loggedOut.value = false;
      set(user);
      return user;
    },

    async logout(): Promise<void> {
      try {
        await api.logout();
      } finally {
        loggedOut.value = true;
        set(null);
      }
    },

    /** The server said 401 to some request: the cookie expired or was revoked. */
    expire(): void {
      if (status.value === 'signed-in') set(null);
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
