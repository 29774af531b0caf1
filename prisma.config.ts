import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { defineConfig } from 'prisma/config';

// Prisma 7 reads its connection URL here, not from schema.prisma. Run the CLI through
// scripts/prisma.mjs, which supplies the offline schema engine (prisma/engine/).

const envFile = path.join(import.meta.dirname, '.env');
const fromFile = existsSync(envFile) ? parseEnv(readFileSync(envFile, 'utf8')) : {};
// Real environment variables win over .env; an empty value means unset (as in the server's config).
const databaseUrl = process.env.DATABASE_URL || fromFile.DATABASE_URL || undefined;

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  // Optional: `prisma generate` needs no database.
  datasource: databaseUrl ? { url: databaseUrl } : undefined,
});
