import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioFixture } from '../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { connectSocket, nextEvent, request, type ClientSocket } from '../../test/socket.js';
import type { CallReview, ChecklistItemView, TraineeHistory } from '../protocol/api.js';

// Call intelligence end to end without audio: typed trainee lines go through the live call,
// their entities and the checklist are pushed as they are found, and the ended call is
// scored, reviewable and in the trainee's history, each seen only by who may see it.

let server: TestServer;
let scenarioId: string;
let supervisorCookie: string;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const instructorCookie = await server.login(await server.user('instructor'));
  scenarioId = (await server.api('POST', '/api/v1/scenarios', { cookie: instructorCookie, body: scenarioFixture() })).body.id;
  supervisorCookie = await server.login(await server.user('supervisor'));
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await server?.close();
});

async function socketFor(cookie: string): Promise<ClientSocket> {
  const socket = await connectSocket(server.url, cookie);
  sockets.push(socket);
  return socket;
}

async function answeredCall(mode: 'practice' | 'exam') {
  const trainee = await server.user('trainee');
  const cookie = await server.login(trainee);
  const call = await server.api('POST', '/api/v1/calls/start', { cookie, body: { scenarioId, mode } });
  expect(call.status).toBe(201);
  expect(call.body.mode).toBe(mode);
  const callId = call.body.id as string;
  const socket = await socketFor(cookie);
  expect(await request(socket, 'rtc:join', { callId }, 30_000)).toMatchObject({ ok: true });
  expect(await request(socket, 'call:answer', { callId })).toMatchObject({ ok: true });
  return { trainee, cookie, callId, socket };
}

const itemOf = (items: ChecklistItemView[], id: string) => items.find((i) => i.id === id);

