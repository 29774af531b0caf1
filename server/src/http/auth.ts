import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { parse as parseCookies } from 'cookie';
import { ForbiddenError, UnauthorizedError } from '../errors.js';
import type { Role } from '../protocol/roles.js';
import { SESSION_COOKIE, type Principal, type SessionStore } from '../auth/sessions.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      principal?: Principal;
      sessionToken?: string;
    }
  }
}

/** How the session cookie is set, by password sign-in and by single sign-on alike. */
export const sessionCookieOptions = (secure: boolean) => ({ httpOnly: true, sameSite: 'lax', secure, path: '/' }) as const;

export function sessionTokenOf(cookieHeader: string | undefined): string | undefined {
  return cookieHeader ? parseCookies(cookieHeader)[SESSION_COOKIE] : undefined;
}

/** Resolves the session cookie into `req.principal`; 401 when there is none. */
export function authenticate(sessions: SessionStore): RequestHandler {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const token = sessionTokenOf(req.headers.cookie);
    const principal = await sessions.resolve(token);
    if (!principal) throw new UnauthorizedError();
    req.principal = principal;
    req.sessionToken = token;
    next();
  };
}

/** 403 unless the authenticated user holds one of `roles`. */
export function requireRole(roles: readonly Role[]): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!req.principal) throw new UnauthorizedError();
    if (!roles.includes(req.principal.role)) throw new ForbiddenError(`requires the role ${roles.join(' or ')}`);
    next();
  };
}

/** The authenticated principal of a request that went through `authenticate`. */
export function principalOf(req: Request): Principal {
  if (!req.principal) throw new UnauthorizedError();
  return req.principal;
}
