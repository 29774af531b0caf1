// The labelled caller corpus (media/language/corpus/caller.jsonl, its format in
// media/language/corpus/README.md) and how extraction is scored on it: a match is the same
// type with the same normalized value, counted per line. The corpus is split in two by a hash
// of each line's text (stable as lines are added): the training part the rules are tuned on,
// and a dev part that is only measured. The held-out file is written by someone who never sees
// the extractor: it is measured, never read to tune.

import { existsSync, readFileSync } from 'node:fs';
import { normalizeNumbers } from '../../../../media/asr/numbers.js';
import { CALLER_HELDOUT_FOLDERS } from '../../../../media/language/corpus/held-out.js';
import { ENTITY_TYPES, type EntityType, type Segment } from '../types.js';

const CORPUS_DIR = new URL('../../../../media/language/corpus/', import.meta.url);
export const CORPUS_FILE = new URL('caller.jsonl', CORPUS_DIR);
/** The other writers' trainable sets (each folder's caller.jsonl), each with its own dev split (isDev). */
export const TRAINABLE_FILES: readonly URL[] = ['writer2', 'writer3', 'writer5', 'writer6', 'writer7', 'writer8', 'writer9', 'writer10', 'writer11', 'writer12', 'writer13', 'writer14', 'writer15', 'writer16', 'writer17', 'writer18', 'writer19'].map((dir) => new URL(`${dir}/caller.jsonl`, CORPUS_DIR));
/**
 * The sets whose every place and name is labelled, which the tagger learns from. writer7 wrote to
 * teach natures and labelled a place only where the line is about it ("she got stung at the
 * pool" has none), so the tagger would learn that plain places are no places.
 */
export const PLACE_LABELLED_FILES: readonly URL[] = TRAINABLE_FILES.filter((f) => !f.pathname.endsWith('/writer7/caller.jsonl'));
/** Each held-out folder's caller file, by folder name. */
export const HELDOUT_FILES: readonly [string, URL][] = CALLER_HELDOUT_FOLDERS.map((dir) => [dir, new URL(`${dir}/caller.jsonl`, CORPUS_DIR)]);
/** Each held-out folder's second labelling of its caller lines (same lines, same order, another labeller blind to the first). */
export const SECOND_LABEL_FILES: ReadonlyMap<string, URL> = new Map(CALLER_HELDOUT_FOLDERS.map((dir) => [dir, new URL(`${dir}/second-labels.jsonl`, CORPUS_DIR)]));

export interface LabelledUtterance {
  text: string;
  /** Caller lines leave it out; a call-taker's read-back is "trainee". */
  speaker: 'caller' | 'trainee';
  entities: { type: EntityType; normalized: string }[];
}

export function loadCorpus(file: URL | string = CORPUS_FILE): LabelledUtterance[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const parsed = JSON.parse(line) as Omit<LabelledUtterance, 'speaker'> & { speaker?: LabelledUtterance['speaker'] };
      return { ...parsed, speaker: parsed.speaker ?? 'caller' };
    });
}

/** The lines of a file that may not exist yet (a set still on its writer's branch): undefined then. */
export const loadIfPresent = (file: URL | string): LabelledUtterance[] | undefined => (existsSync(file) ? loadCorpus(file) : undefined);

/** About 15 % of lines, chosen by an FNV-1a hash of their text, are the dev split. */
export function isDev(utterance: { text: string }): boolean {
  let hash = 0x811c9dc5;
  for (let i = 0; i < utterance.text.length; i++) hash = Math.imul(hash ^ utterance.text.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % 100 < 15;
}

export interface TypeScore {
  type: EntityType;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

const rates = (tp: number, fp: number, fn: number) => {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
};

/** Descriptions are lists of what the caller said ("white male, red hoodie"): each part counts on its own. */
const BY_PARTS: ReadonlySet<EntityType> = new Set(['suspect', 'vehicle']);

/**
 * A description's part as compared: the writers keep parts as said but differ on the small words
 * and on how a number is written ("ladder on the roof" / "ladder on roof", "4-door" / "four
 * door", "18-wheeler" / "eighteen wheeler"), so articles and owners are dropped and numbers
 * read as digits, for every set alike (media/language/corpus/caller.md, value conventions); a
 * model's letter and number are one word however written ("f150", "f-150", "f 150").
 */
const comparedPart = (part: string): string =>
  normalizeNumbers(part.replace(/-/g, ' '))
    .split(' ')
    .filter((w) => !['the', 'a', 'an', 'his', 'her', 'their'].includes(w))
    .join(' ')
    .replace(/\b([a-z]) (\d{1,3})\b/g, '$1$2');

/** The scored units of an entity: itself, or each part of a description. */
const scoredParts = (e: { type: EntityType; normalized: string }): { type: EntityType; normalized: string }[] =>
  BY_PARTS.has(e.type) ? e.normalized.split(', ').map((part) => ({ type: e.type, normalized: comparedPart(part) })) : [e];

/**
 * Precision, recall and F1 per entity type; a type never labelled nor found scores 1. A
 * description scores per part, so "white male, red hoodie" found as "white male" is one part
 * right and one missed rather than all wrong. The extractor is passed in (extractEntities, or a
 * variant being measured), so the corpus does not depend on the extractor that learns from it.
 *
 * Given a second labelling of the same lines (`second`, same order, by another labeller blind to
 * the first), a line's entities are scored against the two together: what both labelled must be
 * found, what only one labelled may be found or not, and only what neither labelled is wrong.
 */
export function scoreCorpus(
  corpus: LabelledUtterance[],
  extract: (segment: Segment) => { type: EntityType; normalized: string }[],
  second?: LabelledUtterance[],
): TypeScore[] {
  if (second && second.length !== corpus.length) throw new Error(`the second labelling has ${second.length} lines, the first ${corpus.length}`);
  const counts = new Map(ENTITY_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const key = (e: { type: EntityType; normalized: string }) => `${e.type}\u0000${e.normalized}`;
  const keys = (entities: { type: EntityType; normalized: string }[]) => new Set(entities.flatMap(scoredParts).map(key));
  corpus.forEach((utterance, i) => {
    if (second && second[i]!.text !== utterance.text) throw new Error(`line ${i + 1} of the second labelling is another line`);
    const got = keys(extract({ id: `corpus-${i}`, speaker: utterance.speaker, text: utterance.text, startMs: 0, endMs: 0 }));
    const first = keys(utterance.entities);
    const other = second ? keys(second[i]!.entities) : first;
    const wanted = new Set([...first].filter((k) => other.has(k)));
    const allowed = new Set([...first, ...other]);
    for (const k of got) if (wanted.has(k) || !allowed.has(k)) counts.get(k.split('\u0000')[0] as EntityType)![wanted.has(k) ? 'tp' : 'fp']++;
    for (const k of wanted) if (!got.has(k)) counts.get(k.split('\u0000')[0] as EntityType)!.fn++;
  });
  return ENTITY_TYPES.map((type) => {
    const { tp, fp, fn } = counts.get(type)!;
    return { type, truePositives: tp, falsePositives: fp, falseNegatives: fn, ...rates(tp, fp, fn) };
  });
}

/** All types together (micro average). */
export function overall(scores: TypeScore[]): Omit<TypeScore, 'type'> {
  const tp = scores.reduce((a, s) => a + s.truePositives, 0);
  const fp = scores.reduce((a, s) => a + s.falsePositives, 0);
  const fn = scores.reduce((a, s) => a + s.falseNegatives, 0);
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, ...rates(tp, fp, fn) };
}
