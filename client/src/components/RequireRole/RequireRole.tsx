import type { ComponentChildren, FunctionComponent } from 'preact';
import type { Role } from '../../protocol.js';
import { useStores } from '../../state/context.js';
import { usePageTitle } from '../../title.js';

export function NotAllowed() {
  const { session } = useStores();
  usePageTitle('Not allowed');
  return (
    <section class="page" data-testid="not-allowed">
      <h1>Not allowed</h1>
      <p>
        Your role ({session.role.value ?? 'signed out'}) cannot use this page. <a href="/">Back to the start</a>
      </p>
    </section>
  );
}

/** Renders children only for the given roles; the page is also hidden from the header. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ComponentChildren }) {
  const { session } = useStores();
  return session.can(roles) ? <>{children}</> : <NotAllowed />;
}

export function guarded(roles: readonly Role[], Page: FunctionComponent): FunctionComponent {
  const Guarded = () => (
    <RequireRole roles={roles}>
      <Page />
    </RequireRole>
  );
  Guarded.displayName = `Guarded(${Page.displayName ?? Page.name})`;
  return Guarded;
}
