import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { scenarioFixture } from '../../test/fixtures.js';
import { PayloadFuzzer, seededRandom, type Ids } from '../../test/fuzz.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { connectSocket, request, type ClientSocket } from '../../test/socket.js';
import type { Role } from '../protocol/roles.js';

// Seeded fuzzing of every event a socket accepts, from every role: no crash, every reply in
// the ack shape, nothing learnt of another trainee's call, and a real call still served after.
// FUZZ_SEED=<n> replays a run.

const SEED = Number(process.env.FUZZ_SEED ?? 911_2026);
const PER_ROLE = 2_100;
const IN_FLIGHT = 4;
const CODES = ['bad_request', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'payload_too_large', 'limit_exceeded', 'rate_limited', 'unavailable', 'internal'];
const OBJECT_PROTOTYPE_NAMES = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

let server: TestServer;
let scenarioId: string;

beforeAll(async () => {
  // The fuzz is about what each request does, not the per-connection rate (limits.test.ts).
  server = await startTestServer({ env: { SOCKET_REQUESTS_PER_SECOND: '1000000' } });
  const instructorCookie = await server.login(await server.user('instructor'));
  scenarioId = (await server.api('POST', '/api/v1/scenarios', { cookie: instructorCookie, body: scenarioFixture() })).body.id;
});
afterAll(async () => {
  await server?.close();
});

async function traineeOnCall() {
  const trainee = await server.person('trainee');
  const callId = (await server.api('POST', '/api/v1/calls/start', { cookie: trainee.cookie, body: { scenarioId } })).body.id as string;
  // The first rtc:join opens the call (its caller's models are readied): seconds on a busy machine.
  expect(await request(trainee.socket, 'rtc:join', { callId }, 30_000)).toMatchObject({ ok: true });
  return { ...trainee, callId };
}

/** The ack shape: `{ok:true, data}` or `{ok:false, code, message}` with a known code and nothing else. */
function assertWellFormed(reply: unknown, what: string): void {
  const r = reply as Record<string, unknown>;
  const keys = Object.keys(r ?? {}).sort().join(',');
  const ok = r?.ok === true ? keys === 'data,ok' : r?.ok === false && keys === 'code,message,ok' && CODES.includes(r.code as string) && typeof r.message === 'string';
  if (!ok) throw new Error(`${what}: malformed reply ${JSON.stringify(reply)?.slice(0, 300)}`);
}

/** Emits with an ack (or not), any name, any arguments; resolves with the reply, or undefined when none was asked for. */
function emitRaw(socket: ClientSocket, event: string, args: unknown[], withAck: boolean): Promise<unknown> {
  const raw = socket as unknown as Socket;
  if (!withAck) {
    raw.emit(event, ...args);
    return Promise.resolve(undefined);
  }
  return raw
    .timeout(10_000)
    .emitWithAck(event, ...args)
    .catch((error: unknown) => {
      throw new Error(`${event} ${JSON.stringify(args).slice(0, 300)}: ${String(error)}`);
    });
}

const swapId = (value: unknown, from: string, to: string): unknown =>
  JSON.parse(JSON.stringify(value ?? null).replaceAll(from, to).replaceAll(from.toUpperCase(), to.toUpperCase()));

