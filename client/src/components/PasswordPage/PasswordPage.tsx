import { useSignal } from '@preact/signals';
import { useLocation } from 'preact-iso';
import { errorMessage } from '../../api.js';
import { useStores } from '../../state/context.js';
import { usePageTitle } from '../../title.js';

/** Anyone's own password. The server ends every session of theirs, so they sign in again with it. */
export function PasswordPage() {
  usePageTitle('Change your password');
  const { account, session } = useStores();
  const { route } = useLocation();
  const current = useSignal('');
  const next = useSignal('');
  const again = useSignal('');
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);

  async function submit(e: Event) {
    e.preventDefault();
    if (next.value !== again.value) {
      error.value = 'The two new passwords differ.';
      return;
    }
    busy.value = true;
    error.value = null;
    try {
      await account.changePassword(current.value, next.value);
      route('/login?password=changed', true);
      await session.logout();
    } catch (err) {
      error.value = errorMessage(err);
      busy.value = false;
    }
  }

  const field = (id: string, label: string, value: typeof current, autocomplete: string) => (
    <>
      <label for={id}>{label}</label>
      <input id={id} type="password" autocomplete={autocomplete} required maxLength={200} data-testid={id} value={value.value} onInput={(e) => (value.value = e.currentTarget.value)} />
    </>
  );

  return (
    <section class="page">
      <h1>Change your password</h1>
      <form class="panel narrow-form" onSubmit={submit}>
        {field('password-current', 'Current password', current, 'current-password')}
        {field('password-new', 'New password (at least 8 characters)', next, 'new-password')}
        {field('password-again', 'The new password again', again, 'new-password')}
        <p class="muted">You will be signed out everywhere and sign in again with the new password.</p>
        {error.value && (
          <p class="error" role="alert" data-testid="password-error">
            {error.value}
          </p>
        )}
        <button type="submit" class="btn btn-primary" data-testid="password-submit" disabled={busy.value}>
          Change password
        </button>
      </form>
    </section>
  );
}
