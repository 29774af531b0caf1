import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { Role } from '../protocol/roles.js';

// The only module that reads process.env. Everything else receives the frozen Config.

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const optionalString = z.string().optional();
const optionalUrl = z.string().url().optional();
const bool = z.preprocess(
  (v) => (typeof v === 'string' ? ['1', 'true', 'yes', 'on'].includes(v.toLowerCase()) : v),
  z.boolean(),
);

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().default('localhost'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Public origin browsers use, when ringdown sits behind a proxy. */
    PUBLIC_URL: optionalUrl,
    TLS_CERT_FILE: optionalString,
    TLS_KEY_FILE: optionalString,
    DATA_DIR: z.string().default(path.join(PROJECT_ROOT, '.data')),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

    DATABASE_URL: optionalUrl,
    /** Unset: a free port at each start, so several clones (and the tests) never collide. */
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).optional(),

    REDIS_URL: optionalUrl,
    SESSION_TTL_MS: z.coerce.number().int().min(60_000).default(12 * 3600_000),
    /** Secret for signing local recording URLs; generated and kept in DATA_DIR when unset. */
    URL_SIGNING_SECRET: z.string().min(32).optional(),
    /** The bearer token Prometheus reads /metrics with; unset: /metrics is off. */
    METRICS_TOKEN: z.string().min(32).optional(),
    SIGNED_URL_TTL_MS: z.coerce.number().int().min(1000).max(7 * 24 * 3600_000).default(15 * 60_000),

    /** Where recordings are kept without S3: a folder every server process shares (default DATA_DIR/storage). */
    STORAGE_DIR: optionalString,
    S3_ENDPOINT: optionalUrl,
    S3_ACCESS_KEY: optionalString,
    S3_SECRET_KEY: optionalString,
    S3_BUCKET: z.string().default('ringdown'),
    S3_REGION: z.string().default('us-east-1'),

    OPENAI_BASE_URL: optionalUrl,
    OPENAI_API_KEY: optionalString,
    OPENAI_MODEL: z.string().default('openai/gpt-4o-mini'),
    /** With OPENAI_BASE_URL: recognise the trainee with this hosted transcription model instead of PocketSphinx. */
    OPENAI_TRANSCRIPTION_MODEL: optionalString,
    /** With OPENAI_BASE_URL: speak the caller with this hosted speech model (/v1/audio/speech). */
    OPENAI_TTS_MODEL: optionalString,
    /** With OPENAI_BASE_URL: the caller runs on this speech-to-speech model over the Realtime API instead of the embedded pipeline. */
    OPENAI_REALTIME_MODEL: optionalString,
    OPENAI_REALTIME_VOICE: optionalString,
    /** A private CA's certificate (PEM file) for a self-hosted Realtime endpoint: the SDK connects over wss only. */
    OPENAI_REALTIME_CA_FILE: optionalString,
    COQUI_TTS_URL: optionalUrl,

    MEDIASOUP_WORKER_BIN: z.string().default(
      path.join(PROJECT_ROOT, 'vendor/mediasoup-worker/usr/lib/x86_64-linux-gnu/mediasoup/mediasoup-worker'),
    ),
    RTC_MIN_PORT: z.coerce.number().int().min(1024).max(65535).default(40000),
    RTC_MAX_PORT: z.coerce.number().int().min(1024).max(65535).default(40999),
    /** The address put in ICE candidates; defaults to the bound host's address. */
    RTC_ANNOUNCED_IP: optionalString,
    /**
     * On localhost, keep media on 127.0.0.1 alone instead of also listening on this machine's
     * own address (which Firefox needs: it never pairs its address with a loopback candidate).
     */
    RTC_LOOPBACK_ONLY: bool.default(false),
    /** How long a trainee whose browser dropped may take to come back before the call is lost. */
    RECONNECT_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(15_000),
    /** How long an answered call waits for the trainee's audio to connect before it ends as a technical failure. */
    MEDIA_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
    /** Centre policy: the trainee's softphone shows "monitored" while someone listens in silently. */
    SHOW_MONITORED: bool.default(false),

    /** Password of the seeded demo accounts; generated and printed on first start when unset. */
    SEED_PASSWORD: z.string().min(8).optional(),
    /** The five demo accounts; unset: on, except with NODE_ENV=production (make the first admin with `ringdown users create`). */
    SEED_DEMO_USERS: bool.optional(),
    /** How long a one-time link to set a password stays valid. */
    INVITE_TTL_MS: z.coerce.number().int().min(1000).max(30 * 24 * 3600_000).default(7 * 24 * 3600_000),
    /** Single sign-on with an OpenID Connect provider: its issuer URL (discovery), and this client's credentials there. */
    OIDC_ISSUER: optionalUrl,
    OIDC_CLIENT_ID: optionalString,
    OIDC_CLIENT_SECRET: optionalString,
    OIDC_SCOPES: z.string().default('openid email profile'),
    /** The claim (a string or a list) that says a person's role. */
    OIDC_ROLE_CLAIM: z.string().default('groups'),
    /** Claim values to roles, `value=role,value=role`; a value that is a role's own name needs no entry. */
    OIDC_ROLE_MAP: z.string().default(''),
    /** Failed sign-ins on one account, and from one address, within LOGIN_WINDOW_MS before more are refused (429). */
    LOGIN_ACCOUNT_FAILURES: z.coerce.number().int().min(1).max(10_000).default(10),
    LOGIN_ADDRESS_FAILURES: z.coerce.number().int().min(1).max(100_000).default(100),
    LOGIN_WINDOW_MS: z.coerce.number().int().min(1000).max(7 * 24 * 3600_000).default(15 * 60_000),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(256 * 1024),
    /** Socket requests one connection may make per second; more are refused (`rate_limited`). */
    SOCKET_REQUESTS_PER_SECOND: z.coerce.number().int().min(1).max(1_000_000).default(50),
    /** On SIGTERM, how long live calls may go on before the process ends them and exits (keep the orchestrator's grace period longer). */
    /** Where `ringdown backup` and `restore` find pg_dump and pg_restore; unset: on PATH. */
    PG_BIN_DIR: optionalString,
    DRAIN_TIMEOUT_MS: z.coerce.number().int().min(0).max(24 * 3600_000).default(15 * 60_000),
  })
  .superRefine((env, ctx) => {
    if (env.S3_ENDPOINT && !(env.S3_ACCESS_KEY && env.S3_SECRET_KEY)) {
      ctx.addIssue({ code: 'custom', path: ['S3_ACCESS_KEY'], message: 'S3_ACCESS_KEY and S3_SECRET_KEY are required with S3_ENDPOINT' });
    }
    if (env.OPENAI_BASE_URL && !env.OPENAI_API_KEY) {
      ctx.addIssue({ code: 'custom', path: ['OPENAI_API_KEY'], message: 'required with OPENAI_BASE_URL' });
    }
    if (env.OPENAI_REALTIME_MODEL && !env.OPENAI_BASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['OPENAI_BASE_URL'], message: 'required with OPENAI_REALTIME_MODEL' });
    }
    if (Boolean(env.TLS_CERT_FILE) !== Boolean(env.TLS_KEY_FILE)) {
      ctx.addIssue({ code: 'custom', path: ['TLS_KEY_FILE'], message: 'TLS_CERT_FILE and TLS_KEY_FILE go together' });
    }
    if (env.OIDC_ISSUER && !(env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET)) {
      ctx.addIssue({ code: 'custom', path: ['OIDC_CLIENT_ID'], message: 'OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required with OIDC_ISSUER' });
    }
    if (parseRoleMap(env.OIDC_ROLE_MAP) === null) {
      ctx.addIssue({ code: 'custom', path: ['OIDC_ROLE_MAP'], message: 'write value=role pairs separated by commas; roles: trainee, supervisor, instructor, admin' });
    }
    if (env.RTC_MIN_PORT > env.RTC_MAX_PORT) {
      ctx.addIssue({ code: 'custom', path: ['RTC_MIN_PORT'], message: 'must not be above RTC_MAX_PORT' });
    }
  });

