import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { pinoHttp } from 'pino-http';
import type { LoginThrottle } from '../auth/login-throttle.js';
import type { SessionStore } from '../auth/sessions.js';
import type { CallService } from '../calls/service.js';
import type { Database } from '../db/database.js';
import { AppError, TooManyRequestsError } from '../errors.js';
import type { Logger } from '../logger.js';
import { ErrorCode } from '../protocol/ack.js';
import { LocalStorage, type RecordingStorage, type UrlSigner } from '../storage/storage.js';
import { authenticate } from './auth.js';
import { bodyError, jsonBody } from './body.js';
import { securityHeaders } from './headers.js';
import type { OriginPolicy } from './origin.js';
import { metricsRoute, timeRequests } from '../observability/routes.js';
import type { Readiness } from './readiness.js';
import { authRoutes } from './routes/auth.js';
import { callRoutes } from './routes/calls.js';
import { assignmentRoutes, classRoutes } from './routes/classes.js';
import { traineeRoutes } from './routes/trainees.js';
import { fileRoutes } from './routes/files.js';
import { scenarioRoutes } from './routes/scenarios.js';
import { userRoutes } from './routes/users.js';
import { ssoRoutes } from './routes/sso.js';
import type { SingleSignOn } from '../users/sso.js';
import type { Accounts } from '../users/accounts.js';

export type AppDeps = {
  logger: Logger;
  db: Database;
  sessions: SessionStore;
  loginThrottle: LoginThrottle;
  origins: OriginPolicy;
  calls: CallService;
  accounts: Accounts;
  /** Single sign-on, when an OpenID Connect provider is configured. */
  sso: SingleSignOn | undefined;
  publicUrl: string | undefined;
  storage: RecordingStorage;
  signer: UrlSigner;
  readiness: Readiness;
  /** The bearer token that may read /metrics; none: /metrics is off. */
  metricsToken: string | undefined;
  bodyLimitBytes: number;
  secureCookies: boolean;
  /** Origins besides this one that recordings are played from (the S3 endpoint). */
  mediaOrigins: readonly string[];
  /** The built client (vite build output); not served when absent. */
  clientDir?: string | undefined;
};

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(timeRequests());

  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/ready' || req.url === '/metrics' },
    }),
  );
  app.use(securityHeaders({ mediaOrigins: deps.mediaOrigins }));
  app.use(deps.origins.guard());

  app.get('/health', (_req, res) => void res.json({ status: 'ok', uptimeS: Math.round(process.uptime()) }));
  app.get('/ready', async (_req, res) => {
    const report = await deps.readiness.report();
    res.status(report.ready ? 200 : 503).json(report);
  });

  app.get('/metrics', metricsRoute(deps.metricsToken));

  const api = express.Router();
  api.use(jsonBody(deps.bodyLimitBytes));
  api.use('/auth/sso', ssoRoutes(deps));
  api.use('/auth', authRoutes(deps));
  if (deps.storage instanceof LocalStorage) {
    api.use('/files', fileRoutes({ storage: deps.storage, signer: deps.signer }));
  }
  // Before the session check: following a one-time link needs none (the router checks the rest).
  api.use('/users', userRoutes(deps));
  api.use(authenticate(deps.sessions));
  api.use('/scenarios', scenarioRoutes(deps));
  api.use('/calls', callRoutes(deps));
  api.use('/trainees', traineeRoutes(deps));
  api.use('/classes', classRoutes(deps));
  api.use('/assignments', assignmentRoutes(deps));
  api.use((req) => {
    throw new AppError(ErrorCode.notFound, `no route ${req.method} ${req.originalUrl.split('?')[0]}`, 404);
  });
  app.use('/api/v1', api);

  if (deps.clientDir && existsSync(path.join(deps.clientDir, 'index.html'))) {
    const index = path.join(deps.clientDir, 'index.html');
    app.use(express.static(deps.clientDir, { index: false, maxAge: '1h' }));
    // The client routes in the browser: every other GET gets the app.
    app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => res.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } }));
  }

  app.use(errorHandler);
  return app;
}

const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const { status, code, message } = describe(error);
  if (status >= 500) req.log.error({ err: error }, 'request failed');
  if (res.headersSent) return void res.end();
  if (error instanceof TooManyRequestsError) res.setHeader('Retry-After', String(Math.ceil(error.retryAfterMs / 1000)));
  res.status(status).json({ code, message });
};

function describe(error: unknown): { status: number; code: ErrorCode; message: string } {
  if (error instanceof AppError) return { status: error.status, code: error.code, message: error.message };
  return bodyError(error) ?? { status: 500, code: ErrorCode.internal, message: 'internal error' };
}
