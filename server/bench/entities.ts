// npm run bench:entities — live entity extraction: time per line over the caller corpus
// (repeated to at least 2,000 lines), and precision/recall per entity type separately on each
// set (media/language/corpus/): our training lines and dev split, the other writers' lines
// (writer2, writer3 and writer5 to writer19: trainable, each with its own dev split only measured), and every held-out folder. Only figures are
// printed for the held-out sets. A set not merged yet is skipped with a line saying so. Held-out
// sets labelled a second time (second-labels.jsonl, by another labeller blind to the first and
// to the extractor) are also scored against both labellers, beside how far the two agree.
// Targets: p99 < 100 ms per line (the live checklist must keep up with speech); on held-out
// lines recall >= 85 % and precision >= 90 %.
import { extractEntities } from '../src/intelligence/extract.js';
import { HELDOUT_FILES, type LabelledUtterance, SECOND_LABEL_FILES, TRAINABLE_FILES, type TypeScore, isDev, loadCorpus, loadIfPresent, overall, scoreCorpus } from '../src/intelligence/extract/corpus.js';

const SEGMENTS = Number(process.env.BENCH_SEGMENTS ?? 2_000);
const TARGET_P99_MS = 100;
const TARGET_HELDOUT = { recall: 0.85, precision: 0.9 };

const corpus = loadCorpus();
const sets: [string, LabelledUtterance[]][] = [
  ['training', corpus.filter((u) => !isDev(u))],
  ['dev', corpus.filter(isDev)],
];
const missing: string[] = [];
for (const file of TRAINABLE_FILES) {
  const writer = file.pathname.split('/').at(-2)!;
  const lines = loadIfPresent(file);
  if (lines) sets.push([writer, lines.filter((u) => !isDev(u))], [`${writer} dev`, lines.filter(isDev)]);
  else missing.push(`${writer}/caller.jsonl`);
}
const heldOutNames: string[] = [];
for (const [dir, file] of HELDOUT_FILES) {
  const lines = loadIfPresent(file);
  if (lines) {
    sets.push([dir, lines]);
    heldOutNames.push(dir);
  } else missing.push(`${dir}/caller.jsonl`);
}
const all = sets.flatMap(([, lines]) => lines);
const segments = Array.from({ length: Math.max(SEGMENTS, all.length) }, (_, i) => {
  const u = all[i % all.length]!;
  return { id: `bench-${i}`, speaker: u.speaker, text: u.text, startMs: i * 4_000, endMs: i * 4_000 + 3_000 };
});

for (const segment of segments.slice(0, all.length)) extractEntities(segment); // warm up the JIT
const times: number[] = [];
for (const segment of segments) {
  const t = performance.now();
  extractEntities(segment);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.floor(times.length * q)]!.toFixed(3).padStart(8);
console.log(`${segments.length} lines (${sets.map(([name, lines]) => `${lines.length} ${name}`).join(', ')}), repeated`);
for (const file of missing) console.log(`skipped: ${file} is not in this tree yet`);
console.log(`\n${'extraction per line'.padEnd(20)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}`);
console.log(`${''.padEnd(20)} ${at(0.5)} ${at(0.99)} ${times[times.length - 1]!.toFixed(3).padStart(8)}`);

const scored = sets.map(([name, lines]) => [name, scoreCorpus(lines, extractEntities)] as const);
const cell = (s: { truePositives: number; falsePositives: number; falseNegatives: number; precision: number; recall: number }) =>
  `${String(s.truePositives + s.falseNegatives).padStart(5)} ${s.precision.toFixed(2).padStart(5)} ${s.recall.toFixed(2).padStart(5)}`;
console.log(`\n${''.padEnd(16)} ${scored.map(([name]) => name.padStart(17)).join(' ')}`);
console.log(`${'entity type'.padEnd(16)} ${scored.map(() => `${'n'.padStart(5)} ${'prec'.padStart(5)} ${'rec'.padStart(5)}`).join(' ')}`);
for (const [i, { type }] of scored[0]![1].entries()) console.log(`${type.padEnd(16)} ${scored.map(([, s]) => cell(s[i]!)).join(' ')}`);
console.log(`${'all (micro)'.padEnd(16)} ${scored.map(([, s]) => cell(overall(s))).join(' ')}`);

