// npm run bench:intents — how often the caller gets the call-taker's primary intent right from
// text, per set of lines and per intent. Each set is scored by a model that never learned from it:
// - dev (dev/call-taker.jsonl, unseen base lines): a model trained on every other trainable set;
// - writer2, writer4 (lines by two more writers, each blind to the models and the other sets,
//   trainable): a model trained on every other trainable set, so their figures say how well
//   lines by an unknown writer are read;
// - each held-out folder (heldout/ ... heldout4/): the shipped model (every trainable set), on lines written by
//   someone who never saw the model; only figures are printed for them, never their lines nor
//   confusions.
// Strict: the primary equals the first label; lenient: the primary is any labelled intent.
// The hand-written rules alone are scored beside each, as the baseline. Target: held-out strict >= 90 %.
//   BENCH_SHOW_ERRORS=1 also lists the dev and writer2 lines the model gets wrong.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TraineeIntent } from '../src/protocol/scenario.js';
import { CORPUS_DIR, CORPUS_FILES, CORPUS_SETS, IntentModel, intentModel, readCorpus, type LabelledLine } from '../src/caller/intent-model.js';
import { isUnsure } from '../src/caller/ask-back.js';
import { understand } from '../src/caller/intents.js';
import { matchRules } from '../src/caller/rule-matcher.js';
import { HELDOUT_FOLDERS } from '../../media/language/corpus/held-out.js';
import { spokenText } from '../../media/language/plain.js';

type Classify = (text: string) => TraineeIntent;

const pct = (n: number, of: number) => `${((100 * n) / Math.max(of, 1)).toFixed(1)} %`;
const SHOW_ERRORS = process.env.BENCH_SHOW_ERRORS === '1';

interface Score {
  strict: number;
  lenient: number;
  perIntent: Map<string, { n: number; right: number }>;
  confusions: Map<string, number>;
  errors: string[];
}

function score(lines: readonly LabelledLine[], classify: Classify): Score {
  const s: Score = { strict: 0, lenient: 0, perIntent: new Map(), confusions: new Map(), errors: [] };
  for (const line of lines) {
    const truth = line.intents[0] as TraineeIntent;
    const got = classify(line.text);
    const row = s.perIntent.get(truth) ?? { n: 0, right: 0 };
    s.perIntent.set(truth, row);
    row.n++;
    if (got === truth) {
      s.strict++;
      row.right++;
    } else {
      s.confusions.set(`${truth} -> ${got}`, (s.confusions.get(`${truth} -> ${got}`) ?? 0) + 1);
      s.errors.push(`  ${truth} -> ${got}: ${line.text}`);
    }
    if (line.intents.includes(got)) s.lenient++;
  }
  return s;
}

const summary = (s: Score, n: number) => `primary strict ${pct(s.strict, n)}, lenient ${pct(s.lenient, n)}`;

/** The figures of one set; `secret` sets (held-out) show no lines and no confusions. */
function report(name: string, lines: readonly LabelledLine[], model: IntentModel, secret: boolean): void {
  const s = score(lines, primaryOf(model));
  console.log(`\n${name}: ${lines.length} lines, model ${summary(s, lines.length)}; rules only ${summary(score(lines, byRules), lines.length)}`);
  console.log([...s.perIntent].sort((a, b) => a[0].localeCompare(b[0])).map(([intent, r]) => `  ${intent.padEnd(18)} ${String(r.n).padStart(4)} ${pct(r.right, r.n).padStart(8)}`).join('\n'));
  askBacks(lines, model);
  if (secret) return;
  const top = [...s.confusions].sort((a, b) => b[1] - a[1]).slice(0, 10);
  if (top.length) console.log(`  top confusions (truth -> got):\n${top.map(([pair, n]) => `    ${String(n).padStart(3)}  ${pair}`).join('\n')}`);
  if (SHOW_ERRORS) console.log(s.errors.join('\n'));
}

const byRules: Classify = (text) => matchRules(spokenText(text))[0]?.intent ?? 'other';
const primaryOf = (model: IntentModel): Classify => (text) => [...model.predict(text).primary].sort((a, b) => b[1] - a[1])[0]![0];

/** How often the caller would ask back, and how often it would have answered the wrong question instead. */
function askBacks(lines: readonly LabelledLine[], model: IntentModel): void {
  const unsure = lines.map((line) => ({ line, u: understand(line.text, model) })).filter(({ u }) => isUnsure(u));
  const wrong = unsure.filter(({ line, u }) => u.primary !== line.intents[0]).length;
  console.log(`  the caller would ask back on ${pct(unsure.length, lines.length)} of lines; ${pct(wrong, unsure.length)} of those it would have got wrong`);
}

/** A trainable set scored by a model trained on every other one. */
function trainableSet(name: 'dev' | 'writer2' | 'writer4'): void {
  const file = CORPUS_SETS[name];
  if (!existsSync(file)) return console.log(`\n${name}: no lines at ${path.relative(CORPUS_DIR, file)}, skipped`);
  const started = performance.now();
  const others = CORPUS_FILES.filter((f) => f !== file);
  const model = IntentModel.train(others.flatMap(readCorpus));
  console.log(`\n(${name}: model trained on ${others.map((f) => path.relative(CORPUS_DIR, f)).join(' + ')} in ${Math.round(performance.now() - started)} ms)`);
  report(name, readCorpus(file), model, false);
}

trainableSet('dev');
trainableSet('writer2');
trainableSet('writer4');
for (const folder of HELDOUT_FOLDERS) {
  const file = path.join(CORPUS_DIR, folder, 'call-taker.jsonl');
  if (existsSync(file)) report(`${folder}, shipped model`, readCorpus(file), intentModel(), true);
  else console.log(`\n${folder}: no lines at ${path.relative(CORPUS_DIR, file)}, skipped`);
}
