// npm run bench:intents — how often the caller gets the call-taker's primary intent right from
// text. Dev: a model trained on call-taker.jsonl only, scored on dev/call-taker.jsonl (unseen
// base lines). Held-out: the shipped model (training + dev) scored on heldout/call-taker.jsonl,
// written by someone who never saw the model; only figures are printed for it, never its lines.
// Strict: the primary equals the first label; lenient: the primary is any labelled intent.
// The hand-written rules alone are scored beside each, as the baseline. Target: held-out strict >= 90 %.
//   BENCH_SHOW_ERRORS=1 also lists the dev lines the model gets wrong; BENCH_HELDOUT=<file> scores
//   another held-out file (a held-out set still on its author's branch).
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TraineeIntent } from '../src/protocol/scenario.js';
import { CORPUS_DIR, IntentModel, intentModel, readCorpus, type LabelledLine } from '../src/caller/intent-model.js';
import { isUnsure } from '../src/caller/ask-back.js';
import { understand } from '../src/caller/intents.js';
import { matchRules } from '../src/caller/rule-matcher.js';
import { spokenText } from '../../media/language/plain.js';

type Classify = (text: string) => TraineeIntent;

const pct = (n: number, of: number) => `${((100 * n) / Math.max(of, 1)).toFixed(1)} %`;

function score(name: string, lines: readonly LabelledLine[], classify: Classify, showErrors: boolean): void {
  let strict = 0;
  let lenient = 0;
  const perIntent = new Map<string, { n: number; right: number }>();
  const confusions = new Map<string, number>();
  const errors: string[] = [];
  for (const line of lines) {
    const truth = line.intents[0] as TraineeIntent;
    const got = classify(line.text);
    const row = perIntent.get(truth) ?? { n: 0, right: 0 };
    perIntent.set(truth, row);
    row.n++;
    if (got === truth) {
      strict++;
      row.right++;
    } else {
      confusions.set(`${truth} -> ${got}`, (confusions.get(`${truth} -> ${got}`) ?? 0) + 1);
      if (showErrors) errors.push(`  ${truth} -> ${got}: ${line.text}`);
    }
    if (line.intents.includes(got)) lenient++;
  }
  console.log(`\n${name}: ${lines.length} lines, primary strict ${pct(strict, lines.length)}, lenient ${pct(lenient, lines.length)}`);
  console.log([...perIntent].sort((a, b) => a[0].localeCompare(b[0])).map(([intent, r]) => `  ${intent.padEnd(18)} ${String(r.n).padStart(4)} ${pct(r.right, r.n).padStart(8)}`).join('\n'));
  const top = [...confusions].sort((a, b) => b[1] - a[1]).slice(0, 10);
  if (top.length) console.log(`  top confusions (truth -> got):\n${top.map(([pair, n]) => `    ${String(n).padStart(3)}  ${pair}`).join('\n')}`);
  if (errors.length) console.log(errors.join('\n'));
}

const byRules: Classify = (text) => matchRules(spokenText(text))[0]?.intent ?? 'other';
const primaryOf = (model: IntentModel): Classify => (text) => [...model.predict(text).primary].sort((a, b) => b[1] - a[1])[0]![0];

const started = performance.now();
const devModel = IntentModel.train(readCorpus(path.join(CORPUS_DIR, 'call-taker.jsonl')));
console.log(`trained on call-taker.jsonl in ${Math.round(performance.now() - started)} ms`);
const dev = readCorpus(path.join(CORPUS_DIR, 'dev', 'call-taker.jsonl'));
score('dev, model', dev, primaryOf(devModel), process.env.BENCH_SHOW_ERRORS === '1');
score('dev, rules only', dev, byRules, false);

/** How often the caller would ask back, and how often it would have answered the wrong question instead. */
function askBacks(name: string, lines: readonly LabelledLine[], model: IntentModel): void {
  const unsure = lines.map((line) => ({ line, u: understand(line.text, model) })).filter(({ u }) => isUnsure(u));
  const wrong = unsure.filter(({ line, u }) => u.primary !== line.intents[0]).length;
  console.log(`\n${name}: the caller would ask back on ${pct(unsure.length, lines.length)} of lines; ${pct(wrong, unsure.length)} of those it would have got wrong`);
}

askBacks('dev', dev, devModel);

const heldoutFile = process.env.BENCH_HELDOUT ?? path.join(CORPUS_DIR, 'heldout', 'call-taker.jsonl');
if (existsSync(heldoutFile)) {
  const heldout = readCorpus(heldoutFile);
  score('held-out, shipped model', heldout, primaryOf(intentModel()), false);
  score('held-out, rules only', heldout, byRules, false);
  askBacks('held-out', heldout, intentModel());
} else console.log(`\nno held-out file at ${heldoutFile}`);