describe('call intelligence', () => {
  it('pushes the entities of a read-back and ticks the location item live, then scores the ended call', async () => {
    const { trainee, cookie, callId, socket } = await answeredCall('practice');
    const asked = nextEvent(socket, 'call:checklist', (c) => c.callId === callId && itemOf(c.items, 'location')?.status === 'partial', 15_000);
    expect(await request(socket, 'call:type', { callId, text: '911 what is the address of your emergency' })).toEqual({ ok: true, data: null });
    expect(itemOf((await asked).items, 'location')).toMatchObject({ status: 'partial', evidence: [expect.objectContaining({ text: expect.stringMatching(/address/) })] });

    const entities = nextEvent(socket, 'call:entities', (e) => e.callId === callId && e.entities.some((x) => x.type === 'address'), 15_000);
    const verified = nextEvent(socket, 'call:checklist', (c) => c.callId === callId && itemOf(c.items, 'location')?.status === 'done', 15_000);
    await request(socket, 'call:type', { callId, text: 'okay so that is fourteen twenty maple avenue correct' });
    expect((await entities).entities).toContainEqual(expect.objectContaining({ type: 'address', normalized: '1420 Maple Avenue' }));
    expect(itemOf((await verified).items, 'location')?.atMs).toEqual(expect.any(Number));

    expect(await request(socket, 'call:end', { callId })).toMatchObject({ ok: true });
    const review = await server.api('GET', `/api/v1/calls/${callId}/review`, { cookie });
    expect(review.status).toBe(200);
    const body = review.body as CallReview;
    expect(body.score.total).toEqual(expect.any(Number));
    expect(body.score.items.find((m) => m.rubricItem === 'location_verified')).toMatchObject({ label: 'Location read back' });
    expect(body.captured).toContainEqual(expect.objectContaining({ type: 'address', normalized: '1420 Maple Avenue' }));
    expect(body.truth).toContainEqual({ field: 'location', label: 'Location', truth: '1420 Maple Avenue', captured: '1420 Maple Avenue', match: 'yes' });
    expect(body.truth).toContainEqual(expect.objectContaining({ field: 'callback_number', match: 'missing' }));
    expect(itemOf(body.checklist, 'location')?.status).toBe('done');
    expect(body.call.transcript.filter((s) => s.speaker === 'trainee')).toHaveLength(2);
    // The live checklist as it was shown, with its times, and where it ended is the final checklist.
    const live = body.liveChecklist.filter((m) => m.item === 'location');
    expect(live.map((m) => m.status)).toEqual(['partial', 'done']);
    expect(live[1]!.atMs).toBeGreaterThanOrEqual(live[0]!.atMs);
    for (const item of body.checklist) expect(body.liveChecklist.findLast((m) => m.item === item.id)?.status ?? 'open', item.id).toBe(item.status);

    const history = await server.api('GET', `/api/v1/trainees/${trainee.id}/history`, { cookie });
    expect(history.status).toBe(200);
    expect((history.body as TraineeHistory).calls).toEqual([expect.objectContaining({ callId, score: body.score.total })]);
    expect((await server.api('GET', `/api/v1/trainees/${trainee.id}/history`, { cookie: supervisorCookie })).status).toBe(200);
  });

  it('reviews and scores a call against the scenario version it ran on, whatever is edited later', async () => {
    const instructorCookie = await server.login(await server.user('instructor'));
    const own = (await server.api('POST', '/api/v1/scenarios', { cookie: instructorCookie, body: scenarioFixture() })).body;
    const trainee = await server.user('trainee');
    const cookie = await server.login(trainee);
    const callId = (await server.api('POST', '/api/v1/calls/start', { cookie, body: { scenarioId: own.id, mode: 'practice' } })).body.id as string;
    const socket = await socketFor(cookie);
    await request(socket, 'rtc:join', { callId }, 30_000);
    await request(socket, 'call:answer', { callId });
    const heard = nextEvent(socket, 'call:entities', (e) => e.callId === callId && e.entities.some((x) => x.type === 'address'), 15_000);
    await request(socket, 'call:type', { callId, text: 'so that is fourteen twenty maple avenue correct' });
    await heard;
    expect(await request(socket, 'call:end', { callId })).toMatchObject({ ok: true });
    const before = (await server.api('GET', `/api/v1/calls/${callId}/review`, { cookie })).body as CallReview;
    expect(before.call.scenario.version).toBe(1);
    expect(before.truth).toContainEqual(expect.objectContaining({ field: 'location', truth: '1420 Maple Avenue', match: 'yes' }));

    const moved = { ...own.groundTruth, location: { ...own.groundTruth.location, address: '77 Birch Lane' } };
    const rubric = own.rubric.map((r: { id: string; label: string }) => ({ ...r, label: `${r.label} (revised)` }));
    const edit = await server.api('PATCH', `/api/v1/scenarios/${own.id}`, { cookie: instructorCookie, body: { groundTruth: moved, rubric, summary: 'Rewritten.' } });
    expect(edit.body.version).toBe(2);

    const after = (await server.api('GET', `/api/v1/calls/${callId}/review`, { cookie })).body as CallReview;
    expect(after.truth).toEqual(before.truth);
    expect(after.score).toEqual(before.score);
    expect(after.scenario).toEqual(before.scenario);
    expect(after.checklist).toEqual(before.checklist);

    // A call started now runs on the edit.
    const next = await server.api('POST', '/api/v1/calls/start', { cookie, body: { scenarioId: own.id, mode: 'practice' } });
    expect(next.body.scenario.version).toBe(2);
    await server.api('POST', `/api/v1/calls/${next.body.id}/end`, { cookie });
  });

  it('keeps the checklist from the trainee in exam mode while the floor still gets it', async () => {
    const { callId, socket, cookie } = await answeredCall('exam');
    const floor = await socketFor(supervisorCookie);
    let traineeSaw = 0;
    socket.on('call:checklist', () => traineeSaw++);
    const floorSaw = nextEvent(floor, 'call:checklist', (c) => c.callId === callId, 15_000);
    const entities = nextEvent(socket, 'call:entities', (e) => e.callId === callId, 15_000);
    await request(socket, 'call:type', { callId, text: 'what is the address of the emergency' });
    await request(socket, 'call:type', { callId, text: 'is that fourteen twenty maple avenue' });
    expect(itemOf((await floorSaw).items, 'location')?.status).not.toBe('open');
    await entities;
    expect(traineeSaw).toBe(0);
    expect((await server.api('GET', `/api/v1/calls/${callId}/review`, { cookie })).body.checklist).toEqual([]);
    expect((await server.api('GET', `/api/v1/calls/${callId}/review`, { cookie: supervisorCookie })).body.checklist).not.toEqual([]);
  });

  it('hides the ground truth of a live call and shows nothing of one trainee to another', async () => {
    const { callId, trainee, cookie } = await answeredCall('practice');
    const live = await server.api('GET', `/api/v1/calls/${callId}/review`, { cookie });
    expect(live.status).toBe(200);
    expect(live.body.truth).toBeNull();

    const other = await server.login(await server.user('trainee'));
    expect(await server.api('GET', `/api/v1/calls/${callId}/review`, { cookie: other })).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect(await server.api('GET', `/api/v1/trainees/${trainee.id}/history`, { cookie: other })).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect((await server.api('GET', `/api/v1/trainees/${trainee.id}/history`)).status).toBe(401);
    expect(await server.api('GET', '/api/v1/trainees/not-a-uuid/history', { cookie })).toMatchObject({ status: 400, body: { message: expect.stringMatching(/^id: /) } });
    await server.api('POST', `/api/v1/calls/${callId}/end`, { cookie, body: {} });
  });
});
