import { describe, expect, it } from 'vitest';
import { ScenarioInput } from '../protocol/scenario.js';
import { CallerMind } from './mind.js';
import { PHRASES } from './phrases.js';
import { kitchenFire, libraryScenario } from './test-support.js';

async function caller(scenario = kitchenFire()) {
  const mind = new CallerMind(scenario, 1, { silenceMs: 1e9 });
  mind.opening(0);
  let atMs = 0;
  const ask = (text: string) => mind.respond({ text, atMs: (atMs += 2000) });
  return { mind, ask };
}

describe('reveal rules', () => {
  it('does not give an askedFor fact nobody asked for', async () => {
    const { mind, ask } = await caller();
    const replies = [await ask('help is on the way'), await ask('stay on the line with me'), await ask('okay')];
    for (const r of replies) expect(r.text).not.toMatch(/1420|555-0100|Dana/);
    expect(mind.revealed).not.toContain('location');
    expect(mind.revealed).not.toContain('callback');
  });

  it('gives an askedFor fact when asked for it', async () => {
    const { ask } = await caller();
    const reply = await ask('whats the phone number youre calling from');
    expect(reply.text).toContain('312-555-0100');
    expect(reply.revealed).toEqual(['callback']);
  });

  it('gives the wrong answer first and the right one when asked again', async () => {
    const { ask } = await caller();
    const first = await ask('whats the address');
    expect(first.text).toContain('Fourteen sixteen');
    expect(first.text).not.toContain('1420');
    expect(first.revealed).toEqual([]);
    const second = await ask('whats the address');
    expect(second.text).toContain('1420 Maple Avenue');
    expect(second.revealed).toEqual(['location']);
  });

  it('regression: a wrong-first answer in a reply nobody heard was used up, and the next ask got the right one; now it is given again', async () => {
    const { mind, ask } = await caller();
    const unheard = await ask('whats the address');
    expect(unheard.text).toContain('Fourteen sixteen');
    mind.unheard(unheard); // cancelled by a newer turn, or cut at its first sound
    const again = await ask('whats the address');
    expect(again.text).toContain('Fourteen sixteen');
    expect((await ask('whats the address')).text).toContain('1420 Maple Avenue');
  });

  it('takes back a fact given in a reply nobody heard, but not one a later reply gave again', async () => {
    const { mind, ask } = await caller();
    const first = await ask('whats the phone number youre calling from');
    const second = await ask('whats your callback number');
    expect(first.revealed).toEqual(['callback']);
    mind.unheard(first); // the older reply was cut after the newer one was made: the newer one stands
    expect(mind.revealed).toContain('callback');
    mind.unheard(second);
    expect(mind.revealed).toContain('callback'); // the second gave nothing new: the first's gift stands
    const { mind: fresh, ask: askFresh } = await caller();
    fresh.unheard(await askFresh('whats the phone number youre calling from'));
    expect(fresh.revealed).not.toContain('callback');
    expect((await askFresh('whats your callback number')).revealed).toEqual(['callback']);
  });

  it('says a timeline line again with the next reply when the reply that carried it was not heard', async () => {
    const mind = new CallerMind(kitchenFire(), 1, { silenceMs: 1e9 });
    mind.opening(0);
    const carried = await mind.respond({ text: 'okay', atMs: 31_000 });
    expect(carried.text).toContain('The window just blew out!');
    mind.unheard(carried);
    expect((await mind.respond({ text: 'okay', atMs: 33_000 })).text).toContain('The window just blew out!');
  });

  it('corrects the wrong answer when the call-taker reads it back', async () => {
    const { ask } = await caller();
    await ask('whats the address');
    const readBack = await ask('is that 1416 maple avenue');
    expect(readBack.intent).toBe('verify_location');
    expect(readBack.text).toContain('1420 Maple Avenue');
    expect(readBack.revealed).toEqual(['location']);
  });

  it('confirms a read-back that matches the truth', async () => {
    const { ask } = await caller();
    await ask('whats the address');
    const readBack = await ask('1420 maple avenue is that right');
    expect(Object.values(PHRASES.confirm).flat().some((yes) => readBack.text.endsWith(yes))).toBe(true);
    expect(readBack.revealed).toEqual(['location']);
  });

  it('does not contradict one fact with a read-back that matches another', async () => {
    const { ask } = await caller(await libraryScenario('highway-crash-multi-vehicle', { persona: { controlDifficulty: 0 } }));
    await ask('whats the mile marker');
    const readBack = await ask('is that mile marker 112');
    expect(readBack.text).not.toMatch(/Interstate 74|no, wait|wait, no/i);
    expect(readBack.revealed).toEqual(['mile_marker']);
  });

  it('never gives a never fact, however often it is asked', async () => {
    const { mind, ask } = await caller();
    for (let i = 0; i < 5; i++) {
      const reply = await ask('what caused the fire');
      expect(reply.text).toContain("I don't know how it started.");
      expect(reply.text).not.toMatch(/grease/i);
      expect(reply.revealed).not.toContain('cause');
    }
    expect(mind.revealed).not.toContain('cause');
  });

  it('keeps an afterCalmed fact until the caller has been calmed', async () => {
    const { mind, ask } = await caller();
    expect(mind.emotion).toBe('panicked');
    const upset = await ask('is the gas stove on');
    expect(upset.text).not.toMatch(/stove/i);
    expect(upset.revealed).toEqual([]);
    await ask('help is on the way youre doing great');
    expect(mind.emotion).toBe('anxious');
    const calmer = await ask('is the gas stove on');
    expect(calmer.text).toContain('The gas stove is still on.');
    expect(calmer.revealed).toEqual(['gas']);
  });

  it('volunteers a fact unasked when the turn leaves room', async () => {
    const { ask } = await caller();
    const reply = await ask('help is on the way');
    expect(reply.text).toContain('My dog is still inside!');
    expect(reply.revealed).toEqual(['dog']);
  });

  it('answers both parts of a two-part question', async () => {
    const { ask } = await caller();
    const reply = await ask('whats your name and the phone number youre calling from');
    expect(reply.revealed.sort()).toEqual(['callback', 'caller_name']);
  });

  it('still answers a rule written in the first library format (one sentence, no intents)', async () => {
    const legacy = kitchenFire() as ScenarioInput;
    const raw = { ...legacy, script: { ...legacy.script, revealRules: [{ fact: 'address is 1420 Maple Avenue', when: 'askedFor' }] } };
    const { ask } = await caller(ScenarioInput.parse(raw));
    const reply = await ask('whats the address');
    expect(reply.text).toContain('address is 1420 Maple Avenue');
    expect(reply.revealed).toEqual(['fact_address_is_1420_maple_avenue']);
  });
});
