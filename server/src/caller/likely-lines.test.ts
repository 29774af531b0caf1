import { describe, expect, it } from 'vitest';
import { sentences } from '../../../media/speech/synthesizer.js';
import { CallerMind } from './mind.js';
import { kitchenFire } from './test-support.js';

// What the caller makes ahead is what it then says: an answer whose first sentence is not made
// yet waits for the synthesizer while the trainee waits for the answer.

describe("the caller's likely lines", () => {
  it('regression: answers that open with a stock phrase ("Okay, I\'m doing it.", "Like I said.") were synthesised while the trainee waited; their first sentences are now made ahead', async () => {
    const mind = new CallerMind(kitchenFire(), 3, { silenceMs: 1e9 });
    mind.opening(0);
    let atMs = 0;
    const firsts: string[] = [];
    for (const line of ['I need you to stay on the line with me.', 'Get out of the house now.', 'What is the address of your emergency?', 'What is the address of your emergency?', 'Is anyone hurt?', 'Help is on the way.']) {
      const likely = new Set(mind.likelyLines().flatMap(sentences)); // as the caller makes them, for its mood now
      const reply = await mind.respond({ text: line, atMs: (atMs += 3000) });
      if (reply.text) firsts.push(sentences(reply.text)[0]!);
      if (reply.text) expect(likely, `"${reply.text}" after "${line}"`).toContain(sentences(reply.text)[0]);
    }
    expect(firsts.length).toBeGreaterThan(3);
    mind.close();
  });
});
