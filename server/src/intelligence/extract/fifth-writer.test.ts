// Kinds of error the trainable blind writers' lines (writer2, writer3) showed in session 8 (issue
// 15), fixed as kinds: every line here is our own, written for the kind, never a writer's.
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../extract.js';
import type { EntityType } from '../types.js';

const values = (text: string, type: EntityType) =>
  extractEntities({ id: 's', speaker: 'caller', text, startMs: 0, endMs: 0 })
    .filter((e) => e.type === type)
    .map((e) => e.normalized);

describe('one caller name per line: the last full form said', () => {
  it.each([
    ['they call me red, my name is calvin moss', 'Calvin Moss'],
    ['you can call me benny, benjamin ortega', 'Benjamin Ortega'],
    ['its linda harper, no wait, linda harper-vance', 'Linda Harper-Vance'],
    ['marcus here, marcus whitlock, i live upstairs', 'Marcus Whitlock'],
    ['im sam, samantha cole', 'Samantha Cole'],
    // A surname after "my name is" is kept when the first name is also an ordinary word.
    ['Frank. My name is Frank Delaney', 'Frank Delaney'],
    ['sergeant moyo, retired, i saw the whole thing', 'Sergeant Moyo'],
  ])('reads "%s" as %s', (text, name) => {
    expect(values(text, 'caller_name')).toEqual([name]);
  });

  it('joins a surname given apart to the first name said before it', () => {
    expect(values('its kira, k i r a, last name novak', 'caller_name')).toEqual(['Kira Novak']);
  });

  it.each(['baby, baby, stay awake for me', 'honey honey look at me', 'buddy, buddy, can you hear me'])('names nobody in "%s"', (text) => {
    expect(values(text, 'caller_name')).toEqual([]);
  });
});
