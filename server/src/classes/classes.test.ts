import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '../protocol/api.js';
import type { ClassDashboard, TraineeAssignment } from '../protocol/classes.js';
import { scenarioFixture } from '../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { connectSocket, request, type ClientSocket } from '../../test/socket.js';

// Classes end to end over the API: an instructor builds a class and assigns work, a trainee
// takes it, the dashboard and the CSV show the result, and each role sees only what it may.

let server: TestServer;
let instructor: string;
let scenarioA: string;
let scenarioB: string;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  instructor = await server.login(await server.user('instructor'));
  scenarioA = (await server.api('POST', '/api/v1/scenarios', { cookie: instructor, body: scenarioFixture() })).body.id;
  scenarioB = (await server.api('POST', '/api/v1/scenarios', { cookie: instructor, body: scenarioFixture({ nature: 'medical', title: 'Fall' }) })).body.id;
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await server?.close();
});

async function person(role: 'trainee' | 'supervisor'): Promise<{ user: Me; cookie: string }> {
  const user = await server.user(role);
  return { user, cookie: await server.login(user) };
}

async function newClass(name: string): Promise<string> {
  const created = await server.api('POST', '/api/v1/classes', { cookie: instructor, body: { name } });
  expect(created.status).toBe(201);
  return created.body.id;
}

const join = (classId: string, user: Me, role: 'trainee' | 'supervisor') =>
  server.api('POST', `/api/v1/classes/${classId}/members`, { cookie: instructor, body: { email: user.email, role } });

/** Takes a call through to its score: joined, answered, one read-back typed, ended. */
async function takeCall(cookie: string, body: Record<string, unknown>): Promise<string> {
  const started = await server.api('POST', '/api/v1/calls/start', { cookie, body });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const callId = started.body.id as string;
  const socket = await connectSocket(server.url, cookie);
  sockets.push(socket);
  expect(await request(socket, 'rtc:join', { callId }, 30_000)).toMatchObject({ ok: true });
  expect(await request(socket, 'call:answer', { callId })).toMatchObject({ ok: true });
  await request(socket, 'call:type', { callId, text: 'so that is fourteen twenty maple avenue correct' });
  expect(await request(socket, 'call:end', { callId })).toMatchObject({ ok: true });
  return callId;
}

