// A learned sequence tagger for the open-vocabulary spans: callers' names and landmarks. Rules
// tuned on our own lines list the cues and place words we wrote; a tagger that reads each word
// with its neighbours and what compromise's lexicon and our word lists know of it can find
// names and places we never wrote. Each line's labels (normalized values) are
// aligned back to its words as BIO tags (alignTags); wink-perceptron's averaged perceptron
// learns one tag per word, read left to right with the tags already given as features.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import perceptron from 'wink-perceptron';
import { cachedModel, modelCacheDir } from '../../language/text-classifier.js';
import type { EntityType } from '../types.js';
import { CORPUS_FILE, type LabelledUtterance, PLACE_LABELLED_FILES, isDev, loadCorpus, loadIfPresent } from './corpus.js';
import { MOTION, NOT_PLACE_AFTER, NOT_PLACE_PAIRS, STRONG_HEADS, WEAK_HEADS, notTheCallsPlace, onTheBody, placeName } from './landmarks.js';
import { NAME_STOP, NOT_OPENING_NAME, ORGANISATION, asName, notName, owned, saidOf } from './name.js';
import { type Span, Utterance } from './text.js';
import { STOP, bodyPart, lexiconTags, streetSuffix } from './words.js';

/** The entity types the tagger reads, and the short name of each in its tags. */
export const TAGGED: Readonly<Record<string, EntityType>> = { name: 'caller_name', place: 'landmark' };
const SHORT = new Map(Object.entries(TAGGED).map(([short, type]) => [type, short]));

export interface TaggedSpan extends Span {
  type: EntityType;
}

/** A value's words as the line's tokens would read them ("Joe's Diner" -> joes diner). */
const valueTokens = (normalized: string): string[] => new Utterance(normalized).tokens;

/** The token may stand for the value's word: itself, or with the plural or possessive "s" ("her foreheads bleeding"). */
const sameWord = (token: string, word: string): boolean => token === word || token === `${word}s`;

/** Where the words first run free in the line, or -1. */
function find(u: Utterance, tags: string[], words: string[]): number {
  if (words.length === 0) return -1;
  for (let i = 0; i + words.length <= u.length; i++) if (words.every((w, k) => sameWord(u.tokens[i + k]!, w) && tags[i + k] === 'O')) return i;
  return -1;
}

/**
 * BIO tags for a labelled line: each tagged entity's value found as a run of the line's words.
 * Undefined when one cannot be found (a name spelled out between its words: "jamal, j a m a l,
 * washington"): tagging the words O would teach the tagger that the name is none.
 */
export function alignTags(u: Utterance, entities: LabelledUtterance['entities']): string[] | undefined {
  const tags = new Array<string>(u.length).fill('O');
  for (const e of entities) {
    const short = SHORT.get(e.type);
    if (short === undefined) continue;
    const words = valueTokens(e.normalized);
    const at = find(u, tags, words);
    if (at < 0) return undefined;
    words.forEach((_, k) => (tags[at + k] = `${k === 0 ? 'B' : 'I'}-${short}`));
  }
  return tags;
}

/** What the lexicon and our own word lists say of a word, shared by the word and its neighbours. */
function wordClass(w: string | undefined): string[] {
  if (w === undefined) return ['edge'];
  if (/\d/.test(w)) return ['num'];
  const tags = lexiconTags(w);
  const classes = tags.length ? tags.slice(0, 3) : ['unknown'];
  if (STOP.has(w)) classes.push('stop');
  if (STRONG_HEADS.has(w)) classes.push('place');
  if (WEAK_HEADS.has(w)) classes.push('weakplace');
  if (bodyPart(w)) classes.push('body');
  if (streetSuffix(w)) classes.push('suffix');
  if (w.length === 1) classes.push('letter');
  return classes;
}

/**
 * The features of word i: the words around it, their classes, its suffix, the line's repeats
 * ("marcus marcus bell"), and the two tags before it. No capitals: recognised speech has none.
 */
