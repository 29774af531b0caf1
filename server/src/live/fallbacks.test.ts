import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostedLlmDouble, type HostedLlmDouble } from '../caller/hosted-llm-double.js';
import { fallbackWatchedCall } from '../../test/call-under-fault.js';
import { scenarioFixture } from '../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { request } from '../../test/socket.js';

// Fallbacks are facts: an LLM that never answers in time leaves the scripted caller talking,
// and each time it does so the call stores an event with the reason, pushes it to the floor
// (not to the trainee) and its review shows it. The LLM is the hosted-LLM test double (a local
// HTTP server), answering every request after 3 s: past the understanding's and the
// wording's budgets.

let double: HostedLlmDouble;
let server: TestServer;
let scenarioId: string;

beforeAll(async () => {
  double = await startHostedLlmDouble(() => ({ delayMs: 3000, content: { say: 'too late', emotion: 'calm', revealedFacts: [] } }));
  server = await startTestServer({ env: { OPENAI_BASE_URL: double.baseUrl, OPENAI_API_KEY: 'test-key', OPENAI_MODEL: 'test-model' } });
  const instructor = await server.login(await server.user('instructor'));
  scenarioId = (await server.api('POST', '/api/v1/scenarios', { cookie: instructor, body: scenarioFixture() })).body.id;
}, 120_000);
afterAll(async () => {
  await server?.close();
  await double?.close();
});

describe('provider fallbacks', () => {
  it('stores each fallback as a call event with its reason, pushes it to the floor but not to the trainee, and the review shows it', async () => {
    const { trainee, floor, callId, peer, seenByTrainee, pushed, stored } = await fallbackWatchedCall(server, scenarioId, 20_000);
    expect(await request(trainee.socket, 'call:type', { callId, text: 'what is the address of your emergency' })).toEqual({ ok: true, data: null });

    const event = await pushed;
    expect(event.data).toMatchObject({ stage: expect.stringMatching(/^(understanding|phrasing)$/), reason: expect.stringMatching(/timeout/) });
    await expect
      .poll(stored, { timeout: 10_000 })
      .toEqual(
        expect.arrayContaining([
          { stage: 'understanding', reason: expect.stringMatching(/timeout/) },
          { stage: 'phrasing', reason: expect.stringMatching(/timeout/) },
        ]),
      );
    expect(seenByTrainee).toEqual([]);

    peer.close();
    expect(await request(trainee.socket, 'call:end', { callId })).toMatchObject({ ok: true });
    const review = await server.api('GET', `/api/v1/calls/${callId}/review`, { cookie: floor.cookie });
    expect(review.status).toBe(200);
    expect(JSON.stringify(review.body)).toContain('"fallback"');
  }, 90_000);
});
