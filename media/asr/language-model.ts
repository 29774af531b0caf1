// The per-call language model: a trigram model with interpolated Witten-Bell smoothing,
// written as ARPA text (pocketsphinx loads ARPA directly), trained on the call-taker corpus,
// the protocol templates and read-backs of the call's own places, names and numbers. A small
// domain model is what makes PocketSphinx usable here: the generic 130k-word model misses
// most of this.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CALL_TAKER_TRAINING, callTakerLines, callTakingSentences, vocabularySentences } from './corpus.js';
import { CMUDICT_PATH, loadLexicon, pronounce, type Pronunciations } from './pronunciation.js';
import type { CallVocabulary } from './recognizer.js';

export const SENTENCE_START = '<s>';
export const SENTENCE_END = '</s>';

export interface LanguageModel {
  /** The model as ARPA text. */
  arpa: string;
  /** Every word the model can produce, sorted, without <s> and </s>. */
  words: string[];
  /** N-grams per order: [unigrams, bigrams, trigrams]. */
  counts: number[];
}

export interface CallModelOptions {
  /** How many times each vocabulary sentence counts against the built-in ones. */
  vocabularyWeight?: number;
  /** How many times each call-taker corpus line counts against one template sentence (0: left out). */
  corpusWeight?: number;
  /** The call-taker corpus files (JSON Lines); CALL_TAKER_TRAINING by default. */
  corpusPaths?: readonly string[];
}

const DEFAULT_CORPUS_WEIGHT = 3;

/** One counted context: how often each word followed it. */
type Followers = Map<string, number>;
const SEP = '\u0001';

/**
 * Trains an interpolated Witten-Bell n-gram model (order 1..3) on tokenized sentences, or on
 * space-separated sentences with how many times each was said (the cheap way to weigh them).
 */
export function trainLanguageModel(sentences: Iterable<readonly string[]> | ReadonlyMap<string, number>, order = 3): LanguageModel {
  if (!Number.isInteger(order) || order < 1 || order > 3) throw new TypeError(`order must be 1..3, got ${order}`);
  // contexts[n] maps an n-word history (joined) to the words that followed it.
  const contexts: Map<string, Followers>[] = Array.from({ length: order }, () => new Map());
  const counted: Iterable<readonly [readonly string[], number]> =
    sentences instanceof Map ? [...sentences].map(([text, times]) => [text.split(' ').filter(Boolean), times] as const) : [...(sentences as Iterable<readonly string[]>)].map((s) => [s, 1] as const);
  for (const [sentence, times] of counted) {
    if (sentence.length === 0 || times <= 0) continue;
    const tokens = [SENTENCE_START, ...sentence, SENTENCE_END];
    for (let i = 1; i < tokens.length; i++) {
      let history = '';
      for (let n = 0; n < order && i - n >= 0; n++) {
        if (n > 0) history = n === 1 ? tokens[i - 1]! : tokens[i - n]! + SEP + history;
        let followers = contexts[n]!.get(history);
        if (!followers) contexts[n]!.set(history, (followers = new Map()));
        followers.set(tokens[i]!, (followers.get(tokens[i]!) ?? 0) + times);
      }
    }
  }
  const unigrams = contexts[0]!.get('') ?? new Map<string, number>();
  if (unigrams.size === 0) throw new TypeError('no sentences to train on');
  const vocabulary = [...unigrams.keys()].sort();
  // How often each context was seen, summed once: a context can have hundreds of followers.
  const totals = new Map<Followers, number>();
  const totalOf = (f: Followers): number => {
    let total = totals.get(f);
    if (total === undefined) {
      total = 0;
      for (const c of f.values()) total += c;
      totals.set(f, total);
    }
    return total;
  };
  // Witten-Bell: a context keeps T/(C+T) of its mass for words it never saw followed by.
  const reserved = (f: Followers): number => f.size / (totalOf(f) + f.size);
  const memo = new Map<string, number>();
  // P(word | history), interpolated all the way down to a uniform distribution.
  const prob = (history: string[], word: string): number => {
    const key = history.join(SEP) + SEP + SEP + word;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    const lower = history.length === 0 ? 1 / vocabulary.length : prob(history.slice(1), word);
    const followers = contexts[history.length]?.get(history.join(SEP));
    let p = lower;
    if (followers) {
      const lambda = reserved(followers);
      const seen = followers.get(word) ?? 0;
      p = (1 - lambda) * (seen / totalOf(followers)) + lambda * lower;
    }
    memo.set(key, p);
    return p;
  };
  const backoff = (history: string[]): number | undefined => {
    const followers = history.length < order ? contexts[history.length]?.get(history.join(SEP)) : undefined;
    return followers ? reserved(followers) : undefined;
  };

  const sections: string[][] = [];
  const words = (key: string) => (key === '' ? [] : key.split(SEP));
  const line = (logp: number, gram: string[], bo: number | undefined) =>
    `${logp.toFixed(6)}\t${gram.join(' ')}${bo === undefined ? '' : `\t${Math.log10(bo).toFixed(6)}`}`;
  // Unigrams: <s> is never predicted (ARPA's -99) but carries the backoff of sentence starts.
  const uni = [...vocabulary, SENTENCE_START].sort().map((w) =>
    line(w === SENTENCE_START ? -99 : Math.log10(prob([], w)), [w], backoff([w])),
  );
  sections.push(uni);
  for (let n = 1; n < order; n++) {
    const grams: string[] = [];
    for (const [history, followers] of [...contexts[n]!].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const h = words(history);
      for (const w of [...followers.keys()].sort()) grams.push(line(Math.log10(prob(h, w)), [...h, w], backoff([...h, w])));
    }
    sections.push(grams);
  }
  const counts = sections.map((s) => s.length);
  const arpa = [
    '\\data\\',
    ...counts.map((c, k) => `ngram ${k + 1}=${c}`),
    '',
    ...sections.flatMap((s, k) => [`\\${k + 1}-grams:`, ...s, '']),
    '\\end\\',
    '',
  ].join('\n');
  return { arpa, words: vocabulary.filter((w) => w !== SENTENCE_END), counts };
}

