import { describe, expect, it } from 'vitest';
import { CallerMind } from './mind.js';
import { PHRASES } from './phrases.js';
import { kitchenFire, libraryScenario } from './test-support.js';

const silenceLines = Object.values(PHRASES.silence).flat();

describe('timeline', () => {
  it('says what happens at the event time and not before', () => {
    const mind = new CallerMind(kitchenFire(), 1, { silenceMs: 1e9 });
    mind.opening(0);
    expect(mind.tick(29_999)).toBeNull();
    const event = mind.tick(30_000);
    expect(event?.text).toBe('The window just blew out!');
    expect(event?.emotion).toBe('hysterical');
    expect(event?.intent).toBeNull();
    expect(mind.tick(30_500)).toBeNull();
  });

  it('speaks an event that fell due before the answer to a turn', async () => {
    const mind = new CallerMind(kitchenFire(), 1, { silenceMs: 1e9 });
    mind.opening(0);
    const reply = await mind.respond({ text: 'whats your phone number', atMs: 31_000 });
    expect(reply.text.startsWith('The window just blew out!')).toBe(true);
    expect(reply.text).toContain('312-555-0100');
  });

  it('answers from the rule that holds at the time: awake before the collapse, not after', async () => {
    const mind = new CallerMind(await libraryScenario('cardiac-arrest-cpr', { persona: { controlDifficulty: 0, behaviours: [] } }), 1, { silenceMs: 1e9 });
    mind.opening(0);
    expect((await mind.respond({ text: 'is she awake', atMs: 10_000 })).text).toContain("she's awake");
    const later = await mind.respond({ text: 'is she awake', atMs: 45_000 });
    expect(later.text).toContain('Oh God, she fell!');
    expect(later.text).toContain("She's not answering me");
    expect(mind.revealed).toContain('unresponsive');
  });
});

describe('silence', () => {
  it('makes an upset caller speak up after 8 s and again 8 s later, more upset each time', () => {
    const mind = new CallerMind(kitchenFire(), 1);
    mind.opening(0);
    expect(mind.tick(7_999)).toBeNull();
    const first = mind.tick(8_000);
    expect(silenceLines.some((line) => first?.text.startsWith(line))).toBe(true);
    expect(first?.emotion).toBe('hysterical');
    expect(mind.tick(12_000)).toBeNull();
    expect(mind.tick(16_000)?.text).toBeTruthy();
  });

  it('lets a calm caller wait twice as long and stay calm', () => {
    const mind = new CallerMind(kitchenFire({ persona: { initialEmotion: 'calm' } }), 1);
    mind.opening(0);
    expect(mind.tick(8_000)).toBeNull();
    expect(mind.tick(16_000)?.emotion).toBe('calm');
  });

  it('counts silence from the last thing anyone said', async () => {
    const mind = new CallerMind(kitchenFire(), 1);
    mind.opening(0);
    await mind.respond({ text: 'help is on the way', atMs: 6_000 });
    expect(mind.tick(13_000)).toBeNull();
    expect(mind.tick(14_000)).not.toBeNull();
  });
});

describe('hold', () => {
  it('keeps the caller quiet on hold and tells what happened meanwhile when back', () => {
    const mind = new CallerMind(kitchenFire(), 1);
    mind.opening(0);
    mind.onHold(1_000);
    expect(mind.tick(20_000)).toBeNull();
    expect(mind.tick(31_000)).toBeNull();
    const back = mind.offHold(40_000);
    expect(back.text).toContain('The window just blew out!');
    expect(Object.values(PHRASES.backLong).flat().some((line) => back.text.startsWith(line))).toBe(true);
  });
});
