import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '../protocol/api.js';
import type { Role } from '../protocol/roles.js';
import type { AuditEntryView, CreatedUser } from '../protocol/users.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../../test/harness.js';
import { connectSocket } from '../../test/socket.js';
import { Accounts } from './accounts.js';

// Sessions in the run's Redis, as a production install keeps them.
let server: TestServer;
let admin: { user: Me; cookie: string };

beforeAll(async () => {
  server = await startTestServer({ redis: true });
  const user = await server.user('admin');
  admin = { user, cookie: await server.login(user) };
});
afterAll(() => server?.close());

const unique = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}@test.local`;
const tokenOf = (created: CreatedUser) => created.invite.path.split('#')[1]!;

async function invite(role: Role = 'trainee'): Promise<CreatedUser> {
  const res = await server.api('POST', '/api/v1/users', { cookie: admin.cookie, body: { email: unique(role), name: `New ${role}`, role } });
  expect(res.status).toBe(201);
  return res.body;
}

async function signIn(email: string, password: string) {
  const res = await server.api('POST', '/api/v1/auth/login', { body: { email, password } });
  return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0] };
}

async function auditOf(userId: string): Promise<AuditEntryView[]> {
  const res = await server.api('GET', '/api/v1/users/audit', { cookie: admin.cookie });
  expect(res.status).toBe(200);
  return (res.body as AuditEntryView[]).filter((e) => e.target?.id === userId).reverse();
}

describe('who may manage accounts', () => {
  it.each(['trainee', 'supervisor', 'instructor'] as const)('refuses a %s every admin route with 403', async (role) => {
    const cookie = await server.login(await server.user(role));
    const target = (await server.user('trainee')).id;
    const attempts = [
      server.api('GET', '/api/v1/users', { cookie }),
      server.api('GET', '/api/v1/users/audit', { cookie }),
      server.api('POST', '/api/v1/users', { cookie, body: { email: unique('x'), name: 'X', role: 'admin' } }),
      server.api('PATCH', `/api/v1/users/${target}`, { cookie, body: { role: 'admin' } }),
      server.api('POST', `/api/v1/users/${target}/reset`, { cookie }),
    ];
    expect((await Promise.all(attempts)).map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
  });

  it('offers no single sign-on where no provider is configured', async () => {
    expect((await server.api('GET', '/api/v1/auth/sso')).body).toEqual({ enabled: false });
    expect((await server.api('GET', '/api/v1/auth/sso/start')).status).toBe(404);
  });

  it('refuses a signed-out visitor with 401', async () => {
    expect((await server.api('GET', '/api/v1/users')).status).toBe(401);
    expect((await server.api('POST', '/api/v1/users/me/password', { body: { currentPassword: 'x', newPassword: 'long enough' } })).status).toBe(401);
  });

  it('answers 409 for a taken email, 404 for an unknown user and 400 naming the field', async () => {
    const taken = await server.user('trainee');
    const dup = await server.api('POST', '/api/v1/users', { cookie: admin.cookie, body: { email: taken.email.toUpperCase(), name: 'Dup', role: 'trainee' } });
    expect(dup).toMatchObject({ status: 409, body: { code: 'conflict', message: expect.stringContaining(taken.email) } });
    const ghost = '00000000-0000-4000-8000-000000000000';
    expect((await server.api('PATCH', `/api/v1/users/${ghost}`, { cookie: admin.cookie, body: { disabled: true } })).status).toBe(404);
    expect((await server.api('POST', `/api/v1/users/${ghost}/reset`, { cookie: admin.cookie })).status).toBe(404);
    const bad = await server.api('POST', '/api/v1/users', { cookie: admin.cookie, body: { email: 'nope', name: 'X', role: 'chief' } });
    expect(bad).toMatchObject({ status: 400, body: { message: 'email: not an email address; role: must be one of trainee, supervisor, instructor, admin' } });
    expect((await server.api('PATCH', '/api/v1/users/not-a-uuid', { cookie: admin.cookie, body: { disabled: true } })).body.message).toBe('id: not a valid id');
  });

  it('will not let an admin disable their own account or drop their own role', async () => {
    const res = await server.api('PATCH', `/api/v1/users/${admin.user.id}`, { cookie: admin.cookie, body: { disabled: true } });
    expect(res.status).toBe(409);
    expect((await server.api('PATCH', `/api/v1/users/${admin.user.id}`, { cookie: admin.cookie, body: { role: 'trainee' } })).status).toBe(409);
  });
});

describe('an invitation link', () => {
  it('lets the new user set a password once, then sign in; the second use is refused', async () => {
    const created = await invite('trainee');
    expect(created.user).toMatchObject({ role: 'trainee', hasPassword: false, disabledAt: null });
    expect(created.invite.path).toMatch(/^\/invite#[\w-]{43}$/);
    expect((await signIn(created.user.email, 'anything at all')).status).toBe(401);

    const token = tokenOf(created);
    expect(await server.api('POST', '/api/v1/users/invites/check', { body: { token } })).toMatchObject({ status: 200, body: { email: created.user.email } });
    expect((await server.api('POST', '/api/v1/users/invites/accept', { body: { token, password: 'a new password' } })).status).toBe(204);
    expect((await signIn(created.user.email, 'a new password')).status).toBe(200);

    const again = await server.api('POST', '/api/v1/users/invites/accept', { body: { token, password: 'another password' } });
    expect(again.status).toBe(404);
    expect((await server.api('POST', '/api/v1/users/invites/check', { body: { token } })).status).toBe(404);
    expect((await signIn(created.user.email, 'another password')).status).toBe(401);
    expect((await auditOf(created.user.id)).map((e) => [e.action, e.actor?.id])).toEqual([
      ['user_created', admin.user.id],
      ['invite_issued', admin.user.id],
      ['password_set', created.user.id],
    ]);
  });

  it('refuses a password shorter than 8 characters, naming the field', async () => {
    const res = await server.api('POST', '/api/v1/users/invites/accept', { body: { token: tokenOf(await invite()), password: 'short' } });
    expect(res).toMatchObject({ status: 400, body: { message: 'password: at least 8 characters' } });
  });

  it('stops working when it expires', async () => {
    let now = new Date();
    const accounts = new Accounts({ db: server.db, sessions: undefined as never, endSockets: async () => {}, inviteTtlMs: 60_000, now: () => now });
    const created = await accounts.create(null, { email: unique('late'), name: 'Late Larry', role: 'trainee' });
    const token = created.invite!.path.split('#')[1]!;
    now = new Date(now.getTime() + 59_000);
    await expect(accounts.checkInvite(token)).resolves.toMatchObject({ name: 'Late Larry' });
    now = new Date(now.getTime() + 1_000);
    await expect(accounts.checkInvite(token)).rejects.toMatchObject({ status: 404 });
    await expect(accounts.acceptInvite(token, 'too late now')).rejects.toMatchObject({ status: 404 });
  });

  it('is replaced by a reset: the old password and the old link stop working, the new link works', async () => {
    const user = await server.user('supervisor');
    const cookie = await server.login(user);
    const first = await server.api('POST', `/api/v1/users/${user.id}/reset`, { cookie: admin.cookie });
    const second = await server.api('POST', `/api/v1/users/${user.id}/reset`, { cookie: admin.cookie });
    expect((await server.api('GET', '/api/v1/auth/me', { cookie })).status).toBe(401);
    expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(401);
    const oldToken = (first.body.path as string).split('#')[1];
    expect((await server.api('POST', '/api/v1/users/invites/accept', { body: { token: oldToken, password: 'from the old link' } })).status).toBe(404);
    const newToken = (second.body.path as string).split('#')[1];
    expect((await server.api('POST', '/api/v1/users/invites/accept', { body: { token: newToken, password: 'from the new link' } })).status).toBe(204);
    expect((await signIn(user.email, 'from the new link')).status).toBe(200);
    expect((await auditOf(user.id)).map((e) => e.action)).toEqual(['password_reset', 'password_reset', 'password_set']);
  });
});

describe('disabling a user', () => {
  it('ends their live session and socket at once and refuses their sign-in until re-enabled', async () => {
    const { user, cookie, socket } = await server.person('trainee');
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));

    const res = await server.api('PATCH', `/api/v1/users/${user.id}`, { cookie: admin.cookie, body: { disabled: true } });
    expect(res.body).toMatchObject({ id: user.id, disabledAt: expect.any(String) });
    expect(await dropped).toBe('io server disconnect');
    expect((await server.api('GET', '/api/v1/auth/me', { cookie })).status).toBe(401);
    expect((await server.api('GET', '/api/v1/auth/session', { cookie })).body).toEqual({ user: null });
    await expect(connectSocket(server.url, cookie)).rejects.toThrow(/unauthorized/);
    expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(401);

    await server.api('PATCH', `/api/v1/users/${user.id}`, { cookie: admin.cookie, body: { disabled: false } });
    expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(200);
    expect((await auditOf(user.id)).map((e) => e.action)).toEqual(['user_disabled', 'user_enabled']);
  });

  it('leaves the sessions of other users alone', async () => {
    const bystander = await server.person('trainee');
    const target = await server.user('trainee');
    await server.api('PATCH', `/api/v1/users/${target.id}`, { cookie: admin.cookie, body: { disabled: true } });
    expect((await server.api('GET', '/api/v1/auth/me', { cookie: bystander.cookie })).status).toBe(200);
    expect(bystander.socket.connected).toBe(true);
  });
});

describe('changing a role', () => {
  it('takes effect at the next sign-in: the old session ends', async () => {
    const { user, cookie } = await server.person('trainee');
    const res = await server.api('PATCH', `/api/v1/users/${user.id}`, { cookie: admin.cookie, body: { role: 'instructor' } });
    expect(res.body.role).toBe('instructor');
    expect((await server.api('GET', '/api/v1/auth/me', { cookie })).status).toBe(401);
    const again = await signIn(user.email, TEST_PASSWORD);
    expect((await server.api('GET', '/api/v1/auth/me', { cookie: again.cookie })).body.role).toBe('instructor');
    expect((await auditOf(user.id)).map((e) => [e.action, e.detail])).toEqual([['role_changed', { from: 'trainee', to: 'instructor' }]]);
  });
});

describe('changing your own password', () => {
  it('needs the current password, then the new one signs in and the old sessions end', async () => {
    const { user, cookie } = await server.person('supervisor');
    const wrong = await server.api('POST', '/api/v1/users/me/password', { cookie, body: { currentPassword: 'not it', newPassword: 'brand new password' } });
    expect(wrong).toMatchObject({ status: 400, body: { message: 'currentPassword: not your current password' } });
    const short = await server.api('POST', '/api/v1/users/me/password', { cookie, body: { currentPassword: TEST_PASSWORD, newPassword: 'short' } });
    expect(short.body.message).toBe('newPassword: at least 8 characters');

    const ok = await server.api('POST', '/api/v1/users/me/password', { cookie, body: { currentPassword: TEST_PASSWORD, newPassword: 'brand new password' } });
    expect(ok.status).toBe(204);
    expect((await server.api('GET', '/api/v1/auth/me', { cookie })).status).toBe(401);
    expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(401);
    expect((await signIn(user.email, 'brand new password')).status).toBe(200);
    expect((await auditOf(user.id)).map((e) => [e.action, e.actor?.id])).toEqual([['password_changed', user.id]]);
  });
});

describe('the user list', () => {
  it('shows admins every account with its state, never a password hash', async () => {
    const created = await invite('instructor');
    const res = await server.api('GET', '/api/v1/users', { cookie: admin.cookie });
    const row = (res.body as unknown[]).find((u) => (u as { id: string }).id === created.user.id);
    expect(row).toEqual({ ...created.user });
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|passwordHash/);
  });
});
