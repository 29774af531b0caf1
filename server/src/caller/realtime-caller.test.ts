import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallerPipeline, TraineeSpeech } from '../../../media/caller/pipeline.js';
import type { Fallback } from '../../../media/caller/stages.js';
import type { PlayedLine } from '../../../media/caller/reply.js';
import { FliteSynthesizer } from '../../../media/speech/flite.js';
import { LinePlayer } from '../../../media/testing/line-player.js';
import { timeTurns, type TimedTurn } from '../observability/turns.js';
import type { CallerMind } from './mind.js';
import { RealtimeCaller } from './realtime-caller.js';
import { startRealtimeDouble, type RealtimeDouble } from './realtime-double.js';
import { kitchenFire } from './test-support.js';

// The realtime caller against a local Realtime-compatible test double that speaks in flite's
// voice, played out through a real voice (its pacer, its packets dropped): what it
// says, what the trainee hears of it, what the model is told and what it is made to forget.

const synthesizer = new FliteSynthesizer();
let double: RealtimeDouble;
beforeAll(async () => {
  double = await startRealtimeDouble(synthesizer);
});
afterAll(() => double?.close());

const open: { close(): void }[] = [];
afterEach(() => {
  for (const o of open.splice(0)) o.close();
  double.hears.length = 0;
});

