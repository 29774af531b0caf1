import { describe, expect, it } from 'vitest';
import { CallerMind } from './mind.js';
import { libraryScenario } from './test-support.js';

const SCRIPT = [
  '911 what is the address of your emergency',
  'whats the address',
  'is that 1416 maple avenue',
  'whats your phone number',
  'where is your father',
  'help is on the way',
  'do not go back inside the house',
  'are there any hazards',
  'is anyone else in the house',
  'whats your name',
];

async function transcript(seed: number): Promise<string[]> {
  const mind = new CallerMind(await libraryScenario('house-fire-trapped-person'), seed, { silenceMs: 1e9 });
  const lines: string[] = [];
  for (const [i, text] of SCRIPT.entries()) {
    const reply = await mind.respond({ text, atMs: 3000 * (i + 1) });
    lines.push(`[${reply.emotion}] ${reply.text}`);
  }
  return lines;
}

describe('determinism', () => {
  it('gives the same replies for the same seed', async () => {
    expect(await transcript(42)).toEqual(await transcript(42));
  });

  it('varies the replies across seeds', async () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 8; seed++) seen.add((await transcript(seed)).join('\n'));
    expect(seen.size).toBeGreaterThan(4);
  });
});
