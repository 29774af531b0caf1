import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callTakerLines, callTakingSentences, expandTemplate, spokenVariants, vocabularySentences } from './corpus.js';
import { buildCallLanguageModel, trainLanguageModel, writeCallModel } from './language-model.js';
import { compoundPhones, letterToSound, parseLexicon, pronounce } from './pronunciation.js';
import type { CallVocabulary } from './recognizer.js';

const VOCABULARY: CallVocabulary = {
  addresses: ['1420 Maple Avenue'],
  places: ['Riverton', 'Cedar Street', 'Apartment 4C', 'two doors down from Grace Lutheran Church'],
  names: ['Denise Walker'],
  phoneNumbers: ['(419) 555-0147'],
};

/** A minimal ARPA reader and backoff scorer, written from the format's definition. */
function parseArpa(text: string) {
  const lines = text.split('\n');
  expect(lines[0]).toBe('\\data\\');
  const declared: number[] = [];
  let i = 1;
  for (; lines[i]!.startsWith('ngram '); i++) {
    const m = /^ngram (\d)=(\d+)$/.exec(lines[i]!);
    expect(m, lines[i]).not.toBeNull();
    expect(Number(m![1])).toBe(declared.length + 1);
    declared.push(Number(m![2]));
  }
  const prob = new Map<string, number>();
  const backoff = new Map<string, number>();
  for (let order = 1; order <= declared.length; order++) {
    while (lines[i] === '') i++;
    expect(lines[i]).toBe(`\\${order}-grams:`);
    i++;
    let count = 0;
    for (; lines[i] !== ''; i++, count++) {
      const fields = lines[i]!.split(/\s+/);
      expect(fields.length === order + 1 || fields.length === order + 2, lines[i]).toBe(true);
      const logp = Number(fields[0]);
      expect(logp).toBeLessThanOrEqual(0);
      const gram = fields.slice(1, order + 1).join(' ');
      expect(prob.has(gram), `duplicate ${gram}`).toBe(false);
      prob.set(gram, logp);
      if (fields.length === order + 2) backoff.set(gram, Number(fields[order + 1]));
    }
    expect(count).toBe(declared[order - 1]);
  }
  while (lines[i] === '') i++;
  expect(lines[i]).toBe('\\end\\');
  /** log10 P(word | history) by ARPA backoff. */
  const score = (history: string[], word: string): number => {
    const gram = [...history, word].join(' ');
    if (prob.has(gram)) return prob.get(gram)!;
    if (history.length === 0) return -Infinity;
    return (backoff.get(history.join(' ')) ?? 0) + score(history.slice(1), word);
  };
  return { declared, prob, backoff, score };
}

