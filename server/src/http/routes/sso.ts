import { Router, type Request } from 'express';
import { parse as parseCookies } from 'cookie';
import { SESSION_COOKIE, type SessionStore } from '../../auth/sessions.js';
import { AppError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { ErrorCode } from '../../protocol/ack.js';
import type { Accounts } from '../../users/accounts.js';
import { SsoRefused, type SingleSignOn } from '../../users/sso.js';
import { sessionCookieOptions } from '../auth.js';

// /api/v1/auth/sso: single sign-on through the OpenID Connect provider, when one is configured.
// The browser goes to /start, signs in at the provider and comes back to /callback, which
// opens the same kind of session a password sign-in does.

const STATE_COOKIE = 'ringdown_sso_state';
const CALLBACK = '/api/v1/auth/sso/callback';

export type SsoRouteDeps = {
  sso: SingleSignOn | undefined;
  accounts: Accounts;
  sessions: SessionStore;
  secureCookies: boolean;
  /** PUBLIC_URL when set: the origin the provider sends people back to. */
  publicUrl: string | undefined;
  logger: Logger;
};

export function ssoRoutes(deps: SsoRouteDeps): Router {
  const router = Router();
  const stateCookie = { httpOnly: true, sameSite: 'lax', secure: deps.secureCookies, path: CALLBACK } as const;
  const originOf = (req: Request) => deps.publicUrl?.replace(/\/$/, '') ?? `${req.protocol}://${req.get('host')}`;

  /** Whether the login page offers single sign-on. */
  router.get('/', (_req, res) => void res.json({ enabled: Boolean(deps.sso) }));

  const sso = deps.sso;
  if (!sso) {
    router.use(() => {
      throw new AppError(ErrorCode.notFound, 'single sign-on is not configured here', 404);
    });
    return router;
  }

  router.get('/start', async (req, res) => {
    const { url, state } = await sso.begin(`${originOf(req)}${CALLBACK}`);
    res.cookie(STATE_COOKIE, state, { ...stateCookie, maxAge: 10 * 60_000 });
    res.redirect(303, url);
  });

  router.get('/callback', async (req, res) => {
    res.clearCookie(STATE_COOKIE, stateCookie);
    try {
      const bound = parseCookies(req.headers.cookie ?? '')[STATE_COOKIE];
      const person = await sso.complete(new URL(req.originalUrl, originOf(req)), bound);
      const user = await deps.accounts.signInWithProvider(person);
      const token = await deps.sessions.create({ userId: user.id, role: user.role, name: user.name, email: user.email });
      res.cookie(SESSION_COOKIE, token, { ...sessionCookieOptions(deps.secureCookies), maxAge: deps.sessions.ttlMs });
      res.redirect(303, '/');
    } catch (error) {
      // The browser is mid-redirect: it gets the login page with the reason, not a JSON error.
      const reason = error instanceof SsoRefused ? error.reason : 'failed';
      deps.logger.warn({ err: error, reason }, 'single sign-on refused');
      res.redirect(303, `/login?sso=${reason}`);
    }
  });

  return router;
}
