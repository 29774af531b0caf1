import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PocketSphinxRecognizer } from '../../media/asr/pocketsphinx.js';
import { CallBridge } from '../../media/bridge.js';
import { CodecPool } from '../../media/codec-pool.js';
import { FliteSynthesizer } from '../../media/speech/flite.js';
import { SampleWindow } from '../../media/stats.js';
import { SileroModel } from '../../media/vad/vad.js';
import { AiCaller } from '../src/caller/ai-caller.js';
import { loadScenarioFile } from '../src/caller/scenario-file.js';
import { loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/logger.js';
import { TURN_STAGES, type TurnStage } from '../src/observability/metrics.js';
import { timeTurns } from '../src/observability/turns.js';
import { CallRoom } from '../src/sfu/room.js';
import { WorkerPool } from '../src/sfu/workers.js';
import { encodeOnce, every20ms, syntheticTrainee, type SyntheticTrainee } from './synthetic.js';

// AI calls for the turn benchmarks, on the embedded engines (Silero, PocketSphinx, the
// scripted mind, flite) through the real SFU and caller bridge, without the database and
// sockets: synthetic trainees on loopback ask "what is the address of your emergency?"
// again and again, and each answer is timed from the end of the question to the first
// packet of the reply reaching the trainee, and by stage (as /metrics times it).

const SILENCE_FRAMES = 100; // 2 s of quiet after each question: room for the reply
const QUESTION = 'What is the address of your emergency?';
const WINDOW = 100_000;

type Call = {
  bridge: CallBridge;
  room: CallRoom;
  caller: AiCaller;
  trainee: SyntheticTrainee;
  /** Where this trainee's question loop starts: calls are staggered, as real calls are. */
  offset: number;
  /** performance.now() from which this trainee asks: a call added to a running load lets its caller's opening line play first. */
  asksFrom: number;
  /** A call whose loop starts inside the question sends only its tail first: that one is not timed. */
  askedWhole?: boolean;
  speechEndedAt?: number | undefined;
  /** The caller's answer to the question: the first thing it says after hearing it. */
  replyId?: string | undefined;
  replySentAt?: number | undefined;
};

/** What the calls did since the last reset: latencies (a miss counts as Infinity) and each stage's. */
export type LoadWindow = { turns: SampleWindow; stages: Record<TurnStage, SampleWindow>; replied: number; missed: number };

export class QuestionLoad {
  readonly calls: Call[] = [];
  window = newWindow();
  readonly #workers: WorkerPool;
  readonly #codecs: CodecPool;
  readonly #vad: SileroModel;
  readonly #recognizer = new PocketSphinxRecognizer();
  readonly #synthesizer: FliteSynthesizer;
  readonly #cycle: Uint8Array[];
  /** The question's last voiced frame: its end is "the end of the trainee's speech". */
  readonly #speechEnd: number;
  readonly #dir: string;
  #stop: (() => void) | undefined;

  private constructor(workers: WorkerPool, codecs: CodecPool, vad: SileroModel, synthesizer: FliteSynthesizer, question: Int16Array, dir: string) {
    this.#workers = workers;
    this.#codecs = codecs;
    this.#vad = vad;
    this.#synthesizer = synthesizer;
    const silence = encodeOnce(new Int16Array(320))[0]!;
    this.#cycle = [...encodeOnce(question), ...Array<Uint8Array>(SILENCE_FRAMES).fill(silence)];
    this.#speechEnd = lastVoicedFrame(question) + 1;
    this.#dir = dir;
  }

  static async create(): Promise<QuestionLoad> {
    const config = loadConfig();
    const workers = await WorkerPool.create({ ...config.mediasoup, logger: createLogger('warn') });
    const synthesizer = new FliteSynthesizer();
    const question = await synthesizer.synthesize(QUESTION, { name: 'rms' });
    const dir = await mkdtemp(path.join(tmpdir(), 'ringdown-bench-turns-'));
    return new QuestionLoad(workers, await CodecPool.create(), await SileroModel.load(), synthesizer, question, dir);
  }

  /** CPU each mediasoup worker has used so far (ms). */
  workerUsage(): Promise<{ index: number; cpuMs: number }[]> {
    return this.#workers.usage();
  }

  /**
   * Opens `n` more calls, their trainees spaced over the question loop by the golden ratio;
   * each starts asking `quietMs` after it opens.
   */
  async add(n: number, quietMs = 0): Promise<void> {
    const scenario = await loadScenarioFile('stroke-fast-signs');
    for (let k = 0; k < n; k++) {
      const i = this.calls.length;
      const offset = Math.floor(((i * 0.618034) % 1) * this.#cycle.length);
      const call = await this.#open(`turns-${i}`, i, offset, scenario);
      call.asksFrom = performance.now() + quietMs;
      this.calls.push(call);
    }
  }

  /** The trainees start asking, every 20 ms tick on one clock. */
  start(): void {
    this.#stop = every20ms((tick) => {
      const now = performance.now();
      for (const call of this.calls) {
        if (now < call.asksFrom) continue;
        const position = (tick + call.offset) % this.#cycle.length;
        if (position === 0 && call.speechEndedAt !== undefined) {
          this.window.missed++; // no reply before the next question: counted as an endless wait
          this.window.turns.add(Infinity);
          call.speechEndedAt = undefined;
          if (process.env.BENCH_TRACE) console.error(`${call.bridge.callId} MISSED ${Math.round(performance.now())} reply ${call.replyId ?? 'never said'}`);
        }
        if (position === 0) {
          call.replyId = call.replySentAt = undefined;
          call.askedWhole = true;
        }
        call.trainee.send(this.#cycle[position]!, tick);
        if (position === this.#speechEnd && call.askedWhole) call.speechEndedAt = performance.now();
      }
    });
  }

  resetWindow(): void {
    this.window = newWindow();
  }

  async close(): Promise<void> {
    this.#stop?.();
    for (const call of this.calls) {
      call.caller.close();
      call.trainee.close();
      call.room.close();
    }
    await Promise.all(this.calls.map((c) => c.bridge.finish()));
    await this.#vad.close();
    await this.#recognizer.close();
    await this.#codecs.close();
    this.#workers.close();
    await rm(this.#dir, { recursive: true, force: true });
  }

  async #open(callId: string, seed: number, offset: number, scenario: Awaited<ReturnType<typeof loadScenarioFile>>): Promise<Call> {
    const router = await this.#workers.createRouter();
    const bridge = await CallBridge.create({ callId, codecs: this.#codecs, recordingPath: path.join(this.#dir, `${callId}.wav`) });
    const room = await CallRoom.create({ callId, router, bridge, listenIps: [{ ip: '127.0.0.1' }] });
    const voice = await room.addVoice('caller');
    const caller = await AiCaller.create({ scenario, seed, vad: this.#vad, recognizer: this.#recognizer, synthesizer: this.#synthesizer, now: () => bridge.elapsedMs });
    const call = { bridge, room, caller, offset } as Call;
    // The same wiring LiveCalls does, without the database and sockets.
    bridge.on('traineeFrame', (frame, atMs) => caller.hear(frame, atMs));
    let heardQuestion = false;
    caller.on('heard', (speech) => {
      if (speech.isFinal) heardQuestion = true;
    });
    caller.on('say', (u) => {
      if (heardQuestion && call.speechEndedAt !== undefined && call.replyId === undefined) call.replyId = u.id;
      heardQuestion = false;
      void voice.say(u.pcm, u.id);
    });
    // The reply's first frame leaves the pacer; the next packet out of the SFU is that frame.
    voice.pacer.on('sent', (_frame, _slot, utteranceId) => {
      if (utteranceId === call.replyId && call.replySentAt === undefined) call.replySentAt = performance.now();
    });
    timeTurns(caller, voice.pacer, ({ stages }) => {
      for (const stage of TURN_STAGES) this.window.stages[stage].add(stages[stage]);
    });
    caller.on('interrupt', () => voice.silence());
    caller.on('error', (error) => console.error(`${callId}: ${error.message}`));
    if (process.env.BENCH_TRACE) {
      caller.on('heard', (h) => h.isFinal && console.error(`${callId} heard ${Math.round(performance.now())} ${h.text}`));
      caller.on('say', (u) => console.error(`${callId} say ${Math.round(performance.now())} ${u.text} (${u.id})`));
      caller.on('interrupt', () => console.error(`${callId} interrupted ${Math.round(performance.now())}`));
      voice.pacer.on('played', (r) => console.error(`${callId} played ${Math.round(performance.now())} ${r.utteranceId} ${Math.round(r.playedMs)}/${Math.round(r.totalMs)} ms`));
    }
    let bridgeErrors = 0;
    bridge.on('error', (error) => {
      if (bridgeErrors++ === 0) console.error(`${callId}: ${error.message} (further bridge errors not shown)`);
    });
    voice.pacer.on('speaking', () => caller.setSpeaking(true));
    voice.pacer.on('silent', () => caller.setSpeaking(false));
    call.trainee = await syntheticTrainee(callId, router, room, (_packet, at) => {
      if (call.replySentAt === undefined || call.speechEndedAt === undefined || at < call.replySentAt) return;
      this.window.turns.add(at - call.speechEndedAt);
      this.window.replied++;
      call.speechEndedAt = undefined;
    });
    caller.answer();
    return call;
  }
}

function newWindow(): LoadWindow {
  const stages = Object.fromEntries(TURN_STAGES.map((s) => [s, new SampleWindow(WINDOW)])) as Record<TurnStage, SampleWindow>;
  return { turns: new SampleWindow(WINDOW), stages, replied: 0, missed: 0 };
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
