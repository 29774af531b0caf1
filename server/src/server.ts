import { access, constants } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SessionStore } from './auth/sessions.js';
import { CallService } from './calls/service.js';
import { PROJECT_ROOT, type Config } from './config/config.js';
import { loadOrCreateLocalSecret } from './config/local-secrets.js';
import { Database } from './db/database.js';
import { createApp } from './http/app.js';
import { Readiness } from './http/readiness.js';
import type { Logger } from './logger.js';
import { createSignalling, socketNotifier, type SignallingServer } from './signalling/signalling.js';
import { WorkerPool } from './sfu/workers.js';
import { createSharedState } from './state/state.js';
import { LocalStorage, S3Storage, UrlSigner, type RecordingStorage } from './storage/storage.js';
import { isLoopback, loadOrCreateCertificate } from './tls.js';

export type RunningServer = {
  url: string;
  db: Database;
  storage: RecordingStorage;
  workers: WorkerPool;
  io: SignallingServer;
  close(): Promise<void>;
};

/** Programs the AI caller's embedded speech engines run; /ready reports any missing. */
const SPEECH_ENGINES = ['/usr/bin/flite', '/usr/bin/sox'];

/** Assembles ringdown around a migrated database and starts listening. */
export async function startServer(config: Config, logger: Logger, databaseUrl: string): Promise<RunningServer> {
  const state = await createSharedState(config.redisUrl, (error) => logger.warn({ err: error }, 'redis connection error'));
  const db = new Database(databaseUrl);
  const signingSecret = config.urlSigningSecret ?? (await loadOrCreateLocalSecret(config.dataDir, 'url-signing-secret')).value;
  const signer = new UrlSigner(signingSecret);
  const storage = await createStorage(config, signer);
  const sessions = new SessionStore(state, config.sessionTtlMs);
  const workers = await WorkerPool.create({ ...config.mediasoup, logger: logger.child({ module: 'sfu' }) });

  let io: SignallingServer | undefined;
  const calls = new CallService(db, storage, socketNotifier(() => io), config.signedUrlTtlMs);

  const readiness = new Readiness()
    .add('database', () => db.ping())
    .add('storage', async () => {
      await storage.ping();
      return { kind: storage.kind };
    })
    .add('mediasoupWorkers', () => workers.check())
    .add('speechEngines', async () => void (await Promise.all(SPEECH_ENGINES.map((bin) => access(bin, constants.X_OK)))));
  if (state.kind === 'redis') readiness.add('redis', () => state.ping());

  const secure = Boolean(config.tls) || !isLoopback(config.host);
  const app = createApp({
    logger,
    db,
    sessions,
    calls,
    storage,
    signer,
    readiness,
    bodyLimitBytes: config.bodyLimitBytes,
    secureCookies: secure,
    clientDir: path.join(PROJECT_ROOT, 'dist/client'),
  });
  const server = secure
    ? https.createServer(await loadOrCreateCertificate(config.tls, path.join(config.dataDir, 'tls'), config.host), app)
    : http.createServer(app);
  io = await createSignalling(server, { sessions, calls, state, logger });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = config.publicUrl ?? `${secure ? 'https' : 'http'}://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    db,
    storage,
    workers,
    io,
    close: () =>
      (closing ??= (async () => {
        await io.close(); // also closes the HTTP server
        workers.close();
        await db.close();
        await state.close();
      })()),
  };
}

async function createStorage(config: Config, signer: UrlSigner): Promise<RecordingStorage> {
  if (!config.s3) return new LocalStorage(path.join(config.dataDir, 'storage'), signer);
  const storage = new S3Storage(config.s3, config.s3.bucket);
  await storage.ensureBucket();
  return storage;
}