function features(u: Utterance, classes: string[][], i: number, prev: string, prev2: string): Record<string, number> {
  const t = u.tokens;
  const w = (k: number) => t[i + k] ?? (i + k < 0 ? '<s>' : '</s>');
  const f: Record<string, number> = {
    bias: 1,
    [`w:${w(0)}`]: 1,
    [`w-1:${w(-1)}`]: 1,
    [`w+1:${w(1)}`]: 1,
    [`w-2:${w(-2)}`]: 1,
    [`w+2:${w(2)}`]: 1,
    [`w-1w:${w(-1)} ${w(0)}`]: 1,
    [`ww+1:${w(0)} ${w(1)}`]: 1,
    [`w-2w-1:${w(-2)} ${w(-1)}`]: 1,
    [`suf:${w(0).slice(-3)}`]: 1,
    [`p:${prev}`]: 1,
    [`pp:${prev2} ${prev}`]: 1,
    [`pw:${prev} ${w(0)}`]: 1,
  };
  if (u.repeated[i]) f.repeated = 1;
  for (const [k, cs] of [[-1, classes[i - 1]], [0, classes[i]], [1, classes[i + 1]], [2, classes[i + 2]]] as const) {
    for (const c of cs ?? ['edge']) f[`c${k}:${c}`] = 1;
  }
  for (const c of classes[i]!) f[`pc:${prev} ${c}`] = 1;
  return f;
}

/** Keeps the tags a well-formed BIO run: an I- that does not continue its type starts one. */
const repair = (tag: string, prev: string): string => (tag.startsWith('I-') && prev.slice(2) !== tag.slice(2) ? `B-${tag.slice(2)}` : tag);

// Passes over the lines: 4, 8 and 12 read the dev splits and writer3's first batch alike.
const EPOCHS = 8;

export class EntityTagger {
  readonly #model: ReturnType<typeof perceptron>;
  /** The learned weights as wink-perceptron exports them (it exports only a model it trained itself). */
  readonly #json: string;

  private constructor(model: ReturnType<typeof perceptron>, json: string) {
    this.#model = model;
    this.#json = json;
  }

