import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from '../../../media/random.js';
import { TraineeIntent } from '../protocol/scenario.js';
import { matchRules } from './rule-matcher.js';
import { misheard } from './misheard.js';
import { spokenText } from '../../../media/language/plain.js';

/**
 * The intent model: logistic regression over word n-grams, character n-grams, the words that
 * open the line, its first clause, how it ends and the hand-written rules' verdicts, trained from
 * the call-taker corpus. Two
 * heads share the features: a softmax that picks the primary intent (the first thing in the
 * line that expects something of the caller) and one sigmoid per intent that says whether it is
 * in the line at all. Small, readable and fast: training on ~8,700 lines and their misheard
 * copies takes seconds, once per corpus (the model is cached on disk); a line reads in milliseconds.
 */

export const CORPUS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../media/language/corpus');
/** The corpus's labelled call-taker sets that may be learned from (held-out sets never are). */
export const CORPUS_SETS = {
  train: path.join(CORPUS_DIR, 'call-taker.jsonl'),
  dev: path.join(CORPUS_DIR, 'dev', 'call-taker.jsonl'),
  /** Lines by a second writer who never saw the models: trainable, and absent on older trees. */
  writer2: path.join(CORPUS_DIR, 'writer2', 'call-taker.jsonl'),
} as const;
/** The lines the shipped model learns from: every trainable set there is. */
export const CORPUS_FILES = Object.values(CORPUS_SETS).filter((file) => existsSync(file));

export interface LabelledLine {
  text: string;
  intents: TraineeIntent[];
}

export interface Prediction {
  /** Softmax over the intents: which one is primary. */
  primary: Map<TraineeIntent, number>;
  /** Per intent, the probability that it is in the line. */
  present: Map<TraineeIntent, number>;
}

const INTENTS = TraineeIntent.options;
const K = INTENTS.length;
const EPOCHS = 12;
const RATE = 0.5;
const L2 = 1e-5;
const RULE_WEIGHT = 3;
/** How much a misheard copy of a line counts against the line itself. */
const HEARD_WEIGHT = 0.4;

/** Words said before the real start of a line: "okay ma'am uh, where are you". */
const OPENER = new Set(['okay', 'ok', 'alright', 'all', 'right', 'so', 'and', 'uh', 'um', 'maam', 'sir', 'hon', 'buddy', 'listen', 'now', 'hey', 'yeah', 'well', 'good', 'oh']);

/** Words said after the real end of a line: "..., right, sir?", "... for me?". */
const TAIL = new Set(['maam', 'sir', 'hon', 'buddy', 'honey', 'for', 'me', 'okay', 'ok', 'please']);

/**
 * Digits said one by one ("four one nine, five five five") and digits typed as numbers ("419 555")
 * are one run; a run counts by its length, so every phone number looks alike. "911" stays itself.
 */
function numberRuns(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let run = '';
  const flush = () => {
    if (run) out.push(run === '911' ? '911' : run.length <= 2 ? `#${'d'.repeat(run.length)}` : run.length <= 4 ? '#num' : run.length <= 6 ? '#long' : '#phone');
    run = '';
  };
  for (const t of tokens) {
    if (/^\d+$/.test(t)) run += t;
    else {
      flush();
      out.push(t);
    }
  }
  flush();
  return out;
}

