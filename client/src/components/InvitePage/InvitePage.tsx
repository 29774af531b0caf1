import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { errorMessage } from '../../api.js';
import { formatDateTime } from '../../format.js';
import { useStores } from '../../state/context.js';
import { usePageTitle } from '../../title.js';

/** The token travels after `#`, so it never reaches a server log or a Referer header. */
const tokenOfPage = () => decodeURIComponent(location.hash.slice(1));

/** Following a one-time link: set your password, then sign in with it. */
export function InvitePage() {
  usePageTitle('Set your password');
  const { account } = useStores();
  const { route } = useLocation();
  const who = useSignal<{ email: string; name: string; expiresAt: string } | null>(null);
  const problem = useSignal<string | null>(null);
  const password = useSignal('');
  const again = useSignal('');
  const busy = useSignal(false);
  const token = tokenOfPage();

  useEffect(() => {
    if (!token) problem.value = 'This page needs the whole link you were sent.';
    else account.checkInvite(token).then((w) => (who.value = w), () => (problem.value = 'This link has been used, has expired, or was replaced by a newer one. Ask an admin for a new link.'));
  }, [token]);

  async function submit(e: Event) {
    e.preventDefault();
    if (password.value !== again.value) {
      problem.value = 'The two passwords differ.';
      return;
    }
    busy.value = true;
    problem.value = null;
    try {
      await account.acceptInvite(token, password.value);
      // Drop the spent token from the address bar and history.
      history.replaceState(null, '', '/invite');
      route('/login?password=set', true);
    } catch (err) {
      problem.value = errorMessage(err);
      busy.value = false;
    }
  }

  return (
    <section class="login">
      <form class="panel login-panel" onSubmit={submit} aria-labelledby="invite-title">
        <h1 id="invite-title">Set your password</h1>
        {who.value && (
          <p class="muted" data-testid="invite-who">
            Welcome, {who.value.name} ({who.value.email}). This link works once, until {formatDateTime(who.value.expiresAt)}.
          </p>
        )}
        <label for="invite-password">New password (at least 8 characters)</label>
        <input
          id="invite-password"
          type="password"
          autocomplete="new-password"
          required
          minLength={8}
          maxLength={200}
          data-testid="invite-password"
          value={password.value}
          onInput={(e) => (password.value = e.currentTarget.value)}
        />
        <label for="invite-again">The same password again</label>
        <input
          id="invite-again"
          type="password"
          autocomplete="new-password"
          required
          maxLength={200}
          data-testid="invite-password-again"
          value={again.value}
          onInput={(e) => (again.value = e.currentTarget.value)}
        />
        {problem.value && (
          <p class="error" role="alert" data-testid="invite-error">
            {problem.value}
          </p>
        )}
        <button type="submit" class="btn btn-primary" data-testid="invite-submit" disabled={busy.value || !who.value}>
          Set password
        </button>
      </form>
    </section>
  );
}
