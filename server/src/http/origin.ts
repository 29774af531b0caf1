import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { ForbiddenError } from '../errors.js';

// Cross-site request forgery defence. A browser names the page a request comes from (Origin,
// else Referer); a request that changes something, and every socket.io handshake, must come
// from a page of this site: PUBLIC_URL's origin, or the host the request was sent to (the
// origin the app is served from). SameSite=Lax cookies alone let a text/plain form post
// through, and WebSockets are not bound by CORS at all. Requests naming no page (curl, the
// tests, server-to-server) are not from a browser page and pass.

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Whether a request of this method changes something (and so must come from this site, with a JSON body). */
export const changesState = (method: string) => STATE_CHANGING.has(method);

export class OriginPolicy {
  readonly #publicOrigin: string | undefined;

  constructor(publicUrl: string | undefined) {
    this.#publicOrigin = publicUrl ? new URL(publicUrl).origin : undefined;
  }

  /** Why the page a request comes from is not this site, or null when it is (or names none). */
  refusal(req: IncomingMessage): string | null {
    const origin = single(req.headers.origin);
    const page = origin ?? single(req.headers.referer);
    if (page === undefined) return null;
    const url = parseUrl(page);
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      return `cross-site request refused: ${origin !== undefined ? 'Origin' : 'Referer'} ${JSON.stringify(page.slice(0, 100))} is not this site`;
    }
    if (url.origin === this.#publicOrigin || sameHost(url, single(req.headers.host))) return null;
    return `cross-site request refused: ${url.origin} is not this site`;
  }

  /** Refuses a state-changing request from another site's page with 403. */
  guard(): RequestHandler {
    return (req, _res, next) => {
      const refusal = changesState(req.method) ? this.refusal(req) : null;
      if (refusal) throw new ForbiddenError(refusal);
      next();
    };
  }

  /** socket.io's allowRequest: the handshake (polling or WebSocket) must come from this site. */
  readonly allowRequest = (req: IncomingMessage, callback: (error: string | null | undefined, success: boolean) => void): void => {
    const refusal = this.refusal(req);
    callback(refusal, refusal === null);
  };
}

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null; // includes "null", the Origin of sandboxed frames and opaque pages
  }
}

/** Whether `url` names the host (and port) the request was sent to, compared as URLs so default ports and case agree. */
function sameHost(url: URL, host: string | undefined): boolean {
  if (!host) return false;
  return parseUrl(`${url.protocol}//${host}`)?.host === url.host;
}
