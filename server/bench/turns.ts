// npm run bench:turns [-- --questions DIR] [--calls 1,10,20] [--turns N] [--llm-ttft MS]
// How fast the AI caller answers: from the end of the trainee's speech to the first packet of
// the caller's reply leaving the SFU, on the embedded engines (Silero, PocketSphinx, the mind,
// flite), through the real SFU and caller bridge, with synthetic trainees sending Opus RTP.
// The trainees say varied lines in several voices over a telephone band with hiss
// (turn-set.ts), or the WAV files of --questions. Each turn is split into stages: the end of
// turn found and recognised (the final transcript out), the reply made (mind and first
// sentence synthesised), played out (the first packet leaves the SFU). A turn with no reply
// before the next one starts is a miss. With --llm-ttft the mind phrases and classifies
// through an LLM test double that answers after that many ms (run after the scripted mind).
// Targets (scripted): 1 call p50 < 500 and p95 < 800 ms; 10 calls p95 < 1,200 ms.
// BENCH_TRACE=1 prints what each caller heard and said; BENCH_ASR_BACKGROUND=off runs without
// the recogniser's background pass, to weigh what it costs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PocketSphinxRecognizer } from '../../media/asr/pocketsphinx.js';
import { CallBridge } from '../../media/bridge.js';
import { CodecPool } from '../../media/codec-pool.js';
import { FliteSynthesizer } from '../../media/speech/flite.js';
import { SampleWindow, type Percentiles } from '../../media/stats.js';
import { SileroModel } from '../../media/vad/vad.js';
import type { AiCaller } from '../../media/caller/ai-caller.js';
import { startHostedLlmDouble, type ChatRequest, type HostedLlmDouble } from '../src/caller/hosted-llm-double.js';
import { createAiCaller } from '../src/caller/live-caller.js';
import type { LlmOptions } from '../src/caller/llm.js';
import { loadScenarioFile } from '../src/caller/scenario-file.js';
import { loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/logger.js';
import { CallRoom } from '../src/sfu/room.js';
import { WorkerPool } from '../src/sfu/workers.js';
import { encodeOnce, every20ms, syntheticTrainee, type SyntheticTrainee } from './synthetic.js';
import { ANSWER_ROOM_MS, turnSet } from './turn-set.js';

const { values: args } = parseArgs({
  options: { questions: { type: 'string' }, calls: { type: 'string', default: '1,10,20' }, turns: { type: 'string', default: '40' }, 'llm-ttft': { type: 'string' } },
});
const CALL_COUNTS = args.calls.split(',').map(Number);
const TURNS = Number(args.turns);
const LLM_TTFT_MS = args['llm-ttft'] === undefined ? undefined : Number(args['llm-ttft']);
if (!CALL_COUNTS.every((n) => Number.isInteger(n) && n > 0) || !(TURNS > 0) || (LLM_TTFT_MS !== undefined && !(LLM_TTFT_MS >= 0))) {
  throw new TypeError('--calls takes counts like 1,10,20; --turns and --llm-ttft numbers');
}
const BACKGROUND_OFF = process.env.BENCH_ASR_BACKGROUND === 'off';
const TARGETS: Record<number, { p50: number; p95: number }> = { 1: { p50: 500, p95: 800 }, 10: { p50: Infinity, p95: 1200 } };
const STAGES = ['heard', 'made', 'played'] as const;
type Stage = (typeof STAGES)[number];

type Stats = { total: SampleWindow; stages: Record<Stage, SampleWindow>; missed: number; turns: number };
type Call = {
  bridge: CallBridge;
  room: CallRoom;
  caller: AiCaller;
  trainee: SyntheticTrainee;
  /** Where this call's trainee is: the turn and the frame within it. */
  turn: number;
  frame: number;
  asked: number;
  speechEndedAt?: number | undefined;
  heardAt?: number | undefined;
  replyId?: string | undefined;
  madeAt?: number | undefined;
  replySentAt?: number | undefined;
};

const config = loadConfig();
const logger = createLogger('warn');
const dir = await mkdtemp(path.join(tmpdir(), 'ringdown-bench-turns-'));
const synthesizer = new FliteSynthesizer();
const turns = await turnSet(args.questions, ANSWER_ROOM_MS);
const packets = turns.map((t) => encodeOnce(t.pcm));
const scenario = await loadScenarioFile('stroke-fast-signs');
console.error(`${turns.length} trainee turns (${args.questions ?? 'our lines in five voices, telephone band, hiss 20 dB under'})`);

const rows: string[] = [];
let met = true;
let llm: HostedLlmDouble | undefined;
try {
  const minds: ('scripted' | 'llm')[] = LLM_TTFT_MS === undefined ? ['scripted'] : ['scripted', 'llm'];
  for (const mind of minds) {
    if (mind === 'llm') llm = await startLlmDouble(LLM_TTFT_MS!);
    for (const calls of CALL_COUNTS) {
      const stats = await measure(calls, Math.max(1, Math.ceil(TURNS / calls)), llm && { baseUrl: llm.baseUrl, apiKey: 'bench', model: 'bench-double' });
      const p = stats.total.percentiles();
      const target = mind === 'scripted' ? TARGETS[calls] : undefined;
      const ok = !target || (p.count > 0 && p.p50 < target.p50 && p.p95 < target.p95);
      met &&= ok;
      const stage = (s: Stage) => stats.stages[s].percentiles();
      const cell = (q: Percentiles) => `${q.p50.toFixed(0)}/${q.p95.toFixed(0)}`.padStart(10);
      rows.push(
        `${mind.padEnd(9)}${String(calls).padStart(5)} ${String(stats.turns).padStart(6)} ${String(stats.missed).padStart(6)} ${p.p50.toFixed(0).padStart(6)} ${p.p95.toFixed(0).padStart(6)} ${STAGES.map((s) => cell(stage(s))).join(' ')}   ${target ? (ok ? 'met' : 'MISSED') : '-'}`,
      );
      console.error(rows.at(-1));
    }
  }
} finally {
  await llm?.close();
  await rm(dir, { recursive: true, force: true });
}
console.log(`\nend of trainee speech -> first caller packet out of the SFU (ms); stages p50/p95: heard = end of turn found and recognised, made = mind + first sentence, played = out of the SFU`);
console.log(`mind     calls  turns missed    p50    p95      heard       made     played   target`);
for (const row of rows) console.log(row);
console.log(`targets (scripted): 1 call p50 < 500, p95 < 800; 10 calls p95 < 1200: ${met ? 'met' : 'MISSED'}`);

async function measure(n: number, turnsPerCall: number, llmOptions: LlmOptions | undefined): Promise<Stats> {
  const workers = await WorkerPool.create({ ...config.mediasoup, logger });
  const codecs = await CodecPool.create();
  const vad = await SileroModel.load();
  const recognizer = new PocketSphinxRecognizer({ background: BACKGROUND_OFF ? false : undefined });
  const size = n * turnsPerCall + 10;
  const stats: Stats = { total: new SampleWindow(size), stages: { heard: new SampleWindow(size), made: new SampleWindow(size), played: new SampleWindow(size) }, missed: 0, turns: 0 };
  const calls: Call[] = [];
  // Calls start on different lines, as real calls are not in step.
  for (let i = 0; i < n; i++) calls.push(await openCall(`turns-${n}-${i}`, i, Math.floor((i * turns.length) / n), workers, codecs, vad, recognizer, llmOptions, stats));
  await new Promise((r) => setTimeout(r, 6000)); // the opening line plays out
  const stop = every20ms((tick) => {
    for (const call of calls) {
      if (call.frame === 0) {
        if (call.speechEndedAt !== undefined) {
          stats.missed++; // no reply before the next line: counted as an endless wait
          stats.total.add(Infinity);
          if (process.env.BENCH_TRACE) console.error(`${call.bridge.callId} MISSED after ${turns[(call.turn + turns.length - 1) % turns.length]!.label}`);
        }
        call.speechEndedAt = call.heardAt = call.replyId = call.madeAt = call.replySentAt = undefined;
      }
      const turn = turns[call.turn]!;
      call.trainee.send(packets[call.turn]![call.frame]!, tick);
      if (call.frame === turn.speechEndFrame && call.asked < turnsPerCall) {
        call.speechEndedAt = performance.now();
        call.asked++;
        stats.turns++;
      }
      if (++call.frame >= packets[call.turn]!.length) {
        call.frame = 0;
        call.turn = (call.turn + 1) % turns.length;
      }
    }
  });
  const answered = () => stats.total.percentiles().count;
  while (answered() < n * turnsPerCall && !calls.every((c) => c.asked >= turnsPerCall && c.speechEndedAt === undefined)) await new Promise((r) => setTimeout(r, 200));
  stop();
  for (const call of calls) {
    call.caller.close();
    call.trainee.close();
    call.room.close();
  }
  await Promise.all(calls.map((c) => c.bridge.finish()));
  await vad.close();
  await recognizer.close();
  await codecs.close();
  workers.close();
  return stats;
}

async function openCall(callId: string, seed: number, firstTurn: number, workers: WorkerPool, codecs: CodecPool, vad: SileroModel, recognizer: PocketSphinxRecognizer, llmOptions: LlmOptions | undefined, stats: Stats): Promise<Call> {
  const router = await workers.createRouter();
  const bridge = await CallBridge.create({ callId, codecs, recordingPath: path.join(dir, `${callId}.wav`) });
  const room = await CallRoom.create({ callId, router, bridge, listenIps: [{ ip: '127.0.0.1' }] });
  const voice = await room.addVoice('caller');
  const caller = await createAiCaller({ scenario, seed, vad, recognizer, synthesizer, llm: llmOptions, player: voice, now: () => bridge.elapsedMs });
  const call = { bridge, room, caller, turn: firstTurn, frame: 0, asked: 0 } as Call;
  // The same wiring LiveCalls does, without the database and sockets.
  bridge.on('traineeFrame', (frame, atMs) => caller.hear(frame, atMs));
  caller.on('heard', (speech) => {
    if (speech.isFinal && call.speechEndedAt !== undefined && call.heardAt === undefined) call.heardAt = performance.now();
  });
  // The answer's first sentence goes to the player (the caller times its turn then).
  caller.on('turn', (timing) => {
    if (call.heardAt !== undefined && call.replyId === undefined) {
      call.replyId = timing.utteranceId;
      call.madeAt = performance.now();
    }
  });
  // The reply's first frame leaves the pacer; the next packet out of the SFU is that frame.
  voice.pacer.on('sent', (_frame, _slot, utteranceId) => {
    if (utteranceId === call.replyId && call.replySentAt === undefined) call.replySentAt = performance.now();
  });
  caller.on('error', (error) => console.error(`${callId}: ${error.message}`));
  if (process.env.BENCH_TRACE) {
    caller.on('heard', (h) => h.isFinal && console.error(`${callId} heard ${Math.round(performance.now())} ${h.text}`));
    caller.on('said', (u) => console.error(`${callId} said ${Math.round(performance.now())} ${u.text} (${u.id}) ${Math.round(u.playedMs)}/${Math.round(u.totalMs)} ms`));
    caller.on('interrupt', () => console.error(`${callId} interrupted ${Math.round(performance.now())}`));
    caller.on('turn', (t) => console.error(`${callId} answering ${Math.round(performance.now())}: endpoint ${Math.round(t.endpointMs)} recognition ${Math.round(t.recognitionMs)} mind ${Math.round(t.mindMs)} synthesis ${Math.round(t.synthesisMs)} ms`));
  }
  let bridgeErrors = 0;
  bridge.on('error', (error) => {
    if (bridgeErrors++ === 0) console.error(`${callId}: ${error.message} (further bridge errors not shown)`);
  });
  call.trainee = await syntheticTrainee(callId, router, room, (_packet, at) => {
    if (call.replySentAt === undefined || call.speechEndedAt === undefined || at < call.replySentAt) return;
    const end = call.speechEndedAt;
    stats.total.add(at - end);
    stats.stages.heard.add(call.heardAt! - end);
    stats.stages.made.add(call.madeAt! - call.heardAt!);
    stats.stages.played.add(at - call.madeAt!);
    call.speechEndedAt = undefined;
  });
  caller.answer();
  return call;
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

