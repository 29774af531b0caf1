import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRandom } from '../../../media/random.js';

/**
 * A text classifier learned from labelled lines: logistic regression over whatever features the
 * caller of train() gives each line (word and character n-grams, rules' verdicts...). Two heads
 * share the features: a softmax that picks the one primary label of a line and one sigmoid per
 * label that says whether it is in the line at all. The caller's intent model and the nature
 * model of entity extraction are both this learner with their own features and labels: small,
 * readable, trained in seconds and read in well under a millisecond per line.
 */

/** One line to learn from: its features and values, its primary label and every label in it (indices into the labels). */
export interface Example {
  features: Map<string, number>;
  primary: number;
  present: ReadonlySet<number>;
  /** How much the line counts (a misheard copy counts less than the line). */
  weight: number;
  /** False: the line's features not seen in a growing line are left out (noise the model need not keep). */
  grow: boolean;
}

export interface Scores<L extends string> {
  /** Softmax over the labels: which one is primary. */
  primary: Map<L, number>;
  /** Per label, the probability that it is in the line. */
  present: Map<L, number>;
}

export interface Training {
  epochs: number;
  rate: number;
  l2: number;
  /** Seed of the order lines are seen in: the same lines always give the same model. */
  seed: number;
}

export class TextClassifier<L extends string> {
  readonly #labels: readonly L[];
  readonly #vocab: Map<string, number>;
  /** Feature-major weights: [feature * K + label]; the last row is the bias. */
  readonly #primary: Float64Array;
  readonly #present: Float64Array;

  private constructor(labels: readonly L[], vocab: Map<string, number>, primary?: Float64Array, present?: Float64Array) {
    this.#labels = labels;
    this.#vocab = vocab;
    this.#primary = primary ?? new Float64Array((vocab.size + 1) * labels.length);
    this.#present = present ?? new Float64Array((vocab.size + 1) * labels.length);
  }

  /** The model as bytes: a JSON header (features, labels), then both heads' weights as float32. */
  serialize(): Buffer {
    const header = Buffer.from(JSON.stringify({ labels: this.#labels, features: [...this.#vocab.keys()] }));
    const weights = Float32Array.from([...this.#primary, ...this.#present]);
    const size = Buffer.alloc(4);
    size.writeUInt32LE(header.length);
    return Buffer.concat([size, header, Buffer.from(weights.buffer)]);
  }

  /** Null when the bytes are not a model of these labels. */
  static deserialize<L extends string>(bytes: Buffer, labels: readonly L[]): TextClassifier<L> | null {
    try {
      const length = bytes.readUInt32LE(0);
      const header = JSON.parse(bytes.subarray(4, 4 + length).toString('utf8')) as { labels: string[]; features: string[] };
      if (header.labels.join() !== labels.join()) return null;
      const body = bytes.subarray(4 + length);
      const weights = new Float32Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength));
      const half = (header.features.length + 1) * labels.length;
      if (weights.length !== 2 * half) return null;
      const vocab = new Map(header.features.map((f, i) => [f, i]));
      return new TextClassifier(labels, vocab, Float64Array.from(weights.subarray(0, half)), Float64Array.from(weights.subarray(half)));
    } catch {
      return null;
    }
  }

  /** Learns by stochastic gradient descent, both heads at once; deterministic for the same examples. */
  static train<L extends string>(labels: readonly L[], lines: readonly Example[], { epochs, rate: start, l2, seed }: Training): TextClassifier<L> {
    if (lines.length === 0) throw new TypeError('a text classifier needs at least one labelled line');
    const K = labels.length;
    const vocab = new Map<string, number>();
    const examples = lines.map(({ features: all, primary, present, weight, grow }) => {
      const features = [...all].filter(([f]) => grow || vocab.has(f));
      const ids = features.map(([f]) => vocab.get(f) ?? (vocab.set(f, vocab.size), vocab.size - 1));
      // Scaled by every feature of the line, known or not, as scores() does.
      return { ids, values: features.map(([, v]) => v), scale: 1 / Math.sqrt(all.size), primary, present, weight };
    });
    const model = new TextClassifier(labels, vocab);
    const bias = vocab.size;
    const random = createRandom(seed);
    const order = examples.map((_, i) => i);
    const gradPrimary = new Float64Array(K);
    const gradPresent = new Float64Array(K);
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random.next() * (i + 1));
        [order[i], order[j]] = [order[j] as number, order[i] as number];
      }
      const rate = start / (1 + epoch);
      for (const n of order) {
        const { ids, weight, scale, values, primary, present } = examples[n] as (typeof examples)[number];
        const p = model.#raw(ids, values, scale);
        for (let k = 0; k < K; k++) {
          gradPrimary[k] = (p.primary[k] as number) - (k === primary ? 1 : 0);
          gradPresent[k] = (p.present[k] as number) - (present.has(k) ? 1 : 0);
        }
        for (let f = 0; f <= ids.length; f++) {
          const id = f < ids.length ? (ids[f] as number) : bias;
          const x = (f < ids.length ? (values[f] as number) * scale : 1) * weight;
          for (let k = 0; k < K; k++) {
            const w = id * K + k;
            model.#primary[w] = (model.#primary[w] as number) * (1 - l2) - rate * (gradPrimary[k] as number) * x;
            model.#present[w] = (model.#present[w] as number) * (1 - l2) - rate * (gradPresent[k] as number) * x;
          }
        }
      }
    }
    return model;
  }

