import { describe, expect, it } from 'vitest';
import { cardinalWords, normalizeNumbers, spokenNumberForms, spokenPhoneForms } from './numbers.js';

describe('normalizeNumbers', () => {
  it.each([
    // addresses, said the ways people say them
    ['fourteen twenty maple avenue', '1420 maple avenue'],
    ['i have fourteen twenty maple avenue is that correct', 'i have 1420 maple avenue is that correct'],
    ['one four two zero maple avenue', '1420 maple avenue'],
    ['one thousand four hundred and twenty', '1420'],
    ['one thousand four hundred twenty maple avenue', '1420 maple avenue'],
    ['fourteen hundred twenty', '1420'],
    ['six fifteen lincoln avenue', '615 lincoln avenue'],
    ['six one five lincoln avenue', '615 lincoln avenue'],
    ['six hundred and fifteen lincoln avenue', '615 lincoln avenue'],
    ['twenty two oh nine birch court', '2209 birch court'],
    ['eighteen oh two prospect avenue', '1802 prospect avenue'],
    ['five oh twenty main street', '5020 main street'],
    ['ten oh ten salem road', '10010 salem road'],
    ['one oh double oh pine street', '1000 pine street'],
    ['twenty five hundred college avenue', '2500 college avenue'],
    ['forty four hundred quarry road', '4400 quarry road'],
    ['fifty six elm street', '56 elm street'],
    ['seven thirty one harbor road', '731 harbor road'],
    ['three hundred river road', '300 river road'],
    ['nine hundred station road', '900 station road'],
    ['twenty three', '23'],
    ['a hundred and twenty', '120'],
    ['two thousand and five', '2005'],
    ['interstate seventy four mile marker one twelve', 'interstate 74 mile marker 112'],
    // phone numbers
    ['five five five one two one two', '555-1212'],
    ['four one nine five five five oh one four seven', '419-555-0147'],
    ['four one nine five five five zero one four seven', '419-555-0147'],
    ['my number is four one nine five five five oh one one two', 'my number is 419-555-0112'],
    ['five five five oh one double four', '555-0144'],
    ['one four one nine five five five oh one four seven', '1-419-555-0147'],
    ['nine one one what is the address of your emergency', '911 what is the address of your emergency'],
    // units with a letter
    ['apartment four b', 'apartment 4b'],
    ['apartment four c on the fourth floor', 'apartment 4c on the fourth floor'],
    ['room two fourteen', 'room 214'],
    ['apartment four a please hurry', 'apartment 4a please hurry'],
    ['flat two c', 'flat 2c'],
    // the article after a room number is no unit letter
    ['room one eighteen a beaker broke', 'room 118 a beaker broke'],
    // words that only look like numbers stay words
    ['oh no he is not breathing', 'oh no he is not breathing'],
    ['the one with the big slide', 'the one with the big slide'],
    ['one of them has a gun', 'one of them has a gun'],
    ['is anyone hurt', 'is anyone hurt'],
    ['third street and elm', 'third street and elm'],
    ['he is twenty three and she is five', 'he is 23 and she is 5'],
    ['two people and three cars', '2 people and 3 cars'],
    ['we need one ambulance', 'we need 1 ambulance'],
    // CPR counting keeps each count
    ['one two three four five', '1 2 3 4 5'],
    ['twenty eight twenty nine thirty', '28 29 30'],
    ['push one two three and four', 'push 1 2 3 and 4'],
    // ordinals: a tens word and an ordinal make one street number, and end a house number before it
    ['sixty second street', '62nd street'],
    ['three twelve forty first avenue', '312 41st avenue'],
    ['forty one fifteen twenty third street', '4115 23rd street'],
    ['twenty five hundred block of thirty third', '2500 block of 33rd'],
    ['on the third floor', 'on the third floor'],
    ['wait a second', 'wait a second'],
    // ranges of a count are two numbers, an address in pairs is one
    ['like two three guys', 'like 2 3 guys'],
    ['ten fifteen minutes ago', '10 15 minutes ago'],
    ['three twelve people street', '312 people street'],
    ['five six seven eight', '5 6 7 8'],
    // already digits, or empty
    ['1420 maple avenue', '1420 maple avenue'],
    ['', ''],
  ])('turns "%s" into "%s"', (spoken, written) => {
    expect(normalizeNumbers(spoken)).toBe(written);
  });

  it('is idempotent on its own output', () => {
    const once = normalizeNumbers('i have fourteen twenty maple avenue and four one nine five five five oh one four seven');
    expect(normalizeNumbers(once)).toBe(once);
  });
});

describe('spoken forms of scenario numbers', () => {
  it('says a four-digit house number in pairs, digit by digit and as a cardinal', () => {
    expect(spokenNumberForms('1420')).toEqual([
      'one thousand four hundred twenty',
      'one four two zero',
      'one four two oh',
      'fourteen twenty',
      'fourteen hundred twenty',
    ]);
  });

  it('says a hundreds number with and without its hundred', () => {
    expect(spokenNumberForms('615')).toEqual(['six hundred fifteen', 'six one five', 'six fifteen', 'six hundred and fifteen']);
    expect(spokenNumberForms('2500')).toContain('twenty five hundred');
    expect(spokenNumberForms('1802')).toContain('eighteen oh two');
  });

  it('says a phone number digit by digit, with and without its area code', () => {
    expect(spokenPhoneForms('(419) 555-0147')).toEqual([
      'four one nine five five five oh one four seven',
      'four one nine five five five zero one four seven',
      'five five five oh one four seven',
      'five five five zero one four seven',
    ]);
  });

  it('reads back every spoken form of a number as the same digits', () => {
    for (const n of ['1420', '615', '2209', '1802', '56', '47', '731', '300', '4400', '112', '2500', '214']) {
      for (const form of spokenNumberForms(n)) expect(normalizeNumbers(form), form).toBe(n);
    }
  });

  it('rejects what is not a whole number', () => {
    expect(() => cardinalWords(-1)).toThrow(TypeError);
    expect(() => spokenNumberForms('12a')).toThrow(TypeError);
    expect(() => spokenPhoneForms('911')).toThrow(TypeError);
  });
});

describe('a hundred and an ordinal', () => {
  it.each([
    ['two hundred east hundred and third street', '200 east 103rd street'],
    ['one hundred and twenty fifth street', '125th street'],
    ['a hundred and second street', '102nd street'],
    ['on the hundred sixty eighth street', 'on the 168th street'],
    ['the one hundred twenty fifth street', 'the 125th street'],
    ['the corner of a hundred forty ninth and cypress', 'the corner of 149th and cypress'],
  ])('reads "%s" as one ordinal street: %s', (said, digits) => {
    expect(normalizeNumbers(said)).toBe(digits);
  });

  it('keeps "a hundred" before a plain ordinal a count: "a hundred first graders"', () => {
    expect(normalizeNumbers('about a hundred first graders')).toBe('about 100 first graders');
  });

  it('keeps a house number before an ordinal street said without "and"', () => {
    expect(normalizeNumbers('four hundred third street')).toBe('400 third street');
    expect(normalizeNumbers('twenty one hundred third street')).toBe('2100 third street');
  });

  it.each([
    ['sixteen twelve one hundred and forty third street', '1612 143rd street'],
    ['three oh three one hundred twenty second street', '303 122nd street'],
  ])('reads a house number, then "one hundred ... <ordinal>" as the street: "%s" -> %s', (said, digits) => {
    expect(normalizeNumbers(said)).toBe(digits);
  });
});
