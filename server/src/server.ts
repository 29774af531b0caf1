import { access, constants, readFile } from 'node:fs/promises';
import { intentModel } from './caller/intent-model.js';
import { natureModel } from './intelligence/extract/nature-model.js';
import { entityTagger } from './intelligence/extract/tagger.js';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { CodecPool } from '../../media/codec-pool.js';
import { OpenAIRecognizer } from '../../media/asr/openai.js';
import { PocketSphinxRecognizer } from '../../media/asr/pocketsphinx.js';
import { Transcriber } from '../../media/asr/transcriber.js';
import { CoquiSynthesizer } from '../../media/speech/coqui.js';
import { FliteSynthesizer } from '../../media/speech/flite.js';
import { OpenAISynthesizer } from '../../media/speech/openai.js';
import { SileroModel } from '../../media/vad/vad.js';
import { createAiCaller, vocabularyOf } from './caller/live-caller.js';
import type { CallerMind } from './caller/mind.js';
import { RealtimeCaller } from './caller/realtime-caller.js';
import { LoginThrottle } from './auth/login-throttle.js';
import { SessionStore } from './auth/sessions.js';
import { CallService } from './calls/service.js';
import { PROJECT_ROOT, type Config } from './config/config.js';
import { Database } from './db/database.js';
import { createApp } from './http/app.js';
import { OriginPolicy } from './http/origin.js';
import { probeCoqui, probeModels } from './http/provider-probes.js';
import { Readiness } from './http/readiness.js';
import { countFallback, watchWorkers } from './observability/metrics.js';
import type { Logger } from './logger.js';
import { FloorBoard } from './live/floor.js';
import { LiveCalls } from './live/live-calls.js';
import { rooms } from './protocol/socket.js';
import { createSignalling, socketNotifier, type SignallingServer } from './signalling/signalling.js';
import { listenIpsFor } from './sfu/listen-ips.js';
import { WorkerPool } from './sfu/workers.js';
import { createSharedState } from './state/state.js';
import { ClusterCalls } from './cluster/cluster-calls.js';
import { ClusterLoad } from './cluster/load.js';
import { openStorage, type RecordingStorage } from './storage/storage.js';
import { loadOrCreateCertificate, servesHttps, siteOrigin } from './tls.js';
import { Accounts } from './users/accounts.js';
import { SingleSignOn } from './users/sso.js';

export type RunningServer = {
  url: string;
  db: Database;
  storage: RecordingStorage;
  workers: WorkerPool;
  live: LiveCalls;
  cluster: ClusterCalls;
  accounts: Accounts;
  io: SignallingServer;
  /** SIGTERM: stops taking calls (/ready turns 503) and waits for the live ones to end, at most `limitMs`; then close(). */
  drain(limitMs: number): Promise<number>;
  close(): Promise<void>;
};

/** Programs the AI caller's embedded speech engines run; /ready reports any missing. */
const SPEECH_ENGINES = ['/usr/bin/flite', '/usr/bin/sox'];