type Env = z.infer<typeof EnvSchema>;

/** `OIDC_ROLE_MAP` as claim value -> role; null when it is malformed. */
function parseRoleMap(text: string): Record<string, Role> | null {
  const map: Record<string, Role> = {};
  for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = pair.lastIndexOf('=');
    const value = pair.slice(0, at).trim();
    const role = pair.slice(at + 1).trim();
    if (at <= 0 || !value || !Role.safeParse(role).success) return null;
    map[value] = role as Role;
  }
  return map;
}

export type Config = Readonly<{
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  publicUrl: string | undefined;
  tls: { certFile: string; keyFile: string } | undefined;
  dataDir: string;
  logLevel: Env['LOG_LEVEL'];
  databaseUrl: string | undefined;
  embeddedPgPort: number | undefined;
  redisUrl: string | undefined;
  sessionTtlMs: number;
  inviteTtlMs: number;
  urlSigningSecret: string | undefined;
  metricsToken: string | undefined;
  signedUrlTtlMs: number;
  storageDir: string;
  s3: { endPoint: string; accessKey: string; secretKey: string; bucket: string; region: string } | undefined;
  llm:
    | {
        baseUrl: string;
        apiKey: string;
        model: string;
        transcriptionModel: string | undefined;
        speechModel: string | undefined;
        realtime: { model: string; voice: string | undefined; caFile: string | undefined } | undefined;
      }
    | undefined;
  coquiTtsUrl: string | undefined;
  mediasoup: { workerBin: string; rtcMinPort: number; rtcMaxPort: number; announcedIp: string | undefined; loopbackOnly: boolean };
  reconnectGraceMs: number;
  mediaConnectTimeoutMs: number;
  showMonitored: boolean;
  seed: { password: string | undefined; demoUsers: boolean };
  oidc: { issuer: string; clientId: string; clientSecret: string; scopes: string; roleClaim: string; roleMap: Record<string, Role> } | undefined;
  bodyLimitBytes: number;
  login: { accountFailures: number; addressFailures: number; windowMs: number };
  socketRequestsPerSecond: number;
  drainTimeoutMs: number;
  pgBinDir: string | undefined;
}>;