describe('signalling under a seeded fuzz', () => {
  it(`answers ${PER_ROLE * 5} malformed and hostile requests over every event and role in the ack shape, leaks nothing, and still serves a call (seed ${SEED})`, async () => {
    const alice = await traineeOnCall();
    const bob = await traineeOnCall();
    const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    const roles: Role[] = ['trainee', 'trainee', 'supervisor', 'instructor', 'admin'];
    const fuzzers = await Promise.all(
      roles.map(async (role, i) => {
        const person = i === 0 ? alice : i === 1 ? bob : await server.person(role);
        // Each fuzzing socket is its own connection (a second tab for the trainees).
        const socket = i < 2 ? await connectSocket(server.url, person.cookie) : person.socket;
        const trainee = i < 2;
        const ids: Ids = {
          own: trainee ? [(i === 0 ? alice : bob).callId] : [alice.callId, bob.callId],
          foreign: trainee ? [(i === 0 ? bob : alice).callId] : [],
          learned: [],
        };
        return { role, socket, ids, fuzz: new PayloadFuzzer(seededRandom(SEED + i), ids) };
      }),
    );
    const bobFuzz = fuzzers[1]!;
    const heardByBob: string[] = [];
    (bobFuzz.socket as unknown as Socket).onAny((_event: string, payload: unknown) => heardByBob.push(JSON.stringify(payload)));
    (bob.socket as unknown as Socket).onAny((_event: string, payload: unknown) => heardByBob.push(JSON.stringify(payload)));

    // Every event a server-side socket listens to, as registered (nothing hand-listed to forget).
    const accepted = server.io.of('/').sockets.get(alice.socket.id!)!.eventNames().filter((e): e is string => typeof e === 'string' && e !== 'disconnect');
    expect(accepted.length).toBeGreaterThanOrEqual(20);
    const names = [...accepted, ...OBJECT_PROTOTYPE_NAMES, 'error', 'rtc:JOIN', 'call:teleport', ''];

    let sent = 0;
    const seenEvents = new Set<string>();
    await Promise.all(
      fuzzers.map(async ({ socket, ids, fuzz }) => {
        let mine = 0;
        const lane = async () => {
          while (mine++ < PER_ROLE) {
            sent++;
            const event = fuzz.chance(0.92) ? fuzz.pick(accepted) : fuzz.pick(names);
            seenEvents.add(event);
            const args = fuzz.args();
            const withAck = !fuzz.chance(0.04);
            const reply = await emitRaw(socket, event, args, withAck);
            if (!withAck) continue;
            assertWellFormed(reply, `${event} ${JSON.stringify(args).slice(0, 200)}`);
            const data = (reply as { ok: boolean; data?: unknown }).data;
            for (const id of JSON.stringify(data ?? null).match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? []) {
              if (!ids.own.includes(id) && ids.learned.length < 50) ids.learned.push(id);
            }
            // The same request about a call that does not exist must get the same answer.
            const named = (args[0] as { callId?: unknown } | null)?.callId;
            const foreign = ids.foreign.find((id) => typeof named === 'string' && named.toLowerCase() === id);
            if (foreign) {
              const unknown = randomUUID();
              const control = await emitRaw(socket, event, args.map((a) => swapId(a, foreign, unknown)), true);
              const words = (r: unknown, id: string) => JSON.stringify(r).replaceAll(id, '<id>').replaceAll(id.toUpperCase(), '<id>');
              expect(words(swapId(reply, foreign, unknown), unknown), `${event} about another trainee's call`).toBe(words(control, unknown));
            }
          }
        };
        await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
      }),
    );

    expect(sent).toBeGreaterThanOrEqual(10_000);
    expect([...seenEvents]).toEqual(expect.arrayContaining([...accepted, ...OBJECT_PROTOTYPE_NAMES]));
    for (const { socket } of fuzzers) expect(socket.connected).toBe(true);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Bob heard nothing of Alice's call.
    expect(heardByBob.filter((line) => line.toLowerCase().includes(alice.callId))).toEqual([]);
    // One live call per call, whatever case its id came in.
    const live = await Promise.all([alice.callId, bob.callId].map((id) => server.live.get(id)));
    expect((await server.workers.check()).routers).toBeLessThanOrEqual(live.filter(Boolean).length);

    // The server still serves a real call.
    const carol = await traineeOnCall();
    const recv = await request<{ id: string }>(carol.socket, 'rtc:createTransport', { callId: carol.callId, direction: 'recv' });
    const send = await request<{ id: string }>(carol.socket, 'rtc:createTransport', { callId: carol.callId, direction: 'send' });
    expect([recv.ok, send.ok]).toEqual([true, true]);
    expect(await request(carol.socket, 'call:answer', { callId: carol.callId })).toMatchObject({ ok: true, data: { status: 'active' } });
    expect(await request(carol.socket, 'call:type', { callId: carol.callId, text: 'what is the address of your emergency?' })).toEqual({ ok: true, data: null });
    const ended = await server.api('POST', `/api/v1/calls/${carol.callId}/end`, { cookie: carol.cookie, body: {} });
    expect(ended.body).toMatchObject({ status: 'ended', outcome: 'completed' });
    expect(ended.body.recordings).toHaveLength(1);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  }, 120_000);

  it("drops the connection that sends a reserved event name (socket.io's parser refuses it) and no other", async () => {
    const { cookie, socket } = await server.person('trainee');
    const rogue = await connectSocket(server.url, cookie);
    const closed = new Promise((resolve) => rogue.once('disconnect', resolve));
    (rogue as unknown as { packet(p: unknown): void }).packet({ type: 2, data: ['disconnect', { callId: randomUUID() }] });
    await closed;
    expect(rogue.connected).toBe(false);
    expect(await request(socket, 'call:join', { callId: randomUUID() })).toMatchObject({ ok: false, code: 'not_found' });
  });
});