/** The language model for one call: the call-taker corpus, the templates and the call's vocabulary. */
export function buildCallLanguageModel(vocabulary: CallVocabulary, options: CallModelOptions = {}): LanguageModel {
  const weight = options.vocabularyWeight ?? 2;
  const corpusWeight = options.corpusWeight ?? DEFAULT_CORPUS_WEIGHT;
  if (!Number.isInteger(weight) || weight < 1) throw new TypeError('vocabularyWeight must be a positive integer');
  if (!Number.isInteger(corpusWeight) || corpusWeight < 0) throw new TypeError('corpusWeight must be a whole number');
  const sentences = new Map<string, number>();
  const add = (lines: readonly string[], times: number) => {
    for (const s of lines) sentences.set(s, (sentences.get(s) ?? 0) + times);
  };
  add(callTakingSentences(), 1);
  for (const file of options.corpusPaths ?? CALL_TAKER_TRAINING) add(callTakerLines(file), corpusWeight);
  add(vocabularySentences(vocabulary), weight);
  return trainLanguageModel(sentences);
}

export interface CallModelFiles {
  lmPath: string;
  dictPath: string;
  model: LanguageModel;
  guessed: Pronunciations['guessed'];
}

/** Writes a call's ARPA model and its pronunciation dictionary (+ `extraWords`) into `dir`. */
export async function writeCallModel(
  vocabulary: CallVocabulary,
  dir: string,
  options: CallModelOptions & { lexiconPath?: string; extraWords?: readonly string[] } = {},
): Promise<CallModelFiles> {
  const model = buildCallLanguageModel(vocabulary, options);
  const lexicon = await loadLexicon(options.lexiconPath ?? CMUDICT_PATH);
  // Extra words (a background model's common words) only if the lexicon knows them.
  const extra = (options.extraWords ?? []).filter((w) => lexicon.has(w));
  const { text, guessed } = pronounce([...model.words, ...extra], lexicon);
  await mkdir(dir, { recursive: true });
  const lmPath = path.join(dir, 'call.arpa');
  const dictPath = path.join(dir, 'call.dict');
  await Promise.all([writeFile(lmPath, model.arpa), writeFile(dictPath, text)]);
  return { lmPath, dictPath, model, guessed };
}
