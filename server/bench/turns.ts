// npm run bench:turns [-- --questions DIR] [--calls 1,10,20] [--turns N] [--llm-ttft MS]
// How fast the AI caller answers: from the end of the trainee's speech to the first packet of
// the caller's reply reaching the trainee, on live calls of a running ringdown (turn-load.ts:
// the embedded engines Silero, PocketSphinx, the mind and flite, the SFU and caller bridge,
// the database writes, the call's intelligence and the socket pushes, with synthetic trainees
// sending Opus RTP and signalling over their sockets). The trainees say varied lines in several
// voices over a telephone band with hiss (turn-set.ts), or the WAV files of --questions. Each
// turn is split into the stages /metrics reports (endpoint, recognition, mind, synthesis, first
// packet). A turn with no reply before the next one starts is a miss. With --llm-ttft the mind
// phrases and classifies through an LLM test double that answers after that many ms (run after
// the scripted mind, on a second server configured with it).
// Targets (scripted): 1 call p50 < 500 and p95 < 800 ms; 10 calls p95 < 1,200 ms.
// BENCH_TRACE=1 prints what each caller heard and said.
import { parseArgs } from 'node:util';
import type { Percentiles } from '../../media/stats.js';
import { startHostedLlmDouble, type ChatRequest, type HostedLlmDouble } from '../src/caller/hosted-llm-double.js';
import { TURN_STAGES } from '../src/observability/metrics.js';
import { TurnLoad } from './turn-load.js';

const { values: args } = parseArgs({
  options: { questions: { type: 'string' }, calls: { type: 'string', default: '1,10,20' }, turns: { type: 'string', default: '40' }, 'llm-ttft': { type: 'string' } },
});
const CALL_COUNTS = args.calls.split(',').map(Number);
const TURNS = Number(args.turns);
const LLM_TTFT_MS = args['llm-ttft'] === undefined ? undefined : Number(args['llm-ttft']);
if (!CALL_COUNTS.every((n) => Number.isInteger(n) && n > 0) || !(TURNS > 0) || (LLM_TTFT_MS !== undefined && !(LLM_TTFT_MS >= 0))) {
  throw new TypeError('--calls takes counts like 1,10,20; --turns and --llm-ttft numbers');
}
const TARGETS: Record<number, { p50: number; p95: number }> = { 1: { p50: 500, p95: 800 }, 10: { p50: Infinity, p95: 1200 } };
const OPENING_MS = 6000; // the caller's opening line plays out before the trainee speaks

const rows: string[] = [];
let met = true;
let database = '';
const minds: ('scripted' | 'llm')[] = LLM_TTFT_MS === undefined ? ['scripted'] : ['scripted', 'llm'];
for (const mind of minds) {
  const llm = mind === 'llm' ? await startLlmDouble(LLM_TTFT_MS!) : undefined;
  const load = await TurnLoad.create({ questions: args.questions, env: llm ? { OPENAI_BASE_URL: llm.baseUrl, OPENAI_API_KEY: 'bench', OPENAI_MODEL: 'bench-double' } : {} });
  database = load.bench.database;
  if (mind === 'scripted') console.error(`${load.lineCount} trainee turns (${args.questions ?? 'our lines in five voices, telephone band, hiss 20 dB under'}), calls written to the ${database}`);
  try {
    load.start();
    for (const calls of CALL_COUNTS) {
      await load.resetWindow();
      await load.add(calls, OPENING_MS, Math.max(1, Math.ceil(TURNS / calls)));
      while (!load.finished) await new Promise((r) => setTimeout(r, 200));
      const { said, turns, stages, missed, lost, pushes } = load.window;
      const loop = load.loopDelay();
      const stored = await load.stored();
      await load.endCalls();
      const p = turns.percentiles();
      const target = mind === 'scripted' ? TARGETS[calls] : undefined;
      const ok = !target || (p.count > 0 && p.p50 < target.p50 && p.p95 < target.p95 && lost === 0);
      met &&= ok;
      const cell = (q: Percentiles) => `${fmt(q.p50)}/${fmt(q.p95)}`.padStart(13);
      rows.push(
        [
          mind.padEnd(8),
          String(calls).padStart(5),
          String(said).padStart(6),
          String(missed).padStart(6),
          String(lost).padStart(4),
          fmt(p.p50).padStart(6),
          fmt(p.p95).padStart(6),
          TURN_STAGES.map((s) => cell(stages[s].percentiles())).join(''),
          String(stored.lines).padStart(7),
          String(stored.rows).padStart(6),
          String(pushes.floor).padStart(7),
          String(pushes.trainees).padStart(8),
          `${fmt(loop.p99)}/${fmt(loop.max)}`.padStart(13),
          `  ${target ? (ok ? 'met' : 'MISSED') : '-'}`,
        ].join(' '),
      );
      console.error(rows.at(-1));
    }
  } finally {
    await load.close();
    await llm?.close();
  }
}
console.log(`\nend of trainee speech -> first caller packet at the trainee (ms), live calls on ringdown (${database}: database writes, call intelligence, socket pushes); stages p50/p95 as /metrics times them`);
console.log(`mind     calls  turns missed lost    p50    p95 ${TURN_STAGES.map((s) => s.padStart(13)).join('')}  lines   rows  floor  trainee  loop p99/max   target`);
for (const row of rows) console.log(row);
console.log('lost: calls the server ended under the bench; lines: transcript lines written; rows: lines, events, entities and checklist marks written; floor / trainee: socket pushes a supervisor on the floor and the trainees received; loop: how late the event loop ran its timers (ms)');
console.log(`targets (scripted): 1 call p50 < 500, p95 < 800; 10 calls p95 < 1200: ${met ? 'met' : 'MISSED'}`);

function fmt(ms: number): string {
  return Number.isFinite(ms) ? ms.toFixed(0) : '-';
}

/**
 * The LLM as a test double: it answers every request after `ttftMs` (a non-streaming answer
 * is whole at its first token), phrasing a reply as the mind's own draft and labelling a line
 * with nothing usable, so the local intent model decides: the latency is the LLM's, the words
 * the scripted caller's.
 */
function startLlmDouble(ttftMs: number): Promise<HostedLlmDouble> {
  return startHostedLlmDouble((request: ChatRequest) => {
    if (request.response_format?.json_schema?.name !== 'caller_reply') return { delayMs: ttftMs, content: {} };
    const user = request.messages.find((m) => m.role === 'user')?.content ?? '';
    const draft = /DRAFT: (.*)$/s.exec(user)?.[1]?.trim() ?? '';
    return { delayMs: ttftMs, content: { say: draft, emotion: 'anxious', revealedFacts: [] } };
  });
}

