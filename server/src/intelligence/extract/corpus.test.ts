// How extraction is scored against labels: a description's parts compare alike whatever small
// words or number forms each writer used (the convention in media/language/corpus/caller.md).
import { describe, expect, it } from 'vitest';
import { overall, scoreCorpus } from './corpus.js';

const score = (label: string, found: string) =>
  overall(scoreCorpus([{ text: 'x', speaker: 'caller', entities: [{ type: 'vehicle', normalized: label }] }], () => [{ type: 'vehicle', normalized: found }]));

describe('description parts compared', () => {
  it.each([
    ['gray hyundai, four door', 'gray hyundai, 4-door'],
    ['eighteen wheeler', '18-wheeler'],
    ['ladder on roof', 'ladder on the roof'],
  ])('counts "%s" and "%s" as the same parts', (label, found) => {
    expect(score(label, found)).toMatchObject({ precision: 1, recall: 1 });
  });

  it('still tells different parts apart', () => {
    expect(score('two door', '4-door')).toMatchObject({ precision: 0, recall: 0 });
  });
});
