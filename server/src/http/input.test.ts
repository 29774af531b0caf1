import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioFixture } from '../../test/fixtures.js';
import { request } from '../../test/socket.js';
import { startTestServer, type TestServer } from '../../test/harness.js';

// Input that is not text, or not well formed: refused with a 400 (or a socket bad_request)
// naming what is wrong, never a 500 and never stored mangled or dropped.

let server: TestServer;
let instructor: string;
beforeAll(async () => {
  server = await startTestServer();
  instructor = await server.login(await server.user('instructor'));
});
afterAll(() => server?.close());

/** POSTs raw bytes as JSON to start a call, with extra headers. */
async function post(body: Buffer, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${server.url}/api/v1/calls/start`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: instructor, ...headers }, body: new Uint8Array(body) });
  return { status: res.status, body: await res.json() };
}

describe('malformed bodies', () => {
  it('regression: a garbage body with Content-Encoding: gzip answered 500', async () => {
    expect(await post(Buffer.from('this is not gzip at all'), { 'content-encoding': 'gzip' })).toEqual({
      status: 400,
      body: { code: 'bad_request', message: 'malformed request body' },
    });
  });

  it('reads a real gzip body', async () => {
    const res = await post(gzipSync(JSON.stringify({ scenarioId: 'no-such-scenario' })), { 'content-encoding': 'gzip' });
    expect(res.status).toBe(404);
  });

  it('answers invalid JSON and bytes that are not UTF-8 with 400', async () => {
    expect(await post(Buffer.from('{"scenarioId": '))).toEqual({ status: 400, body: { code: 'bad_request', message: 'malformed JSON body' } });
    const latin1 = Buffer.concat([Buffer.from('{"scenarioId":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
    expect(await post(latin1)).toEqual({ status: 400, body: { code: 'bad_request', message: 'request body is not valid UTF-8' } });
  });

  it('answers an unknown encoding or charset with 415', async () => {
    expect((await post(Buffer.from('{}'), { 'content-encoding': 'zstd-of-the-future' })).status).toBe(415);
    expect((await post(Buffer.from('{}'), { 'content-type': 'application/json; charset=klingon' })).status).toBe(415);
  });
});

describe('control characters in text', () => {
  it('refuses them in a scenario, naming the field, and keeps line breaks in its summary', async () => {
    const bell = await server.api('POST', '/api/v1/scenarios', { cookie: instructor, body: scenarioFixture({ persona: { ...scenarioFixture().persona, name: 'Dana\u0007' } }) });
    expect(bell).toMatchObject({ status: 400, body: { message: 'persona.name: contains a control character (U+0007 at character 5)' } });

    const nulInSummary = await server.api('POST', '/api/v1/scenarios', { cookie: instructor, body: scenarioFixture({ summary: 'A fire.\u0000' }) });
    expect(nulInSummary.body.message).toBe('summary: contains a control character (U+0000 at character 8)');

    const fixture = scenarioFixture({ summary: 'A grease fire.\n\nThe caller got out.' });
    const created = await server.api('POST', '/api/v1/scenarios', { cookie: instructor, body: fixture });
    expect(created.status).toBe(201);
    expect(created.body.summary).toBe('A grease fire.\n\nThe caller got out.');

    const patched = await server.api('PATCH', `/api/v1/scenarios/${fixture.id}`, { cookie: instructor, body: { title: 'Kitchen\tfire' } });
    expect(patched).toMatchObject({ status: 400, body: { message: 'title: contains a control character (U+0009 at character 8)' } });
  });

  it('refuses a lone surrogate, which is not text', async () => {
    const res = await server.api('POST', '/api/v1/scenarios', { cookie: instructor, raw: JSON.stringify(scenarioFixture()).replace('Kitchen fire', 'Kitchen \\ud800fire') });
    expect(res).toMatchObject({ status: 400, body: { message: 'title: contains a lone surrogate (U+D800 at character 9)' } });
  });

  it('regression: a NUL in a scenario id, a call filter or an end reason answered 500 (PostgreSQL 22021)', async () => {
    expect((await server.api('PATCH', '/api/v1/scenarios/abc%00', { cookie: instructor, body: {} })).status).toBe(400);
    const start = await server.api('POST', '/api/v1/calls/start', { cookie: instructor, body: { scenarioId: 'house-fire\u0000' } });
    expect(start).toMatchObject({ status: 400, body: { message: 'scenarioId: contains a control character (U+0000 at character 11)' } });
    const list = await server.api('GET', '/api/v1/calls?scenarioId=a%00b', { cookie: instructor });
    expect(list).toMatchObject({ status: 400, body: { message: expect.stringMatching(/^scenarioId: contains a control character/) } });
  });

  it('refuses them over the socket with bad_request naming the field: a typed line, a steer, a transport id', async () => {
    const trainee = await server.person('trainee');
    const call = await server.api('POST', '/api/v1/calls/start', { cookie: trainee.cookie, body: { scenarioId: 'house-fire-trapped-person' } });
    const end = await server.api('POST', `/api/v1/calls/${call.body.id}/end`, { cookie: trainee.cookie, body: { reason: 'done\u001b[31m' } });
    expect(end).toMatchObject({ status: 400, body: { message: 'reason: contains a control character (U+001B at character 5)' } });

    const callId = call.body.id as string;
    expect(await request(trainee.socket, 'call:type', { callId, text: 'hello\u0000' })).toMatchObject({ ok: false, code: 'bad_request', message: expect.stringMatching(/^text: /) });
    const steer = await request((await server.person('instructor')).socket, 'call:steer', { callId, steer: { action: 'event', say: 'shots\u0000' } });
    expect(steer).toMatchObject({ ok: false, code: 'bad_request', message: expect.stringMatching(/^steer.say: contains a control character/) });
    const restart = await request(trainee.socket, 'rtc:restartIce', { callId, transportId: 't\u0000' });
    expect(restart).toMatchObject({ ok: false, code: 'bad_request', message: expect.stringMatching(/^transportId: /) });
  });
});
