import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioFixture } from '../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { connectSocket, request } from '../../test/socket.js';

// The live-call table under requests that race: one call is one live call, and whoever asks
// gets their own answer, never the one meant for someone else. Both bugs were found by the
// signalling fuzz (fuzz.test.ts).

/** The first rtc:join of a call opens it (its caller's models are readied): seconds on a busy machine. */
const OPENS_CALL = 30_000;

let server: TestServer;
let scenarioId: string;

beforeAll(async () => {
  server = await startTestServer();
  const instructorCookie = await server.login(await server.user('instructor'));
  scenarioId = (await server.api('POST', '/api/v1/scenarios', { cookie: instructorCookie, body: scenarioFixture() })).body.id;
});
afterAll(async () => {
  await server?.close();
});

async function traineeWithCall() {
  const trainee = await server.person('trainee');
  const callId = (await server.api('POST', '/api/v1/calls/start', { cookie: trainee.cookie, body: { scenarioId } })).body.id as string;
  return { ...trainee, callId };
}

describe('the live-call table', () => {
  it("regression: another trainee asking for a call as it opens neither fails its trainee's join nor learns it exists", async () => {
    const owner = await traineeWithCall();
    const prober = await server.person('trainee');
    const [probed, joined] = await Promise.all([
      request(prober.socket, 'rtc:join', { callId: owner.callId }, OPENS_CALL),
      request(owner.socket, 'rtc:join', { callId: owner.callId }, OPENS_CALL),
    ]);
    expect(joined).toMatchObject({ ok: true });
    expect(probed).toEqual({ ok: false, code: 'not_found', message: `call "${owner.callId}" not found` });
    // And the other way round: the call opening for its trainee answers the prober as unknown.
    const second = await traineeWithCall();
    const [own, probe] = await Promise.all([
      request(second.socket, 'rtc:join', { callId: second.callId }, OPENS_CALL),
      request(prober.socket, 'call:answer', { callId: second.callId }, OPENS_CALL),
    ]);
    expect(own).toMatchObject({ ok: true });
    expect(probe).toEqual({ ok: false, code: 'not_found', message: `call "${second.callId}" not found` });
  });

  it('regression: a request that arrives while a call ends does not open its media a second time (one recording)', async () => {
    const { socket, cookie, callId } = await traineeWithCall();
    expect(await request(socket, 'rtc:join', { callId }, OPENS_CALL)).toMatchObject({ ok: true });
    await request(socket, 'call:answer', { callId });
    const tab = await connectSocket(server.url, cookie);
    let ending = true;
    const ended = request(socket, 'call:end', { callId }, OPENS_CALL).finally(() => (ending = false));
    const during = [];
    while (ending) {
      during.push(await request(tab, 'rtc:join', { callId }, OPENS_CALL));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await ended).toMatchObject({ ok: true, data: { status: 'ended' } });
    during.push(await request(tab, 'rtc:join', { callId }, OPENS_CALL));
    for (const reply of during) expect(reply).toMatchObject({ ok: false, code: 'conflict' });
    expect(await server.live.get(callId)).toBeUndefined();
    const detail = (await server.api('GET', `/api/v1/calls/${callId}`, { cookie })).body;
    expect(detail).toMatchObject({ status: 'ended', outcome: 'completed' });
    expect(detail.recordings).toHaveLength(1);
    tab.close();
  });

  it('ends over REST a call whose media never opened here', async () => {
    const { cookie, callId } = await traineeWithCall();
    expect(await request((await server.person('trainee')).socket, 'rtc:join', { callId })).toMatchObject({ ok: false, code: 'not_found' });
    expect((await server.api('POST', `/api/v1/calls/${callId}/end`, { cookie, body: {} })).body).toMatchObject({ status: 'ended' });
  });
});
