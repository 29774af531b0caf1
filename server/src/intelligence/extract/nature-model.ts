// The learned nature model beside the rules of nature.ts. Phrase rules tuned on our own lines
// miss what other writers say in words we never wrote; a classifier over the line's words and
// character triples generalises better (the intent model's lesson), so it speaks where the
// rules are silent and overrules them where it is sure they are wrong. It is the shared text
// classifier (language/text-classifier.ts) trained on the training parts of the caller corpus and
// of the other writers' lines (writer2 to writer19); the dev splits stay unseen, and the policy
// below was chosen leaving one writer out at a time.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Example, TextClassifier, addNgrams, cachedModel, modelCacheDir } from '../../language/text-classifier.js';
import { CORPUS_FILE, type LabelledUtterance, TRAINABLE_FILES, isDev, loadCorpus, loadIfPresent } from './corpus.js';
import { type FoundNature, natureRules, notHappening, naturesNotTheCall, saidOnlyAsNot } from './nature.js';
import { NOT_KIND } from './nature-phrases.js';
import { Utterance } from './text.js';
import type { Extractor } from './words.js';

/** Every nature kind the corpus contract names, and "none" for a line that states no emergency. */
export const NATURE_LABELS = [
  'none',
  'fire',
  'traffic',
  'hazmat',
  'accidental',
  'medical',
  ...'allergic bleeding breathing cardiac childbirth choking diabetic fall overdose seizure stroke suicidal unconscious'.split(' ').map((k) => `medical:${k}`),
  ...'assault burglary domestic kidnapping robbery shooting stabbing theft'.split(' ').map((k) => `crime:${k}`),
  ...'lost drowning trapped'.split(' ').map((k) => `rescue:${k}`),
] as const;
export type NatureLabel = (typeof NATURE_LABELS)[number];

// Fewer lines than the intent model has (~2,900), so more and faster passes: 30 at 2 read the
// dev splits' natures better than 12 at 0.5 (primary right on 87.3 against 80.6 % of dev lines).
const TRAINING = { epochs: 30, rate: 2, l2: 1e-5, seed: 1 };

/**
 * The features of a line: its n-grams and the words said negated or asked. Unlike the intent
 * model it does not read the rules' verdicts: the rules were tuned on the same lines, so with
 * them it learned to copy the rules and never spoke where they were silent.
 */
export function natureFeatures(u: Utterance): Map<string, number> {
  const features = new Set<string>();
  addNgrams(u.tokens, features);
  // "she didn't fall", "is there a fire": the word is there, the emergency is not.
  u.tokens.forEach((t, i) => (u.isNegated(i) || u.isAsked(i)) && features.add(`x:${t}`));
  return new Map([...features].map((f) => [f, 1]));
}

export class NatureModel {
  readonly #classifier: TextClassifier<NatureLabel>;

  private constructor(classifier: TextClassifier<NatureLabel>) {
    this.#classifier = classifier;
  }

  serialize(): Buffer {
    return this.#classifier.serialize();
  }

  static deserialize(bytes: Buffer): NatureModel | null {
    const classifier = TextClassifier.deserialize(bytes, NATURE_LABELS);
    return classifier && new NatureModel(classifier);
  }

  /** Learns from labelled caller lines; deterministic. */
  static train(lines: readonly LabelledUtterance[]): NatureModel {
    const examples = lines.map((line): Example => {
      const u = new Utterance(line.text);
      const kinds = line.entities.filter((e) => e.type === 'nature').map((e) => NATURE_LABELS.indexOf(e.normalized as NatureLabel));
      if (kinds.includes(-1)) throw new TypeError(`unknown nature in "${line.text}"`);
      return { features: natureFeatures(u), primary: kinds[0] ?? 0, present: new Set(kinds.length ? kinds : [0]), weight: 1, grow: true };
    });
    return new NatureModel(TextClassifier.train(NATURE_LABELS, examples, TRAINING));
  }

