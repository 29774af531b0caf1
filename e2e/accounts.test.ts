import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, startTestServer, type TestServer } from '../server/test/harness.js';
import { launchBrowser, login, speechWav } from './browser.js';

// An admin brings a new trainee in by invitation, the trainee sets a password and signs in;
// then the admin disables them and the trainee's open console is signed out at once.

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ redis: true });
  browser = await launchBrowser(await speechWav('Nine one one.'));
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newPage(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

describe('accounts in the browser', () => {
  it('an admin invites a trainee, who sets a password, signs in, and is signed out when disabled', async () => {
    const admin = await newPage();
    const adminUser = await server.user('admin');
    await login(admin.page, server.url, adminUser.email, TEST_PASSWORD);
    await admin.page.getByTestId('users-link').click();
    const email = `invited-${Date.now()}@test.local`;
    await admin.page.getByTestId('new-user-name').fill('Ivy Invited');
    await admin.page.getByTestId('new-user-email').fill(email);
    await admin.page.getByTestId('new-user-role').selectOption('trainee');
    await admin.page.getByTestId('new-user-create').click();
    const link = await admin.page.getByTestId('invite-link').inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/invite#[\\w-]{43}$`));
    const row = admin.page.locator(`[data-testid="user-row"][data-email="${email}"]`);
    expect(await row.getByTestId('user-status').textContent()).toBe('Invited: no password yet');

    // The trainee, in a browser of their own, signed out.
    const trainee = await newPage();
    await trainee.page.goto(link);
    expect(await trainee.page.getByTestId('invite-who').textContent()).toContain(`Ivy Invited (${email})`);
    await trainee.page.getByTestId('invite-password').fill('my own password');
    await trainee.page.getByTestId('invite-password-again').fill('my own password');
    await trainee.page.getByTestId('invite-submit').click();
    await trainee.page.getByTestId('login-notice').waitFor();
    expect(trainee.page.url()).toBe(`${server.url}/login?password=set`);
    await login(trainee.page, server.url, email, 'my own password');
    await trainee.page.getByTestId('scenario-card').first().waitFor();

    // The spent link says so instead of taking a new password.
    const replay = await newPage();
    await replay.page.goto(link);
    expect(await replay.page.getByTestId('invite-error').textContent()).toMatch(/has been used/);

    await admin.page.reload();
    expect(await row.getByTestId('user-status').textContent()).toBe('Active');
    await row.getByTestId('user-toggle').click();
    await expect.poll(() => row.getByTestId('user-status').textContent()).toMatch(/^Disabled/);
    await trainee.page.waitForURL(/\/login$/, { timeout: 10_000 });

    await trainee.page.getByTestId('login-email').fill(email);
    await trainee.page.getByTestId('login-password').fill('my own password');
    await trainee.page.getByTestId('login-submit').click();
    expect(await trainee.page.getByTestId('login-error').textContent()).toMatch(/wrong email or password/i);

    const log = await admin.page.getByTestId('audit-entry').allTextContents();
    expect(log.filter((l) => l.includes(email)).map((l) => l.replace(/^.*?(Created|Issued|Set|Disabled)/, '$1'))).toEqual([
      expect.stringMatching(/^Disabled the account/),
      expect.stringMatching(/^Set the password from a link/),
      expect.stringMatching(/^Issued a link/),
      expect.stringMatching(/^Created the account/),
    ]);
    expect([...admin.errors, ...trainee.errors]).toEqual([]);
  }, 120_000);
});
