import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../media/random.js';
import { FakeClock } from '../../../media/testing/fake-clock.js';
import type { Emotion, Persona } from '../protocol/scenario.js';
import { Patience, patienceOf } from './patience.js';
import { PHRASES } from './phrases.js';

const TICK_MS = 250;
const persona = (overrides: Partial<Persona> = {}): Persona => ({
  name: 'Dana Reyes',
  age: 41,
  voice: 'slt',
  languageLevel: 'fluent',
  controlDifficulty: 0.3,
  initialEmotion: 'anxious',
  ...overrides,
});

/**
 * A caller left alone on the line as the live caller drives it: a tick every 250 ms, each
 * prompt played out for `promptMs`. Returns when each prompt started and what it said.
 */
function leaveSilent(patience: Patience, clock: FakeClock, untilMs: number, emotion: Emotion = 'anxious', promptMs = 1500) {
  const prompts: { atMs: number; text: string }[] = [];
  let speakingUntil = -1;
  const tick = () => {
    const now = clock.now();
    if (now === speakingUntil) patience.callerFinished(now);
    if (now >= speakingUntil && patience.due(now, emotion)) {
      const text = patience.prompt(emotion);
      prompts.push({ atMs: now, text });
      patience.callerSaid(now, text);
      speakingUntil = now + promptMs;
    }
    if (now + TICK_MS <= untilMs) clock.setTimeout(tick, TICK_MS);
  };
  clock.setTimeout(tick, TICK_MS);
  clock.advance(untilMs - clock.now());
  return prompts;
}

describe('when the caller speaks up', () => {
  it('regression: "Hello?! Are you there?!" came 1.4 s after the caller finished, 8 s after the trainee: it waits from the end of whoever spoke last', () => {
    const patience = new Patience(6000, createRandom(1));
    patience.traineeSpoke(1000);
    patience.callerSaid(1300, 'It is fourteen twenty Maple Avenue, the white house, please hurry, the kitchen is full of smoke');
    patience.callerFinished(7600);
    expect(patience.quietSinceMs).toBe(7600);
    expect(patience.due(9000, 'anxious')).toBe(false);
    const wait = patience.waitMs('anxious');
    expect(patience.due(7600 + wait - 1, 'anxious')).toBe(false);
    expect(patience.due(7600 + wait, 'anxious')).toBe(true);
  });

  it("guesses the end of the caller's words from their length until the line reports it", () => {
    const patience = new Patience(6000, createRandom(1));
    patience.callerSaid(10_000, 'one two three four five');
    expect(patience.quietSinceMs).toBe(12_000);
    patience.callerFinished(11_200);
    expect(patience.quietSinceMs).toBe(11_200);
  });

  it('regression: it started while the trainee was talking: voice on the line holds it off until the line is quiet', () => {
    const clock = new FakeClock();
    const patience = new Patience(4000, createRandom(3));
    patience.callerSaid(0, 'My kitchen is on fire');
    patience.callerFinished(1500);
    // The trainee talks from 3 s to 20 s, with 400 ms pauses for breath.
    for (let at = 3000; at <= 20_000; at += 20) if (at % 2000 < 1600) patience.voiceHeard(at);
    const prompts = leaveSilent(patience, clock, 40_000);
    expect(prompts.length).toBeGreaterThan(0);
    // The last voice is at 20 s; the shortest wait is 4 s less its 20 % variation.
    for (const p of prompts) expect(p.atMs).toBeGreaterThanOrEqual(20_000 + 3200);
  });

  it('regression: it repeated word for word every 8 s: no prompt is the one before it, and the waits vary and grow', () => {
    const clock = new FakeClock();
    const patience = new Patience(5000, createRandom(7));
    const prompts = leaveSilent(patience, clock, 120_000);
    expect(prompts.length).toBeGreaterThanOrEqual(6);
    for (let i = 1; i < prompts.length; i++) expect(prompts[i]!.text).not.toBe(prompts[i - 1]!.text);
    const gaps = prompts.slice(1).map((p, i) => p.atMs - prompts[i]!.atMs);
    expect(new Set(gaps).size).toBeGreaterThan(1);
    expect(gaps.at(-1)!).toBeGreaterThan(gaps[0]!);
  });

  it('draws every prompt from the phrases of how upset the caller is', () => {
    const patience = new Patience(5000, createRandom(2));
    for (const [emotion, band] of [['calm', 'calm'], ['in_shock', 'upset'], ['hysterical', 'frantic']] as const) {
      for (let i = 0; i < 10; i++) expect(PHRASES.silence[band]).toContain(patience.prompt(emotion));
    }
  });

  it('waits longer calm and less frantic, and afresh once the trainee answers', () => {
    const patience = new Patience(6000, createRandom(4));
    const [calm, upset, frantic] = (['calm', 'anxious', 'panicked'] as const).map((e) => patience.waitMs(e));
    expect(calm).toBeGreaterThan(upset!);
    expect(upset).toBeGreaterThan(frantic!);
    patience.prompt('anxious');
    patience.prompt('anxious');
    patience.callerSaid(20_000, 'Hello?');
    const unanswered = patience.waitMs('anxious');
    patience.traineeSpoke(21_000);
    expect(patience.waitMs('anxious')).toBeLessThan(unanswered * 0.8);
  });
});

describe("a persona's patience", () => {
  it('is shorter for a caller who is hard to control', () => {
    expect(patienceOf(persona({ controlDifficulty: 0.9 }))).toBeLessThan(patienceOf(persona({ controlDifficulty: 0.1 })));
  });

  it('is longer for someone hiding or speaking covertly, and for the very old', () => {
    const base = patienceOf(persona());
    expect(patienceOf(persona({ behaviours: ['whispers'] }))).toBeGreaterThan(base);
    expect(patienceOf(persona({ behaviours: ['yes_no_only'] }))).toBeGreaterThan(base);
    expect(patienceOf(persona({ age: 87 }))).toBeGreaterThan(base);
    expect(patienceOf(persona({ age: 7, languageLevel: 'child' }))).toBeLessThan(base);
  });

  it("is the scenario's own when it sets one", () => {
    expect(patienceOf(persona({ patienceMs: 12_000 }))).toBe(12_000);
  });

  it('refuses a wait that is not positive', () => {
    expect(() => new Patience(0, createRandom(1))).toThrow(TypeError);
  });
});
