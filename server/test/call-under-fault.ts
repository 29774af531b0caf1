import { FliteSynthesizer } from '../../media/speech/flite.js';
import type { CallDetail, CallEventView, TranscriptSegmentView } from '../src/protocol/api.js';
import type { TestServer } from './harness.js';
import { ok, PlainPeer } from './plain-peer.js';
import { nextEvent, request, type ClientSocket } from './socket.js';

// A trainee's call that goes on while something it depends on is broken: the trainee types
// lines and speaks (a PlainPeer's microphone, heard by the real AI caller and recogniser),
// puts the caller on hold and back, and ends the call, all during the fault. What was
// acknowledged is kept: typed lines answered ok, and every final line pushed to the trainee
// (pushed only once journalled), to be looked for in the database afterwards.

const TYPED = [
  'What is the address of your emergency?',
  'Is anyone hurt?',
  'What is the phone number you are calling from?',
  'Okay stay on the line with me.',
  'Can you tell me exactly what happened?',
  'Are there any weapons involved?',
];
const SPOKEN = 'What is the address of your emergency?';
const TYPE_EVERY_MS = 1500;
/** A request unanswered this long counts as not acknowledged (a loaded machine may be slow; a lost answer is not). */
const ACK_TIMEOUT_MS = 15_000;

export type FaultReport = {
  callId: string;
  /** Typed lines answered ok during the fault, in order. */
  typed: string[];
  /** Final lines pushed during the fault: the trainee's recognised speech and the caller's. */
  spoken: TranscriptSegmentView[];
  caller: TranscriptSegmentView[];
  /** Every final line pushed over the whole call, by id. */
  pushed: Map<string, TranscriptSegmentView>;
  /** Answers to hold, unhold and end during the fault. */
  controls: Record<'hold' | 'unhold' | 'end', boolean>;
  /** The slowest answer to a request during the fault. */
  slowestAckMs: number;
};

