import { describe, expect, it } from 'vitest';
import type { TurnTiming } from '../../../media/caller/pipeline.js';
import type { PlayedLine } from '../../../media/caller/reply.js';
import { LinePlayer } from '../../../media/testing/line-player.js';
import { createAiCaller } from './live-caller.js';
import { QUIET, ScriptedRecognizer, scriptedVad, scriptedVoice, SPEECH } from './scripted-engines.js';
import { soundsComplete } from './sounds-complete.js';
import { kitchenFire } from './test-support.js';

// Turn taking of the AI caller with its engines replaced (scripted-engines.ts) and its real
// voice: what it played is what the test reads.

const settle = () => new Promise((r) => setImmediate(r));

async function callerFor(options: { openingLine?: string; sentenceMs?: number; voiceReady?: () => Promise<void>; partials?: boolean } = {}) {
  const recognizer = new ScriptedRecognizer({ partials: options.partials ?? true });
  let now = 0;
  const scenario = kitchenFire();
  if (options.openingLine) scenario.script.openingLine = options.openingLine;
  const player = new LinePlayer();
  const synthesizer = scriptedVoice(options.sentenceMs ?? 100, options.voiceReady);
  const caller = await createAiCaller({ scenario, seed: 1, vad: scriptedVad, recognizer, synthesizer, player, now: () => now });
  const said: PlayedLine[] = [];
  const interrupts: number[] = [];
  const errors: Error[] = [];
  caller.on('said', (line) => said.push(line));
  caller.on('interrupt', () => interrupts.push(at));
  caller.on('error', (e) => errors.push(e));
  let at = 1000;
  /** `ms` of speech or quiet from the trainee, frame by frame; returns when the caller has taken them in. */
  const trainee = async (kind: 'speech' | 'quiet', ms: number, jumpBackMs = 0) => {
    at -= jumpBackMs;
    for (let t = 0; t < ms; t += 20, at += 20) caller.hear(kind === 'speech' ? SPEECH : QUIET, at);
    await settle();
  };
  /** Answers, and waits until the caller's voice is on the line. */
  const answered = async () => {
    caller.answer();
    await expect.poll(() => player.pacer.speaking).toBe(true);
  };
  const texts = () => said.map((l) => l.text);
  return { caller, player, recognizer, said, texts, interrupts, errors, trainee, answered, setNow: (ms: number) => (now = ms) };
}

