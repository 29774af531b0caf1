import { randomUUID } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyPassword } from '../../src/auth/password.js';
import { Database } from '../../src/db/database.js';
import { Accounts } from '../../src/users/accounts.js';
import { main } from '../ringdown.js';

// The command reads its configuration from the environment, as on a server: this test file's
// process points it at the run's database.
let db: Database;
beforeAll(() => {
  process.env.DATABASE_URL = inject('databaseUrl');
  process.env.PUBLIC_URL = 'https://ringdown.example.org';
  process.env.LOG_LEVEL = 'silent';
  db = new Database(inject('databaseUrl'));
});
afterAll(() => db?.close());

async function ringdown(args: string[], stdin = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await main(args, { stdin: Readable.from([stdin]), stdout, stderr });
  return { code, out, err };
}

const email = () => `first-admin-${randomUUID()}@centre.example.org`;

// Each run migrates the database first (a new install has none yet), which takes seconds.
describe('ringdown users create', { timeout: 90_000 }, () => {
  it('makes the first admin and prints a one-time link on the public URL that sets the password', async () => {
    const address = email();
    const { code, out } = await ringdown(['users', 'create', '--role', 'admin', '--email', address, '--name', 'Alex Admin']);
    expect(code).toBe(0);
    expect(out).toContain(`Created admin Alex Admin <${address}>`);
    const link = /https:\/\/ringdown\.example\.org\/invite#([\w-]+)/.exec(out);
    expect(link).not.toBeNull();
    expect((await db.users.findByEmail(address))?.passwordHash).toBeNull();

    await new Accounts({ db, sessions: undefined as never, endSockets: async () => {}, inviteTtlMs: 1000 }).acceptInvite(link![1]!, 'the admin password');
    const admin = await db.users.findByEmail(address);
    expect(admin?.role).toBe('admin');
    expect(await verifyPassword('the admin password', admin!.passwordHash!)).toBe(true);
    expect((await db.accounts.audit(500)).find((e) => e.target?.id === admin!.id && e.action === 'user_created')?.actor).toBeNull();
  });

  it('reads the password from stdin with --password-stdin and prints no link', async () => {
    const address = email();
    const { code, out } = await ringdown(['users', 'create', '--role', 'admin', '--email', address, '--name', 'Sam Stdin', '--password-stdin'], 'piped password\n');
    expect(code).toBe(0);
    expect(out).not.toContain('/invite#');
    expect(await verifyPassword('piped password', (await db.users.findByEmail(address))!.passwordHash!)).toBe(true);
  });

  it('refuses a taken email, a missing field and a short password, saying which', async () => {
    const address = email();
    await db.users.ensure({ email: address, name: 'Once', role: 'trainee', passwordHash: 'x' });
    expect(await ringdown(['users', 'create', '--role', 'trainee', '--email', address, '--name', 'Twice'])).toMatchObject({
      code: 1,
      err: `ringdown users create: a user with the email ${address} exists already\n`,
    });
    expect(await ringdown(['users', 'create', '--role', 'admin', '--name', 'No Email'])).toMatchObject({ code: 2, err: 'ringdown users create: email: required\n' });
    expect(await ringdown(['users', 'create', '--role', 'admin', '--email', email(), '--name', 'Short', '--password-stdin'], 'short\n')).toMatchObject({
      code: 2,
      err: 'ringdown users create: password: at least 8 characters\n',
    });
  });
});
