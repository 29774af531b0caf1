import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '../protocol/api.js';
import type { Role } from '../protocol/roles.js';
import { scenarioFixture } from '../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../test/harness.js';

// Regression: the trainee's scenario cards gave the answers away (summary, twist and ground
// truth on the home page before the call, in practice and exam mode alike). Every route that
// returns scenario data is read here by every role.

const CARD_KEYS = ['brief', 'difficulty', 'id', 'nature', 'title'];
// Words of the fixture's summary and ground truth that must not reach a trainee before the call.
const SECRETS = ['grease fire', 'Dana Reyes', 'gas stove', 'the dog is inside'];

let server: TestServer;
const cookies = {} as Record<Role, string>;
let trainee: Me;
const fixture = scenarioFixture({ summary: 'A grease fire spread to the cabinets; the dog is inside.' });

function leaks(body: unknown): string[] {
  const text = JSON.stringify(body);
  return SECRETS.filter((s) => text.includes(s));
}

async function startCall(mode: 'practice' | 'exam' = 'practice') {
  const res = await server.api('POST', '/api/v1/calls/start', { cookie: cookies.trainee, body: { scenarioId: fixture.id, mode } });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

beforeAll(async () => {
  server = await startTestServer();
  const users = await Promise.all((['trainee', 'supervisor', 'instructor', 'admin'] as const).map((role) => server.user(role)));
  trainee = users[0]!;
  for (const user of users) cookies[user.role] = await server.login(user);
  expect((await server.api('POST', '/api/v1/scenarios', { cookie: cookies.instructor, body: fixture })).status).toBe(201);
});
afterAll(() => server?.close());

describe('the scenario library', () => {
  it('lists only the card to a trainee: title, kind of call, difficulty and the brief', async () => {
    const res = await server.api('GET', '/api/v1/scenarios', { cookie: cookies.trainee });
    expect(res.status).toBe(200);
    for (const s of res.body) expect(Object.keys(s).sort()).toEqual(CARD_KEYS);
    expect(res.body.find((s: { id: string }) => s.id === fixture.id)).toEqual({ id: fixture.id, title: fixture.title, nature: 'fire', difficulty: 2, brief: fixture.brief });
    expect(leaks(res.body)).toEqual([]);
  });

  it.each(['supervisor', 'instructor', 'admin'] as const)('lists the summary, twist included, to a %s', async (role) => {
    const res = await server.api('GET', '/api/v1/scenarios', { cookie: cookies[role] });
    expect(res.body.find((s: { id: string }) => s.id === fixture.id)).toEqual({ id: fixture.id, title: fixture.title, nature: 'fire', difficulty: 2, brief: fixture.brief, summary: fixture.summary });
  });

  it('gives a trainee who asks for one scenario its card, not its ground truth', async () => {
    const res = await server.api('GET', `/api/v1/scenarios/${fixture.id}`, { cookie: cookies.trainee });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(CARD_KEYS);
    expect(leaks(res.body)).toEqual([]);
  });

  it.each(['supervisor', 'instructor', 'admin'] as const)('gives a %s the whole scenario', async (role) => {
    const res = await server.api('GET', `/api/v1/scenarios/${fixture.id}`, { cookie: cookies[role] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ summary: fixture.summary, groundTruth: { callerName: 'Dana Reyes' }, script: { openingLine: fixture.script.openingLine } });
  });

  it('keeps every library scenario brief free of its own summary', async () => {
    const staff = (await server.api('GET', '/api/v1/scenarios', { cookie: cookies.supervisor })).body as { brief: string; summary: string }[];
    for (const s of staff) expect(s.brief).not.toBe(s.summary);
  });
});

describe('calls and their review', () => {
  it('never sends a trainee the scenario while their call is live, in practice or exam mode', async () => {
    for (const mode of ['practice', 'exam'] as const) {
      const call = await startCall(mode);
      const reads = [
        await server.api('GET', `/api/v1/calls/${call.id}`, { cookie: cookies.trainee }),
        await server.api('GET', '/api/v1/calls', { cookie: cookies.trainee }),
        await server.api('GET', `/api/v1/calls/${call.id}/review`, { cookie: cookies.trainee }),
      ];
      for (const res of reads) {
        expect(res.status).toBe(200);
        expect(leaks(res.body)).toEqual([]);
      }
      expect(reads[2]!.body.scenario).toEqual({ id: fixture.id, title: fixture.title, nature: 'fire', difficulty: 2, brief: fixture.brief });
      expect(reads[2]!.body.truth).toBeNull();
      expect((await server.api('POST', `/api/v1/calls/${call.id}/end`, { cookie: cookies.trainee })).status).toBe(200);
    }
  });

  it("shows the trainee the summary and the truth in their own call's review once it is over", async () => {
    const call = await startCall();
    await server.api('POST', `/api/v1/calls/${call.id}/end`, { cookie: cookies.trainee });
    const review = await server.api('GET', `/api/v1/calls/${call.id}/review`, { cookie: cookies.trainee });
    expect(review.body.scenario).toMatchObject({ brief: fixture.brief, summary: fixture.summary });
    expect(review.body.truth).not.toBeNull();
  });

  it.each(['supervisor', 'instructor', 'admin'] as const)("shows a %s the summary in a live call's review", async (role) => {
    const call = await startCall();
    const review = await server.api('GET', `/api/v1/calls/${call.id}/review`, { cookie: cookies[role] });
    expect(review.status).toBe(200);
    expect(review.body.scenario.summary).toBe(fixture.summary);
    await server.api('POST', `/api/v1/calls/${call.id}/end`, { cookie: cookies.instructor });
  });

  it("sends no scenario secret in a trainee's history", async () => {
    const res = await server.api('GET', `/api/v1/trainees/${trainee.id}/history`, { cookie: cookies.trainee });
    expect(res.status).toBe(200);
    expect(leaks(res.body)).toEqual([]);
  });
});
