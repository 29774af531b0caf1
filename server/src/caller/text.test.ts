import { describe, expect, it } from 'vitest';
import { digitRuns, hasLoosePhrase, normalize, numberWordsToDigits } from './text.js';

describe('text helpers', () => {
  it('normalizes punctuation and apostrophes the way ASR text looks', () => {
    expect(normalize("What's the address? It's 1420!")).toBe('whats the address its 1420');
  });

  it('turns spoken numbers into digits', () => {
    expect(numberWordsToDigits('Fourteen sixteen Maple')).toBe('14 16 maple');
    expect(numberWordsToDigits('six one five, forty two')).toBe('6 1 5 42');
  });

  it('joins spoken digit groups into runs', () => {
    expect(digitRuns('419-555-0112')).toEqual(['4195550112']);
    expect(digitRuns('fourteen twenty Maple Avenue')).toEqual(['1420']);
  });

  it('hears a keyword with a few words in between and its small words said differently', () => {
    expect(hasLoosePhrase('how did the crash happen', 'how did it happen')).toBe(true);
    expect(hasLoosePhrase('where are you exactly', 'where exactly')).toBe(true);
    expect(hasLoosePhrase('where is the big red barn with the dog', 'where dog')).toBe(false);
  });
});