describe('the call language model', () => {
  it('is valid ARPA: header counts match the sections, log10 probabilities, backoffs on histories only', () => {
    const model = buildCallLanguageModel(VOCABULARY);
    const arpa = parseArpa(model.arpa);
    expect(arpa.declared).toEqual(model.counts);
    expect(model.counts).toHaveLength(3);
    expect(arpa.prob.get('<s>')).toBe(-99);
    // Every n-gram's prefix and suffix exist, as backoff needs.
    for (const gram of arpa.prob.keys()) {
      const words = gram.split(' ');
      if (words.length > 1) {
        expect(arpa.prob.has(words.slice(0, -1).join(' ')), gram).toBe(true);
        expect(arpa.prob.has(words.slice(1).join(' ')), gram).toBe(true);
      }
    }
    for (const gram of arpa.backoff.keys()) expect(gram.split(' ').length).toBeLessThan(3);
  });

  it("contains the call's own words and their read-backs", () => {
    const model = buildCallLanguageModel(VOCABULARY);
    for (const word of ['riverton', 'maple', 'cedar', 'lutheran', 'denise', 'walker', 'fourteen', 'oh']) expect(model.words).toContain(word);
    const { score } = parseArpa(model.arpa);
    // "fourteen twenty maple" is likely; "twenty fourteen maple" was never said.
    expect(score(['fourteen', 'twenty'], 'maple')).toBeGreaterThan(score(['twenty', 'fourteen'], 'maple'));
    expect(score(['<s>', 'nine'], 'one')).toBeGreaterThan(-0.5);
  });

  it('gives every history a distribution that sums to one', () => {
    const model = buildCallLanguageModel(VOCABULARY);
    const { score } = parseArpa(model.arpa);
    const predicted = [...model.words, '</s>'];
    for (const history of [[], ['<s>'], ['<s>', 'i'], ['i', 'have'], ['maple'], ['walker', 'is'], ['riverton', 'cedar']]) {
      const total = predicted.reduce((sum, w) => sum + 10 ** score(history, w), 0);
      expect(total, history.join(' ')).toBeCloseTo(1, 3);
    }
  });

  it('gives the textbook Witten-Bell numbers on a tiny corpus', () => {
    // tokens a b </s> a c </s>: P(a) = (2 + 4/4) / (6 + 4) = 0.3, P(b) = 0.2. After "a": two
    // types in two counts, lambda = 0.5, P(b|a) = 0.5 * 1/2 + 0.5 * 0.2 = 0.35. After "<s>": one
    // type in two counts, lambda = 1/3, P(a|<s>) = 2/3 + 0.3/3. After "b": P(</s>|b) = 0.5 + 0.15.
    const { arpa } = trainLanguageModel([['a', 'b'], ['a', 'c']], 2);
    expect(arpa).toBe(
      [
        '\\data\\', 'ngram 1=5', 'ngram 2=5', '',
        '\\1-grams:',
        '-0.522879\t</s>',
        '-99.000000\t<s>\t-0.477121',
        '-0.522879\ta\t-0.301030',
        '-0.698970\tb\t-0.301030',
        '-0.698970\tc\t-0.301030',
        '',
        '\\2-grams:',
        '-0.115393\t<s> a',
        '-0.455932\ta b',
        '-0.455932\ta c',
        '-0.187087\tb </s>',
        '-0.187087\tc </s>',
        '', '\\end\\', '',
      ].join('\n'),
    );
  });

  it('refuses an empty corpus and an unsupported order', () => {
    expect(() => trainLanguageModel([])).toThrow(TypeError);
    expect(() => trainLanguageModel([['a']], 4)).toThrow(TypeError);
  });

  it('writes the ARPA file and a dictionary that pronounces every word', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ringdown-lm-test-'));
    try {
      const files = await writeCallModel(VOCABULARY, dir);
      const dict = await readFile(files.dictPath, 'utf8');
      const pronounced = new Set(dict.trim().split('\n').map((l) => l.split(' ')[0]!.replace(/\(\d+\)$/, '')));
      for (const word of files.model.words) expect(pronounced.has(word), word).toBe(true);
      expect(await readFile(files.lmPath, 'utf8')).toBe(files.model.arpa);
      expect(files.guessed.get('riverton')).toEqual({ phones: 'R IH V ER T AH N', source: 'compound' });
      expect(dict).toContain('walker W AO K ER\n');
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});

describe('the training sentences', () => {
  it('expands templates with choices and optional parts', () => {
    expect(expandTemplate('[okay] is (he|she) breathing')).toEqual(['okay is he breathing', 'okay is she breathing', 'is he breathing', 'is she breathing']);
  });

  it('has a few thousand built-in call-taking sentences, the greeting among them', () => {
    const builtIn = callTakingSentences();
    expect(builtIn.length).toBeGreaterThan(2000);
    expect(builtIn).toContain('nine one one what is the address of your emergency');
    expect(builtIn).toContain('is he breathing');
    expect(builtIn).toContain('are there any weapons');
    expect(builtIn).toContain('stay on the line');
  });

  it('says scenario phrases in words, every way for their numbers', () => {
    expect(spokenVariants('Apartment 4C')).toEqual(['apartment four c']);
    expect(spokenVariants('buzz 4C at the front entrance; elevator on the left')).toEqual(['buzz four c at the front entrance elevator on the left']);
    expect(spokenVariants('1420 Maple Avenue')).toContain('fourteen twenty maple avenue');
    expect(spokenVariants('1420 Maple Avenue')).toContain('one four two zero maple avenue');
    expect(spokenVariants('Interstate 74, mile marker 112')).toContain('interstate seventy four mile marker one twelve');
    expect(spokenVariants('2nd floor')).toEqual(['second floor']);
  });

  it('reads back the call vocabulary: addresses, spelled names, phone numbers', () => {
    const sentences = vocabularySentences(VOCABULARY);
    expect(sentences).toContain('i have fourteen twenty maple avenue is that correct');
    expect(sentences).toContain('walker w a l k e r');
    expect(sentences).toContain('i have four one nine five five five oh one four seven is that correct');
    expect(sentences).toContain('is that near riverton');
  });
});

describe('the call-taker corpus in the model', () => {
  const withCorpus = async (lines: string, check: (file: string) => void | Promise<void>) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ringdown-corpus-'));
    try {
      const file = path.join(dir, 'call-taker.jsonl');
      await writeFile(file, lines);
      await check(file);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  it('reads the lines as spoken words, dropping cut-offs and punctuation', () =>
    withCorpus('{"text":"Okay, is- is he breathing?","intents":["ask_breathing"]}\n\n{"text":"where you at","intents":["ask_location"]}\n', (file) => {
      expect(callTakerLines(file)).toEqual(['okay is he breathing', 'where you at']);
    }));

  it('spells a contraction typed without its apostrophe the one way the dictionary knows', () =>
    withCorpus('{"text":"dont move him, thats good, its okay","intents":["command"]}\n', (file) => {
      expect(callTakerLines(file)).toEqual(["don't move him that's good its okay"]);
    }));

  it('hears a phrasing only the corpus has, and leaves it out at weight 0', () =>
    withCorpus('{"text":"what\'s your twenty","intents":["ask_location"]}\n', (file) => {
      const { score } = parseArpa(buildCallLanguageModel(VOCABULARY, { corpusPaths: [file] }).arpa);
      const without = parseArpa(buildCallLanguageModel(VOCABULARY, { corpusPaths: [file], corpusWeight: 0 }).arpa);
      expect(score(["what's", 'your'], 'twenty')).toBeGreaterThan(-1);
      expect(score(["what's", 'your'], 'twenty')).toBeGreaterThan(without.score(["what's", 'your'], 'twenty') + 1);
    }));

  it('refuses a corpus line without text, naming the line', () =>
    withCorpus('{"text":"nine one one","intents":["greeting"]}\n{"intents":["other"]}\n', (file) => {
      expect(() => callTakerLines(file)).toThrow(/call-taker.jsonl:2 has no text/);
    }));
});

describe('pronunciations for words the dictionary lacks', () => {
  const lexicon = parseLexicon('river R IH V ER\nton T AH N\nup AH P\nwind W IH N D\nwind(2) W AY N D\n# a comment\n');

  it('builds a compound from dictionary words', () => {
    expect(compoundPhones('riverton', lexicon)).toBe('R IH V ER T AH N');
    expect(compoundPhones('upwind', lexicon)).toBeUndefined(); // "up" is shorter than three letters
    expect(lexicon.get('wind')).toEqual(['W IH N D', 'W AY N D']);
  });

  it('pronounces call-taking words CMUdict lacks by hand, not by rules', () => {
    const { text, guessed } = pronounce(['compressions', 'narcan'], lexicon);
    expect(text).toContain('compressions K AH M P R EH SH AH N Z');
    expect(guessed.size).toBe(0);
  });

  it('falls back to letter-to-sound rules', () => {
    expect(letterToSound('narcan')).toBe('N AA R K AE N');
    expect(letterToSound('naloxone')).toBe('N AE L AA K S AA N');
    expect(letterToSound('mcleod')).toBe('M K L EH AA D'); // a guess, not a good one: rules are the last resort
  });
});
