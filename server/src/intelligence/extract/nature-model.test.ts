// The learned nature model beside the rules (issue 15, real language): where it speaks, where it
// stays silent, and how its verdict and the rules' are combined.
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../extract.js';
import { natureRules } from './nature.js';
import { FILL, NatureModel, combineNatures, natureModel } from './nature-model.js';
import { Utterance } from './text.js';

const natures = (text: string) =>
  extractEntities({ id: 's', speaker: 'caller', text, startMs: 0, endMs: 0 })
    .filter((e) => e.type === 'nature')
    .map((e) => e.normalized);

describe('the nature model', () => {
  it('finds a nature the rules miss in a phrasing the corpus does not have', () => {
    const line = 'a guy came up and clocked me in the face outside the bar';
    expect(natureRules(new Utterance(line))).toEqual([]);
    expect(natures(line)).toEqual(['crime:assault']);
  });

  it.each(['my number is five five five one two one two', "we're at the corner of elm and fifth", "yes ma'am, i'm still here", "he's about six foot, wearing a red jacket"])(
    'does not invent a nature for a line with no emergency: %s',
    (line) => {
      expect(natures(line)).toEqual([]);
    },
  );

  it('is trained once and then served from its cache', () => {
    expect(natureModel()).toBe(natureModel());
    const copy = NatureModel.deserialize(natureModel().serialize());
    const u = new Utterance('a guy came up and clocked me in the face outside the bar');
    expect(copy?.predict(u)).toEqual(natureModel().predict(u));
  });

  it('reads bytes that are not a model as no model', () => {
    expect(NatureModel.deserialize(Buffer.from('not a model'))).toBeNull();
  });
});

describe('combining the rules and the model', () => {
  const model = natureModel();

  it('keeps what the rules found even where the model reads another nature', () => {
    const u = new Utterance('a guy came up and clocked me in the face outside the bar');
    const rules = [{ span: { start: 0, end: 1 }, kind: 'fire' }];
    expect(combineNatures(u, rules, model)).toEqual(rules);
  });

  it('takes the model where the rules are silent only when it is sure enough', () => {
    const u = new Utterance('a guy came up and clocked me in the face outside the bar');
    const { p } = model.predict(u);
    expect(p).toBeGreaterThanOrEqual(FILL);
    expect(combineNatures(u, [], model, p)).toEqual([{ span: { start: 0, end: u.length }, kind: 'crime:assault' }]);
    expect(combineNatures(u, [], model, p + 0.001)).toEqual([]);
  });

  it.each(['did somebody clock you in the face', "nobody clocked me, i'm fine"])('takes nothing from a line that asks or denies, however sure the model is: %s', (line) => {
    expect(combineNatures(new Utterance(line), [], model, 0)).toEqual([]);
  });
});
