import { Router } from 'express';
import type { LoginThrottle } from '../../auth/login-throttle.js';
import { hashPassword, verifyPassword } from '../../auth/password.js';
import { SESSION_COOKIE, type SessionStore } from '../../auth/sessions.js';
import type { Database } from '../../db/database.js';
import { TooManyRequestsError, UnauthorizedError } from '../../errors.js';
import { countLoginFailure } from '../../observability/metrics.js';
import { LoginBody, type Me } from '../../protocol/api.js';
import { authenticate, principalOf, sessionCookieOptions, sessionTokenOf } from '../auth.js';
import { parse } from '../validate.js';

// Verifying against this when the email is unknown keeps the response time the same,
// so timing does not tell which emails have accounts.
const unknownUserHash = hashPassword('no such user');

export function authRoutes(deps: { db: Database; sessions: SessionStore; loginThrottle: LoginThrottle; secureCookies: boolean }): Router {
  const router = Router();
  const cookieOptions = sessionCookieOptions(deps.secureCookies);

  router.post('/login', async (req, res) => {
    const body = parse(LoginBody, req.body);
    const address = req.ip ?? 'unknown';
    await deps.loginThrottle.attempt(body.email, address).catch((error: unknown) => {
      if (error instanceof TooManyRequestsError) countLoginFailure('throttled');
      throw error;
    });
    const user = await deps.db.users.findByEmail(body.email);
    const valid = await verifyPassword(body.password, user?.passwordHash ?? (await unknownUserHash));
    if (!user || !valid) {
      countLoginFailure('wrong_credentials');
      throw new UnauthorizedError('wrong email or password');
    }
    await deps.loginThrottle.succeeded(body.email, address);
    const token = await deps.sessions.create({ userId: user.id, role: user.role, name: user.name, email: user.email });
    res.cookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: deps.sessions.ttlMs });
    res.json({ id: user.id, email: user.email, name: user.name, role: user.role } satisfies Me);
  });

  router.post('/logout', async (req, res) => {
    await deps.sessions.destroy(sessionTokenOf(req.headers.cookie));
    res.clearCookie(SESSION_COOKIE, cookieOptions);
    res.status(204).end();
  });

  // Whether anyone is signed in, answered 200 either way: a browser logs every 401 as an error,
  // and a signed-out visitor opening the app is not one.
  router.get('/session', async (req, res) => {
    const p = await deps.sessions.resolve(sessionTokenOf(req.headers.cookie));
    res.json({ user: p ? ({ id: p.userId, email: p.email, name: p.name, role: p.role } satisfies Me) : null });
  });

  router.get('/me', authenticate(deps.sessions), (req, res) => {
    const p = principalOf(req);
    res.json({ id: p.userId, email: p.email, name: p.name, role: p.role } satisfies Me);
  });

  return router;
}