/** The features of one line and their values; punctuation, case and number words do not matter. */
export function featuresOf(text: string): Map<string, number> {
  const digits = spokenText(text);
  const raw = digits.split(' ').filter(Boolean);
  const tokens = numberRuns(raw);
  const features = new Set<string>();
  tokens.forEach((t, i) => {
    features.add(`w:${t}`);
    if (i > 0) features.add(`b:${tokens[i - 1]} ${t}`);
    if (i > 1) features.add(`t:${tokens[i - 2]} ${tokens[i - 1]} ${t}`);
    const padded = `<${t}>`;
    if (t.length > 2) for (let c = 0; c + 3 <= padded.length; c++) features.add(`c:${padded.slice(c, c + 3)}`);
  });
  // What a line opens with decides its primary more than anything said later.
  let start = 0;
  while (start < tokens.length - 1 && OPENER.has(tokens[start] as string)) start++;
  const head = tokens.slice(start, start + 4);
  const rawStart = raw.indexOf(tokens[start] as string);
  head.forEach((t, i) => features.add(`h:${t}`) && i > 0 && features.add(`hb:${head[i - 1]} ${t}`));
  if (head[0]) features.add(`h0:${head[0]}`);
  features.add(`len:${Math.min(tokens.length, 8)}`);
  // How a line ends tells a read-back ("..., right?", "correct?") from a question; a trailing
  // "sir", "buddy" or "for me" says nothing.
  let end = tokens.length;
  while (end > start + 1 && TAIL.has(tokens[end - 1] as string)) end--;
  features.add(`e:${tokens[end - 1]}`);
  if (end - start > 1) features.add(`eb:${tokens[end - 2]} ${tokens[end - 1]}`);
  const numbers = digits.split(' ').filter((t) => /^\d+$/.test(t)).map(Number);
  const rising = numbers.filter((n, i) => i > 0 && n === (numbers[i - 1] as number) + 1).length;
  if (rising >= 2) features.add('counting');
  const rules = matchRules(digits);
  // What the rules hear in the line's first words says which question comes first.
  for (const m of matchRules(raw.slice(Math.max(rawStart, 0), Math.max(rawStart, 0) + 5).join(' '))) features.add(`rh:${m.intent}`);
  // Two questions said in one breath: the first clause's words and what the rules hear in it say
  // which came first ("is he gasping, and what happened?" is about breathing).
  const clause = spokenText(text.split(/[.?!,;]|\s(?:and|okay|ok)\s/i).find((part) => spokenText(part).split(' ').some((t) => t && !OPENER.has(t))) ?? text);
  for (const t of numberRuns(clause.split(' ').filter(Boolean))) features.add(`f:${t}`);
  for (const m of matchRules(clause)) features.add(`rc:${m.intent}`);
  const weighted = new Map([...features].map((f) => [f, 1]));
  // The rules carry knowledge the corpus may lack ("landmark" is about location): weigh them up.
  rules.forEach((m, i) => weighted.set(`r:${m.intent}`, RULE_WEIGHT) && i === 0 && weighted.set(`r1:${m.intent}`, RULE_WEIGHT));
  return weighted;
}

/** Intents that expect nothing of the caller. */
const PASSIVE = new Set<TraineeIntent>(['other', 'reassure', 'greeting']);

/**
 * The primary as the corpus contract defines it: the first intent that expects something of the
 * caller. A line labelled with a leading acknowledgement or comfort first ("okay, okay, and
 * what's the cross street" as other, ask_location) is learned as the question it asks.
 */
function primaryLabel(intents: readonly TraineeIntent[]): TraineeIntent {
  return intents.find((i) => !PASSIVE.has(i)) ?? (intents[0] as TraineeIntent);
}

export class IntentModel {
  readonly #vocab: Map<string, number>;
  /** Feature-major weights: [feature * K + intent]; the last row is the bias. */
  readonly #primary: Float64Array;
  readonly #present: Float64Array;

  private constructor(vocab: Map<string, number>, primary?: Float64Array, present?: Float64Array) {
    this.#vocab = vocab;
    this.#primary = primary ?? new Float64Array((vocab.size + 1) * K);
    this.#present = present ?? new Float64Array((vocab.size + 1) * K);
  }

