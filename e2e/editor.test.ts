import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioDetail } from '../server/src/protocol/api.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../server/test/harness.js';
import { cspViolations, launchBrowser, login, speechWav } from './browser.js';

// An instructor writes a scenario in the form editor: the schema's message shows as a bad value
// is typed, the caller of the draft answers in text before anything is saved, the save makes
// version 1, and a trainee then takes a call of it from the library.

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  // A long pause in the microphone's loop, so the caller is heard between the trainee's lines.
  browser = await launchBrowser(await speechWav('Nine one one, what is the address of your emergency?', 'rms', 10));
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signedIn(role: 'instructor' | 'trainee'): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await login(page, server.url, (await server.user(role)).email, TEST_PASSWORD);
  return page;
}

describe('the scenario editor', () => {
  it('builds a scenario in the form, checks it as typed, tries its caller, saves it, and a trainee takes a call of it', async () => {
    const id = `balcony-fire-${Date.now().toString(36)}`;
    const ines = await signedIn('instructor');
    const violations = cspViolations(ines);
    await ines.goto(`${server.url}/scenarios`);
    // The library reads placeholders as words: "{caller.first}, 7, is alone" as "caller's first name, 7, is alone".
    const summaries = ines.getByTestId('scenario-summary');
    await expect.poll(() => summaries.count()).toBeGreaterThan(30);
    const texts = await summaries.allTextContents();
    expect(texts.filter((t) => t.includes('{'))).toEqual([]);
    expect(texts.some((t) => t.includes("caller's first name"))).toBe(true);
    await ines.getByTestId('scenario-new').click();
    // The form and the try panel fit the window beside the library.
    expect(await ines.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

    const field = (path: string) => ines.getByTestId(`field-${path}`);
    const problem = (path: string) => ines.locator(`[data-testid="field-error"][data-path="${path}"]`);
    await field('id').fill(id);
    await field('title').fill('Balcony fire, caller on the third floor');
    await field('nature').selectOption('fire');
    await field('persona.name').fill('Robin Ash');

    // A value the schema refuses is named under its field while typing, and clears once fixed.
    await field('persona.age').fill('300');
    await expect.poll(() => problem('persona.age').textContent()).toBe('at most 110');
    expect(await field('persona.age').getAttribute('aria-invalid')).toBe('true');
    await field('persona.age').fill('52');
    await expect.poll(() => problem('persona.age').count()).toBe(0);

    await field('groundTruth.location.address').fill('412 2nd Street');
    await field('groundTruth.nature').fill('Fire on a third-floor balcony');
    await field('script.openingLine').fill('My neighbour’s balcony is on fire!');
    await ines.getByTestId('reveal-rules-add').click();
    await field('script.revealRules.0.fact').fill('location');
    await field('script.revealRules.0.answer').fill('It is 412 2nd Street, the third floor!');
    await field('script.revealRules.0.intents.ask_location').check();

    // The caller of the draft, before anything is saved.
    await ines.getByTestId('try-start').click();
    const turns = ines.getByTestId('try-turn');
    await expect.poll(() => turns.first().textContent()).toContain('balcony is on fire');
    await ines.getByTestId('try-line').fill('nine one one, what is the address of your emergency');
    await ines.getByTestId('try-say').click();
    await expect.poll(() => turns.last().textContent(), { timeout: 15_000 }).toContain('412 2nd Street');
    expect(await turns.last().getAttribute('data-speaker')).toBe('caller');
    expect((await server.api('GET', `/api/v1/scenarios/${id}`, { cookie: await server.login(await server.user('instructor')) })).status).toBe(404);

    await ines.getByTestId('scenario-save').click();
    await expect.poll(() => ines.getByTestId('scenario-notice').textContent()).toContain('version 1');
    await ines.locator(`[data-testid="scenario-item"][data-scenario-id="${id}"]`).waitFor();
    expect(violations).toEqual([]);

    const saved = (await server.api('GET', `/api/v1/scenarios/${id}`, { cookie: await server.login(await server.user('instructor')) })).body as ScenarioDetail;
    expect(saved).toMatchObject({ version: 1, nature: 'fire', persona: { name: 'Robin Ash', age: 52 }, script: { revealRules: [{ fact: 'location', intents: ['ask_location'] }] } });

    // A trainee finds it in the library and takes a call of it.
    const tara = await signedIn('trainee');
    const card = tara.locator(`[data-testid="scenario-card"][data-scenario-id="${id}"]`);
    await card.getByTestId('take-call').click();
    // It rings with the ANI/ALI written in the form.
    await expect.poll(() => tara.getByTestId('ani').textContent()).toContain('123-0000');
    await tara.getByTestId('answer-call').click();
    await expect.poll(() => tara.getByTestId('call-status').first().getAttribute('data-status'), { timeout: 15_000 }).toBe('active');
    // The caller of the saved scenario speaks (what of it is played depends on when the looping
    // microphone talks over it, so its first words are checked in the stored call below).
    await tara.locator('[data-testid="transcript-line"][data-speaker="caller"]').first().waitFor({ timeout: 45_000 });
    const callId = tara.url().split('/calls/')[1]!;
    await tara.getByTestId('end-call').click();
    await expect.poll(() => tara.getByTestId('call-status').first().getAttribute('data-status'), { timeout: 15_000 }).toBe('ended');
    const call = await server.api('GET', `/api/v1/calls/${callId}`, { cookie: await server.login(await server.user('instructor')) });
    expect(call.body.scenario).toMatchObject({ id, version: 1 });
    // Its caller spoke (which line depends on how soon the looping microphone talks over it and
    // how it is heard; the call is of the saved scenario's version, checked above).
    const callerSaid = (call.body.transcript as { speaker: string; text: string }[]).filter((line) => line.speaker === 'caller' && line.text.trim());
    expect(callerSaid.length).toBeGreaterThan(0);
  }, 180_000);
});