let speech: Promise<Int16Array> | undefined;
/** The trainee's line in flite's rms voice, with a pause after it. */
export function spokenLine(): Promise<Int16Array> {
  speech ??= new FliteSynthesizer().synthesize(SPOKEN, { name: 'rms' }).then((pcm) => {
    const withPause = new Int16Array(pcm.length + 1.5 * 16_000);
    withPause.set(pcm);
    return withPause;
  });
  return speech;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An answered call with the caller talking, its trainee's PlainPeer joined and consuming. */
export async function answeredCall(server: TestServer, scenarioId: string, trainee: { cookie: string; socket: ClientSocket }) {
  const start = await server.api('POST', '/api/v1/calls/start', { cookie: trainee.cookie, body: { scenarioId } });
  if (start.status !== 201) throw new Error(`call not started: ${start.status} ${JSON.stringify(start.body)}`);
  const callId = start.body.id as string;
  // The call's media comes up first, with time to spare: its caller's language model is built
  // then, slow on a loaded machine. The peer's own join is then a quick second one.
  ok(await request(trainee.socket, 'rtc:join', { callId }, 30_000), 'rtc:join');
  const peer = await PlainPeer.join(trainee.socket, callId, async () => (await server.live.get(callId))!.room, { speaks: true });
  await peer.consume();
  const pushed = new Map<string, TranscriptSegmentView>();
  trainee.socket.on('call:transcript', ({ callId: id, ...segment }) => {
    if (id === callId && segment.isFinal) pushed.set(segment.id, segment);
  });
  ok(await request(trainee.socket, 'call:answer', { callId }), 'call:answer');
  return { callId, peer, pushed };
}

/**
 * An answered call whose provider fallbacks are watched: the floor's first fallback push, every
 * one the trainee got (it should get none), and those the call has stored.
 */
export async function fallbackWatchedCall(server: TestServer, scenarioId: string, pushTimeoutMs: number) {
  const trainee = await server.person('trainee');
  const floor = await server.person('instructor');
  const { callId, peer } = await answeredCall(server, scenarioId, trainee);
  const seenByTrainee: CallEventView[] = [];
  trainee.socket.on('call:event', (event) => void (event.type === 'fallback' && seenByTrainee.push(event)));
  const pushed = nextEvent(floor.socket, 'call:event', (event) => event.callId === callId && event.type === 'fallback', pushTimeoutMs);
  const stored = async (): Promise<unknown[]> =>
    (await server.api('GET', `/api/v1/calls/${callId}`, { cookie: floor.cookie })).body.events.filter((e: CallEventView) => e.type === 'fallback').map((e: CallEventView) => e.data);
  return { trainee, floor, callId, peer, seenByTrainee, pushed, stored };
}

/**
 * Breaks something with `fault.begin`, drives the call for `ms` (typing, speaking, a hold),
 * ends it, then repairs with `fault.end`.
 */
export async function callThroughFault(
  server: TestServer,
  scenarioId: string,
  trainee: { cookie: string; socket: ClientSocket },
  fault: { begin: () => Promise<void>; end: () => Promise<void> },
  ms: number,
): Promise<FaultReport> {
  const pcm = await spokenLine();
  const { callId, peer, pushed } = await answeredCall(server, scenarioId, trainee);
  await sleep(2000); // the caller picks up and speaks
  const report: FaultReport = { callId, typed: [], spoken: [], caller: [], pushed, controls: { hold: false, unhold: false, end: false }, slowestAckMs: 0 };
  const before = new Set(pushed.keys());
  const answered = async (event: string, payload: object = {}) => {
    const sent = Date.now();
    const answer = await request(trainee.socket, event, { callId, ...payload }, ACK_TIMEOUT_MS).catch(() => ({ ok: false }));
    report.slowestAckMs = Math.max(report.slowestAckMs, Date.now() - sent);
    return answer.ok;
  };

  await fault.begin();
  const began = Date.now();
  await peer.speak(pcm);
  let n = 0;
  let held = false;
  while (Date.now() - began < ms) {
    if (!held && Date.now() - began > ms / 2) {
      // A hold in the middle: the microphone falls silent, the caller waits, then comes back.
      peer.silent();
      report.controls.hold = await answered('call:hold');
      await sleep(1000);
      report.controls.unhold = await answered('call:unhold');
      await peer.speak(pcm);
      held = true;
    }
    const text = `${TYPED[n % TYPED.length]!} (${++n})`;
    if (await answered('call:type', { text })) report.typed.push(text);
    await sleep(TYPE_EVERY_MS);
  }
  peer.silent();
  await sleep(1500); // the last words are recognised
  report.controls.end = await answered('call:end');
  for (const [id, segment] of pushed) {
    if (before.has(id)) continue;
    if (segment.speaker === 'caller') report.caller.push(segment);
    else if (segment.speaker === 'trainee' && segment.confidence !== null) report.spoken.push(segment);
  }
  peer.close();
  await fault.end();
  return report;
}

type Stored = Pick<CallDetail, 'status' | 'score' | 'transcript'> & { recordings: unknown[] };

/** The call as `read` finds it, once it is over, scored and has its recording (the database may take a moment to catch up). */
export async function storedWhenFinished<T extends Stored>(read: () => Promise<T | null>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const call = await read().catch(() => null);
    if (call && call.status !== 'active' && call.score !== null && call.recordings.length > 0) return call;
    if (Date.now() > until) throw new Error(`call not finished in the database: ${JSON.stringify(call && { status: call.status, score: call.score, recordings: call.recordings.length })}`);
    await sleep(500);
  }
}

/** How many times each acknowledged line is in the stored transcript. */
export function copiesOf(call: Pick<CallDetail, 'transcript'>, report: Pick<FaultReport, 'typed' | 'pushed'>) {
  const stored = call.transcript;
  const storedTyped = stored.filter((s) => s.speaker === 'trainee' && report.typed.includes(s.text)).map((s) => s.text);
  return {
    typedInOrder: storedTyped,
    pushedMissing: [...report.pushed.values()].filter((p) => !stored.some((s) => s.id === p.id)),
    duplicates: stored.length - new Set(stored.map((s) => s.id)).size + storedTyped.length - new Set(storedTyped).size,
  };
}
