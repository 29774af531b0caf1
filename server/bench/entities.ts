// npm run bench:entities — live entity extraction: time per segment over the labelled corpus
// (repeated to at least 2,000 segments) and precision/recall/F1 per entity type on it.
// Target: p99 < 100 ms per segment (the live checklist must keep up with speech); aim < 5 ms.
import { extractEntities } from '../src/intelligence/extract.js';
import { loadCorpus, scoreCorpus } from '../src/intelligence/extract/corpus.js';

const SEGMENTS = Number(process.env.BENCH_SEGMENTS ?? 2_000);
const TARGET_P99_MS = 100;

const corpus = loadCorpus();
const segments = Array.from({ length: Math.max(SEGMENTS, corpus.length) }, (_, i) => {
  const u = corpus[i % corpus.length]!;
  return { id: `bench-${i}`, speaker: u.speaker, text: u.text, startMs: i * 4_000, endMs: i * 4_000 + 3_000 };
});

for (const segment of segments.slice(0, corpus.length)) extractEntities(segment); // warm up the JIT
const times: number[] = [];
let entities = 0;
for (const segment of segments) {
  const t = performance.now();
  entities += extractEntities(segment).length;
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const p50 = times[Math.floor(times.length * 0.5)]!;
const p99 = times[Math.floor(times.length * 0.99)]!;
const max = times[times.length - 1]!;
console.log(`${segments.length} segments (${corpus.length} labelled utterances, repeated), ${entities} entities`);
console.log(`\n${'extraction per segment'.padEnd(28)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}`);
console.log(`${''.padEnd(28)} ${p50.toFixed(3).padStart(8)} ${p99.toFixed(3).padStart(8)} ${max.toFixed(3).padStart(8)}`);

const scores = scoreCorpus(corpus);
console.log(`\n${'entity type'.padEnd(16)} ${'labelled'.padStart(8)} ${'found'.padStart(6)} ${'precision'.padStart(10)} ${'recall'.padStart(8)} ${'F1'.padStart(6)}`);
for (const s of scores) {
  const labelled = s.truePositives + s.falseNegatives;
  const found = s.truePositives + s.falsePositives;
  console.log(
    `${s.type.padEnd(16)} ${String(labelled).padStart(8)} ${String(found).padStart(6)} ${s.precision.toFixed(2).padStart(10)} ${s.recall.toFixed(2).padStart(8)} ${s.f1.toFixed(2).padStart(6)}`,
  );
}
const total = scores.reduce((a, s) => ({ tp: a.tp + s.truePositives, fp: a.fp + s.falsePositives, fn: a.fn + s.falseNegatives }), { tp: 0, fp: 0, fn: 0 });
const precision = total.tp / (total.tp + total.fp);
const recall = total.tp / (total.tp + total.fn);
console.log(`${'all (micro)'.padEnd(16)} ${String(total.tp + total.fn).padStart(8)} ${String(total.tp + total.fp).padStart(6)} ${precision.toFixed(2).padStart(10)} ${recall.toFixed(2).padStart(8)} ${((2 * precision * recall) / (precision + recall)).toFixed(2).padStart(6)}`);

const met = p99 < TARGET_P99_MS;
console.log(`\nmatch = same type and same normalized value; target p99 < ${TARGET_P99_MS} ms: ${met ? 'met' : 'MISSED'}`);
process.exitCode = met ? 0 : 1;
