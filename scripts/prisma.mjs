#!/usr/bin/env node
// `node scripts/prisma.mjs <args>`: the Prisma CLI, with a schema engine that needs no download.
// The native engine cannot be fetched here, so unless PRISMA_SCHEMA_ENGINE_BINARY is set or a
// downloaded engine sits in @prisma/engines, the wasm stand-in in prisma/engine/ is used.
import { spawn } from 'node:child_process';
import { accessSync, chmodSync, constants as fsConstants, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const prismaDir = path.dirname(require.resolve('prisma/package.json'));
const env = { CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1', ...process.env };

if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !env.PRISMA_MIGRATION_ENGINE_BINARY && !hasDownloadedEngine()) {
  const standIn = path.join(root, 'prisma/engine/schema-engine.mjs');
  // The CLI executes the file itself: a checkout may have lost its executable bit.
  try {
    accessSync(standIn, fsConstants.X_OK);
  } catch {
    chmodSync(standIn, 0o755);
  }
  env.PRISMA_SCHEMA_ENGINE_BINARY = standIn;
}

const child = spawn(process.execPath, [path.join(prismaDir, 'build/index.js'), ...process.argv.slice(2)], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));

/** Where the network allowed `@prisma/engines` to download the native engine, use it. */
function hasDownloadedEngine() {
  try {
    const enginesDir = path.dirname(createRequire(path.join(prismaDir, 'package.json')).resolve('@prisma/engines/package.json'));
    return readdirSync(enginesDir).some((file) => file.startsWith('schema-engine-'));
  } catch {
    return false;
  }
}
