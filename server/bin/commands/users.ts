import path from 'node:path';
import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { SessionStore } from '../../src/auth/sessions.js';
import { Database } from '../../src/db/database.js';
import { EmbeddedDatabase, EmbeddedDatabaseError } from '../../src/db/embedded.js';
import { applyMigrations } from '../../src/db/migrate.js';
import { AppError, describeZodIssues } from '../../src/errors.js';
import { CreateUserBody, NewPassword } from '../../src/protocol/users.js';
import { MemoryState } from '../../src/state/state.js';
import { siteOrigin } from '../../src/tls.js';
import { Accounts } from '../../src/users/accounts.js';
import { CONFIG_EXIT, configOrExit, type CliIo, type Command } from './command.js';

const USAGE = `usage: ringdown users create --role trainee|supervisor|instructor|admin --email <email> --name <name> [--password-stdin]

Makes an account on this install's database (DATABASE_URL, or the embedded one in DATA_DIR while
ringdown is stopped), the same way an admin does in the app, and prints a one-time link that
lets its owner set a password (valid INVITE_TTL_MS, 7 days unless set). With --password-stdin
the password is read from the first line of stdin instead, and no link is made. This is how a
production install (NODE_ENV=production: no demo accounts) gets its first admin.`;

async function run(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: { role: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
    });
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.join(' ') !== 'create') {
    io.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const input = CreateUserBody.safeParse({ role: values.role, email: values.email, name: values.name });
  if (!input.success) {
    io.stderr.write(`ringdown users create: ${describeZodIssues(input.error.issues)}\n`);
    return 2;
  }
  let password: string | undefined;
  if (values['password-stdin']) {
    const checked = NewPassword.safeParse((await text(io.stdin)).split(/\r?\n/)[0] ?? '');
    if (!checked.success) {
      io.stderr.write(`ringdown users create: password: ${describeZodIssues(checked.error.issues)}\n`);
      return 2;
    }
    password = checked.data;
  }

  const config = configOrExit(io);
  if (!config) return CONFIG_EXIT;
  let embedded: EmbeddedDatabase | undefined;
  let db: Database | undefined;
  try {
    if (!config.databaseUrl) embedded = await EmbeddedDatabase.start({ dataDir: path.join(config.dataDir, 'postgres'), port: config.embeddedPgPort });
    const url = config.databaseUrl ?? embedded!.url;
    await applyMigrations(url);
    db = new Database(url);
    // Nobody is signed in to a new account, so there are no sessions or sockets to end.
    const accounts = new Accounts({ db, sessions: new SessionStore(new MemoryState(), config.sessionTtlMs), endSockets: async () => {}, inviteTtlMs: config.inviteTtlMs });
    const created = await accounts.create(null, { ...input.data, ...(password === undefined ? {} : { password }) });
    const { user } = created;
    io.stdout.write(`Created ${user.role} ${user.name} <${user.email}> (${user.id}).\n`);
    if (created.invite) {
      io.stdout.write(`One-time link to set the password (valid until ${created.invite.expiresAt}):\n  ${siteOrigin(config, config.port).replace(/\/$/, '')}${created.invite.path}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      io.stderr.write(`ringdown users create: ${error.message}\n`);
      return 1;
    }
    if (error instanceof EmbeddedDatabaseError) {
      io.stderr.write(`ringdown users create: the embedded database did not start: ${error.message}\n  What to do: stop ringdown first, or ${error.hint}.\n`);
      return 1;
    }
    throw error;
  } finally {
    await db?.close();
    await embedded?.stop();
  }
}

export const users: Command = { name: 'users', summary: 'make an account (the first admin of a production install)', usage: USAGE, run };
