import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryView, UserView } from '../server/src/protocol/users.js';
import { startTestServer, type TestServer } from '../server/test/harness.js';
import { launchBrowser, login, speechWav } from './browser.js';

// Single sign-on against a real OpenID Connect provider (oidc-provider) on loopback, with its
// own login and consent pages: who someone is and their role come from its claims.

const CLIENT = { id: 'ringdown', secret: 'a client secret for the test provider only' };
/** The provider's people: a login's prefix decides their `groups` claim. */
const groupsOf = (login: string) => (login.startsWith('ines') ? ['staff', 'dispatch-instructors'] : login.startsWith('tess') ? ['dispatch-trainees'] : ['staff']);

let server: TestServer;
let idp: Server;
let browser: Browser;

beforeAll(async () => {
  // The provider's address must be known before ringdown starts, and ringdown's before the provider is made.
  idp = createServer();
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  server = await startTestServer({
    env: {
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: CLIENT.id,
      OIDC_CLIENT_SECRET: CLIENT.secret,
      OIDC_ROLE_CLAIM: 'groups',
      OIDC_ROLE_MAP: 'dispatch-instructors=instructor, dispatch-trainees=trainee',
    },
  });
  const provider = new Provider(issuer, {
    clients: [{ client_id: CLIENT.id, client_secret: CLIENT.secret, redirect_uris: [`${server.url}/api/v1/auth/sso/callback`] }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: () => ({ sub, email: `${sub}@sso.test`, email_verified: true, name: `Sso ${sub}`, groups: groupsOf(sub) }),
    }),
    // Its built-in login and consent pages, as a person would meet them.
    features: { devInteractions: { enabled: true } },
  });
  idp.on('request', provider.callback());
  browser = await launchBrowser(await speechWav('Nine one one.'));
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  idp?.close();
});

/** From ringdown's login page through the provider's login and consent pages, back to ringdown. */
async function signOn(login: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}/login`);
  await page.getByTestId('sso-login').click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]').click(); // consent
  await page.waitForURL((url) => url.href.startsWith(server.url));
  return page;
}

async function asAdmin<T>(path: string): Promise<T> {
  const admin = await server.user('admin');
  return (await server.api('GET', path, { cookie: await server.login(admin) })).body as T;
}

describe('single sign-on with OpenID Connect', () => {
  it('signs a new person in with the role their claim maps to, making their account', async () => {
    const login = `ines-${Date.now()}`;
    const page = await signOn(login);
    await page.getByTestId('user-menu').waitFor();
    expect(await page.getByTestId('user-menu').textContent()).toContain('instructor');
    expect(await page.getByTestId('account-link').textContent()).toBe(`Sso ${login}`);

    const users = await asAdmin<UserView[]>('/api/v1/users');
    expect(users.find((u) => u.email === `${login}@sso.test`)).toMatchObject({ role: 'instructor', hasPassword: false });
    const audit = await asAdmin<AuditEntryView[]>('/api/v1/users/audit');
    expect(audit.filter((e) => e.target?.email === `${login}@sso.test`).map((e) => e.action).reverse()).toEqual(['user_created', 'signed_in_sso']);
  });

  it('refuses someone whose claim maps to no role, and says why on the login page', async () => {
    const page = await signOn(`sam-${Date.now()}`);
    expect(page.url()).toBe(`${server.url}/login?sso=no-role`);
    expect(await page.getByTestId('sso-error').textContent()).toMatch(/no ringdown role/);
  });

  it('refuses a disabled account even when the provider vouches for it', async () => {
    const login = `tess-${Date.now()}`;
    const first = await signOn(login);
    await first.getByTestId('user-menu').waitFor();
    const admin = await server.user('admin');
    const cookie = await server.login(admin);
    const user = ((await server.api('GET', '/api/v1/users', { cookie })).body as UserView[]).find((u) => u.email === `${login}@sso.test`)!;
    expect(user.role).toBe('trainee');
    await server.api('PATCH', `/api/v1/users/${user.id}`, { cookie, body: { disabled: true } });
    const again = await signOn(login);
    expect(again.url()).toBe(`${server.url}/login?sso=disabled`);
  });

  it('keeps password sign-in working beside it', async () => {
    const page = await (await browser.newContext()).newPage();
    const plain = await server.user('trainee');
    await login(page, server.url, plain.email, 'correct horse battery staple');
    expect((await server.api('GET', '/api/v1/auth/sso')).body).toEqual({ enabled: true });
  });
});