describe('classes', () => {
  it('takes an assignment from a trainee to the dashboard and the CSV', async () => {
    const classId = await newClass('Academy 12');
    const tess = await person('trainee');
    const idle = await person('trainee');
    const sam = await person('supervisor');
    for (const [user, role] of [[tess.user, 'trainee'], [idle.user, 'trainee'], [sam.user, 'supervisor']] as const) {
      expect((await join(classId, user, role)).status).toBe(200);
    }
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const practice = await server.api('POST', `/api/v1/classes/${classId}/assignments`, { cookie: instructor, body: { scenarioId: scenarioA, mode: 'practice', dueAt: yesterday } });
    expect(practice.status).toBe(201);
    const exam = await server.api('POST', `/api/v1/classes/${classId}/assignments`, {
      cookie: instructor,
      body: { scenarioId: scenarioB, mode: 'exam', opensAt: yesterday, closesAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(exam.status).toBe(201);

    const before = (await server.api('GET', '/api/v1/assignments', { cookie: tess.cookie })).body as TraineeAssignment[];
    expect(before.map((a) => [a.scenario.id, a.status])).toEqual([
      [scenarioA, 'overdue'],
      [scenarioB, 'todo'],
    ]);

    // The exam's scenario and mode come from the assignment, not from the trainee.
    const callId = await takeCall(tess.cookie, { assignmentId: exam.body.id, mode: 'practice' });
    const call = await server.api('GET', `/api/v1/calls/${callId}`, { cookie: tess.cookie });
    expect(call.body).toMatchObject({ mode: 'exam', scenario: { id: scenarioB } });
    const again = await server.api('POST', '/api/v1/calls/start', { cookie: tess.cookie, body: { assignmentId: exam.body.id } });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/exam has been taken/);

    const after = (await server.api('GET', '/api/v1/assignments', { cookie: tess.cookie })).body as TraineeAssignment[];
    const taken = after.find((a) => a.id === exam.body.id)!;
    expect(taken).toMatchObject({ status: 'done', attempts: 1, bestScore: expect.any(Number) });

    const board = await server.api('GET', `/api/v1/classes/${classId}/dashboard`, { cookie: sam.cookie });
    expect(board.status).toBe(200);
    const rows = (board.body as ClassDashboard).rows;
    const tessRow = rows.find((r) => r.trainee.id === tess.user.id)!;
    expect(tessRow.assignments).toContainEqual({ assignmentId: exam.body.id, status: 'done', bestScore: taken.bestScore });
    expect(tessRow.byNature).toEqual([{ nature: 'medical', average: taken.bestScore, calls: 1 }]);
    expect(tessRow.byItem.length).toBeGreaterThan(0);
    expect(rows.find((r) => r.trainee.id === idle.user.id)!.behind).toContain('1 assignment overdue');

    const csv = await server.api('GET', `/api/v1/classes/${classId}/calls.csv?traineeId=${tess.user.id}`, { cookie: instructor });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = String(csv.body).trim().split('\n');
    expect(lines[0]).toBe('call_id,trainee,email,class,assignment_id,due_at,scenario,scenario_version,nature,mode,started_at,ended_at,status,outcome,score');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(callId);
    expect(lines[1]!.endsWith(`,${taken.bestScore}`)).toBe(true);

    // The printable record: the trainee's own, any trainee's for the floor, nobody else's.
    const record = `/api/v1/trainees/${tess.user.id}/record.pdf`;
    for (const cookie of [tess.cookie, sam.cookie]) {
      const pdf = await server.api('GET', record, { cookie });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(String(pdf.body).startsWith('%PDF-')).toBe(true);
    }
    expect((await server.api('GET', record, { cookie: idle.cookie })).status).toBe(404);
  });

  it('lets only the class\'s own people see it, and only instructors change it', async () => {
    const classId = await newClass('Night shift');
    const member = await person('supervisor');
    const stranger = await person('supervisor');
    const trainee = await person('trainee');
    await join(classId, member.user, 'supervisor');
    await join(classId, trainee.user, 'trainee');

    expect((await server.api('GET', `/api/v1/classes/${classId}`, { cookie: member.cookie })).status).toBe(200);
    expect((await server.api('GET', '/api/v1/classes', { cookie: member.cookie })).body.map((c: { id: string }) => c.id)).toEqual([classId]);
    expect((await server.api('POST', `/api/v1/classes/${classId}/members`, { cookie: member.cookie, body: { email: stranger.user.email, role: 'supervisor' } })).status).toBe(403);
    expect((await server.api('DELETE', `/api/v1/classes/${classId}/members/${trainee.user.id}`, { cookie: member.cookie })).status).toBe(403);
    for (const cookie of [stranger.cookie, trainee.cookie]) {
      expect((await server.api('GET', `/api/v1/classes/${classId}`, { cookie })).status).toBe(404);
      expect((await server.api('GET', `/api/v1/classes/${classId}/calls.csv`, { cookie })).status).toBe(404);
    }
    expect((await server.api('GET', '/api/v1/classes', { cookie: trainee.cookie })).status).toBe(403);
    expect((await server.api('POST', '/api/v1/classes', { cookie: member.cookie, body: { name: 'Mine' } })).status).toBe(403);
  });

  it('refuses assignments a trainee may not take, with the reason', async () => {
    const classId = await newClass('Day shift');
    const inClass = await person('trainee');
    const outside = await person('trainee');
    await join(classId, inClass.user, 'trainee');
    const hour = 3_600_000;
    const later = await server.api('POST', `/api/v1/classes/${classId}/assignments`, {
      cookie: instructor,
      body: { scenarioId: scenarioA, mode: 'exam', opensAt: new Date(Date.now() + hour).toISOString(), closesAt: new Date(Date.now() + 2 * hour).toISOString() },
    });
    const start = (cookie: string, body: Record<string, unknown>) => server.api('POST', '/api/v1/calls/start', { cookie, body });
    const early = await start(inClass.cookie, { assignmentId: later.body.id });
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/^this exam opens at /);
    expect((await start(outside.cookie, { assignmentId: later.body.id })).status).toBe(404);
    const wrong = await start(inClass.cookie, { assignmentId: later.body.id, scenarioId: scenarioB });
    expect(wrong.status).toBe(400);
    expect((await start(inClass.cookie, {})).body.message).toMatch(/^scenarioId: needs a scenarioId or an assignmentId/);

    const bad = await server.api('POST', `/api/v1/classes/${classId}/assignments`, {
      cookie: instructor,
      body: { scenarioId: scenarioA, mode: 'exam', opensAt: '2026-12-06T10:00:00Z', closesAt: '2026-12-06T09:00:00Z' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^closesAt: must be after opensAt/);
    const supervisorAsTrainee = await join(classId, (await person('supervisor')).user, 'trainee');
    expect(supervisorAsTrainee.status).toBe(400);
    expect(supervisorAsTrainee.body.message).toMatch(/^role: /);
    const nobody = await server.api('POST', `/api/v1/classes/${classId}/members`, { cookie: instructor, body: { email: 'nobody@ringdown.test', role: 'trainee' } });
    expect(nobody.status).toBe(404);
  });
});
