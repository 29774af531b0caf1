import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FliteSynthesizer } from '../../../media/speech/flite.js';
import { scenarioFixture } from '../../test/fixtures.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { ok, PlainPeer } from '../../test/plain-peer.js';
import { request, type ClientSocket } from '../../test/socket.js';
import type { CallReview, TranscriptSegmentView } from '../protocol/api.js';

// Who said what, through the real live path: the server, its SFU and caller bridge, the real
// AI caller (Silero, PocketSphinx) and PlainTransports standing in for the browsers. An
// instructor barges in and talks (the caller hears them on its line), then the trainee does,
// in flite voices.

const TRAINEE_LINE = 'What is the address of your emergency?';
const INSTRUCTOR_LINE = 'Ask her if there are any weapons. Does anybody have a knife or a gun?';
const SILENCE_MS = 1200;

let server: TestServer;
let scenarioId: string;
const peers: PlainPeer[] = [];
const speech: Record<'trainee' | 'instructor', Int16Array> = { trainee: new Int16Array(0), instructor: new Int16Array(0) };

async function said(text: string, voice: string): Promise<Int16Array> {
  const pcm = await new FliteSynthesizer().synthesize(text, { name: voice });
  const withPause = new Int16Array(pcm.length + (SILENCE_MS * 16_000) / 1000);
  withPause.set(pcm);
  return withPause;
}

beforeAll(async () => {
  server = await startTestServer();
  const instructorCookie = await server.login(await server.user('instructor'));
  scenarioId = (await server.api('POST', '/api/v1/scenarios', { cookie: instructorCookie, body: scenarioFixture() })).body.id;
  [speech.trainee, speech.instructor] = await Promise.all([said(TRAINEE_LINE, 'rms'), said(INSTRUCTOR_LINE, 'awb')]);
}, 60_000);
afterAll(async () => {
  peers.forEach((p) => p.close());
  await server?.close();
});


async function join(socket: ClientSocket, callId: string): Promise<PlainPeer> {
  const peer = await PlainPeer.join(socket, callId, async () => (await server.live.get(callId))!.room, { speaks: true });
  peers.push(peer);
  await peer.consume();
  return peer;
}

async function transcript(callId: string): Promise<TranscriptSegmentView[]> {
  return (await server.db.calls.get(callId))?.transcript ?? [];
}

describe('who said what', () => {
  it("an instructor's barge is transcribed as the instructor's, never the trainee's: no trainee words, entities or checklist ticks from it", async () => {
    const trainee = await server.person('trainee');
    const callId = (await server.api('POST', '/api/v1/calls/start', { cookie: trainee.cookie, body: { scenarioId } })).body.id as string;
    const traineePeer = await join(trainee.socket, callId);
    ok(await request(trainee.socket, 'call:answer', { callId }), 'call:answer');

    const instructor = await server.person('instructor');
    const instructorPeer = await join(instructor.socket, callId);
    ok(await request(instructor.socket, 'call:supervise', { callId, mode: 'barge' }), 'call:supervise');
    // The instructor talks while the trainee listens: the caller hears the instructor alone.
    await instructorPeer.speak(speech.instructor);
    const finals = async (who: string) => (await transcript(callId)).filter((s) => s.speaker === who && s.isFinal).length;
    await expect.poll(() => finals('instructor'), { timeout: 60_000, interval: 1000 }).toBeGreaterThanOrEqual(2);
    instructorPeer.silent();
    // Then the trainee talks, still in the barge: their lines come from their own stream.
    await traineePeer.speak(speech.trainee);
    await expect.poll(() => finals('trainee'), { timeout: 60_000, interval: 1000 }).toBeGreaterThanOrEqual(1);
    traineePeer.silent();
    // A line typed during the barge is the trainee's too (it was acknowledged and then dropped).
    ok(await request(trainee.socket, 'call:type', { callId, text: 'Is anyone hurt at the scene?' }), 'call:type');
    // Acknowledged once journalled; in the database a moment later.
    await expect.poll(async () => (await transcript(callId)).filter((s) => s.speaker === 'trainee').map((s) => s.text), { timeout: 10_000 }).toContain('Is anyone hurt at the scene?');
    ok(await request(trainee.socket, 'call:end', { callId }), 'call:end');

    const review = (await server.api('GET', `/api/v1/calls/${callId}/review`, { cookie: instructor.cookie })).body as CallReview;
    const lines = review.call.transcript;
    const bySpeaker = (who: string) => lines.filter((s) => s.speaker === who).map((s) => s.text);
    const evidence = JSON.stringify({ trainee: bySpeaker('trainee'), instructor: bySpeaker('instructor') });
    expect(bySpeaker('instructor').join(' '), evidence).toMatch(/weapon|knife|gun/);
    expect(bySpeaker('trainee').join(' '), evidence).not.toMatch(/weapon|knife|gun/);
    expect(bySpeaker('trainee').join(' '), evidence).toMatch(/address|emergency/);
    // The instructor's words capture nothing and tick nothing.
    const speakerOf = new Map(lines.map((s) => [s.id, s.speaker]));
    expect(review.call.entities.filter((e) => speakerOf.get(e.segmentId ?? '') === 'instructor')).toEqual([]);
    expect(review.call.entities.filter((e) => e.type === 'weapon')).toEqual([]);
    expect(review.checklist.find((i) => i.id === 'weapons')?.status).toBe('open');
    expect(review.liveChecklist.filter((m) => m.item === 'weapons')).toEqual([]);
  }, 120_000);
});
