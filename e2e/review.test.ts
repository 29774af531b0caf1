import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/test/harness.js';
import { cspViolations, launchBrowser, speechTurnsWav } from './browser.js';
import { takeCall } from './session.js';

// Call intelligence end to end: the fake microphone asks for the address and reads it back;
// the checklist's location item ticks live in the softphone; after the call the review page
// shows the score and plays the recording, seeking to a line when it is clicked.

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser(
    await speechTurnsWav([
      { say: 'Nine one one, what is the address of your emergency?', thenSilentS: 6 },
      { say: 'Forty seven Willow Lane, is that correct?', thenSilentS: 8 },
    ]),
  );
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('call intelligence in the browser', () => {
  it('ticks the location item when the address is read back, then reviews the call with its score and recording', async () => {
    const page = await (await browser.newContext()).newPage();
    const violations = cspViolations(page);
    const { callId } = await takeCall(server, page, 'stroke-fast-signs');
    await page.getByTestId('answer-call').click();

    const location = page.locator('[data-testid="checklist-item"][data-item="location"]');
    await location.waitFor({ timeout: 20_000 });
    await expect.poll(() => location.getAttribute('data-status'), { timeout: 45_000 }).toBe('done');
    await page.locator('[data-testid="captured-entity"][data-type="address"]').filter({ hasText: '47 Willow Lane' }).first().waitFor({ timeout: 20_000 });

    await page.getByTestId('end-call').click();
    await expect.poll(() => page.getByTestId('call-status').first().textContent(), { timeout: 10_000 }).toMatch(/ended/i);

    await page.goto(`${server.url}/calls/${callId}/review`);
    await expect.poll(async () => Number(await page.getByTestId('score-total').textContent()), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('metric-row').count()).toBeGreaterThan(3);
    await page.locator('[data-testid="truth-row"][data-field="location"]').waitFor();
    expect(await page.locator('[data-testid="truth-row"][data-field="location"]').getAttribute('data-match')).toBe('yes');
    expect(await page.locator('[data-testid="checklist-item"][data-item="location"]').getAttribute('data-status')).toBe('done');

    // The recording plays, and a click on a later line seeks it there.
    const player = page.getByTestId('recording-player');
    await expect.poll(() => player.evaluate((a: HTMLAudioElement) => a.duration), { timeout: 10_000 }).toBeGreaterThan(5);
    await player.evaluate((a: HTMLAudioElement) => a.play());
    await expect.poll(() => player.evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 5000 }).toBeGreaterThan(0.2);
    const line = page.getByTestId('review-line').last();
    const startS = Number(await line.getAttribute('data-start-ms')) / 1000;
    await line.click();
    await expect.poll(() => player.evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 5000 }).toBeGreaterThanOrEqual(startS - 0.05);
    expect(await line.getAttribute('data-playing')).toBe('true');
    expect(violations).toEqual([]); // the recording plays within the Content-Security-Policy
    await page.close();
  }, 120_000);
});