  /** The line's most likely nature ("none" included), its probability, and each nature's probability of being in the line at all. */
  predict(u: Utterance): { top: NatureLabel; p: number; present: ReadonlyMap<NatureLabel, number> } {
    const { primary, present } = this.#classifier.scores(natureFeatures(u));
    let top: NatureLabel = 'none';
    for (const [label, p] of primary) if (p > (primary.get(top) as number)) top = label;
    return { top, p: primary.get(top) as number, present };
  }
}

/**
 * How the rules and the model are combined, chosen by leave-one-writer-out cross-validation on
 * the trainable sets (the model trained without a writer, measured on that writer's lines: the
 * nearest thing to a writer nobody has read; README, entity extraction). With six to eight writers to
 * learn from the model reads an unseen writer's natures far better than with three, and the
 * policy moved with it: where the rules are silent it speaks from a probability of 0.3 (0.75
 * with three writers), reading the whole line but no kind whose own phrases are only asked or
 * denied (17 writers left out in turn: 5,457 natures right and 642 wrong, against 5,432 and 650
 * when it read only the words not asked or denied, which lost "she's not moving"), and it
 * replaces the rules' natures when it is at least 0.7 sure of another and gives each of theirs
 * under 0.1 of being in the line at all.
 */
export const POLICY = { fill: 0.3, override: 0.7, doubt: 0.1 };

/** The rules' natures, or the model's where they are silent or it is sure they are wrong. */
export function combineNatures(u: Utterance, rules: FoundNature[], model: NatureModel, policy = POLICY): FoundNature[] {
  const line = (kind: NatureLabel) => [{ span: { start: 0, end: u.length }, kind }];
  if (rules.length === 0) {
    // The whole line, its negated and asked words marked as in training: "she's not moving", "the baby's not crying"
    // tell of an emergency in what they deny.
    const { top, p } = model.predict(u);
    if (top === 'none' || p < policy.fill) return [];
    // Read again only when the model would speak: its kind's own phrase only asked or denied ("is there a fire", "the
    // baby's not choking"), its kind said in a phrase that is not it, told as long past or as no event of the call,
    // or a line that says it is not real.
    const ruledOut =
      saidOnlyAsNot(u, top) || NOT_KIND.some(([kind, re]) => kind === top && [...u.matches(re)].length > 0) || naturesNotTheCall(u).has(top) || (top !== 'accidental' && notHappening(u));
    return ruledOut ? [] : line(top);
  }
  const { top, p, present } = model.predict(u);
  const doubted = rules.every((r) => (present.get(r.kind as NatureLabel) ?? 0) < policy.doubt);
  return top !== 'none' && p >= policy.override && doubted && !rules.some((r) => r.kind === top) ? line(top) : rules;
}

/** What shapes the model: its corpus and its code (the rules are among its features). */
const SOURCES = ['nature-model.ts', 'nature.ts', 'nature-phrases.ts', 'text.ts', 'words.ts', '../../language/text-classifier.ts'].map((f) => fileURLToPath(new URL(f, import.meta.url)));

/** The lines it learns from: the training parts only, so the dev splits stay a fair measure. */
export const natureTrainingLines = (): LabelledUtterance[] => [...loadCorpus(), ...TRAINABLE_FILES.flatMap((f) => loadIfPresent(f) ?? [])].filter((line) => !isDev(line));

let shipped: NatureModel | null = null;

/** The model trained once per corpus and code, cached on disk like the intent model. */
export function natureModel(cacheDir = modelCacheDir('natures')): NatureModel {
  if (shipped) return shipped;
  const corpus = [CORPUS_FILE, ...TRAINABLE_FILES].map((f) => fileURLToPath(f)).filter((f) => existsSync(f));
  shipped = cachedModel(cacheDir, [...corpus, ...SOURCES], NatureModel.deserialize, () => NatureModel.train(natureTrainingLines()));
  return shipped;
}

/**
 * What kind of emergency: the rules of nature.ts combined with the model. A call-taker's lines are
 * questions and instructions (and read-backs the rules read): the model, trained on callers'
 * lines, reads callers only.
 */
export const extractNature: Extractor = (u, emit, speaker) => {
  const rules = natureRules(u);
  for (const { span, kind } of speaker === 'caller' ? combineNatures(u, rules, natureModel()) : rules) emit('nature', span, kind);
};