const until = async (what: () => boolean, ms = 15_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** A realtime caller on a call: frames of the trainee in, the caller's pieces out through its player. */
async function callOn(options: { fallback?: (mind?: CallerMind) => Promise<CallerPipeline>; attempts?: number } = {}) {
  const player = new LinePlayer();
  const { t0 } = player;
  const now = () => performance.now() - t0;
  const fallbacks: (CallerMind | undefined)[] = [];
  const caller = await RealtimeCaller.create({
    scenario: kitchenFire(),
    seed: 1,
    endpoint: { baseUrl: double.baseUrl, apiKey: 'test-key', model: 'double-realtime', ca: double.ca },
    reconnect: { attempts: options.attempts ?? 4, firstDelayMs: 50, maxDelayMs: 200, openTimeoutMs: 2000 },
    player,
    fallback: async (mind) => {
      fallbacks.push(mind);
      if (!options.fallback) throw new Error('no fallback in this test');
      return options.fallback(mind);
    },
    now,
  });
  const said: PlayedLine[] = [];
  const heard: TraineeSpeech[] = [];
  const errors: Error[] = [];
  const fellBack: Fallback[] = [];
  const timed: TimedTurn[] = [];
  caller.on('fallback', (fallback) => fellBack.push(fallback));
  timeTurns(caller, player.pacer, (turn) => timed.push(turn));
  caller.on('said', (line) => said.push(line));
  caller.on('heard', (speech) => heard.push(speech));
  caller.on('error', (error) => errors.push(error));
  // The line never stops: silence between what the trainee says, as a call sends it.
  const queue: Int16Array[] = [];
  const line = setInterval(() => caller.hear(queue.shift() ?? new Int16Array(320), now()), 20);
  open.push({ close: () => clearInterval(line) }, player, caller);
  const speak = async (text: string) => {
    double.hears.push(text);
    const pcm = await synthesizer.synthesize(text, { name: 'rms' });
    for (let at = 0; at < pcm.length; at += 320) queue.push(pcm.slice(at, at + 320));
  };
  return { caller, player, said, heard, errors, speak, fallbacks, fellBack, timed };
}

const sessionInstructions = () => double.received.filter((e) => e.type === 'session.update').map((e) => String((e.session as { instructions?: string }).instructions ?? ''));

describe('RealtimeCaller', () => {
  it('answers from the mind only: a fact behind a reveal rule stays back until the rule lets it out', async () => {
    const call = await callOn();
    call.caller.answer();
    await until(() => call.said.length === 1);
    expect(call.said[0]!.text).toBe('My kitchen is on fire!');

    await call.speak("What's the address?");
    await until(() => call.said.length === 2);
    expect(call.heard.map((h) => h.text)).toEqual(["What's the address?"]);
    // The rule gives the wrong address first: the model had nothing else to say.
    expect(call.said[1]!.text).toContain('Fourteen sixteen');
    expect(call.said[1]!.text).not.toContain('1420');

    await call.speak("What's the address?");
    await until(() => call.said.length === 3);
    expect(call.said[2]!.text).toContain('1420 Maple Avenue');

    // The model is never told the ground truth: only what the mind let out, through recall.
    for (const instructions of sessionInstructions()) expect(instructions).not.toMatch(/1420|1416|Maple|Dana|Reyes|555|dog|gas|stove/i);
    const outputs = double.received.filter((e) => e.type === 'conversation.item.create' && (e.item as { type: string }).type === 'function_call_output');
    expect(outputs).toHaveLength(2);
    expect(call.errors).toEqual([]);
  }, 60_000);

  it('stops when talked over, cancels the response and truncates what the model said to what was heard', async () => {
    const call = await callOn();
    call.caller.answer();
    await until(() => call.said.length === 1);
    call.caller.steer?.({ action: 'event', say: 'The smoke is getting thicker and thicker, it is coming under the door and up the stairs, and I can hear something cracking in the walls.' });
    await until(() => call.player.pacer.speaking);
    await new Promise((r) => setTimeout(r, 1500));
    await call.speak('Listen to me.');
    await until(() => call.said.length === 2);
    // The caller sends the truncate as it reports the line; the double reads it off the socket a moment later.
    await until(() => double.received.some((e) => e.type === 'conversation.item.truncate'));

    const truncate = double.received.find((e) => e.type === 'conversation.item.truncate') as { audio_end_ms: number } | undefined;
    expect(truncate).toBeDefined();
    expect(truncate!.audio_end_ms).toBeGreaterThan(1000);
    expect(truncate!.audio_end_ms).toBeLessThan(6000);
    expect(double.received.some((e) => e.type === 'response.cancel')).toBe(true);
    expect(call.player.stops.length).toBeGreaterThan(0); // the caller cut its own voice
    // The transcript keeps the words heard, not the whole line.
    const words = call.said[1]!.text.split(' ');
    expect(words.length).toBeGreaterThan(2);
    expect(words.length).toBeLessThan(28);
    expect('The smoke is getting thicker and thicker, it is coming under the door').toContain(words.slice(0, 3).join(' '));
  }, 60_000);

  it('reopens a dropped link with the conversation so far and goes on with the call', async () => {
    const call = await callOn();
    const before = double.connections;
    call.caller.answer();
    await until(() => call.said.length === 1);
    double.drop();
    await until(() => double.connections === before + 1 && sessionInstructions().some((i) => i.includes('My kitchen is on fire!')));

    await call.speak("What's your phone number?");
    await until(() => call.said.length === 2);
    expect(call.said[1]!.text).toContain('312-555-0100');
    expect(call.fallbacks).toEqual([]);
    expect(call.errors.map((e) => e.message).join()).toMatch(/dropped, reopening/);
  }, 60_000);

  it('asks again after a rate-limit error and still answers', async () => {
    const call = await callOn();
    call.caller.answer();
    await until(() => call.said.length === 1);
    double.rateLimit(1);
    const asked = double.received.length;
    await call.speak("What's your phone number?");
    await until(() => call.said.length === 2);
    const recalls = double.received.slice(asked).filter((e) => e.type === 'response.create' && (e.response as { tool_choice: unknown }).tool_choice !== 'none');
    expect(recalls).toHaveLength(2); // refused once, asked again
    expect(call.said[1]!.text).toContain('312-555-0100');
    expect(call.errors).toEqual([]);
  }, 60_000);

  it('hands the call to the embedded pipeline, same mind, when the link cannot be reopened', async () => {
    let embedded: FakeFallback | undefined;
    const call = await callOn({ attempts: 2, fallback: async (mind) => (embedded = new FakeFallback(mind)) });
    call.caller.answer();
    await until(() => call.said.length === 1);
    double.refuse(10);
    double.drop();
    await until(() => embedded !== undefined);
    expect(call.fallbacks).toHaveLength(1);
    expect(call.fallbacks[0]).toBeDefined(); // the mind that already opened the call
    const frames: number[] = [];
    embedded!.onHear = (atMs) => frames.push(atMs);
    await until(() => frames.length > 5);
    // A fact like any stage's fallback, for the call's events and the counter.
    expect(call.fellBack).toEqual([{ stage: 'realtime', reason: expect.stringMatching(/^lost: .*embedded caller takes over$/) }]);
    double.refuse(0);
  }, 60_000);

  it('regression: a session that never opened reported the takeover before the call listened and the error was thrown; now it is a fallback the call hears', async () => {
    let embedded: FakeFallback | undefined;
    const caller = await RealtimeCaller.create({
      scenario: kitchenFire(),
      seed: 1,
      endpoint: { baseUrl: 'https://127.0.0.1:9/v1', apiKey: 'test-key', model: 'double-realtime', ca: double.ca },
      reconnect: { attempts: 1, firstDelayMs: 50, maxDelayMs: 50, openTimeoutMs: 1000 },
      player: new LinePlayer(),
      fallback: async (mind) => (embedded = new FakeFallback(mind)),
      now: () => 0,
    });
    expect(caller).toBe(embedded);
    const fellBack: Fallback[] = [];
    caller.on('fallback', (fallback) => fellBack.push(fallback)); // as the call wires it, once created
    await until(() => fellBack.length > 0);
    expect(fellBack).toEqual([{ stage: 'realtime', reason: expect.stringMatching(/^not opened: .*embedded caller takes over$/) }]);
  }, 30_000);

  it('times each answered spoken turn as the embedded caller does: end of speech to the first audio out, by stage', async () => {
    const call = await callOn();
    call.caller.answer();
    await until(() => call.said.length === 1);
    expect(call.timed).toEqual([]); // the opening answers no turn
    await call.speak('What is the address of your emergency?');
    await until(() => call.timed.length === 1);

    const [turn] = call.timed;
    const { endpoint, recognition, mind, synthesis, first_packet } = turn!.stages;
    // The double's turn detection ends a turn after 500 ms of silence (one frame either way per step).
    expect(endpoint).toBeGreaterThanOrEqual(440);
    expect(endpoint).toBeLessThan(2000);
    for (const ms of [recognition, mind, synthesis, first_packet]) expect(ms).toBeGreaterThanOrEqual(0);
    expect(synthesis).toBeGreaterThan(0); // the double synthesises before its first audio
    // The whole is end of speech to the first packet: the stages in a row, nothing counted twice.
    expect(turn!.totalMs).toBeGreaterThanOrEqual(endpoint + recognition + mind + synthesis + first_packet - 5);
    expect(turn!.totalMs).toBeLessThan(endpoint + recognition + mind + synthesis + first_packet + 100);
    await until(() => call.said.length === 2);
    expect(call.timed).toHaveLength(1);
  }, 60_000);
});

/** Stands for the embedded pipeline (its own tests run it on the real engines): records what it is handed. */
import { EventEmitter } from 'node:events';
import type { CallerPipelineEvents } from '../../../media/caller/pipeline.js';
class FakeFallback extends EventEmitter<CallerPipelineEvents> implements CallerPipeline {
  onHear: (atMs: number) => void = () => undefined;
  constructor(readonly mind: CallerMind | undefined) {
    super();
  }
  answer(): void {}
  hear(_frame: Int16Array, atMs: number): void {
    this.onHear(atMs);
  }
  setOnHold(): void {}
  close(): void {}
}
