import { describe, expect, it } from 'vitest';
import { digitRuns, hasLoosePhrase, mentionsNumber, normalize } from './text.js';

describe('text helpers', () => {
  it('normalizes punctuation and apostrophes the way ASR text looks', () => {
    expect(normalize("What's the address? It's 1420!")).toBe('whats the address its 1420');
  });

  // Regression: this file once read "twenty five hundred" as "25 hundred" while the recogniser wrote 2500.
  it('reads spoken numbers the way the recogniser writes them', () => {
    expect(digitRuns('twenty five hundred block of Main')).toEqual(['2500']);
    expect(digitRuns('three twelve forty first avenue')).toEqual(['312']);
    expect(mentionsNumber('its forty one fifteen elm', '4115')).toBe(true);
  });

  it('joins spoken digit groups into runs', () => {
    expect(digitRuns('419-555-0112')).toEqual(['4195550112']);
    expect(digitRuns('fourteen twenty Maple Avenue')).toEqual(['1420']);
    expect(digitRuns('six oh eight, five five five, oh one four two')).toEqual(['6085550142']);
  });

  it('hears a keyword with a few words in between and its small words said differently', () => {
    expect(hasLoosePhrase('how did the crash happen', 'how did it happen')).toBe(true);
    expect(hasLoosePhrase('where are you exactly', 'where exactly')).toBe(true);
    expect(hasLoosePhrase('where is the big red barn with the dog', 'where dog')).toBe(false);
  });
});
