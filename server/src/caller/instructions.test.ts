import { describe, expect, it } from 'vitest';
import { matchInstruction, prepareInstruction } from './instructions.js';
import { CallerMind } from './mind.js';
import { kitchenFire, libraryScenario } from './test-support.js';

describe('pre-arrival instructions', () => {
  const cardiac = libraryScenario('cardiac-arrest-cpr');

  it('matches a command to the instruction it means', async () => {
    const instructions = (await cardiac).script.preArrivalInstructions.map(prepareInstruction);
    expect(matchInstruction(instructions, 'get her flat on her back')?.spec.text).toMatch(/^Get her flat/);
    expect(matchInstruction(instructions, 'push hard and fast')?.spec.text).toMatch(/^Push down hard/);
    expect(matchInstruction(instructions, 'listen to me')).toBeNull();
  });

  it('has a hard-to-control caller resist at most once: the same instruction again is followed', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const mind = new CallerMind(kitchenFire({ persona: { controlDifficulty: 1, initialEmotion: 'hysterical' } }), seed, { silenceMs: 1e9 });
      mind.opening(0);
      const first = await mind.respond({ text: 'stay outside keep away from the house', atMs: 2000 });
      const second = first.text.includes("I'm staying out") ? first : await mind.respond({ text: 'stay outside keep away from the house', atMs: 4000 });
      expect(second.text, `seed ${seed}`).toContain("Okay. I'm staying out.");
      if (second !== first) expect(first.text).toContain('But my dog is in there!');
    }
  });

  it('counts compressions along with the call-taker', async () => {
    const mind = new CallerMind(await cardiac, 3, { silenceMs: 1e9 });
    mind.opening(0);
    const reply = await mind.respond({ text: 'one and two and three and four', atMs: 60_000 });
    expect(reply.intent).toBe('cpr_count');
    expect(reply.text).toContain('One, two, three, four.');
  });
});