/** Assembles ringdown around a migrated database and starts listening. */
export async function startServer(config: Config, logger: Logger, databaseUrl: string): Promise<RunningServer> {
  const learning = performance.now();
  // Trained (or loaded from their caches) before the server takes calls: training blocks the
  // event loop for seconds, which mid-call would stall every call's audio.
  intentModel();
  natureModel();
  entityTagger();
  logger.info({ ms: Math.round(performance.now() - learning) }, 'intent and nature models and the entity tagger ready');
  const state = await createSharedState(config.redisUrl, (error) => logger.warn({ err: error }, 'redis connection error'));
  const db = new Database(databaseUrl);
  const { storage, signer } = await openStorage(config);
  const sessions = new SessionStore(state, config.sessionTtlMs);
  const workers = await WorkerPool.create({ ...config.mediasoup, logger: logger.child({ module: 'sfu' }) });
  const unwatchWorkers = watchWorkers(() => workers.usage());

  const codecs = await CodecPool.create();
  const vad = await SileroModel.load();
  const recognizer = config.llm?.transcriptionModel
    ? new OpenAIRecognizer({ baseURL: config.llm.baseUrl, apiKey: config.llm.apiKey, model: config.llm.transcriptionModel })
    : new PocketSphinxRecognizer();
  const embeddedSpeech = new FliteSynthesizer();
  const synthesizer = config.llm?.speechModel
    ? new OpenAISynthesizer({ baseURL: config.llm.baseUrl, apiKey: config.llm.apiKey, model: config.llm.speechModel })
    : config.coquiTtsUrl
      ? new CoquiSynthesizer(config.coquiTtsUrl)
      : embeddedSpeech;
  // A hosted voice that fails mid-call gives way to the embedded one, sentence by sentence.
  const fallbackSynthesizer = synthesizer === embeddedSpeech ? undefined : embeddedSpeech;
  const llm = config.llm && { baseUrl: config.llm.baseUrl, apiKey: config.llm.apiKey, model: config.llm.model };
  const realtime = config.llm?.realtime && {
    endpoint: { baseUrl: config.llm.baseUrl, apiKey: config.llm.apiKey, model: config.llm.realtime.model, ca: config.llm.realtime.caFile && (await readFile(config.llm.realtime.caFile, 'utf8')) },
    voice: config.llm.realtime.voice,
    // The session transcribes the trainee for the transcript; whisper-1 is the name most compatible endpoints serve.
    transcriptionModel: config.llm.transcriptionModel ?? 'whisper-1',
  };

  let io: SignallingServer | undefined;
  const floor = new FloorBoard(
    state,
    (entry) => io?.to(rooms.floor).emit('floor:call', entry),
    (error) => logger.warn({ err: error }, 'floor board entry not shared'),
  );
  const notifier = socketNotifier(() => io, floor);
  const live = new LiveCalls({
    db,
    state,
    storage,
    workers,
    codecs,
    createCaller: (scenario, seed, { player, now }) => {
      const embedded = (mind?: CallerMind) => createAiCaller({ scenario, seed, vad, recognizer, synthesizer, fallbackSynthesizer, llm, player, mind, now });
      return realtime ? RealtimeCaller.create({ scenario, seed, ...realtime, player, fallback: embedded, now }) : embedded();
    },
    onFallback: countFallback,
    createTranscriber: (scenario) => new Transcriber({ vad: vad.stream(), recognizer: recognizer.prepare(vocabularyOf(scenario)) }),
    synthesizer,
    notifier,
    listenIps: listenIpsFor(
      { host: config.host, announcedIp: config.mediasoup.announcedIp, loopbackOnly: config.mediasoup.loopbackOnly },
      Object.values(networkInterfaces()).flat().filter((i) => i !== undefined),
    ),
    dataDir: config.dataDir,
    logger: logger.child({ module: 'live' }),
    reconnectGraceMs: config.reconnectGraceMs,
    mediaConnectTimeoutMs: config.mediaConnectTimeoutMs,
    showMonitored: config.showMonitored,
    onCallsChanged: () => void load.publish(),
  });
  const load = new ClusterLoad(state, live.carrier, () => live.count, logger.child({ module: 'cluster' }));
  const cluster = new ClusterCalls(live, live.leases, load, state, logger.child({ module: 'cluster' }));
  const recovered = await live.recover();
  if (recovered.journalled || recovered.recordings || recovered.stuck) logger.warn(recovered, 'finished what a previous run left: journalled writes, recordings, stuck calls');
  await cluster.start();
  // A call ended over REST ends where its media runs.
  const ender = { finish: (id: string, end: Parameters<LiveCalls['finish']>[1]) => cluster.run('finish', id, end), settled: () => live.settled() };
  const calls = new CallService(db, storage, notifier, ender, config.signedUrlTtlMs, config.showMonitored);
  const accounts = new Accounts({
    db,
    sessions,
    inviteTtlMs: config.inviteTtlMs,
    // Through the adapter, so a socket held by another process is closed too.
    endSockets: async (userId) => {
      io?.in(rooms.user(userId)).disconnectSockets(true);
    },
  });

  const readiness = new Readiness()
    .add('database', () => db.ping())
    .add('storage', async () => {
      await storage.ping();
      return { kind: storage.kind };
    })
    .add('mediasoupWorkers', () => workers.check())
    .add('mediaCapacity', async () => workers.capacity())
    .add('speechEngines', async () => void (await Promise.all(SPEECH_ENGINES.map((bin) => access(bin, constants.X_OK)))));
  if (state.kind === 'redis') readiness.add('redis', () => state.ping());
  if (config.llm) {
    const { baseUrl, apiKey, model, transcriptionModel, speechModel, realtime: realtimeModel } = config.llm;
    const models = [model, transcriptionModel, speechModel, realtimeModel?.model].filter((m): m is string => Boolean(m));
    readiness.add('llm', () => probeModels(baseUrl, apiKey, models));
  }
  if (config.coquiTtsUrl && !config.llm?.speechModel) readiness.add('coqui', () => probeCoqui(config.coquiTtsUrl as string));
  readiness.add('takingCalls', async () => {
    if (cluster.draining) throw new Error('draining: this server takes no new calls');
  });

  const secure = servesHttps(config);
  const origins = new OriginPolicy(config.publicUrl);
  const app = createApp({
    logger,
    db,
    sessions,
    loginThrottle: new LoginThrottle(state, config.login),
    origins,
    calls,
    accounts,
    sso: config.oidc && new SingleSignOn(config.oidc, state),
    publicUrl: config.publicUrl,
    storage,
    signer,
    readiness,
    metricsToken: config.metricsToken,
    bodyLimitBytes: config.bodyLimitBytes,
    secureCookies: secure,
    mediaOrigins: config.s3 ? [new URL(config.s3.endPoint).origin] : [],
    clientDir: path.join(PROJECT_ROOT, 'dist/client'),
  });
  const server = secure
    ? https.createServer(await loadOrCreateCertificate(config.tls, path.join(config.dataDir, 'tls'), config.host), app)
    : http.createServer(app);
  io = await createSignalling(server, {
    sessions,
    calls,
    live: cluster,
    floor,
    state,
    logger,
    allowRequest: origins.allowRequest,
    requestsPerSecond: config.socketRequestsPerSecond,
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = siteOrigin(config, port);

  let closing: Promise<void> | undefined;
  return {
    url,
    db,
    storage,
    workers,
    live,
    cluster,
    accounts,
    io,
    drain: (limitMs) => cluster.drain(limitMs),
    close: () =>
      (closing ??= (async () => {
        await cluster.stop();
        await live.closeAll('the server shut down');
        await io.close(); // also closes the HTTP server
        await codecs.close();
        await vad.close();
        unwatchWorkers();
        workers.close();
        await db.close();
        await state.close();
      })()),
  };
}
