import { describe, expect, it } from 'vitest';
import { scoringTokens, wordErrors } from './wer.js';

describe('word errors', () => {
  it('scores a contraction typed without its apostrophe as the same word', () => {
    expect(wordErrors("Don't move him, okay?", 'dont move him okay')).toEqual({ errors: 0, words: 4 });
  });

  it('counts a spoken number as one token, so one wrong digit is one error', () => {
    expect(scoringTokens('I have Fourteen-Twenty Maple Ave.')).toEqual(['i', 'have', '1420', 'maple', 'ave']);
    expect(wordErrors('fourteen twenty maple', 'forty twenty maple').errors).toBe(1);
  });

  it('counts insertions and deletions', () => {
    expect(wordErrors('is he breathing', 'is he is breathing now')).toEqual({ errors: 2, words: 3 });
    expect(wordErrors('is he breathing', '')).toEqual({ errors: 3, words: 3 });
  });
});
