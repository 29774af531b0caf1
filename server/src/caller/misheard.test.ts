import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../media/random.js';
import { spokenText } from '../../../media/language/plain.js';
import { misheard } from './misheard.js';

const LINE = "Okay ma'am, uh, is he breathing? Is he awake, is he talking to you?";

describe('a line as the recogniser may hear it', () => {
  it('is lowercase words and digits without punctuation, like the recogniser types', () => {
    const random = createRandom(3);
    for (let i = 0; i < 50; i++) expect(misheard('Is that nine one one, or four two?', random)).toMatch(/^[a-z0-9 ]+$/);
  });

  it('keeps most of the line, changing a few words at most', () => {
    const random = createRandom(5);
    const words = spokenText(LINE).split(' ');
    for (let i = 0; i < 50; i++) {
      const heard = misheard(LINE, random).split(' ');
      const kept = words.filter((w) => heard.includes(w)).length;
      expect(kept).toBeGreaterThanOrEqual(words.length * 0.5);
    }
  });

  it('varies from one hearing to the next, and the same seed hears the same', () => {
    const a = createRandom(9);
    const b = createRandom(9);
    const heard = Array.from({ length: 30 }, () => misheard(LINE, a));
    expect(new Set(heard).size).toBeGreaterThan(5);
    expect(Array.from({ length: 30 }, () => misheard(LINE, b))).toEqual(heard);
  });

  it('never hears a one-word line as nothing', () => {
    const random = createRandom(1);
    for (let i = 0; i < 100; i++) expect(misheard('um', random)).not.toBe('');
  });
});