export class ConfigError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads `.env` (if present) under the environment: real environment variables win. */
export function readEnvFile(file = path.join(PROJECT_ROOT, '.env')): Record<string, string> {
  if (!existsSync(file)) return {};
  return parseEnv(readFileSync(file, 'utf8')) as Record<string, string>;
}

export function loadConfig(source: Record<string, string | undefined> = { ...readEnvFile(), ...process.env }): Config {
  // An empty variable (`PORT=` in .env) means unset, not zero or "".
  const set = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = EnvSchema.safeParse(set);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), message: i.message })));
  }
  const e = parsed.data;
  return Object.freeze({
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL,
    tls: e.TLS_CERT_FILE && e.TLS_KEY_FILE ? { certFile: e.TLS_CERT_FILE, keyFile: e.TLS_KEY_FILE } : undefined,
    dataDir: path.resolve(e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    redisUrl: e.REDIS_URL,
    sessionTtlMs: e.SESSION_TTL_MS,
    inviteTtlMs: e.INVITE_TTL_MS,
    urlSigningSecret: e.URL_SIGNING_SECRET,
    metricsToken: e.METRICS_TOKEN,
    signedUrlTtlMs: e.SIGNED_URL_TTL_MS,
    storageDir: path.resolve(e.STORAGE_DIR ?? path.join(e.DATA_DIR, 'storage')),
    s3:
      e.S3_ENDPOINT && e.S3_ACCESS_KEY && e.S3_SECRET_KEY
        ? { endPoint: e.S3_ENDPOINT, accessKey: e.S3_ACCESS_KEY, secretKey: e.S3_SECRET_KEY, bucket: e.S3_BUCKET, region: e.S3_REGION }
        : undefined,
    llm:
      e.OPENAI_BASE_URL && e.OPENAI_API_KEY
        ? {
            baseUrl: e.OPENAI_BASE_URL,
            apiKey: e.OPENAI_API_KEY,
            model: e.OPENAI_MODEL,
            transcriptionModel: e.OPENAI_TRANSCRIPTION_MODEL,
            speechModel: e.OPENAI_TTS_MODEL,
            realtime: e.OPENAI_REALTIME_MODEL ? { model: e.OPENAI_REALTIME_MODEL, voice: e.OPENAI_REALTIME_VOICE, caFile: e.OPENAI_REALTIME_CA_FILE } : undefined,
          }
        : undefined,
    coquiTtsUrl: e.COQUI_TTS_URL,
    mediasoup: { workerBin: e.MEDIASOUP_WORKER_BIN, rtcMinPort: e.RTC_MIN_PORT, rtcMaxPort: e.RTC_MAX_PORT, announcedIp: e.RTC_ANNOUNCED_IP, loopbackOnly: e.RTC_LOOPBACK_ONLY },
    reconnectGraceMs: e.RECONNECT_GRACE_MS,
    mediaConnectTimeoutMs: e.MEDIA_CONNECT_TIMEOUT_MS,
    showMonitored: e.SHOW_MONITORED,
    seed: { password: e.SEED_PASSWORD, demoUsers: e.SEED_DEMO_USERS ?? e.NODE_ENV !== 'production' },
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET, scopes: e.OIDC_SCOPES, roleClaim: e.OIDC_ROLE_CLAIM, roleMap: parseRoleMap(e.OIDC_ROLE_MAP)! }
        : undefined,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    login: { accountFailures: e.LOGIN_ACCOUNT_FAILURES, addressFailures: e.LOGIN_ADDRESS_FAILURES, windowMs: e.LOGIN_WINDOW_MS },
    socketRequestsPerSecond: e.SOCKET_REQUESTS_PER_SECOND,
    drainTimeoutMs: e.DRAIN_TIMEOUT_MS,
    pgBinDir: e.PG_BIN_DIR,
  });
}
