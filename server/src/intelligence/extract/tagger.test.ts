// The learned tagger for names and landmarks (issue 15, real language): how the corpus labels
// become tags, what it reads in lines it never saw, and where the rules keep the last word.
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../extract.js';
import { CORPUS_FILE, type LabelledUtterance, loadCorpus } from './corpus.js';
import { EntityTagger, alignTags, entityTagger, tagged } from './tagger.js';
import { Utterance } from './text.js';

const entities = (text: string, type: string) =>
  extractEntities({ id: 's', speaker: 'caller', text, startMs: 0, endMs: 0 })
    .filter((e) => e.type === type)
    .map((e) => e.normalized);

describe('aligning labelled values to the words of their line', () => {
  it('tags each name and place where it was said, possessives and spoken numbers read as the line reads them', () => {
    const u = new Utterance("this is dana whitfield, we're at joe's diner by exit forty two");
    const tags = alignTags(u, [
      { type: 'caller_name', normalized: 'Dana Whitfield' },
      { type: 'landmark', normalized: "joe's diner" },
      { type: 'landmark', normalized: 'exit 42' },
      { type: 'nature', normalized: 'medical' },
    ]);
    expect(u.tokens.map((t, i) => `${t}/${tags?.[i]}`).join(' ')).toBe(
      'this/O is/O dana/B-name whitfield/I-name were/O at/O joes/B-place diner/I-place by/O exit/B-place 42/I-place',
    );
  });

  it('tags the same place said twice once, where it was first said', () => {
    const u = new Utterance('the walmart, the walmart on fifth');
    expect(alignTags(u, [{ type: 'landmark', normalized: 'walmart' }])).toEqual(['O', 'B-place', 'O', 'O', 'O', 'O']);
  });

  it('gives up on a line whose value is not a run of its words, rather than tagging the name as none', () => {
    expect(alignTags(new Utterance('my names jamal, j a m a l, washington'), [{ type: 'caller_name', normalized: 'Jamal Washington' }])).toBeUndefined();
    expect(alignTags(new Utterance('its mister chen'), [{ type: 'caller_name', normalized: 'Mr. Chen' }])).toBeUndefined();
  });

  it('aligns every landmark of our caller corpus and nearly every name', () => {
    const lines = loadCorpus(CORPUS_FILE);
    const count = (type: string) => {
      const labelled = lines.flatMap((l) => l.entities.filter((e) => e.type === type).map((e) => ({ ...l, entities: [e] })));
      return [labelled.filter((l) => alignTags(new Utterance(l.text), l.entities)).length, labelled.length];
    };
    const [places, allPlaces] = count('landmark');
    expect(places).toBe(allPlaces);
    const [names, allNames] = count('caller_name');
    expect(names! / allNames!).toBeGreaterThan(0.9);
  });
});

describe('the tagger', () => {
  it('reads names and places in lines it never saw', () => {
    const spans = (text: string) => {
      const u = new Utterance(text);
      return entityTagger()
        .spans(u)
        .map((s) => `${s.type}:${u.words(s)}`);
    };
    expect(spans('my name is tobias wren')).toEqual(['caller_name:tobias wren']);
    expect(spans("she's down by the boat ramp")).toEqual(['landmark:boat ramp']);
  });

  it('finds a place the rules leave out', () => {
    const line = 'we are by the old cannery';
    expect(extractEntities({ id: 's', speaker: 'caller', text: line, startMs: 0, endMs: 0 }, null).filter((e) => e.type === 'landmark')).toEqual([]);
    expect(entities(line, 'landmark')).toEqual(['old cannery']);
  });

  it.each(['look look people are hurt', 'angela angela wake up', 'jesus christ come on, come on', 'oh my god please hurry'])('never makes ordinary words a name: %s', (line) => {
    expect(entities(line, 'caller_name')).toEqual([]);
  });

  it('does not take what belongs to a place, or a place asked about or denied', () => {
    expect(entities('the pool guy mixed the chemicals wrong', 'landmark')).toEqual([]);
    const u = new Utterance('is he at the store');
    expect(tagged(u, [{ type: 'landmark', start: 4, end: 5 }], [])).toEqual([]);
  });

  it('adds nothing of a type the rules already found in the line', () => {
    const u = new Utterance("we're at the marina by the old bait shack");
    const rules = [{ type: 'landmark' as const, start: 3, end: 4 }];
    expect(tagged(u, [{ type: 'landmark', start: 6, end: 9 }], rules)).toEqual([]);
    expect(tagged(u, [{ type: 'landmark', start: 6, end: 9 }], []).map((t) => t.value)).toEqual(['old bait shack']);
  });

  it("ends a place's words at a typed pause, not at an abbreviation's point", () => {
    const u = new Utterance('at the quarry, workers are hurt');
    expect(tagged(u, [{ type: 'landmark', start: 2, end: 4 }], []).map((t) => t.value)).toEqual(['quarry']);
    const saint = new Utterance("from St. Agatha's, the roof fell");
    expect(tagged(saint, [{ type: 'landmark', start: 1, end: 3 }], []).map((t) => t.value)).toEqual(["st agatha's"]);
  });

  it('is trained once, then served from its cache, and learns the same from the same lines', () => {
    expect(entityTagger()).toBe(entityTagger());
    const u = new Utterance('we are behind the feed store, my name is nadia quill');
    expect(EntityTagger.deserialize(entityTagger().serialize())?.spans(u)).toEqual(entityTagger().spans(u));
    const lines: LabelledUtterance[] = loadCorpus(CORPUS_FILE).slice(0, 300);
    expect(EntityTagger.train(lines).serialize().equals(EntityTagger.train(lines).serialize())).toBe(true);
  });

  it('reads bytes that are not a model as no model', () => {
    expect(EntityTagger.deserialize(Buffer.from('not a model'))).toBeNull();
  });
});
