import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassDashboard } from '../server/src/protocol/classes.js';
import type { CreatedUser } from '../server/src/protocol/users.js';
import { scenarioFixture } from '../server/test/fixtures.js';
import { startTestServer, type TestServer } from '../server/test/harness.js';
import { launchBrowser, login, speechWav } from './browser.js';

// A centre runs a programme: an admin brings in an instructor and a trainee, the instructor
// builds a class in the browser and assigns a practice call and an exam, the trainee signs in
// with the new account, sees the work and takes the exam; the class dashboard and the CSV show
// it; a disabled account cannot sign in again.

let server: TestServer;
let browser: Browser;
let adminCookie: string;
const scenarios: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser(await speechWav('Nine one one, what is the address of your emergency?'));
  adminCookie = await server.login(await server.user('admin'));
  const instructorCookie = await server.login(await server.user('instructor'));
  for (const title of ['Kitchen fire, caller outside', 'Grease fire exam']) {
    scenarios.push((await server.api('POST', '/api/v1/scenarios', { cookie: instructorCookie, body: scenarioFixture({ title }) })).body.id);
  }
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** An account made by the admin, its password set through its one-time link. */
async function newAccount(role: 'instructor' | 'trainee', name: string): Promise<{ email: string; id: string }> {
  const email = `${role}-${Date.now()}@centre.test`;
  const created = await server.api('POST', '/api/v1/users', { cookie: adminCookie, body: { email, name, role } });
  expect(created.status).toBe(201);
  const { user, invite } = created.body as CreatedUser;
  expect((await server.api('POST', '/api/v1/users/invites/accept', { body: { token: invite.token, password: 'a long new password' } })).status).toBe(204);
  return { email, id: user.id };
}

async function signedIn(email: string, password = 'a long new password'): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await login(page, server.url, email, password);
  return page;
}

describe('a training programme', () => {
  it('goes from new accounts to an assigned exam taken, on the dashboard and in the CSV', async () => {
    const instructor = await newAccount('instructor', 'Ines New');
    const trainee = await newAccount('trainee', 'Tara New');

    // The instructor builds the class in the browser.
    const ines = await signedIn(instructor.email);
    await ines.goto(`${server.url}/classes`);
    await ines.getByTestId('class-name').fill('Academy 13');
    await ines.getByTestId('create-class').click();
    await ines.getByRole('link', { name: 'Academy 13' }).click();
    await ines.getByTestId('member-email').fill(trainee.email);
    await ines.getByTestId('add-member').click();
    await ines.getByTestId('class-members').getByText('Tara New').waitFor();
    await ines.getByTestId('assign-scenario').selectOption(scenarios[0]!);
    await ines.getByTestId('assign').click();
    await ines.getByTestId('class-assignments').locator('li').nth(0).waitFor();
    await ines.getByTestId('assign-scenario').selectOption(scenarios[1]!);
    await ines.getByTestId('assign-mode').selectOption('exam');
    await ines.getByTestId('assign').click();
    await ines.getByTestId('class-assignments').locator('li').nth(1).waitFor();
    const classId = ines.url().split('/classes/')[1]!;

    // The trainee signs in with the new account, sees both, and takes the exam.
    const tara = await signedIn(trainee.email);
    const rows = tara.getByTestId('assignment-row');
    await expect.poll(() => rows.count()).toBe(2);
    const exam = tara.locator('[data-testid="assignment-row"]', { hasText: 'Grease fire exam' });
    await exam.getByTestId('take-assignment').click();
    await tara.getByTestId('answer-call').click();
    await expect.poll(() => tara.getByTestId('call-status').first().getAttribute('data-status'), { timeout: 15_000 }).toBe('active');
    await tara.getByTestId('type-line').fill('okay so that is fourteen twenty maple avenue correct');
    await tara.getByTestId('type-line').press('Enter');
    await tara.waitForTimeout(1500);
    await tara.getByTestId('end-call').click();
    await expect.poll(() => tara.getByTestId('call-status').first().getAttribute('data-status'), { timeout: 15_000 }).toBe('ended');
    await tara.goto(server.url);
    await expect.poll(() => exam.getAttribute('data-status'), { timeout: 15_000 }).toBe('done');
    expect(await exam.getByTestId('take-assignment').count()).toBe(0);

    // The dashboard and the CSV show the result.
    await ines.reload();
    const row = ines.locator(`[data-testid="dashboard-row"][data-trainee-id="${trainee.id}"]`);
    await expect.poll(() => row.locator('[data-status="done"]').count(), { timeout: 15_000 }).toBe(1);
    const board = (await server.api('GET', `/api/v1/classes/${classId}/dashboard`, { cookie: adminCookie })).body as ClassDashboard;
    const score = board.rows[0]!.assignments.find((a) => a.status === 'done')!.bestScore;
    expect(score).toEqual(expect.any(Number));
    const csv = String((await server.api('GET', `/api/v1/classes/${classId}/calls.csv`, { cookie: adminCookie })).body).trim().split('\n');
    expect(csv).toHaveLength(2);
    expect(csv[1]).toContain(trainee.email);
    expect(csv[1]).toContain(',exam,');
    expect(csv[1]!.endsWith(`,${score}`)).toBe(true);

    // Disabled, the trainee cannot sign in again.
    expect((await server.api('PATCH', `/api/v1/users/${trainee.id}`, { cookie: adminCookie, body: { disabled: true } })).status).toBe(200);
    const refused = await server.api('POST', '/api/v1/auth/login', { body: { email: trainee.email, password: 'a long new password' } });
    expect(refused.status).toBe(401);
  }, 150_000);
});
