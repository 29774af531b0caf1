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
  // When exactly is patience.ts's: here, that the mind speaks up when it says so, and how.
  it('makes an upset caller speak up once its patience runs out after its own words end, more upset each time', () => {
    const mind = new CallerMind(kitchenFire(), 1, { silenceMs: 6000 });
    mind.opening(0);
    mind.patience.callerFinished(1800); // the line played the opening until 1.8 s
    const wait = mind.patience.waitMs(mind.emotion);
    expect(mind.tick(1800 + wait - 1)).toBeNull();
    const first = mind.tick(1800 + wait);
    expect(silenceLines.some((line) => first?.text.startsWith(line))).toBe(true);
    expect(first?.emotion).toBe('hysterical');
    mind.patience.callerFinished(1800 + wait + 1500);
    const second = mind.tick(1800 + wait + 1500 + mind.patience.waitMs(mind.emotion));
    expect(second?.text).toBeTruthy();
    expect(second?.text).not.toBe(first?.text);
  });

  it('lets a calm caller wait longer and stay calm', () => {
    const mind = new CallerMind(kitchenFire({ persona: { initialEmotion: 'calm' } }), 1, { silenceMs: 6000 });
    mind.opening(0);
    mind.patience.callerFinished(1500);
    expect(mind.tick(1500 + 6000 * 1.2)).toBeNull();
    expect(mind.tick(1500 + 6000 * 1.6 * 1.2)?.emotion).toBe('calm');
  });

  it("counts silence from the end of the caller's answer to the trainee", async () => {
    const mind = new CallerMind(kitchenFire(), 1, { silenceMs: 6000 });
    mind.opening(0);
    await mind.respond({ text: 'help is on the way', atMs: 6_000 });
    mind.patience.callerFinished(8_000);
    const wait = mind.patience.waitMs(mind.emotion);
    expect(mind.tick(8_000 + wait - 1)).toBeNull();
    expect(mind.tick(8_000 + wait)).not.toBeNull();
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
