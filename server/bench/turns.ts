// npm run bench:turns — how fast the AI caller answers: from the end of the trainee's speech
// to the first packet of the caller's reply leaving the SFU, on the embedded engines (Silero,
// PocketSphinx, the scripted mind, flite), through the real SFU and caller bridge. Synthetic
// trainees ask "what is the address of your emergency?" again and again.
// Targets: 1 call p50 < 700 ms and p95 < 1,000 ms; 10 calls p95 < 1,500 ms.
// BENCH_CALLS=1 or =10 runs one of the two; BENCH_TURNS sets the turns (default 50);
// BENCH_TRACE=1 prints what each caller heard and said.
import { QuestionLoad } from './question-load.js';

const RUNS = [
  { calls: 1, turnsPerCall: Number(process.env.BENCH_TURNS ?? 50), targets: { p50: 700, p95: 1000 } },
  { calls: 10, turnsPerCall: Math.ceil(Number(process.env.BENCH_TURNS ?? 50) / 10), targets: { p50: Infinity, p95: 1500 } },
].filter((run) => !process.env.BENCH_CALLS || process.env.BENCH_CALLS.split(',').includes(String(run.calls)));

const rows: string[] = [];
let met = true;
for (const run of RUNS) {
  const load = await QuestionLoad.create();
  try {
    await load.add(run.calls);
    await new Promise((r) => setTimeout(r, 6000)); // the opening line plays out
    load.start();
    const total = run.calls * run.turnsPerCall;
    while (load.window.replied + load.window.missed < total) await new Promise((r) => setTimeout(r, 200));
  } finally {
    await load.close();
  }
  const { turns, missed } = load.window;
  if (missed) console.error(`${run.calls} calls: ${missed} questions got no reply before the next one`);
  const p = turns.percentiles();
  const ok = p.count > 0 && p.p50 < run.targets.p50 && p.p95 < run.targets.p95;
  met &&= ok;
  console.error(`${run.calls} call(s): p50 ${p.p50.toFixed(0)} ms, p95 ${p.p95.toFixed(0)} ms over ${p.count} turns`);
  rows.push(
    `${String(run.calls).padStart(5)} ${String(p.count).padStart(6)} ${p.p50.toFixed(0).padStart(8)} ${p.p95.toFixed(0).padStart(8)} ${p.max.toFixed(0).padStart(8)}   ${ok ? 'met' : 'MISSED'}`,
  );
}
console.log(`\nend of trainee speech -> first caller packet out of the SFU (ms)\ncalls  turns      p50      p95      max   target`);
for (const row of rows) console.log(row);
console.log(`targets: 1 call p50 < 700, p95 < 1000; 10 calls p95 < 1500: ${met ? 'met' : 'MISSED'}`);