describe('AiCaller turn taking', () => {
  it('ends a turn whose transcript is already a whole question after a shorter silence', async () => {
    const { caller, recognizer, trainee } = await callerFor();
    const finals: string[] = []; // the turn's final text is reported at its endpoint
    caller.on('heard', (h) => h.isFinal && finals.push(h.text));
    caller.answer();
    await trainee('speech', 800);
    recognizer.turns[0]!.emit('partial', 'what is the address of your emergency');
    recognizer.turns[0]!.hear('what is the address of your emergency'); // recognised by the first pause
    await trainee('quiet', 260);
    expect(finals).toHaveLength(1);

    await trainee('speech', 800);
    recognizer.turns[1]!.emit('partial', 'what is the address of');
    recognizer.turns[1]!.hear('what is the address of');
    await trainee('quiet', 260);
    expect(finals).toHaveLength(1); // mid-question: the default pause
    await trainee('quiet', 160);
    expect(finals).toHaveLength(2);
    caller.close();
  });

  it('tells a whole question from an unfinished one or an acknowledgement', () => {
    expect(soundsComplete('what is the address of your emergency')).toBe(true);
    expect(soundsComplete('i have 1420 maple avenue is that correct')).toBe(true);
    expect(soundsComplete('is he breathing')).toBe(true);
    expect(soundsComplete('what is the address of')).toBe(false);
    expect(soundsComplete('okay')).toBe(false);
    expect(soundsComplete('stay on the line with me')).toBe(false); // an instruction may go on
    // A question may end on a word that usually leads on, once what it belongs to came first.
    expect(soundsComplete('what is the phone number you are calling from')).toBe(true);
    expect(soundsComplete('can you see any smoke or flames from where you are')).toBe(true);
    expect(soundsComplete('where are you calling from')).toBe(true);
    expect(soundsComplete('what is the phone number you are calling')).toBe(true);
    expect(soundsComplete('where is the')).toBe(false);
    expect(soundsComplete('can you see any smoke from')).toBe(false); // "from" after a noun: where from is still to come
    expect(soundsComplete('where are')).toBe(false);
  });

  // Regression: the silence prompt fired while the trainee's question was still being
  // recognized, and its "Hello? Are you there?" played before the answer.
  it('does not speak up about the silence while the trainee waits for its answer', async () => {
    const { caller, player, recognizer, said, texts, trainee, setNow } = await callerFor();
    caller.answer();
    await expect.poll(() => said.length > 0 && player.queuedMs === 0).toBe(true);
    const opening = said.length;
    await trainee('speech', 800);
    await trainee('quiet', 500);
    expect(recognizer.turns[0]!.finished).toBe(true);
    setNow(60_000); // a minute since the caller last spoke: long enough to speak up, and for the timeline
    await new Promise((r) => setTimeout(r, 700));
    expect(texts().slice(opening)).toEqual([]);
    recognizer.turns[0]!.hear('what is the address of your emergency');
    await expect.poll(() => texts().slice(opening).join(' ')).toMatch(/Maple/);
    caller.close();
  });

  // Regression (screenshots under load): the caller said "Hello?! Don't hang up on me!" instead
  // of answering; its silence prompt came while the answer was still being synthesized.
  it('does not speak up about the silence while its own answer is still being made', async () => {
    let release!: () => void;
    let gate: Promise<void> | null = null;
    const { caller, player, recognizer, said, texts, trainee, setNow } = await callerFor({ voiceReady: () => gate ?? Promise.resolve() });
    caller.answer();
    await expect.poll(() => said.length > 0 && player.queuedMs === 0).toBe(true);
    const opening = said.length;
    gate = new Promise((r) => (release = r));
    await trainee('speech', 800);
    await trainee('quiet', 500);
    // Stock words, not made ahead while the phone rang: synthesizing them waits for the gate.
    recognizer.turns[0]!.hear('help is on the way');
    await new Promise((r) => setTimeout(r, 50));
    setNow(60_000); // long past any patience and the timeline's next event: only the answer in the making holds them back
    await new Promise((r) => setTimeout(r, 700));
    release();
    await expect.poll(() => said.length).toBeGreaterThan(opening);
    expect(texts()[opening]).not.toMatch(/Hello|there|window/i);
    caller.close();
  });

  // Regression: the bridge's clock stepped back 240 ms when it re-anchored after a stall; the
  // turn detector threw on every frame until it caught up, and the turn was lost.
  it('keeps hearing when the stream clock steps back', async () => {
    const { caller, recognizer, errors, trainee } = await callerFor();
    caller.answer();
    await trainee('speech', 400);
    await trainee('speech', 400, 240);
    await trainee('quiet', 500);
    expect(errors).toEqual([]);
    expect(recognizer.turns).toHaveLength(1);
    expect(recognizer.turns[0]!.finished).toBe(true);
    caller.close();
  });

  it("regression: a turn's endpoint was read off the call's clock, which stream time runs ahead of after a stall, and came out negative; it is timed from the frames", async () => {
    const { caller, recognizer, trainee, player } = await callerFor(); // the call's clock stays at 0
    const timings: TurnTiming[] = [];
    caller.on('turn', (timing) => timings.push(timing));
    caller.answer();
    await expect.poll(() => player.pacer.speaking).toBe(true);
    await expect.poll(() => player.pacer.speaking).toBe(false);
    await trainee('speech', 800);
    recognizer.turns[0]!.emit('partial', 'stay on the line with me');
    await trainee('quiet', 420);
    recognizer.turns[0]!.hear('stay on the line with me');
    await expect.poll(() => timings.length).toBe(1);
    expect(timings[0]!.endpointMs).toBeGreaterThanOrEqual(400); // the detector's silence, and what it took to see it
    expect(timings[0]!.endpointMs).toBeLessThan(700);
    expect(timings[0]!.speechEndedAt).toBeLessThan(performance.now() - 400);
    caller.close();
  });

  it('hands a long speech to the line a sentence at a time, by the line\'s own clock, so an answer follows the sentence being said', async () => {
    const { caller, player, texts } = await callerFor({ openingLine: 'My kitchen is on fire! The smoke is everywhere. I can hear the alarm.', sentenceMs: 1000 });
    caller.answer();
    await new Promise((r) => setTimeout(r, 200));
    expect(player.plays).toHaveLength(1);
    await expect.poll(() => player.plays.length, { timeout: 1500, interval: 20 }).toBe(2);
    expect(player.plays[1]! - player.plays[0]!).toBeGreaterThan(600); // 300 ms before the first ends
    caller.hearText('what is the address', 5000);
    await expect.poll(() => texts().length, { timeout: 4000, interval: 20 }).toBeGreaterThan(2);
    expect(texts().slice(0, 2)).toEqual(['My kitchen is on fire!', 'The smoke is everywhere.']);
    await new Promise((r) => setTimeout(r, 1500));
    expect(texts()).not.toContain('I can hear the alarm.');
    caller.close();
  });

  describe('talked over', () => {
    it('stops at the decision time when what it heard is not an acknowledgement', async () => {
      const { caller, recognizer, interrupts, trainee, answered } = await callerFor({ sentenceMs: 5000 });
      await answered();
      await trainee('speech', 220);
      recognizer.turns[0]!.emit('partial', "ma'am");
      expect(interrupts).toEqual([]); // a first guess: "uh-huh" often starts out as another word
      await expect.poll(() => interrupts.length, { timeout: 1000, interval: 10 }).toBe(1);
      caller.close();
    });

    it('keeps talking through an "uh-huh", and stops if the trainee goes on talking', async () => {
      const { caller, recognizer, interrupts, trainee, answered } = await callerFor({ sentenceMs: 5000 });
      await answered();
      await trainee('speech', 220);
      recognizer.turns[0]!.emit('partial', 'by');
      recognizer.turns[0]!.emit('partial', 'uh huh');
      await new Promise((r) => setTimeout(r, 250)); // past the decision time
      recognizer.turns[0]!.emit('partial', 'i have'); // a passing guess, not more words
      expect(interrupts).toEqual([]);
      await trainee('speech', 400);
      await expect.poll(() => interrupts.length, { timeout: 1500, interval: 10 }).toBe(1);
      caller.close();
    });

    it('keeps talking when an acknowledgement ends the turn, and stops when a short word that is not one does', async () => {
      const { caller, player, recognizer, interrupts, trainee, answered } = await callerFor({ sentenceMs: 5000 });
      await answered();
      await trainee('speech', 220);
      recognizer.turns[0]!.emit('partial', 'okay');
      await trainee('quiet', 420);
      recognizer.turns[0]!.hear('okay');
      await new Promise((r) => setTimeout(r, 250));
      expect(interrupts).toEqual([]);
      expect(player.resumes).toHaveLength(player.pauses.length);
      await trainee('speech', 220);
      await trainee('quiet', 420); // over before the decision time
      recognizer.turns[1]!.hear('stop');
      await expect.poll(() => interrupts.length, { timeout: 1000, interval: 10 }).toBe(1);
      caller.close();
    });

    it('stops when nothing has been recognized by the decision time', async () => {
      const { caller, interrupts, trainee, answered } = await callerFor({ sentenceMs: 5000 });
      await answered();
      await trainee('speech', 220);
      expect(interrupts).toEqual([]);
      await expect.poll(() => interrupts.length, { timeout: 1000, interval: 10 }).toBe(1);
      caller.close();
    });

    // Regression: hosted recognition gives no running transcript; the acknowledgement check
    // read an empty partial as "not an acknowledgement", so every "okay" cut the caller off.
    it('without a running transcript, goes on after a short acknowledgement and stops for a longer turn', async () => {
      const { caller, player, recognizer, interrupts, trainee, answered } = await callerFor({ sentenceMs: 5000, partials: false });
      await answered();
      await trainee('speech', 220);
      await new Promise((r) => setTimeout(r, 300)); // past the decision time: nothing to judge by yet
      await trainee('quiet', 420);
      recognizer.turns[0]!.hear('okay');
      await new Promise((r) => setTimeout(r, 100));
      expect(interrupts).toEqual([]);
      expect(player.resumes).toHaveLength(player.pauses.length);
      await trainee('speech', 220);
      expect(interrupts).toEqual([]);
      await expect.poll(() => interrupts.length, { timeout: 1500, interval: 10 }).toBe(1); // still talking past the acknowledgement's length
      caller.close();
    });
  });
});
