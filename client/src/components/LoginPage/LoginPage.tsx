import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { errorMessage } from '../../api.js';
import { useStores } from '../../state/context.js';
import { usePageTitle } from '../../title.js';
import { SSO_REFUSAL } from '../../words.js';

/** Only same-site paths are followed after login, never an absolute URL from the query. */
function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  usePageTitle('Sign in');
  const { session, account } = useStores();
  const sso = useSignal(false);
  const { query, route } = useLocation();
  const email = useSignal('');
  const password = useSignal('');
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);
  const signedIn = session.status.value === 'signed-in';

  useEffect(() => {
    if (signedIn) route(safeNext(query.next), true);
  }, [signedIn]);
  useEffect(() => void account.ssoEnabled().then((on) => (sso.value = on), () => undefined), []);

  async function submit(e: Event) {
    e.preventDefault();
    busy.value = true;
    error.value = null;
    try {
      await session.login(email.value.trim(), password.value);
    } catch (err) {
      error.value = errorMessage(err);
      busy.value = false;
    }
  }

  return (
    <section class="login">
      <form class="panel login-panel" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">
          <span class="brand-mark" aria-hidden="true">
            911
          </span>{' '}
          Ringdown
        </h1>
        <p class="muted">Call-taker training console. Sign in to take calls.</p>
        {query.password && (
          <p class="notice" role="status" data-testid="login-notice">
            {query.password === 'set' ? 'Your password is set: sign in with it.' : 'Your password is changed: sign in with the new one.'}
          </p>
        )}
        <label for="login-email">Email</label>
        <input
          id="login-email"
          type="email"
          autocomplete="username"
          required
          maxLength={200}
          data-testid="login-email"
          value={email.value}
          onInput={(e) => (email.value = e.currentTarget.value)}
        />
        <label for="login-password">Password</label>
        <input
          id="login-password"
          type="password"
          autocomplete="current-password"
          required
          maxLength={200}
          data-testid="login-password"
          value={password.value}
          onInput={(e) => (password.value = e.currentTarget.value)}
        />
        {error.value && (
          <p class="error" role="alert" data-testid="login-error">
            {error.value}
          </p>
        )}
        <button type="submit" class="btn btn-primary" data-testid="login-submit" disabled={busy.value}>
          {busy.value ? 'Signing in…' : 'Sign in'}
        </button>
        {query.sso && (
          <p class="error" role="alert" data-testid="sso-error">
            {SSO_REFUSAL[query.sso] ?? SSO_REFUSAL.failed}
          </p>
        )}
        {sso.value && (
          <a class="btn" href="/api/v1/auth/sso/start" data-testid="sso-login">
            Sign in with single sign-on
          </a>
        )}
      </form>
    </section>
  );
}
