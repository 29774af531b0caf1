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
    ['white ford f150', 'white ford f-150'],
    ['black chevy s 10', 'black chevy s10'],
  ])('counts "%s" and "%s" as the same parts', (label, found) => {
    expect(score(label, found)).toMatchObject({ precision: 1, recall: 1 });
  });

  it('still tells different parts apart', () => {
    expect(score('two door', '4-door')).toMatchObject({ precision: 0, recall: 0 });
  });
});

describe('scored against two labellers', () => {
  const line = (...entities: [string, string][]) => ({ text: 'x', speaker: 'caller' as const, entities: entities.map(([type, normalized]) => ({ type: type as 'nature', normalized })) });
  const first = [line(['nature', 'fire'], ['landmark', 'barn'], ['people_count', '2'])];
  const second = [line(['nature', 'fire'], ['landmark', 'hay barn'], ['people_count', '2'])];
  const found = (...entities: [string, string][]) => () => line(...entities).entities;

  it('wants what both labelled, and lets pass what only one did', () => {
    expect(overall(scoreCorpus(first, found(['nature', 'fire'], ['landmark', 'hay barn']), second))).toMatchObject({ truePositives: 1, falsePositives: 0, falseNegatives: 1 });
  });

  it('counts as wrong what neither labelled', () => {
    expect(overall(scoreCorpus(first, found(['nature', 'fire'], ['people_count', '2'], ['nature', 'medical']), second))).toMatchObject({ truePositives: 2, falsePositives: 1, falseNegatives: 0 });
  });

  it('refuses a second labelling of other lines', () => {
    expect(() => scoreCorpus(first, found(), [{ ...second[0]!, text: 'y' }])).toThrow(/line 1 of the second labelling is another line/);
    expect(() => scoreCorpus(first, found(), [])).toThrow(/has 0 lines, the first 1/);
  });
});