  scores(features: Map<string, number>): Scores<L> {
    const known = [...features].filter(([f]) => this.#vocab.has(f));
    // Scaled by all the line's features, as in training: unknown words still make the line longer.
    const { primary, present } = this.#raw(
      known.map(([f]) => this.#vocab.get(f) as number),
      known.map(([, v]) => v),
      features.size ? 1 / Math.sqrt(features.size) : 0,
    );
    return {
      primary: new Map(this.#labels.map((label, k) => [label, primary[k] as number])),
      present: new Map(this.#labels.map((label, k) => [label, present[k] as number])),
    };
  }

  #raw(ids: readonly number[], values: readonly number[], scale: number): { primary: Float64Array; present: Float64Array } {
    const K = this.#labels.length;
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

/**
 * The n-grams every model reads: each word, word pair and word triple, and the character
 * triples of longer words (so "overdosed" shares most of itself with "overdosing").
 */
export function addNgrams(tokens: readonly string[], features: Set<string>): void {
  tokens.forEach((t, i) => {
    features.add(`w:${t}`);
    if (i > 0) features.add(`b:${tokens[i - 1]} ${t}`);
    if (i > 1) features.add(`t:${tokens[i - 2]} ${tokens[i - 1]} ${t}`);
    const padded = `<${t}>`;
    if (t.length > 2) for (let c = 0; c + 3 <= padded.length; c++) features.add(`c:${padded.slice(c, c + 3)}`);
  });
}

/** The folder under the system's temporary folder that holds every trained model's cache, one folder per model. */
export const MODEL_CACHE_ROOT = 'ringdown-models';

/** Where a model's cache lives by default ("intents" -> <tmp>/ringdown-models/intents), read when asked so a changed TMPDIR counts. */
export const modelCacheDir = (model: string): string => path.join(tmpdir(), MODEL_CACHE_ROOT, model);

/** Cached models kept in a folder. */
const KEEP_MODELS = 4;

/**
 * A model trained once and cached on disk under the hash of what shapes it (its corpus and its
 * code), so a restart loads it in milliseconds instead of training for seconds.
 */
export function cachedModel<M extends { serialize(): Buffer }>(cacheDir: string, inputs: readonly string[], load: (bytes: Buffer) => M | null, train: () => M): M {
  const hash = createHash('sha256');
  for (const file of inputs) hash.update(readFileSync(file));
  const cached = path.join(cacheDir, `${hash.digest('hex').slice(0, 16)}.model`);
  try {
    const model = load(readFileSync(cached));
    if (model) return model;
  } catch {
    // No cache yet: train below.
  }
  const trained = train();
  const bytes = trained.serialize();
  // The process that trained reads the model as the cache keeps it (weights stored as 32-bit
  // floats), so every process reads a line alike whether it trained the model or loaded it.
  const model = load(bytes) ?? trained;
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(`${cached}.${process.pid}`, bytes);
    renameSync(`${cached}.${process.pid}`, cached);
    // Models of older corpora or code are not read again, but other clones on this machine
    // share the folder: the few newest stay, so two trees do not each delete the other's.
    const models = readdirSync(cacheDir).filter((f) => f.endsWith('.model')).map((f) => path.join(cacheDir, f));
    const newest = models.map((f) => ({ f, at: statSync(f).mtimeMs })).sort((a, b) => b.at - a.at);
    for (const { f } of newest.slice(KEEP_MODELS)) rmSync(f, { force: true });
  } catch {
    // A read-only disk costs a retrain at the next start, nothing else.
  }
  return model;
}