// Held-out lines labelled again by a second labeller, blind to the first labels and the
// extractor: how far two people agree (the second's labels scored against the first's), and the
// extractor against each and against both (what both labelled must be found; what only one
// labelled may be found or not; what neither labelled is wrong).
const twice = heldOutNames.flatMap((name) => {
  const second = loadIfPresent(SECOND_LABEL_FILES.get(name)!);
  if (!second) return [];
  const first = sets.find(([n]) => n === name)![1];
  const secondByText = new Map(second.map((u) => [u.text, u.entities]));
  return [{
    name,
    agree: scoreCorpus(first, (segment) => secondByText.get(segment.text) ?? []),
    first: scored.find(([n]) => n === name)![1],
    second: scoreCorpus(second, extractEntities),
    both: scoreCorpus(first, extractEntities, second),
  }];
});
if (twice.length > 0) {
  const pr = (s: Omit<TypeScore, 'type'>) => `${s.precision.toFixed(3)} / ${s.recall.toFixed(3)}`.padStart(15);
  const columns = ['labellers agree', 'vs first', 'vs second', 'vs both'];
  console.log(`\nlabelled twice (precision / recall; "labellers agree": the second's labels scored against the first's)`);
  console.log(`${'set'.padEnd(16)} ${columns.map((c) => c.padStart(15)).join(' ')}`);
  for (const t of twice) console.log(`${t.name.padEnd(16)} ${[t.agree, t.first, t.second, t.both].map((s) => pr(overall(s))).join(' ')}`);
  const pooled = (pick: (t: (typeof twice)[number]) => TypeScore[]) => twice.map(pick).reduce((a, b) => a.map((s, i) => ({ ...s, truePositives: s.truePositives + b[i]!.truePositives, falsePositives: s.falsePositives + b[i]!.falsePositives, falseNegatives: s.falseNegatives + b[i]!.falseNegatives })));
  const rate = (s: TypeScore) => ({ ...s, ...overall([s]) });
  const byType = [pooled((t) => t.agree), pooled((t) => t.first), pooled((t) => t.second), pooled((t) => t.both)];
  console.log(`\nper type, all ${twice.length} sets labelled twice together`);
  console.log(`${'entity type'.padEnd(16)} ${columns.map((c) => c.padStart(15)).join(' ')}`);
  for (const [i, { type }] of byType[0]!.entries()) console.log(`${type.padEnd(16)} ${byType.map((s) => pr(rate(s[i]!))).join(' ')}`);
  console.log(`${'all (micro)'.padEnd(16)} ${byType.map((s) => pr(overall(s))).join(' ')}`);
}

const p99 = times[Math.floor(times.length * 0.99)]!;
console.log(`\nn = labelled entities (a suspect or vehicle description: each of its parts); match = same type and same normalized value`);
console.log(`target p99 < ${TARGET_P99_MS} ms: ${p99 < TARGET_P99_MS ? 'met' : 'MISSED'}`);
for (const name of heldOutNames) {
  const met = ({ recall, precision }: Omit<TypeScore, 'type'>) => (recall >= TARGET_HELDOUT.recall && precision >= TARGET_HELDOUT.precision ? 'met' : 'MISSED');
  const both = twice.find((t) => t.name === name)?.both;
  console.log(`target on ${name}, recall >= ${TARGET_HELDOUT.recall * 100} % and precision >= ${TARGET_HELDOUT.precision * 100} %: ${met(overall(scored.find(([n]) => n === name)![1]))}${both ? ` (against both labellers: ${met(overall(both))})` : ''}`);
}
if (heldOutNames.length === 0) console.log('no held-out set in this tree');
process.exitCode = p99 < TARGET_P99_MS ? 0 : 1;