  /** The model as bytes: a JSON header (features, intents), then both heads' weights as float32. */
  serialize(): Buffer {
    const header = Buffer.from(JSON.stringify({ intents: INTENTS, features: [...this.#vocab.keys()] }));
    const weights = Float32Array.from([...this.#primary, ...this.#present]);
    const size = Buffer.alloc(4);
    size.writeUInt32LE(header.length);
    return Buffer.concat([size, header, Buffer.from(weights.buffer)]);
  }

  /** Null when the bytes are not a model of this version's intents. */
  static deserialize(bytes: Buffer): IntentModel | null {
    try {
      const length = bytes.readUInt32LE(0);
      const header = JSON.parse(bytes.subarray(4, 4 + length).toString('utf8')) as { intents: string[]; features: string[] };
      if (header.intents.join() !== INTENTS.join()) return null;
      const body = bytes.subarray(4 + length);
      const weights = new Float32Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength));
      const half = (header.features.length + 1) * K;
      if (weights.length !== 2 * half) return null;
      const vocab = new Map(header.features.map((f, i) => [f, i]));
      return new IntentModel(vocab, Float64Array.from(weights.subarray(0, half)), Float64Array.from(weights.subarray(half)));
    } catch {
      return null;
    }
  }

  /** Learns from labelled lines; the same lines always give the same model. */
  static train(lines: readonly LabelledLine[]): IntentModel {
    if (lines.length === 0) throw new TypeError('the intent model needs at least one labelled line');
    const vocab = new Map<string, number>();
    // Each line as written and, weighed less, as the recogniser may hear it: a misheard line then
    // reads the same, and lines by other writers read better too (trained on call-taker.jsonl
    // alone: writer2's lines, unseen, 85.3 -> 86.8 %; recognised dev lines, HTS slt and flite
    // awb, 83.0 -> 84.3 and 81.3 -> 82.4 %), at little cost on the written dev lines (93.0 -> 92.7 %).
    const heard = createRandom(7);
    const example = (text: string, intents: readonly TraineeIntent[], weight: number, grow: boolean) => {
      const all = featuresOf(text);
      const features = [...all].filter(([f]) => grow || vocab.has(f));
      const ids = features.map(([f]) => vocab.get(f) ?? (vocab.set(f, vocab.size), vocab.size - 1));
      // Scaled by every feature of the line, known or not, as predict() does.
      const scale = 1 / Math.sqrt(all.size);
      return { ids, weight, scale, values: features.map(([, v]) => v), primary: INTENTS.indexOf(primaryLabel(intents)), present: new Set(intents.map((i) => INTENTS.indexOf(i))) };
    };
    const clean = lines.map((line) => example(line.text, line.intents, 1, true));
    // A misheard copy adds no features of its own: its new word pairs are noise the model need not keep.
    const examples = [...clean, ...lines.map((line) => example(misheard(line.text, heard), line.intents, HEARD_WEIGHT, false))];
    const model = new IntentModel(vocab);
    const bias = vocab.size;
    const random = createRandom(1);
    const order = examples.map((_, i) => i);
    const gradPrimary = new Float64Array(K);
    const gradPresent = new Float64Array(K);
    for (let epoch = 0; epoch < EPOCHS; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random.next() * (i + 1));
        [order[i], order[j]] = [order[j] as number, order[i] as number];
      }
      const rate = RATE / (1 + epoch);
      for (const n of order) {
        const { ids, weight, scale, values, primary, present } = examples[n] as (typeof examples)[number];
        const p = model.#scores(ids, values, scale);
        for (let k = 0; k < K; k++) {
          gradPrimary[k] = (p.primary[k] as number) - (k === primary ? 1 : 0);
          gradPresent[k] = (p.present[k] as number) - (present.has(k) ? 1 : 0);
        }
        for (let f = 0; f <= ids.length; f++) {
          const id = f < ids.length ? (ids[f] as number) : bias;
          const x = (f < ids.length ? (values[f] as number) * scale : 1) * weight;
          for (let k = 0; k < K; k++) {
            const w = id * K + k;
            model.#primary[w] = (model.#primary[w] as number) * (1 - L2) - rate * (gradPrimary[k] as number) * x;
            model.#present[w] = (model.#present[w] as number) * (1 - L2) - rate * (gradPresent[k] as number) * x;
          }
        }
      }
    }
    return model;
  }

  predict(text: string): Prediction {
    const features = [...featuresOf(text)];
    const known = features.filter(([f]) => this.#vocab.has(f));
    const ids = known.map(([f]) => this.#vocab.get(f) as number);
    // Scaled by all the line's features, as in training: unknown words still make the line longer.
    const { primary, present } = this.#scores(ids, known.map(([, v]) => v), features.length ? 1 / Math.sqrt(features.length) : 0);
    return {
      primary: new Map(INTENTS.map((intent, k) => [intent, primary[k] as number])),
      present: new Map(INTENTS.map((intent, k) => [intent, present[k] as number])),
    };
  }

  #scores(ids: readonly number[], values: readonly number[], scale: number): { primary: Float64Array; present: Float64Array } {
    const primary = new Float64Array(K);
    const present = new Float64Array(K);
    const bias = this.#vocab.size * K;
    for (let k = 0; k < K; k++) {
      primary[k] = this.#primary[bias + k] as number;
      present[k] = this.#present[bias + k] as number;
    }
    for (let f = 0; f < ids.length; f++) {
      const id = ids[f] as number;
      const x = (values[f] as number) * scale;
      for (let k = 0; k < K; k++) {
        primary[k] = (primary[k] as number) + (this.#primary[id * K + k] as number) * x;
        present[k] = (present[k] as number) + (this.#present[id * K + k] as number) * x;
      }
    }
    const max = Math.max(...primary);
    let sum = 0;
    for (let k = 0; k < K; k++) sum += primary[k] = Math.exp((primary[k] as number) - max);
    for (let k = 0; k < K; k++) {
      primary[k] = (primary[k] as number) / sum;
      present[k] = 1 / (1 + Math.exp(-(present[k] as number)));
    }
    return { primary, present };
  }
}

/** Reads a corpus file; a line that is not a labelled call-taker line is an error naming its number. */
export function readCorpus(file: string): LabelledLine[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((raw, n) => ({ raw, n }))
    .filter(({ raw }) => raw.trim())
    .map(({ raw, n }) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        throw new SyntaxError(`${file}:${n + 1}: not JSON`);
      }
      const { text, intents } = (parsed ?? {}) as { text?: unknown; intents?: unknown };
      const labels = Array.isArray(intents) ? intents.map((i) => TraineeIntent.safeParse(i)) : [];
      if (typeof text !== 'string' || labels.length === 0 || labels.some((l) => !l.success)) throw new SyntaxError(`${file}:${n + 1}: needs "text" and known "intents"`);
      return { text, intents: labels.map((l) => l.data as TraineeIntent) };
    });
}

/** The code that shapes a model: a change to any of it, or to the corpus, retrains. */
const SOURCES = ['intent-model.ts', 'intent-rules.ts', 'rule-matcher.ts', 'misheard.ts'].map((f) => fileURLToPath(new URL(f, import.meta.url)));

/** Cached models kept in the folder. */
const KEEP_MODELS = 4;

let shipped: IntentModel | null = null;

/**
 * The model trained from the corpus: once per process, and cached on disk under the hash of the
 * corpus and the code, so a restart loads it in milliseconds instead of training for seconds.
 * The server calls this at start, so no call waits for it.
 */
export function intentModel(cacheDir = path.join(tmpdir(), 'ringdown-intents')): IntentModel {
  if (shipped) return shipped;
  const hash = createHash('sha256');
  for (const file of [...CORPUS_FILES, ...SOURCES]) hash.update(readFileSync(file));
  const cached = path.join(cacheDir, `${hash.digest('hex').slice(0, 16)}.model`);
  try {
    shipped = IntentModel.deserialize(readFileSync(cached));
  } catch {
    // No cache yet: train below.
  }
  if (!shipped) {
    shipped = IntentModel.train(CORPUS_FILES.flatMap(readCorpus));
    try {
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(`${cached}.${process.pid}`, shipped.serialize());
      renameSync(`${cached}.${process.pid}`, cached);
      // Models of older corpora or code are not read again, but other clones on this machine
      // share the folder: the few newest stay, so two trees do not each delete the other's.
      const models = readdirSync(cacheDir).filter((f) => f.endsWith('.model')).map((f) => path.join(cacheDir, f));
      const newest = models.map((f) => ({ f, at: statSync(f).mtimeMs })).sort((a, b) => b.at - a.at);
      for (const { f } of newest.slice(KEEP_MODELS)) rmSync(f, { force: true });
    } catch {
      // A read-only disk costs a retrain at the next start, nothing else.
    }
  }
  return shipped;
}
