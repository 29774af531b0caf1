import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../protocol/roles.js';
import type { TryCallerReply } from '../protocol/scenario-editor.js';
import { scenarioFixture } from '../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../test/harness.js';

// What the scenario editor asks of the server: a PATCH checked as the whole scenario it makes,
// duplicate, archive and restore, and "try the caller" of a draft, each for instructors only.

let server: TestServer;
const cookies = {} as Record<Role, string>;

/** A scenario whose caller answers the address when asked for it. */
const withRules = () =>
  scenarioFixture({
    script: {
      openingLine: 'My kitchen is on fire!',
      revealRules: [{ fact: 'location', answer: 'It is 1420 Maple Avenue!', when: 'askedFor', intents: ['ask_location'], keywords: [], values: [] }],
      timeline: [],
      preArrivalInstructions: [],
    },
  });

async function created(body = withRules()) {
  const res = await server.api('POST', '/api/v1/scenarios', { cookie: cookies.instructor, body });
  expect(res.status).toBe(201);
  return body;
}

beforeAll(async () => {
  server = await startTestServer();
  for (const role of ['trainee', 'supervisor', 'instructor', 'admin'] as const) cookies[role] = await server.login(await server.user(role));
});
afterAll(() => server?.close());

describe('saving a change to a scenario', () => {
  // Regression: PATCH checked each field sent on its own and stored the merge, so a change could
  // make a scenario the schema refuses whole (a variation needing the caller's sex, a placeholder
  // nobody fills) and every later call of it would fail to start.
  it('refuses a change that makes the whole scenario invalid, naming the field, and stores nothing', async () => {
    const s = await created();
    const sexless = await server.api('PATCH', `/api/v1/scenarios/${s.id}`, { cookie: cookies.instructor, body: { variation: { names: true } } });
    expect(sexless.status).toBe(400);
    expect(sexless.body.message).toMatch(/^persona\.sex: needed to draw/);
    const unknown = await server.api('PATCH', `/api/v1/scenarios/${s.id}`, { cookie: cookies.instructor, body: { summary: 'A call from {neighbour.first}.' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/^summary: unknown placeholder \{neighbour\.first\}/);
    const stored = await server.api('GET', `/api/v1/scenarios/${s.id}`, { cookie: cookies.instructor });
    expect(stored.body).toMatchObject({ version: 1, summary: s.summary });
    expect(stored.body.variation).toBeUndefined();
  });

  it('names the field of a bad value sent, deep in the scenario', async () => {
    const s = await created();
    const res = await server.api('PATCH', `/api/v1/scenarios/${s.id}`, { cookie: cookies.instructor, body: { persona: { ...s.persona, controlDifficulty: 2 } } });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('persona.controlDifficulty: at most 1');
  });
});

describe('duplicating a scenario', () => {
  it('copies it under a new id as version 1, titled as a copy', async () => {
    const s = await created();
    const v2 = await server.api('PATCH', `/api/v1/scenarios/${s.id}`, { cookie: cookies.instructor, body: { difficulty: 4 } });
    expect(v2.body.version).toBe(2);
    const copy = await server.api('POST', `/api/v1/scenarios/${s.id}/duplicate`, { cookie: cookies.instructor, body: { id: `${s.id}-b` } });
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ id: `${s.id}-b`, title: `${s.title} (copy)`, difficulty: 4, version: 1, archivedAt: null, script: s.script });
    const named = await server.api('POST', `/api/v1/scenarios/${s.id}/duplicate`, { cookie: cookies.admin, body: { id: `${s.id}-c`, title: 'Night shift variant' } });
    expect(named.body.title).toBe('Night shift variant');
  });

  it('answers 409 for a taken id, 400 naming a bad one, 404 for no such scenario, 403 to a trainee', async () => {
    const s = await created();
    const dup = (id: string, body: unknown, cookie = cookies.instructor) => server.api('POST', `/api/v1/scenarios/${id}/duplicate`, { cookie, body });
    expect((await dup(s.id, { id: s.id })).status).toBe(409);
    const bad = await dup(s.id, { id: 'Not An Id' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('id: lowercase letters, digits and dashes');
    expect((await dup('no-such-scenario', { id: 'anything-new' })).status).toBe(404);
    expect((await dup(s.id, { id: `${s.id}-t` }, cookies.trainee)).status).toBe(403);
    expect((await dup(s.id, { id: `${s.id}-s` }, cookies.supervisor)).status).toBe(403);
  });
});

describe('archiving a scenario', () => {
  it('takes it out of the library and refuses new calls and assignments, while its past calls and reviews keep working', async () => {
    const s = await created();
    const call = await server.api('POST', '/api/v1/calls/start', { cookie: cookies.trainee, body: { scenarioId: s.id } });
    expect(call.status).toBe(201);
    expect((await server.api('POST', `/api/v1/calls/${call.body.id}/end`, { cookie: cookies.trainee })).status).toBe(200);

    const archived = await server.api('POST', `/api/v1/scenarios/${s.id}/archive`, { cookie: cookies.instructor });
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).toEqual(expect.any(String));
    expect(archived.body.version).toBe(1);

    const ids = async (role: Role, query = '') => ((await server.api('GET', `/api/v1/scenarios${query}`, { cookie: cookies[role] })).body as { id: string }[]).map((x) => x.id);
    expect(await ids('trainee')).not.toContain(s.id);
    expect(await ids('instructor')).not.toContain(s.id);
    expect(await ids('instructor', '?archived=true')).toContain(s.id);
    // A trainee asking for the archive gets the library, not what was taken out of it.
    expect(await ids('trainee', '?archived=true')).not.toContain(s.id);

    const again = await server.api('POST', '/api/v1/calls/start', { cookie: cookies.trainee, body: { scenarioId: s.id } });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('archived');
    const klass = await server.api('POST', '/api/v1/classes', { cookie: cookies.instructor, body: { name: `Archive ${s.id}` } });
    const assign = await server.api('POST', `/api/v1/classes/${klass.body.id}/assignments`, { cookie: cookies.instructor, body: { scenarioId: s.id, mode: 'practice' } });
    expect(assign.status).toBe(409);

    for (const role of ['trainee', 'instructor'] as const) {
      expect((await server.api('GET', `/api/v1/calls/${call.body.id}`, { cookie: cookies[role] })).status).toBe(200);
      const review = await server.api('GET', `/api/v1/calls/${call.body.id}/review`, { cookie: cookies[role] });
      expect(review.status).toBe(200);
      expect(review.body.scenario.title).toBe(s.title);
    }

    const restored = await server.api('POST', `/api/v1/scenarios/${s.id}/restore`, { cookie: cookies.instructor });
    expect(restored.body.archivedAt).toBeNull();
    expect(await ids('trainee')).toContain(s.id);
  });

  it('is for instructors and admins only, and answers 404 for no such scenario', async () => {
    const s = await created();
    for (const role of ['trainee', 'supervisor'] as const) {
      expect((await server.api('POST', `/api/v1/scenarios/${s.id}/archive`, { cookie: cookies[role] })).status).toBe(403);
    }
    expect((await server.api('POST', '/api/v1/scenarios/no-such-scenario/archive', { cookie: cookies.admin })).status).toBe(404);
  });
});

describe('trying the caller of a draft', () => {
  const tryIt = (body: unknown, role: Role = 'instructor') => server.api('POST', '/api/v1/scenarios/try', { cookie: cookies[role], body });

  it("answers as the draft's caller, from its reveal rules, without saving anything", async () => {
    const draft = withRules();
    const res = await tryIt({ scenario: draft, lines: [{ text: 'nine one one what is the address of your emergency', atMs: 3000 }] });
    expect(res.status).toBe(200);
    const reply = res.body as TryCallerReply;
    expect(reply.turns[0]).toMatchObject({ speaker: 'caller', text: expect.stringContaining('kitchen is on fire'), atMs: 0 });
    expect(reply.turns[1]).toMatchObject({ speaker: 'trainee', atMs: 3000 });
    expect(reply.turns.at(-1)).toMatchObject({ speaker: 'caller', text: expect.stringContaining('1420 Maple') });
    expect(reply.revealed).toContain('location');
    expect((await server.api('GET', `/api/v1/scenarios/${draft.id}`, { cookie: cookies.instructor })).status).toBe(404);
  });

  it('gives the same conversation for the same lines and seed: the server keeps no state between turns', async () => {
    const body = { scenario: withRules(), seed: 7, lines: [{ text: 'whats the address', atMs: 2000 }, { text: 'okay stay on the line', atMs: 6000 }] };
    const first = await tryIt(body);
    expect((await tryIt(body)).body).toEqual(first.body);
  });

  it('refuses a trainee and a supervisor with 403', async () => {
    for (const role of ['trainee', 'supervisor'] as const) expect((await tryIt({ scenario: withRules(), lines: [] }, role)).status).toBe(403);
  });

  it('answers 400 naming the field of a draft the schema refuses, and lines out of order', async () => {
    const draft = withRules();
    const bad = await tryIt({ scenario: { ...draft, persona: { ...draft.persona, age: 'old' } }, lines: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('scenario.persona.age: must be a number');
    const order = await tryIt({ scenario: draft, lines: [{ text: 'hello', atMs: 5000 }, { text: 'hello', atMs: 1000 }] });
    expect(order.status).toBe(400);
    expect(order.body.message).toBe('lines: lines must be in time order');
  });
});
