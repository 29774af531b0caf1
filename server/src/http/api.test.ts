import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '../protocol/api.js';
import { recordingKey } from '../storage/storage.js';
import { scenarioFixture } from '../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
let trainee: Me, otherTrainee: Me, supervisor: Me, instructor: Me;
let traineeCookie: string, otherCookie: string, supervisorCookie: string, instructorCookie: string;
let scenarioId: string;

beforeAll(async () => {
  server = await startTestServer();
  [trainee, otherTrainee, supervisor, instructor] = await Promise.all([
    server.user('trainee'),
    server.user('trainee'),
    server.user('supervisor'),
    server.user('instructor'),
  ]);
  [traineeCookie, otherCookie, supervisorCookie, instructorCookie] = (await Promise.all(
    [trainee, otherTrainee, supervisor, instructor].map((u) => server.login(u)),
  )) as [string, string, string, string];
  const created = await server.api('POST', '/api/v1/scenarios', { cookie: instructorCookie, body: scenarioFixture() });
  scenarioId = created.body.id;
});
afterAll(() => server?.close());

describe('health and readiness', () => {
  it('answers /health while the process is up', async () => {
    const res = await server.api('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
  });

  it('reports every dependency on /ready', async () => {
    const res = await server.api('GET', '/ready');
    expect(res.status).toBe(200);
    expect(res.body.ready).toBe(true);
    expect(Object.keys(res.body.checks).sort()).toEqual(['database', 'mediaCapacity', 'mediasoupWorkers', 'speechEngines', 'storage', 'takingCalls']);
  });

  it('tags every response with a request id, keeping a sane one the caller sent', async () => {
    expect((await server.api('GET', '/health', { headers: { 'x-request-id': 'abc-123' } })).headers.get('x-request-id')).toBe('abc-123');
    expect((await server.api('GET', '/health', { headers: { 'x-request-id': 'no spaces or <tags> allowed' } })).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('login', () => {
  it('sets an httpOnly session cookie and returns the user', async () => {
    const res = await server.api('POST', '/api/v1/auth/login', { body: { email: trainee.email.toUpperCase(), password: 'correct horse battery staple' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(trainee);
    expect(res.headers.get('set-cookie')).toMatch(/ringdown_session=.+HttpOnly.+SameSite=Lax/i);
  });

  it('refuses a wrong password and an unknown email with the same 401', async () => {
    const wrong = await server.api('POST', '/api/v1/auth/login', { body: { email: trainee.email, password: 'nope' } });
    const unknown = await server.api('POST', '/api/v1/auth/login', { body: { email: 'ghost@test.local', password: 'nope' } });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('names the bad field of a malformed login', async () => {
    const res = await server.api('POST', '/api/v1/auth/login', { body: { email: 'not-an-email', password: 'x' } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'bad_request', message: expect.stringContaining('email') });
  });

  it('answers who is signed in with 200 either way, so a signed-out browser logs no error', async () => {
    expect(await server.api('GET', '/api/v1/auth/session')).toMatchObject({ status: 200, body: { user: null } });
    const cookie = await server.login(trainee);
    expect(await server.api('GET', '/api/v1/auth/session', { cookie })).toMatchObject({ status: 200, body: { user: trainee } });
  });

  it('ends the session on logout', async () => {
    const cookie = await server.login(trainee);
    expect((await server.api('GET', '/api/v1/auth/me', { cookie })).status).toBe(200);
    expect((await server.api('POST', '/api/v1/auth/logout', { cookie })).status).toBe(204);
    expect((await server.api('GET', '/api/v1/auth/me', { cookie })).status).toBe(401);
  });
});

describe('every API route wants a session', () => {
  it.each([
    ['GET', '/api/v1/auth/me'],
    ['GET', '/api/v1/scenarios'],
    ['GET', '/api/v1/scenarios/x'],
    ['POST', '/api/v1/scenarios'],
    ['PATCH', '/api/v1/scenarios/x'],
    ['POST', '/api/v1/calls/start'],
    ['GET', '/api/v1/calls'],
    ['GET', `/api/v1/calls/${randomUUID()}`],
    ['POST', `/api/v1/calls/${randomUUID()}/end`],
  ])('%s %s answers 401 without one', async (method, url) => {
    const res = await server.api(method, url, method === 'GET' ? {} : { body: {} });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
  });

  it('answers 401 to a forged cookie', async () => {
    expect((await server.api('GET', '/api/v1/calls', { cookie: 'ringdown_session=forged' })).status).toBe(401);
  });
});

describe('request bodies', () => {
  it('answers 413 to an oversized body', async () => {
    const res = await server.api('POST', '/api/v1/scenarios', { cookie: instructorCookie, raw: JSON.stringify({ pad: 'x'.repeat(300 * 1024) }) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
  });

  it('answers 400 to malformed JSON', async () => {
    const res = await server.api('POST', '/api/v1/calls/start', { cookie: traineeCookie, raw: '{"scenarioId":' });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('malformed JSON body');
  });

  it('answers 404 with JSON for an unknown API route', async () => {
    const res = await server.api('GET', '/api/v1/nothing-here', { cookie: traineeCookie });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
  });
});

describe('scenarios', () => {
  // What each role reads of a scenario: scenario-visibility.test.ts.
  it('answers 404 for an unknown scenario', async () => {
    expect((await server.api('GET', '/api/v1/scenarios/no-such-thing', { cookie: instructorCookie })).status).toBe(404);
    expect((await server.api('PATCH', '/api/v1/scenarios/no-such-thing', { cookie: instructorCookie, body: { difficulty: 3 } })).status).toBe(404);
  });

  it('lets instructors create and update, and names the bad field', async () => {
    const input = scenarioFixture();
    expect((await server.api('POST', '/api/v1/scenarios', { cookie: instructorCookie, body: input })).status).toBe(201);
    expect((await server.api('POST', '/api/v1/scenarios', { cookie: instructorCookie, body: input })).status).toBe(409);
    const updated = await server.api('PATCH', `/api/v1/scenarios/${input.id}`, { cookie: instructorCookie, body: { difficulty: 4 } });
    expect(updated.body).toMatchObject({ difficulty: 4, version: 2 });
    // Saving what is already there adds no version.
    const again = await server.api('PATCH', `/api/v1/scenarios/${input.id}`, { cookie: instructorCookie, body: { difficulty: 4, title: input.title } });
    expect(again.body).toMatchObject({ difficulty: 4, version: 2 });
    const bad = await server.api('POST', '/api/v1/scenarios', { cookie: instructorCookie, body: { ...scenarioFixture(), persona: { ...input.persona, age: 'old' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^persona\.age: /);
  });

  it('refuses scenario writes from trainees and supervisors', async () => {
    for (const cookie of [traineeCookie, supervisorCookie]) {
      expect((await server.api('POST', '/api/v1/scenarios', { cookie, body: scenarioFixture() })).status).toBe(403);
      expect((await server.api('PATCH', `/api/v1/scenarios/${scenarioId}`, { cookie, body: { difficulty: 1 } })).status).toBe(403);
    }
  });
});

describe('calls', () => {
  it('starts a ringing call with the ANI/ALI the call-taker sees, and one live call per trainee', async () => {
    const res = await server.api('POST', '/api/v1/calls/start', { cookie: traineeCookie, body: { scenarioId } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'ringing', trainee: { id: trainee.id }, ani: '(312) 555-0100', ali: { address: '1420 Maple Avenue' } });
    expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(['ring']);
    const again = await server.api('POST', '/api/v1/calls/start', { cookie: traineeCookie, body: { scenarioId } });
    expect(again.status).toBe(409);
    await server.api('POST', `/api/v1/calls/${res.body.id}/end`, { cookie: traineeCookie, body: {} });
  });

  it('names the missing field and answers 404 for an unknown scenario', async () => {
    const missing = await server.api('POST', '/api/v1/calls/start', { cookie: traineeCookie, body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/^scenarioId: /);
    const unknown = await server.api('POST', '/api/v1/calls/start', { cookie: traineeCookie, body: { scenarioId: 'no-such-scenario' } });
    expect(unknown.status).toBe(404);
  });

  it('refuses to let supervisors start calls or trainees start them for others', async () => {
    expect((await server.api('POST', '/api/v1/calls/start', { cookie: supervisorCookie, body: { scenarioId } })).status).toBe(403);
    const forOther = await server.api('POST', '/api/v1/calls/start', { cookie: traineeCookie, body: { scenarioId, traineeId: otherTrainee.id } });
    expect(forOther.status).toBe(403);
  });

  it('lets an instructor start a call for a trainee', async () => {
    const res = await server.api('POST', '/api/v1/calls/start', { cookie: instructorCookie, body: { scenarioId, traineeId: otherTrainee.id } });
    expect(res.status).toBe(201);
    expect(res.body.trainee.id).toBe(otherTrainee.id);
    expect((await server.api('POST', `/api/v1/calls/${res.body.id}/end`, { cookie: instructorCookie, body: { outcome: 'abandoned' } })).body.outcome).toBe('abandoned');
  });

  it('never shows one trainee another trainee\'s call', async () => {
    const call = (await server.api('POST', '/api/v1/calls/start', { cookie: otherCookie, body: { scenarioId } })).body;
    const peek = await server.api('GET', `/api/v1/calls/${call.id}`, { cookie: traineeCookie });
    expect(peek.status).toBe(404);
    const end = await server.api('POST', `/api/v1/calls/${call.id}/end`, { cookie: traineeCookie, body: {} });
    expect(end.status).toBe(404);
    const list = await server.api('GET', '/api/v1/calls?limit=200', { cookie: traineeCookie });
    expect(list.body.items.every((c: { trainee: { id: string } }) => c.trainee.id === trainee.id)).toBe(true);
    expect((await server.api('GET', `/api/v1/calls?traineeId=${otherTrainee.id}`, { cookie: traineeCookie })).status).toBe(403);
    expect((await server.api('GET', `/api/v1/calls/${call.id}`, { cookie: supervisorCookie })).status).toBe(200);
    await server.api('POST', `/api/v1/calls/${call.id}/end`, { cookie: otherCookie, body: {} });
  });

  it('does not let a supervisor end a call', async () => {
    const call = (await server.api('POST', '/api/v1/calls/start', { cookie: traineeCookie, body: { scenarioId } })).body;
    expect((await server.api('POST', `/api/v1/calls/${call.id}/end`, { cookie: supervisorCookie, body: {} })).status).toBe(403);
    await server.api('POST', `/api/v1/calls/${call.id}/end`, { cookie: traineeCookie, body: {} });
  });

  it('ends a call once and records who ended it', async () => {
    const call = (await server.api('POST', '/api/v1/calls/start', { cookie: traineeCookie, body: { scenarioId } })).body;
    const ended = await server.api('POST', `/api/v1/calls/${call.id}/end`, { cookie: traineeCookie, body: { outcome: 'completed' } });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ status: 'ended', outcome: 'completed', endedAt: expect.any(String) });
    expect(ended.body.events.at(-1)).toMatchObject({ type: 'end', actor: { id: trainee.id } });
    expect((await server.api('POST', `/api/v1/calls/${call.id}/end`, { cookie: traineeCookie, body: {} })).status).toBe(409);
    const badOutcome = await server.api('POST', `/api/v1/calls/${call.id}/end`, { cookie: traineeCookie, body: { outcome: 'exploded' } });
    expect(badOutcome.status).toBe(400);
    expect(badOutcome.body.message).toMatch(/^outcome: /);
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    expect((await server.api('GET', '/api/v1/calls/not-a-uuid', { cookie: traineeCookie })).status).toBe(400);
    expect((await server.api('GET', `/api/v1/calls/${randomUUID()}`, { cookie: supervisorCookie })).status).toBe(404);
  });

  it('pages the list newest first with a cursor and filters by status', async () => {
    const trainee3 = await server.user('trainee');
    const cookie = await server.login(trainee3);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const call = (await server.api('POST', '/api/v1/calls/start', { cookie, body: { scenarioId } })).body;
      ids.unshift(call.id);
      if (i < 2) await server.api('POST', `/api/v1/calls/${call.id}/end`, { cookie, body: {} });
    }
    const first = await server.api('GET', '/api/v1/calls?limit=2', { cookie });
    expect(first.body.items.map((c: { id: string }) => c.id)).toEqual(ids.slice(0, 2));
    const second = await server.api('GET', `/api/v1/calls?limit=2&cursor=${first.body.nextCursor}`, { cookie });
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: ids[2] })], nextCursor: null });
    const ringing = await server.api('GET', '/api/v1/calls?status=ringing', { cookie });
    expect(ringing.body.items.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    expect((await server.api('GET', '/api/v1/calls?limit=0', { cookie })).status).toBe(400);
  });
});

describe('recordings', () => {
  it('are read through a signed URL that refuses tampering', async () => {
    const call = (await server.api('POST', '/api/v1/calls/start', { cookie: traineeCookie, body: { scenarioId } })).body;
    const key = recordingKey(call.id, '0123456789ab');
    const file = path.join(server.config.dataDir, 'upload.wav');
    await writeFile(file, Buffer.from('RIFF....WAVEfmt fake'));
    await server.storage.put(key, file, 'audio/wav');
    await server.db.calls.apply({ kind: 'recording', callId: call.id, token: null, recording: { id: randomUUID(), storageKey: key, durationMs: 1000, channels: 2, sampleRateHz: 16000, sizeBytes: 20 } });
    const detail = (await server.api('GET', `/api/v1/calls/${call.id}`, { cookie: traineeCookie })).body;
    const url: string = detail.recordings[0].url;
    expect(url).toMatch(new RegExp(`^/api/v1/files/recordings/${call.id}/\\d+-0123456789ab\\.wav\\?expires=\\d+&sig=`));

    const ok = await fetch(server.url + url);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('audio/wav');
    expect(await ok.text()).toBe('RIFF....WAVEfmt fake');

    const tampered = url.replace(/sig=./, (m) => (m.endsWith('A') ? 'sig=B' : 'sig=A'));
    expect((await fetch(server.url + tampered)).status).toBe(403);
    const extended = url.replace(/expires=\d+/, `expires=${Date.now() + 3_600_000}`);
    expect((await fetch(server.url + extended)).status).toBe(403);
    const otherKey = url.replace(call.id, randomUUID());
    expect((await fetch(server.url + otherKey)).status).toBe(403);
    await server.api('POST', `/api/v1/calls/${call.id}/end`, { cookie: traineeCookie, body: {} });
  });
});
