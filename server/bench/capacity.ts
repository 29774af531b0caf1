// npm run bench:capacity — how many simultaneous AI calls one node carries. Calls are added
// a few at a time, each a live call on a running ringdown (turn-load.ts: a synthetic trainee
// signing in, starting the call and signalling over its socket, saying bench:turns' varied
// lines on loopback, answered by the AI caller on the embedded engines through the real SFU and
// caller bridge, with the database writes, the call's intelligence and the socket pushes to the
// trainee and to a supervisor on the floor), until the turn latency p95 passes BENCH_P95_MS
// (800 ms; a line with no answer before the next counts as an endless wait). Each step prints
// the calls, turn p50/p95, misses, the p95 of each stage, the transcript lines and rows written
// to the database and the pushes received, CPU (this process: the server and the synthetic
// trainees; the mediasoup workers), memory, and the load average and busy share of the whole
// machine (it may be shared: the figures hold only for the load they were measured under).
// BENCH_START (2) calls first, BENCH_STEP (2) more each step, BENCH_STEP_S (40) s measured per
// step, BENCH_MAX_CALLS (60) at most.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { TURN_STAGES } from '../src/observability/metrics.js';
import { TurnLoad } from './turn-load.js';

const P95_MS = Number(process.env.BENCH_P95_MS ?? 800);
const START = Number(process.env.BENCH_START ?? 2);
const STEP = Number(process.env.BENCH_STEP ?? 2);
const STEP_MS = Number(process.env.BENCH_STEP_S ?? 40) * 1000;
const MAX_CALLS = Number(process.env.BENCH_MAX_CALLS ?? 60);
const OPENING_MS = 6000; // a new call's opening line plays out before its trainee asks and its turns count
const cores = cpus().length;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(0) : 'inf');
const pct = (ms: number, wallMs: number) => ((100 * ms) / wallMs).toFixed(0);

const load = await TurnLoad.create();
const header = `calls  turns  missed  over  lost   p50   p95  ${TURN_STAGES.map((s) => s.padStart(13)).join('')}  lines   rows  floor  trainee  loop p99/max  node%  sfu%  total%/${cores} cores  rss MB  load1  machine%`;
const rows: string[] = [];
let carried = 0;
try {
  load.start();
  for (let calls = START; calls <= MAX_CALLS; calls += STEP) {
    try {
      await load.add(calls - load.calls.length, OPENING_MS);
    } catch (error) {
      // The server refusing or dropping a call as it opens is the node's limit too.
      console.error(`a call did not open at ${calls} calls: ${error instanceof Error ? error.message : String(error)}`);
      break;
    }
    await sleep(OPENING_MS);
    await load.resetWindow();
    const cpu0 = process.cpuUsage();
    const sfu0 = sum(await load.workerUsage());
    const machine0 = machineTicks();
    const t0 = performance.now();
    await sleep(STEP_MS);
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const nodeMs = (cpu.user + cpu.system) / 1000;
    const sfuMs = sum(await load.workerUsage()) - sfu0;
    const machine = machineTicks();
    const { turns, stages, missed, talkedOver, lost, pushes } = load.window;
    const loop = load.loopDelay();
    const stored = await load.stored();
    const p = turns.percentiles();
    // A miss counts as an endless wait (as in bench:turns): more than 5 % of turns missed fails the p95.
    const passed = p.count > 0 && p.p95 <= P95_MS && lost === 0;
    const row = [
      String(calls).padStart(5),
      String(p.count).padStart(6),
      String(missed).padStart(7),
      String(talkedOver).padStart(5),
      String(lost).padStart(5),
      fmt(p.p50).padStart(5),
      fmt(p.p95).padStart(5),
      ' ' + TURN_STAGES.map((s) => fmt(stages[s].percentiles().p95).padStart(13)).join(''),
      String(stored.lines).padStart(6),
      String(stored.rows).padStart(6),
      String(pushes.floor).padStart(6),
      String(pushes.trainees).padStart(8),
      `${fmt(loop.p99)}/${fmt(loop.max)}`.padStart(13),
      pct(nodeMs, wallMs).padStart(6),
      pct(sfuMs, wallMs).padStart(5),
      pct(nodeMs + sfuMs, wallMs * cores).padStart(15),
      (process.memoryUsage().rss / 2 ** 20).toFixed(0).padStart(8),
      loadavg()[0]!.toFixed(1).padStart(6),
      ((100 * (machine.busy - machine0.busy)) / (machine.total - machine0.total)).toFixed(0).padStart(9),
    ].join(' ');
    rows.push(row);
    console.error(header);
    console.error(row);
    if (!passed) break;
    carried = calls;
  }
} finally {
  await load.close();
}
console.log(`\nAI calls on one node, each a live call on ringdown (${load.bench.database}: SFU, caller bridge, AI caller, database writes, call intelligence, socket pushes)`);
console.log(`turn latency (end of the trainee's speech -> first caller packet, ms), p95 per stage (ms), transcript lines and rows written, pushes to the floor's supervisor and the trainees, CPU % of one core (total: of all ${cores})`);
console.log(header);
for (const row of rows) console.log(row);
console.log(`carried: ${carried} calls with turn p95 <= ${P95_MS} ms and none lost, a missed answer counted as an endless wait (${(carried / cores).toFixed(1)} per core)`);

/** The whole machine's CPU ticks, busy and all (/proc/stat): how much of it others were using. */
function machineTicks(): { busy: number; total: number } {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  return { busy: total - ticks[3]! - ticks[4]!, total }; // idle and iowait
}

function sum(usage: { cpuMs: number }[]): number {
  return usage.reduce((total, u) => total + u.cpuMs, 0);
}
