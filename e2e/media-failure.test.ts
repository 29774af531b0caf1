import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/test/harness.js';
import { launchBrowser, speechWav } from './browser.js';
import { takeCall } from './session.js';

// A browser whose audio can never connect: every ICE candidate the server offers is moved to
// port 9 on its loopback address, where nothing answers (as when a firewall drops the media
// ports, or Firefox had only loopback candidates to pair with). The softphone says so plainly, the
// caller waits instead of shouting into a dead line, and the call ends as a technical
// failure that is not scored.

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ env: { MEDIA_CONNECT_TIMEOUT_MS: '15000' } });
  browser = await launchBrowser(await speechWav('Nine one one, what is the address of your emergency?'));
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('when the audio cannot connect', () => {
  it('tells the trainee what to try, keeps the caller waiting, and ends the call unscored as a technical failure', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const setRemote = RTCPeerConnection.prototype.setRemoteDescription as (this: RTCPeerConnection, d?: RTCSessionDescriptionInit) => Promise<void>;
      RTCPeerConnection.prototype.setRemoteDescription = function (this: RTCPeerConnection, description?: RTCSessionDescriptionInit) {
        const sdp = description?.sdp?.replace(/^(a=candidate:\S+ \d+ \S+ \d+ )\S+ \d+/gm, (_m, head: string) => `${head}127.0.0.1 9`);
        return setRemote.call(this, description && { ...description, sdp });
      } as typeof RTCPeerConnection.prototype.setRemoteDescription;
    });
    const page = await context.newPage();
    const { callId, trainee } = await takeCall(server, page, 'stroke-fast-signs');
    await page.getByTestId('answer-call').click();

    const trouble = page.getByTestId('media-trouble');
    await trouble.waitFor({ timeout: 15_000 }); // shown 4 s after answering
    expect(await trouble.getAttribute('data-state')).toBe('waiting');
    expect(await trouble.textContent()).toMatch(/What to try/);

    const cookie = await server.login(trainee);
    const detail = async () => (await server.api('GET', `/api/v1/calls/${callId}`, { cookie })).body;
    // The caller has not said a word (no opening line, no "Hello?! Are you there?!").
    expect((await detail()).transcript.filter((s: { speaker: string }) => s.speaker === 'caller')).toEqual([]);

    await expect.poll(() => trouble.getAttribute('data-state'), { timeout: 20_000 }).toBe('failed');
    const ended = await detail();
    expect(ended).toMatchObject({ status: 'failed', outcome: 'media_failed', score: null });
    expect(ended.transcript.filter((s: { speaker: string }) => s.speaker === 'caller')).toEqual([]);
    const history = (await server.api('GET', `/api/v1/trainees/${trainee.id}/history`, { cookie })).body;
    expect(JSON.stringify(history)).not.toContain(callId);
    await context.close();
  }, 60_000);
});
