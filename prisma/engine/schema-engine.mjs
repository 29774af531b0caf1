#!/usr/bin/env node
// A stand-in for Prisma's native schema engine, which cannot be downloaded here. It speaks the
// same command line and JSON-RPC over stdio as the binary the Prisma CLI spawns, and runs
// @prisma/schema-engine-wasm against PostgreSQL through @prisma/adapter-pg.
// scripts/prisma.mjs points PRISMA_SCHEMA_ENGINE_BINARY here when nothing else is set.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';

const require = createRequire(import.meta.url);
const CHAR_OID = 18; // Postgres' internal one-byte "char" (pg_class.relkind, ...): adapter-pg rejects it
const TEXT_OID = 25;
const COLUMN_TYPE_CHARACTER = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils

const args = parseArgs(process.argv.slice(2));
const datasource = args.datasource ? JSON.parse(args.datasource) : {};

function parseArgs(argv) {
  const out = { datamodels: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--datamodels') out.datamodels.push(argv[++i]);
    else if (arg === '--datasource') out.datasource = argv[++i];
    else if (arg === '--enabled-preview-features' || arg === '--extension-types') i++;
    else if (arg === '--version' || arg === '-V') out.version = true;
    else if (arg === '--help' || arg === '-h') out.help = true;
    else if (arg === 'cli') out.cli = argv[++i];
    else fail(`unexpected argument ${arg}`);
  }
  return out;
}

/** One tracing-style JSON line on stderr, the format the Prisma CLI parses. */
function log(level, fields) {
  process.stderr.write(JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target: 'schema_engine::logger' }) + '\n');
}

function fail(message) {
  log('ERROR', { message });
  process.exit(1);
}

async function loadWasm() {
  const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
  const bindings = await import(pathToFileURL(path.join(dir, 'schema_engine_bg.js')).href);
  const module = new WebAssembly.Module(readFileSync(path.join(dir, 'schema_engine_bg.wasm')));
  const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': bindings });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bindings;
}

// ---- `schema-engine cli <command>`: one-shot database commands, no RPC ----

/** Exit code 1 with a P-coded error line, which is what the CLI looks for on stderr. */
async function runCli(command, url) {
  if (!url) fail('no datasource url');
  // The CLI skips the first stderr line.
  log('INFO', { message: `Starting schema engine CLI: ${command}` });
  const { name, adminUrl } = databaseOf(url);
  try {
    if (command === 'can-connect-to-database') await withClient(url, () => {});
    else if (command === 'create-database') await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
    else if (command === 'drop-database') await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`));
    else fail(`unknown cli command ${command}`);
    if (command === 'create-database') process.stdout.write(`Database '${name}' was successfully created.\n`);
    return 0;
  } catch (error) {
    const { code, message } = knownError(error, url);
    process.stderr.write(JSON.stringify({ timestamp: new Date().toISOString(), level: 'ERROR', fields: { error_code: code, message }, target: 'schema_engine::logger' }));
    return 1;
  }
}

function knownError(error, url) {
  const u = new URL(url);
  const at = `${u.hostname}:${u.port || 5432}`;
  const database = decodeURIComponent(u.pathname.slice(1));
  switch (error?.code) {
    case '3D000': return { code: 'P1003', message: `Database \`${database}\` does not exist on the database server at \`${at}\`.` };
    case '42P04': return { code: 'P1009', message: `Database \`${database}\` already exists on the database server at \`${at}\`` };
    case '28P01':
    case '28000': return { code: 'P1000', message: `Authentication failed against database server at \`${at}\`, the provided database credentials for \`${decodeURIComponent(u.username)}\` are not valid.` };
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'ETIMEDOUT': return { code: 'P1001', message: `Can't reach database server at \`${at}\`` };
    default: return { code: undefined, message: String(error?.message ?? error) };
  }
}

/** The database a URL names, and a URL to the same server's maintenance database. */
function databaseOf(url) {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1)) || 'postgres';
  u.pathname = '/postgres';
  return { name, adminUrl: u.href };
}

