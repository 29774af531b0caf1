// The learned nature model beside the rules (issue 15, real language): where it speaks, where it
// stays silent, and how its verdict and the rules' are combined.
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../extract.js';
import { natureRules } from './nature.js';
import { NatureModel, POLICY, combineNatures, natureModel } from './nature-model.js';
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
  const line = 'a guy came up and clocked me in the face outside the bar';

  it('keeps what the rules found where the model does not doubt it', () => {
    const u = new Utterance(line);
    const rules = [{ span: { start: 0, end: 1 }, kind: 'crime:assault' }];
    expect(combineNatures(u, rules, model)).toEqual(rules);
  });

  it('replaces a nature of the rules the model is sure is not in the line', () => {
    const u = new Utterance(line);
    const { top, p, present } = model.predict(u);
    expect(top).toBe('crime:assault');
    expect(p).toBeGreaterThanOrEqual(POLICY.override);
    expect(present.get('fire')).toBeLessThan(POLICY.doubt);
    const rules = [{ span: { start: 0, end: 1 }, kind: 'fire' }];
    expect(combineNatures(u, rules, model)).toEqual([{ span: { start: 0, end: u.length }, kind: 'crime:assault' }]);
    expect(combineNatures(u, rules, model, { ...POLICY, override: p + 0.001 })).toEqual(rules);
  });

  it('takes the model where the rules are silent only when it is sure enough', () => {
    const u = new Utterance(line);
    const { p } = model.predict(u);
    expect(p).toBeGreaterThanOrEqual(POLICY.fill);
    expect(combineNatures(u, [], model, { ...POLICY, fill: p })).toEqual([{ span: { start: 0, end: u.length }, kind: 'crime:assault' }]);
    expect(combineNatures(u, [], model, { ...POLICY, fill: p + 0.001 })).toEqual([]);
  });

  it.each(['did somebody clock you in the face', 'is there a fire in the kitchen'])('takes nothing from a line that is a question throughout, however sure the model is: %s', (text) => {
    expect(combineNatures(new Utterance(text), [], model, { ...POLICY, fill: 0 })).toEqual([]);
  });

  it('reads a nature beside a question or a denial in the same line', () => {
    expect(natures('is somebody coming? a guy came up and clocked me in the face')).toEqual(['crime:assault']);
  });

  it("leaves a call-taker's lines to the rules", () => {
    const said = (speaker: 'caller' | 'trainee') => extractEntities({ id: 's', speaker, text: line, startMs: 0, endMs: 0 }).filter((e) => e.type === 'nature');
    expect(said('caller')).toHaveLength(1);
    expect(said('trainee')).toEqual([]);
  });
});