  serialize(): Buffer {
    return Buffer.from(this.#json);
  }

  static deserialize(bytes: Buffer): EntityTagger | null {
    const model = perceptron();
    const json = bytes.toString('utf8');
    try {
      model.importJSON(json);
    } catch {
      return null;
    }
    return new EntityTagger(model, json);
  }

  /**
   * Learns from the lines whose labels align (alignTags); deterministic for the same lines. The
   * tags before each word are the true ones while learning, the tagger's own when reading.
   */
  static train(lines: readonly LabelledUtterance[]): EntityTagger {
    const examples: [Record<string, number>, { label: string }][] = [];
    for (const line of lines) {
      const u = new Utterance(line.text);
      const tags = alignTags(u, line.entities);
      if (tags === undefined) continue;
      const classes = u.tokens.map(wordClass);
      tags.forEach((tag, i) => examples.push([features(u, classes, i, tags[i - 1] ?? '<s>', tags[i - 2] ?? '<s>'), { label: tag }]));
    }
    const model = perceptron();
    model.defineConfig({ maxIterations: EPOCHS, shuffleData: false });
    model.learn(examples);
    return new EntityTagger(model, model.exportJSON());
  }

  /** The spans the tagger reads in a line, left to right. */
  spans(u: Utterance): TaggedSpan[] {
    const classes = u.tokens.map(wordClass);
    const tags: string[] = [];
    for (let i = 0; i < u.length; i++) {
      const guess = this.#model.predict(features(u, classes, i, tags[i - 1] ?? '<s>', tags[i - 2] ?? '<s>'));
      tags.push(repair(guess === 'unknown' ? 'O' : guess, tags[i - 1] ?? 'O'));
    }
    const found: TaggedSpan[] = [];
    tags.forEach((tag, i) => {
      if (tag.startsWith('B-')) found.push({ type: TAGGED[tag.slice(2)]!, start: i, end: i + 1 });
      else if (tag.startsWith('I-')) found[found.length - 1]!.end = i + 1;
    });
    return found;
  }
}

const ABBREVIATED = new Set(['st', 'mt', 'ft', 'dr', 'mr', 'mrs', 'ms', 'jr', 'sr']);
const ROOMS = /^(?:\w*rooms?|kitchen|hallway|closet|basement|attic)$/;

/**
 * A tagged span in the normal form of its type, the rules' own normalisers reused; undefined
 * when it cannot be one (ordinary words are never a name).
 */
export function taggedValue(u: Utterance, tagged: TaggedSpan): string | undefined {
  // "at the plant, people are coughing", "the golf course, prairie links": a place's words end at a typed pause.
  // ("St. Brendan's" is one: an abbreviation's point is no pause.)
  const pause = u.pauses.slice(tagged.start, tagged.end - 1).findIndex((p, k) => p && !ABBREVIATED.has(u.tokens[tagged.start + k]!));
  const span = tagged.type === 'landmark' && pause >= 0 ? { ...tagged, end: tagged.start + pause + 1 } : tagged;
  const words = u.tokens.slice(span.start, span.end);
  if (span.type === 'caller_name') {
    if (words.some((w) => NAME_STOP.has(w) || NOT_OPENING_NAME.has(w) || ORGANISATION.has(w) || /\d/.test(w) || w.length < 2) || words.some((w) => notName(w))) return undefined;
    // "Mister Thibodeaux's oxygen", "Pastor Greene just collapsed": someone else, as the rules read it.
    if (owned(u, span.end - 1) || saidOf(u, span.end)) return undefined;
    // "up past ebenezer church": a name ending in a place word is the place's.
    if (STRONG_HEADS.has(words[words.length - 1]!)) return undefined;
    return asName(u, span.start, span.end);
  }
  // "a shell casing", "the pool guy", "a pool of blood": what belongs to a place is no place, nor is a room ("by the dressing rooms").
  // "west of the pass, heading west": a place's words end where the going starts.
  const belongs = [...words, u.pauses[span.end - 1] ? '' : (u.tokens[span.end] ?? '')].some((w) => NOT_PLACE_AFTER.has(w) || ROOMS.test(w)) || NOT_PLACE_PAIRS.has(`${words.at(-1)} ${u.tokens[span.end]}`) || words.slice(1).some((w) => MOTION.has(w) && /(?:ing|ed)$/.test(w));
  return belongs || onTheBody(words.at(-2), words.at(-1)!) || words.every((w) => STOP.has(w)) ? undefined : placeName(u, span);
}

/**
 * The tagger's spans, in normal form, of the types the rules found none of (`rules`: their
 * spans). Chosen on the dev splits and writer3's blind first batch (README, bench:entities):
 * taking the tagger's spans beside the rules' own as well added as many wrong as right.
 */
export function tagged(u: Utterance, spans: TaggedSpan[], rules: TaggedSpan[]): { span: TaggedSpan; value: string }[] {
  const out: { span: TaggedSpan; value: string }[] = [];
  for (const span of spans) {
    if (rules.some((r) => r.type === span.type)) continue;
    // Words the rules read as something else ("one of the old beetles" a vehicle, "pit bulls" a hazard) are not a name or a place.
    // A nature is read from the whole line, so its span says nothing of the words.
    if (rules.some((r) => r.type !== 'nature' && r.start < span.end && span.start < r.end)) continue;
    if (span.type === 'landmark' && notTheCallsPlace(u, span.start)) continue;
    // "she didnt hit her head", "is he at the school": the rules judge each phrase, and so must the tagger.
    if (u.isAsked(span.start) || u.isNegated(span.start)) continue;
    const value = taggedValue(u, span);
    if (value !== undefined) out.push({ span, value });
  }
  return out;
}

/** The lines it learns from: every trainable set's training part, so the dev splits stay a fair measure. */
export const taggerTrainingLines = (): LabelledUtterance[] =>
  [...loadCorpus(), ...PLACE_LABELLED_FILES.flatMap((f) => loadIfPresent(f) ?? [])].filter((line) => !isDev(line));

/** What shapes the tagger: its corpus and its code. */
const SOURCES = ['tagger.ts', 'text.ts', 'words.ts', 'landmarks.ts', 'name.ts'].map((f) => fileURLToPath(new URL(f, import.meta.url)));

let shipped: EntityTagger | null = null;

/** The tagger trained once per corpus and code, cached on disk like the nature model. */
export function entityTagger(cacheDir = modelCacheDir('tagger')): EntityTagger {
  if (shipped) return shipped;
  const corpus = [CORPUS_FILE, ...PLACE_LABELLED_FILES].map((f) => fileURLToPath(f)).filter((f) => existsSync(f));
  shipped = cachedModel(cacheDir, [...corpus, ...SOURCES], EntityTagger.deserialize, () => EntityTagger.train(taggerTrainingLines()));
  return shipped;
}
