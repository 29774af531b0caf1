import { describe, expect, it } from 'vitest';
import { CallerMind } from './mind.js';
import { PHRASES } from './phrases.js';
import { kitchenFire } from './test-support.js';

// An instructor steering the caller mid-call: each steer changes what the caller does next,
// exactly as asked, and nothing else.

function caller(persona: { controlDifficulty?: number; initialEmotion?: 'calm' | 'anxious' | 'panicked' } = {}) {
  const mind = new CallerMind(kitchenFire({ persona }), 1, { silenceMs: 1e9 });
  mind.opening(0);
  let atMs = 0;
  const ask = (text: string) => mind.respond({ text, atMs: (atMs += 2000) });
  return { mind, ask, now: () => (atMs += 500) };
}

const EVASIONS = Object.values(PHRASES.evade).flat();

describe('steering the caller', () => {
  it('escalates the caller a whole step and has them say so at once', () => {
    const { mind, now } = caller({ initialEmotion: 'anxious' });
    const reply = mind.steer({ action: 'escalate' }, now());
    expect(mind.emotion).toBe('panicked');
    expect(reply).toMatchObject({ emotion: 'panicked', intent: null });
    expect(reply!.text).not.toBe('');
  });

  it('calms even a hard-to-control caller below the floor their persona keeps', async () => {
    const { mind, ask, now } = caller({ controlDifficulty: 1, initialEmotion: 'panicked' });
    await ask("it's going to be okay, help is on the way");
    expect(mind.emotion).toBe('panicked'); // reassurance alone does not move this caller
    expect(mind.steer({ action: 'calm' }, now())).toBeNull();
    expect(mind.emotion).toBe('anxious');
  });

  it('makes the caller say a fact nobody asked for, revealed once', () => {
    const { mind, now } = caller();
    const reply = mind.steer({ action: 'reveal', fact: 'callback' }, now());
    expect(reply).toMatchObject({ text: '312-555-0100.', revealed: ['callback'] });
    expect(mind.revealed).toContain('callback');
    expect(mind.steer({ action: 'reveal', fact: 'callback' }, now())?.revealed).toEqual([]);
  });

  it('keeps a withheld fact back however it is asked, until released', async () => {
    const { mind, ask, now } = caller();
    mind.steer({ action: 'withhold', fact: 'callback' }, now());
    const dodged = await ask('what is the phone number you are calling from');
    expect(dodged.text).not.toContain('555-0100');
    expect(EVASIONS).toContain(dodged.text);
    expect(mind.revealed).not.toContain('callback');
    mind.steer({ action: 'release', fact: 'callback' }, now());
    expect((await ask('what is the phone number you are calling from')).text).toContain('312-555-0100');
  });

  it('does not volunteer a withheld fact either', async () => {
    const { mind, ask, now } = caller();
    mind.steer({ action: 'withhold', fact: 'dog' }, now());
    for (const line of ['okay', 'help is on the way', 'stay on the line']) expect((await ask(line)).text).not.toMatch(/dog/i);
  });

  it('injects an event: the caller says it, as upset as the instructor set', () => {
    const { mind, now } = caller({ initialEmotion: 'calm' });
    expect(mind.steer({ action: 'event', say: 'Oh my God, I just heard shots!', emotion: 'hysterical' }, now())).toMatchObject({
      text: 'Oh my God, I just heard shots!',
      emotion: 'hysterical',
    });
  });

  it('keeps what a steer makes the caller say for when the trainee comes back from hold', () => {
    const { mind, now } = caller();
    mind.onHold(now());
    expect(mind.steer({ action: 'event', say: 'The ceiling is coming down!' }, now())).toBeNull();
    expect(mind.offHold(now()).text).toContain('The ceiling is coming down!');
  });

  it('refuses a fact the scenario does not have, and changes nothing', () => {
    const { mind, now } = caller();
    expect(() => mind.steer({ action: 'reveal', fact: 'nope' }, now())).toThrow(new TypeError('the scenario has no fact "nope"'));
    expect(() => mind.steer({ action: 'withhold', fact: 'nope' }, now())).toThrow(TypeError);
    expect(mind.revealed).toEqual([]);
  });
});
