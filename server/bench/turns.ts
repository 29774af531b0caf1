// npm run bench:turns — how fast the AI caller answers: from the end of the trainee's speech
// to the first packet of the caller's reply leaving the SFU, on the embedded engines (Silero,
// PocketSphinx, the scripted mind, flite), through the real SFU and caller bridge. Synthetic
// trainees ask "what is the address of your emergency?" again and again.
// Targets: 1 call p50 < 700 ms and p95 < 1,000 ms; 10 calls p95 < 1,500 ms.
// BENCH_CALLS=1 or =10 runs one of the two; BENCH_TURNS sets the turns (default 50);
// BENCH_TRACE=1 prints what each caller heard and said.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PocketSphinxRecognizer } from '../../media/asr/pocketsphinx.js';
import { CallBridge } from '../../media/bridge.js';
import { CodecPool } from '../../media/codec-pool.js';
import { FliteSynthesizer } from '../../media/speech/flite.js';
import { SampleWindow } from '../../media/stats.js';
import { SileroModel } from '../../media/vad/vad.js';
import type { AiCaller } from '../../media/caller/ai-caller.js';
import { createAiCaller } from '../src/caller/live-caller.js';
import { loadScenarioFile } from '../src/caller/scenario-file.js';
import { loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/logger.js';
import { CallRoom } from '../src/sfu/room.js';
import { WorkerPool } from '../src/sfu/workers.js';
import { encodeOnce, every20ms, syntheticTrainee, type SyntheticTrainee } from './synthetic.js';

const RUNS = [
  { calls: 1, turnsPerCall: Number(process.env.BENCH_TURNS ?? 50), targets: { p50: 700, p95: 1000 } },
  { calls: 10, turnsPerCall: Math.ceil(Number(process.env.BENCH_TURNS ?? 50) / 10), targets: { p50: Infinity, p95: 1500 } },
].filter((run) => !process.env.BENCH_CALLS || process.env.BENCH_CALLS.split(',').includes(String(run.calls)));
const SILENCE_FRAMES = 100; // 2 s of quiet after each question: room for the reply
const QUESTION = 'What is the address of your emergency?';

type Call = {
  bridge: CallBridge;
  room: CallRoom;
  caller: AiCaller;
  trainee: SyntheticTrainee;
  /** Where this trainee's question loop starts: calls are staggered, as real calls are. */
  offset: number;
  /** A call whose loop starts inside the question sends only its tail first: that one is not timed. */
  askedWhole?: boolean;
  speechEndedAt?: number | undefined;
  /** The caller's answer to the question: the first thing it says after hearing it. */
  replyId?: string | undefined;
  replySentAt?: number | undefined;
  replied: number;
  missed: number;
};

const config = loadConfig();
const logger = createLogger('warn');
const dir = await mkdtemp(path.join(tmpdir(), 'ringdown-bench-turns-'));
const synthesizer = new FliteSynthesizer();
const question = await synthesizer.synthesize(QUESTION, { name: 'rms' });
const speechFrames = encodeOnce(question);
const silence = encodeOnce(new Int16Array(320))[0]!;
const cycle = [...speechFrames, ...Array<Uint8Array>(SILENCE_FRAMES).fill(silence)];
// The question's last voiced frame: its end is "the end of the trainee's speech".
const speechEnd = lastVoicedFrame(question) + 1;
const scenario = await loadScenarioFile('stroke-fast-signs');

const rows: string[] = [];
let met = true;
try {
  for (const run of RUNS) {
    const latencies = await measure(run.calls, run.turnsPerCall);
    const p = latencies.percentiles();
    const ok = p.count > 0 && p.p50 < run.targets.p50 && p.p95 < run.targets.p95;
    met &&= ok;
    console.error(`${run.calls} call(s): p50 ${p.p50.toFixed(0)} ms, p95 ${p.p95.toFixed(0)} ms over ${p.count} turns`);
    rows.push(
      `${String(run.calls).padStart(5)} ${String(p.count).padStart(6)} ${p.p50.toFixed(0).padStart(8)} ${p.p95.toFixed(0).padStart(8)} ${p.max.toFixed(0).padStart(8)}   ${ok ? 'met' : 'MISSED'}`,
    );
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
console.log(`\nend of trainee speech -> first caller packet out of the SFU (ms)\ncalls  turns      p50      p95      max   target`);
for (const row of rows) console.log(row);
console.log(`targets: 1 call p50 < 700, p95 < 1000; 10 calls p95 < 1500: ${met ? 'met' : 'MISSED'}`);

async function measure(n: number, turnsPerCall: number): Promise<SampleWindow> {
  const workers = await WorkerPool.create({ ...config.mediasoup, logger });
  const codecs = await CodecPool.create();
  const vad = await SileroModel.load();
  const recognizer = new PocketSphinxRecognizer();
  const latencies = new SampleWindow(n * turnsPerCall + 10);
  const calls: Call[] = [];
  for (let i = 0; i < n; i++) calls.push(await openCall(`turns-${n}-${i}`, i, Math.floor((i * cycle.length) / n), workers, codecs, vad, recognizer, latencies));
  await new Promise((r) => setTimeout(r, 6000)); // the opening line plays out
  const stop = every20ms((tick) => {
    for (const call of calls) {
      const position = (tick + call.offset) % cycle.length;
      if (position === 0 && call.speechEndedAt !== undefined) {
        call.missed++; // no reply before the next question: counted as an endless wait
        latencies.add(Infinity);
        call.speechEndedAt = undefined;
        if (process.env.BENCH_TRACE) console.error(`${call.bridge.callId} MISSED ${Math.round(performance.now())} reply ${call.replyId ?? 'never said'}`);
      }
      if (position === 0) {
        call.replyId = call.replySentAt = undefined;
        call.askedWhole = true;
      }
      call.trainee.send(cycle[position]!, tick);
      if (position === speechEnd && call.askedWhole) call.speechEndedAt = performance.now();
    }
  });
  const total = n * turnsPerCall;
  while (calls.reduce((s, c) => s + c.replied + c.missed, 0) < total) await new Promise((r) => setTimeout(r, 200));
  stop();
  const missed = calls.reduce((s, c) => s + c.missed, 0);
  if (missed) console.error(`${n} calls: ${missed} questions got no reply before the next one`);
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
  return latencies;
}

async function openCall(callId: string, seed: number, offset: number, workers: WorkerPool, codecs: CodecPool, vad: SileroModel, recognizer: PocketSphinxRecognizer, latencies: SampleWindow): Promise<Call> {
  const router = await workers.createRouter();
  const bridge = await CallBridge.create({ callId, codecs, recordingPath: path.join(dir, `${callId}.wav`) });
  const room = await CallRoom.create({ callId, router, bridge, listenIps: [{ ip: '127.0.0.1' }] });
  const voice = await room.addVoice('caller');
  const caller = await createAiCaller({ scenario, seed, vad, recognizer, synthesizer, player: voice, now: () => bridge.elapsedMs });
  const call = { bridge, room, caller, offset, replied: 0, missed: 0 } as Call;
  // The same wiring LiveCalls does, without the database and sockets.
  bridge.on('traineeFrame', (frame, atMs) => caller.hear(frame, atMs));
  let heardQuestion = false;
  let lastSent: string | undefined;
  caller.on('heard', (speech) => {
    if (speech.isFinal) heardQuestion = true;
  });
  // The reply's first frame leaves the pacer (the first new utterance after the question was
  // heard); the next packet out of the SFU is that frame.
  voice.pacer.on('sent', (_frame, _slot, utteranceId) => {
    if (utteranceId === lastSent) return;
    lastSent = utteranceId;
    if (heardQuestion && call.speechEndedAt !== undefined && call.replyId === undefined) {
      call.replyId = utteranceId;
      call.replySentAt = performance.now();
    }
    heardQuestion = false;
  });
  caller.on('error', (error) => console.error(`${callId}: ${error.message}`));
  if (process.env.BENCH_TRACE) {
    caller.on('heard', (h) => h.isFinal && console.error(`${callId} heard ${Math.round(performance.now())} ${h.text}`));
    caller.on('said', (u) => console.error(`${callId} said ${Math.round(performance.now())} ${u.text} (${u.id}) ${Math.round(u.playedMs)}/${Math.round(u.totalMs)} ms`));
    caller.on('interrupt', () => console.error(`${callId} interrupted ${Math.round(performance.now())}`));
  }
  let bridgeErrors = 0;
  bridge.on('error', (error) => {
    if (bridgeErrors++ === 0) console.error(`${callId}: ${error.message} (further bridge errors not shown)`);
  });
  call.trainee = await syntheticTrainee(callId, router, room, (_packet, at) => {
    if (call.replySentAt === undefined || call.speechEndedAt === undefined || at < call.replySentAt) return;
    latencies.add(at - call.speechEndedAt);
    call.speechEndedAt = undefined;
    call.replied++;
  });
  caller.answer();
  return call;
}

function lastVoicedFrame(pcm: Int16Array): number {
  let last = 0;
  for (let f = 0; f * 320 < pcm.length; f++) {
    let sum = 0;
    for (let i = f * 320; i < Math.min(pcm.length, (f + 1) * 320); i++) sum += pcm[i]! * pcm[i]!;
    if (Math.sqrt(sum / 320) > 300) last = f;
  }
  return last;
}
