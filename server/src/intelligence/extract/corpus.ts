// The labelled utterances ringdown keeps (corpus/utterances.jsonl) and how extraction is scored
// on them: a match is the same type with the same normalized value, counted per utterance.

import { readFileSync } from 'node:fs';
import { ENTITY_TYPES, type EntityType, type Segment } from '../types.js';
import { extractEntities } from '../extract.js';

export const CORPUS_FILE = new URL('../corpus/utterances.jsonl', import.meta.url);

export interface LabelledUtterance {
  text: string;
  speaker: 'caller' | 'trainee';
  entities: { type: EntityType; normalized: string }[];
}

export function loadCorpus(file: URL | string = CORPUS_FILE): LabelledUtterance[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledUtterance);
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

/** Precision, recall and F1 per entity type; a type never labelled nor found scores 1. */
export function scoreCorpus(corpus: LabelledUtterance[], extract: (segment: Segment) => { type: EntityType; normalized: string }[] = extractEntities): TypeScore[] {
  const counts = new Map(ENTITY_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  corpus.forEach((utterance, i) => {
    const found = extract({ id: `corpus-${i}`, speaker: utterance.speaker, text: utterance.text, startMs: 0, endMs: 0 });
    const key = (e: { type: EntityType; normalized: string }) => `${e.type}\u0000${e.normalized}`;
    const wanted = new Set(utterance.entities.map(key));
    const got = new Set(found.map(key));
    for (const e of found) counts.get(e.type)![wanted.has(key(e)) ? 'tp' : 'fp']++;
    for (const e of utterance.entities) if (!got.has(key(e))) counts.get(e.type)!.fn++;
  });
  return ENTITY_TYPES.map((type) => {
    const { tp, fp, fn } = counts.get(type)!;
    const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { type, truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
  });
}
