import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../server/src/protocol/roles.js';
import { TEST_PASSWORD, startTestServer, type TestServer } from '../server/test/harness.js';
import { launchBrowser, login, speechWav } from './browser.js';

// A normal visit, page by page and role by role: nothing in the console, each page its own
// title, nothing wider than the window, and the trainee's cards tell no answers.

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser(await speechWav('Nine one one, what is the address of your emergency?'));
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page that keeps every console error and uncaught exception it sees. */
async function watchedPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const errors: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(`${m.text()} (${m.location().url})`)));
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

async function visit(page: Page, path: string, ready: string): Promise<{ title: string; overflowPx: number }> {
  await page.goto(`${server.url}${path}`);
  await page.getByTestId(ready).first().waitFor({ timeout: 10_000 });
  const overflowPx = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  return { title: await page.title(), overflowPx };
}

async function signedIn(role: Role) {
  const watched = await watchedPage();
  const user = await server.user(role);
  await login(watched.page, server.url, user.email, TEST_PASSWORD);
  return { ...watched, user };
}

describe('a normal visit', () => {
  it('regression: a signed-out page load logged a console error for 401 /api/v1/auth/me', async () => {
    const { page, errors } = await watchedPage();
    await visit(page, '/', 'login-email');
    expect(page.url()).toMatch(/\/login$/);
    expect(await page.title()).toBe('Sign in · ringdown');
    expect(errors).toEqual([]);
  });

  it("shows a trainee's cards with briefs, not the answers, and gives each page its own title", async () => {
    const { page, errors, user } = await signedIn('trainee');
    const home = await visit(page, '/', 'scenario-card');
    const pocketDial = page.locator('[data-testid="scenario-card"][data-scenario-id="accidental-dial-pocket"]');
    expect(await pocketDial.getByTestId('scenario-brief').textContent()).toContain('A 911 call comes in');
    expect(await page.locator('main').textContent()).not.toMatch(/no emergency|handgun|pizza/i);
    const calls = await visit(page, '/calls', 'user-menu');
    const history = await visit(page, `/trainees/${user.id}/history`, 'user-menu');
    expect(new Set([home.title, calls.title, history.title]).size).toBe(3);
    for (const p of [home, calls, history]) expect(p.overflowPx).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });

  it('regression: a 10,000-character typed line widened the page to 5,327 px: it is refused with a clear error and nothing widens', async () => {
    const { page, errors } = await signedIn('trainee');
    await page.locator('[data-testid="scenario-card"][data-scenario-id="stroke-fast-signs"]').getByTestId('take-call').click();
    expect(await page.getByTestId('call-heading').textContent()).toBe('Incoming 911 call');
    await page.getByTestId('answer-call').click();
    await expect.poll(() => page.getByTestId('call-status').first().textContent(), { timeout: 20_000 }).toMatch(/active/i);
    expect(await page.getByTestId('call-heading').textContent()).toBe('911 call in progress');
    expect(await page.title()).toBe('911 call in progress · ringdown');
    const box = page.getByTestId('type-line');
    await expect.poll(() => box.isEnabled(), { timeout: 15_000 }).toBe(true);
    await box.evaluate((el: HTMLInputElement) => {
      el.value = 'x'.repeat(10_000);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(await page.locator('#type-line-error').textContent()).toContain('at most 500');
    expect(await page.getByTestId('type-send').isDisabled()).toBe(true);
    await box.fill(`${'y'.repeat(480)}`);
    await page.getByTestId('type-send').click();
    await page.locator('[data-testid="transcript-line"][data-speaker="trainee"]').first().waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.getByTestId('end-call').click();
    await expect.poll(() => page.getByTestId('call-heading').textContent(), { timeout: 15_000 }).not.toMatch(/911 call/);
    expect(errors).toEqual([]);
  }, 90_000);

  it.each(['supervisor', 'instructor'] as const)('shows a %s the floor board and the calls without a console error', async (role) => {
    const { page, errors } = await signedIn(role);
    const home = await visit(page, '/', 'user-menu');
    const floor = await visit(page, '/floor', 'user-menu');
    expect(home.title).not.toBe(floor.title);
    expect(errors).toEqual([]);
  });
});
