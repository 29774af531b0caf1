import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { connectSocket, nextEvent, request, type ClientSocket } from '../../test/socket.js';
import { loadScenarioFile } from '../caller/scenario-file.js';
import type { CallDetail, CallReview } from '../protocol/api.js';

// Two calls of one library scenario with different seeds, end to end: each rings with its own
// ANI/ALI, and each is reviewed and scored against its own draw.

let server: TestServer;
const sockets: ClientSocket[] = [];
const SCENARIO = 'cardiac-arrest-cpr';

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await server?.close();
});

/** Starts a call with this seed, types one read-back into it, ends it, and returns what the call and its review say. */
async function callWithReadBack(cookie: string, seed: number, readBack: string): Promise<{ call: CallDetail; review: CallReview }> {
  const started = await server.api('POST', '/api/v1/calls/start', { cookie, body: { scenarioId: SCENARIO, mode: 'practice', seed } });
  expect(started.status).toBe(201);
  const callId = started.body.id as string;
  const socket = await connectSocket(server.url, cookie);
  sockets.push(socket);
  expect(await request(socket, 'rtc:join', { callId })).toMatchObject({ ok: true });
  expect(await request(socket, 'call:answer', { callId })).toMatchObject({ ok: true });
  const heard = nextEvent(socket, 'call:entities', (e) => e.callId === callId && e.entities.some((x) => x.type === 'address'), 15_000);
  await request(socket, 'call:type', { callId, text: readBack });
  await heard;
  expect(await request(socket, 'call:end', { callId })).toMatchObject({ ok: true });
  return { call: started.body as CallDetail, review: (await server.api('GET', `/api/v1/calls/${callId}/review`, { cookie })).body as CallReview };
}

describe('per-call variation', () => {
  it("rings with each call's own ANI/ALI and scores a read-back of call A's address on A, not on B", async () => {
    const [a, b] = await Promise.all([loadScenarioFile(SCENARIO, undefined, 11), loadScenarioFile(SCENARIO, undefined, 12)]);
    expect(a.groundTruth.location.address).not.toBe(b.groundTruth.location.address);
    const cookie = await server.login(await server.user('trainee'));
    const readBack = `okay I have ${a.groundTruth.location.address.toLowerCase()} apartment 4c is that right`;

    const onA = await callWithReadBack(cookie, 11, readBack);
    const onB = await callWithReadBack(cookie, 12, readBack);

    expect(onA.call).toMatchObject({ seed: 11, ani: a.ani, ali: a.ali });
    expect(onB.call).toMatchObject({ seed: 12, ani: b.ani, ali: b.ali });
    const location = (r: CallReview) => r.truth?.find((row) => row.field === 'location');
    expect(location(onA.review)).toMatchObject({ truth: a.groundTruth.location.address, match: 'yes' });
    expect(location(onB.review)).toMatchObject({ truth: b.groundTruth.location.address, match: 'no' });
    expect(onA.review.truth?.find((row) => row.field === 'caller_name')?.truth).toBe(a.persona.name);
    const verified = (r: CallReview) => r.score.items.find((m) => m.rubricItem === 'location_verified')?.score ?? 0;
    expect(verified(onA.review)).toBeGreaterThan(verified(onB.review));
  });
});
