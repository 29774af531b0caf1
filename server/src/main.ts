// `npm start`: ringdown on its embedded defaults, or on the services the environment names.
import path from 'node:path';
import { ConfigError, loadConfig, PROJECT_ROOT, type Config } from './config/config.js';
import { loadOrCreateLocalSecret } from './config/local-secrets.js';
import { EmbeddedDatabase, EmbeddedDatabaseError } from './db/embedded.js';
import { applyMigrations } from './db/migrate.js';
import { seed } from './db/seed.js';
import { createLogger } from './logger.js';
import { startServer, type RunningServer } from './server.js';

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(78); // EX_CONFIG
}
process.env.MEDIASOUP_WORKER_BIN = config.mediasoup.workerBin; // read by mediasoup when first imported

const logger = createLogger(config.logLevel);
let embedded: EmbeddedDatabase | undefined;
let server: RunningServer | undefined;

async function shutdown(signal: string): Promise<void> {
  // SIGTERM (an orchestrator replacing this process): no new calls come here and /ready says
  // so, but the calls under way go on until they end, or DRAIN_TIMEOUT_MS. Ctrl-C stops at once.
  if (signal === 'SIGTERM' && server) {
    logger.info({ limitMs: config.drainTimeoutMs }, 'draining: no new calls; live calls go on');
    const left = await server.drain(config.drainTimeoutMs);
    logger.info({ left }, 'drained');
  }
  logger.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(1), 10_000).unref();
  await server?.close().catch((error: unknown) => logger.error({ err: error }, 'server close failed'));
  await embedded?.stop().catch((error: unknown) => logger.error({ err: error }, 'database stop failed'));
  clearTimeout(force);
  process.exit(0);
}
// Ctrl-C reaches this process twice (from the terminal, and relayed by tsx): the second must
// not cut the first's shutdown short.
let shuttingDown: Promise<void> | undefined;
process.on('SIGINT', () => void (shuttingDown ??= shutdown('SIGINT')));
process.on('SIGTERM', () => void (shuttingDown ??= shutdown('SIGTERM')));

try {
  if (!config.databaseUrl) {
    embedded = await EmbeddedDatabase.start({ dataDir: path.join(config.dataDir, 'postgres'), port: config.embeddedPgPort, logger });
  }
  const databaseUrl = config.databaseUrl ?? embedded!.url;
  await applyMigrations(databaseUrl);

  // A production install has no demo accounts, whatever SEED_PASSWORD says.
  let demoPassword = config.seed.demoUsers ? config.seed.password : undefined;
  let newPassword = false;
  if (config.seed.demoUsers && !demoPassword) {
    const secret = await loadOrCreateLocalSecret(config.dataDir, 'demo-password', 9);
    demoPassword = secret.value;
    newPassword = secret.created;
  }
  server = await startServer(config, logger, databaseUrl);
  const seeded = await seed(server.db, { scenarioDir: path.join(PROJECT_ROOT, 'prisma/scenarios'), demoPassword });
  logger.info({ url: server.url, scenarios: seeded.scenarios, database: embedded ? 'embedded' : 'external' }, 'ringdown is ready');

  const lines = [`\n  ringdown is running: open ${server.url}\n`];
  if (config.seed.demoUsers) {
    lines.push(`  Demo accounts: trainee@ringdown.local, supervisor@ringdown.local, instructor@ringdown.local, admin@ringdown.local`);
    lines.push(
      config.seed.password
        ? `  Password: the SEED_PASSWORD you set.`
        : `  Password: ${demoPassword}${newPassword ? ' (generated now; kept in ' + path.join(config.dataDir, 'secrets/demo-password') + ')' : ''}`,
    );
  }
  if ((await server.db.users.count()) === 0) {
    lines.push('  No accounts yet: make the first admin with');
    lines.push('    npx ringdown users create --role admin --email you@example.org --name "Your Name"');
  }
  lines.push('  Press Ctrl-C to stop.\n');
  process.stderr.write(lines.join('\n') + '\n');
} catch (error) {
  if (error instanceof EmbeddedDatabaseError) {
    // The operator's problem, not a bug: what went wrong and what to do, without a stack.
    logger.fatal({ error: error.message }, 'the embedded database did not start');
    process.stderr.write(`\n  ringdown could not start its embedded PostgreSQL: ${error.message}\n  What to do: ${error.hint}.\n\n`);
  } else {
    logger.fatal({ err: error }, 'ringdown failed to start');
  }
  await server?.close().catch(() => {});
  await embedded?.stop().catch(() => {});
  process.exit(1);
}