async function withClient(url, fn) {
  const client = new pg.Client(pgConfig(url).config);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** `?schema=` is Prisma's, not libpq's: it becomes adapter-pg's `schema` option. */
function pgConfig(url) {
  const u = new URL(url);
  const schema = u.searchParams.get('schema') ?? undefined;
  u.searchParams.delete('schema');
  return { config: { connectionString: u.href }, schema };
}

// ---- driver adapter for the wasm engine ----

/** adapter-pg, with fixes the schema engine needs (see the comments below). */
class MigrationAdapterFactory {
  provider = 'postgres';
  adapterName = '@prisma/adapter-pg';
  #shadowDatabases = new Set();

  constructor(url, shadowUrl) {
    this.url = url;
    this.shadowUrl = shadowUrl;
  }

  async connect() {
    if (!this.url) throw new Error('This command needs a database: set datasource.url in prisma.config.ts');
    return open(this.url);
  }

  async connectToShadowDb() {
    if (this.shadowUrl) {
      const shadow = await open(this.shadowUrl);
      const schema = shadow.getConnectionInfo().schemaName ?? 'public';
      // Like the native engine: an external shadow database is emptied before use.
      await shadow.executeScript(`DROP SCHEMA IF EXISTS "${schema}" CASCADE; CREATE SCHEMA "${schema}";`);
      return shadow;
    }
    const admin = await this.connect();
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    await admin.executeScript(`CREATE DATABASE "${name}"`);
    this.#shadowDatabases.add(name);
    // adapter-pg spreads `database` next to `connectionString`, and pg lets the connection
    // string win, so its own shadow pool lands in the main database: build a URL instead.
    const u = new URL(this.url);
    u.pathname = `/${name}`;
    const shadow = await open(u.href);
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      // Close the shadow pool first: Postgres will not drop a database with sessions in it.
      try {
        await dispose();
      } finally {
        await admin.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        this.#shadowDatabases.delete(name);
        await admin.dispose();
      }
    };
    return shadow;
  }

  /** Drops shadow databases the engine never released (it failed mid-way). */
  async cleanup() {
    if (this.#shadowDatabases.size === 0) return;
    await withClient(databaseOf(this.url).adminUrl, async (client) => {
      for (const name of this.#shadowDatabases) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
  }
}

async function open(url) {
  const { config, schema } = pgConfig(url);
  const adapter = await new PrismaPg(config, schema ? { schema } : undefined).connect();
  patchQueryable(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...a) => patchQueryable(await startTransaction(...a));
  // adapter-pg splits scripts on ';', which breaks on functions and string literals; a
  // migration script goes to Postgres whole, as the native engine sends it.
  adapter.executeScript = async (script) => {
    try {
      await adapter.client.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

/** Reads "char" columns as text and reports them as Character, which the engine expects. */
function patchQueryable(queryable) {
  const queryRaw = queryable.queryRaw;
  queryable.queryRaw = async (query) => {
    const charColumns = [];
    const view = Object.create(queryable, {
      performIO: {
        value: async (q) => {
          const result = await queryable.performIO(q);
          result.fields.forEach((field, i) => {
            if (field.dataTypeID === CHAR_OID) {
              charColumns.push(i);
              field.dataTypeID = TEXT_OID;
            }
          });
          return result;
        },
      },
    });
    const result = await queryRaw.call(view, query);
    for (const i of charColumns) result.columnTypes[i] = COLUMN_TYPE_CHARACTER;
    return result;
  };
  return queryable;
}

// ---- JSON-RPC over stdio ----

async function serveRpc() {
  // The wasm engine reports panics through this global; without it a panic is a TypeError.
  let panic;
  globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message: (message) => (panic = message) };
  const { SchemaEngine } = await loadWasm();
  const utils = await import(pathToFileURL(createRequire(require.resolve('@prisma/adapter-pg')).resolve('@prisma/driver-adapter-utils')).href);
  const factory = new MigrationAdapterFactory(datasource.url, datasource.shadowDatabaseUrl);
  const datamodels = args.datamodels.length ? args.datamodels.map((file) => [file, readFileSync(file, 'utf8')]) : undefined;
  const bound = utils.bindMigrationAwareSqlAdapterFactory(factory);
  // The engine reports a JavaScript error thrown inside the adapter as "External error id#N".
  const explain = (error) => {
    const id = /External error id#(\d+)/.exec(String(error?.message ?? error))?.[1];
    const original = id === undefined ? undefined : bound.errorRegistry.consumeError(Number(id))?.error;
    return original ?? error;
  };
  // The wasm engine connects at once. The native one connects lazily and reports a bad URL per
  // request; the CLI relies on that (it exits 0, silently, if the engine dies before replying).
  let engine;
  let startupError;
  try {
    engine = await SchemaEngine.new({ datamodels }, (line) => forwardEngineLog(line), bound);
  } catch (error) {
    startupError = explain(error);
  }

  const methods = {
    getDatabaseVersion: (params) => engine.version(params),
    createDatabase: (params) => createDatabase(params),
    evaluateDataLoss: (params) => withShadowSchema(params, () => engine.evaluateDataLoss(params)),
    createMigration: (params) => withShadowSchema(params, () => engine.createMigration(params)),
    // The native engine prints the diff through a `print` request to the CLI; the wasm one returns it.
    diff: async (params) => {
      const result = await engine.diff(params);
      if (result.stdout !== null && result.stdout !== undefined) {
        send({ jsonrpc: '2.0', id: nextPrintId++, method: 'print', params: { content: result.stdout.replace(/\n$/, '') } });
      }
      return { ...result, stdout: null };
    },
  };
  let nextPrintId = 1_000_000;

  // These two commands replay the migrations only through a cache that diagnoseMigrationHistory
  // fills, and `migrate dev` on a new database never fills it (nothing was applied yet when it
  // diagnosed). Fill it now that the migrations are applied, then try again.
  async function withShadowSchema({ migrationsList, filters }, command) {
    try {
      return await command();
    } catch (error) {
      if (!String(error?.message).includes('shadow DB must be provided through an external factory')) throw error;
      await engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: true, filters });
      return command();
    }
  }
  let queue = Promise.resolve();
  const input = createInterface({ input: process.stdin, crlfDelay: Infinity });
  input.on('line', (line) => {
    if (!line.trim()) return;
    const request = JSON.parse(line);
    if (request.method === undefined) return; // a reply to a request of ours: we send none
    queue = queue.then(async () => {
      panic = undefined;
      let reply;
      try {
        if (startupError && request.method !== 'createDatabase') throw startupError;
        const call = methods[request.method] ?? (typeof engine[request.method] === 'function' ? (p) => engine[request.method](p) : undefined);
        if (!call) throw Object.assign(new Error(`Method not found: ${request.method}`), { rpcCode: -32601 });
        const result = await call(request.params);
        reply = { jsonrpc: '2.0', id: request.id, result: result ?? null };
      } catch (error) {
        reply = { jsonrpc: '2.0', id: request.id, error: rpcError(explain(error), panic) };
      }
      // Nothing in the wasm engine is safe to call after a panic.
      if (panic !== undefined) startupError ??= new Error(`the schema engine panicked earlier: ${panic}`);
      send(reply);
    });
  });
  input.on('close', async () => {
    await queue;
    await factory.cleanup().catch((error) => log('WARN', { message: `could not drop a shadow database: ${error.message}` }));
    process.exit(0);
  });
}

function send(message) {
  process.stdout.write(JSON.stringify(message) + '\n');
}

async function createDatabase(params) {
  const target = params?.datasource;
  const url = target?.tag === 'ConnectionString' ? target.url : datasource.url;
  const { name, adminUrl } = databaseOf(url);
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
  return { databaseName: name };
}

/** The error shape of the native engine: user-facing errors carry a P-code in data.error_code. */
function rpcError(error, panic) {
  if (error?.rpcCode) return { code: error.rpcCode, message: error.message };
  const known = typeof error === 'object' && error !== null ? error : {};
  const message = panic ?? known.message ?? String(error);
  const data = { is_panic: panic !== undefined, message };
  const code = /^P\d{4}$/.test(known.code) ? known.code : connectionErrorCode(message);
  if (code) data.error_code = code;
  return { code: 4466, message: 'An error happened. Check the data field for details.', data };
}

/** The wasm engine words connection failures like the native one but drops their P-codes. */
function connectionErrorCode(message) {
  if (message.startsWith("Can't reach database server")) return 'P1001';
  if (/^Database `.*` does not exist/.test(message)) return 'P1003';
  if (message.startsWith('Authentication failed')) return 'P1000';
  return undefined;
}

function forwardEngineLog(line) {
  try {
    const parsed = typeof line === 'string' ? JSON.parse(line) : line;
    process.stderr.write(JSON.stringify({ target: 'schema_engine::logger', ...parsed }) + '\n');
  } catch {
    log('INFO', { message: String(line) });
  }
}

// ---- entry point (last, so every class above is initialised) ----

try {
  if (args.help) {
    process.stdout.write('schema-engine (wasm stand-in)\n  --datamodels <file>... --datasource <json> [cli <can-connect-to-database|create-database|drop-database>]\n');
  } else if (args.version) {
    const { version } = await loadWasm();
    process.stdout.write(`schema-engine-cli ${version()}\n`);
  } else if (args.cli) {
    process.exitCode = await runCli(args.cli, datasource.url);
  } else {
    await serveRpc();
  }
} catch (error) {
  fail(error?.message ?? String(error));
}
