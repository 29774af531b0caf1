import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FliteSynthesizer } from '../../../media/speech/flite.js';
import { startRealtimeDouble, type RealtimeDouble } from '../caller/realtime-double.js';
import { registry } from '../observability/metrics.js';
import { fallbackWatchedCall } from '../../test/call-under-fault.js';
import { scenarioFixture } from '../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { request } from '../../test/socket.js';

// A realtime session lost for good is a fallback like the embedded caller's own: the embedded
// caller takes the call over, and the call logs it, counts it, stores it as an event and shows
// it to the floor (not to the trainee). The hosted endpoint is the Realtime test double (a
// local WebSocket server), made to drop the link and refuse every reopening.

let double: RealtimeDouble;
let server: TestServer;
let scenarioId: string;
let dir: string;

beforeAll(async () => {
  double = await startRealtimeDouble(new FliteSynthesizer());
  dir = await mkdtemp(path.join(tmpdir(), 'ringdown-realtime-'));
  const caFile = path.join(dir, 'double-ca.pem');
  await writeFile(caFile, double.ca);
  server = await startTestServer({ env: { OPENAI_BASE_URL: double.baseUrl, OPENAI_API_KEY: 'test-key', OPENAI_REALTIME_MODEL: 'double-realtime', OPENAI_REALTIME_CA_FILE: caFile } });
  const instructor = await server.login(await server.user('instructor'));
  scenarioId = (await server.api('POST', '/api/v1/scenarios', { cookie: instructor, body: scenarioFixture() })).body.id;
}, 120_000);
afterAll(async () => {
  await server?.close();
  await double?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function realtimeFallbacksCounted(): Promise<number> {
  const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === 'ringdown_provider_fallbacks_total');
  const values = (metric as { values: { labels: Record<string, string>; value: number }[] } | undefined)?.values ?? [];
  return values.filter((v) => v.labels.stage === 'realtime').reduce((sum, v) => sum + v.value, 0);
}

describe('a realtime session lost for good', () => {
  it('is a fallback fact: stored as a call event with its reason, counted, pushed to the floor but not to the trainee', async () => {
    const before = await realtimeFallbacksCounted();
    const { trainee, callId, peer, seenByTrainee, pushed, stored } = await fallbackWatchedCall(server, scenarioId, 60_000);

    double.refuse(100);
    double.drop();
    const event = await pushed;
    expect(event.data).toEqual({ stage: 'realtime', reason: expect.stringMatching(/^lost: .*embedded caller takes over$/) });
    expect(await realtimeFallbacksCounted()).toBe(before + 1);
    expect(await stored()).toEqual([event.data]);
    expect(seenByTrainee).toEqual([]);
    // The embedded caller carries the call on: a typed line is still answered.
    expect(await request(trainee.socket, 'call:type', { callId, text: 'what is the address of your emergency' })).toEqual({ ok: true, data: null });

    double.refuse(0);
    peer.close();
    expect(await request(trainee.socket, 'call:end', { callId })).toMatchObject({ ok: true });
  }, 120_000);
});
