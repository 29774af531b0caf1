import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { AppError, UnauthorizedError } from '../errors.js';
import { ErrorCode } from '../protocol/ack.js';
import { httpRequests, registry } from './metrics.js';

// /metrics, and the timing of every HTTP request.

/**
 * Times each request under its route's pattern (`/api/v1/calls/:id`), never its path, so
 * ids do not make a series each. The pattern is read when Express matches the route: by the
 * time the response is sent an error may have left the routers, which resets `req.baseUrl`.
 */
export function timeRequests(): RequestHandler {
  return (req, res, next) => {
    const timer = httpRequests.startTimer({ method: req.method });
    let route: string | undefined;
    let matched: Request['route'];
    Object.defineProperty(req, 'route', {
      configurable: true,
      get: () => matched,
      set: (value: Request['route']) => {
        matched = value;
        route = req.baseUrl + String(value.path);
      },
    });
    res.once('finish', () => timer({ route: route ?? (res.statusCode === 404 ? 'unmatched' : 'static'), status: String(res.statusCode) }));
    next();
  };
}

/**
 * The Prometheus metrics, for whoever holds METRICS_TOKEN (`Authorization: Bearer <token>`);
 * without a token configured nobody may read them (404), as they tell how busy the centre is.
 */
export function metricsRoute(token: string | undefined): RequestHandler {
  const expected = token && digest(token);
  return async (req, res) => {
    if (!expected) throw new AppError(ErrorCode.notFound, 'metrics are off: set METRICS_TOKEN', 404);
    const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!given || !timingSafeEqual(digest(given), expected)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new UnauthorizedError('metrics need the METRICS_TOKEN bearer token');
    }
    res.setHeader('Content-Type', registry.contentType);
    res.send(await registry.metrics());
  };
}

/** Equal-length values to compare in constant time, whatever was sent. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
