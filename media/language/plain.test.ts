import { describe, expect, it } from 'vitest';
import { plainText, spokenText } from './plain.js';

describe('the plain form of text', () => {
  it('lowercases, drops apostrophes and turns other punctuation into single spaces', () => {
    expect(plainText("What's the address?  It's 1420!")).toBe('whats the address its 1420');
    expect(plainText('Main & 5th — near Joe’s')).toBe('main and 5th near joes');
    expect(plainText('...')).toBe('');
    expect(plainText('Apt #4')).toBe('apt number 4');
  });

  it('keeps letters that are not English', () => {
    expect(plainText('José Núñez')).toBe('josé núñez');
  });

  it('reads a typed line and a recognised one to the same words and digits', () => {
    const typed = spokenText('Three-twelve Forty-first Ave., apartment four B.');
    const heard = spokenText('three twelve forty first ave apartment four b');
    expect(typed).toBe(heard);
    expect(heard).toBe('312 41st ave apartment 4b');
    // A typed phone number keeps its groups as digits; a spoken one is grouped the way it is written.
    expect(spokenText('call 608-555-0142')).toBe('call 608 555 0142');
    expect(spokenText('call six oh eight five five five oh one four two')).toBe('call 608-555-0142');
  });
});
