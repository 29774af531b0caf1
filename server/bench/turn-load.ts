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
import { TURN_STAGES, type TurnStage } from '../src/observability/metrics.js';
import { timeTurns } from '../src/observability/turns.js';
import { CallRoom } from '../src/sfu/room.js';
import { WorkerPool } from '../src/sfu/workers.js';
import { encodeOnce, every20ms, syntheticTrainee, type SyntheticTrainee } from './synthetic.js';
import { ANSWER_ROOM_MS, turnSet } from './turn-set.js';

// AI calls for bench:capacity, on the embedded engines (Silero, PocketSphinx, the scripted
// mind, flite) through the real SFU and caller bridge, without the database and sockets:
// synthetic trainees on loopback say bench:turns' varied lines (turn-set.ts: several voices,
// a telephone band, hiss) one after another, and each answer is timed from the end of the
// line to the first packet of the reply reaching the trainee, and by stage (as /metrics
// times it). A line with no reply before the next one starts is a miss, unless the caller was
// talking while it was said (a long answer still going, or an answer at a pause mid-line):
// the trainees keep a fixed pace where a person would wait, so such a line is counted as
// talked over, apart, and not timed.

const WINDOW = 100_000;

/** A turn's Opus packets, and the frame where its speech ends ("the end of the trainee's speech"). */
type LoadTurn = { packets: Uint8Array[]; speechEndFrame: number };

type Call = {
  bridge: CallBridge;
  room: CallRoom;
  caller: AiCaller;
  trainee: SyntheticTrainee;
  /** Where this call's trainee is: the turn and the frame within it. */
  turn: number;
  frame: number;
  /** performance.now() from which this trainee speaks: a call added to a running load lets its caller's opening line play first. */
  asksFrom: number;
  speechEndedAt?: number | undefined;
  /** The caller's answer to the line: the first thing it says after hearing it. */
  replyId?: string | undefined;
  replySentAt?: number | undefined;
  /** The caller's voice went out while this line was being said. */
  talkedOver?: boolean;
};

/** What the calls did since the last reset: latencies (a miss counts as Infinity) and each stage's. */
export type LoadWindow = { turns: SampleWindow; stages: Record<TurnStage, SampleWindow>; replied: number; missed: number; talkedOver: number };

export class TurnLoad {
  readonly calls: Call[] = [];
  window = newWindow();
  readonly #workers: WorkerPool;
  readonly #codecs: CodecPool;
  readonly #vad: SileroModel;
  readonly #recognizer = new PocketSphinxRecognizer();
  readonly #synthesizer = new FliteSynthesizer();
  readonly #turns: LoadTurn[];
  readonly #dir: string;
  #stop: (() => void) | undefined;

  private constructor(workers: WorkerPool, codecs: CodecPool, vad: SileroModel, turns: LoadTurn[], dir: string) {
    this.#workers = workers;
    this.#codecs = codecs;
    this.#vad = vad;
    this.#turns = turns;
    this.#dir = dir;
  }

  static async create(): Promise<TurnLoad> {
    const config = loadConfig();
    const workers = await WorkerPool.create({ ...config.mediasoup, logger: createLogger('warn') });
    const turns = (await turnSet(undefined, ANSWER_ROOM_MS)).map((t) => ({ packets: encodeOnce(t.pcm), speechEndFrame: t.speechEndFrame }));
    const dir = await mkdtemp(path.join(tmpdir(), 'ringdown-bench-turns-'));
    return new TurnLoad(workers, await CodecPool.create(), await SileroModel.load(), turns, dir);
  }

  /** CPU each mediasoup worker has used so far (ms). */
  workerUsage(): Promise<{ index: number; cpuMs: number }[]> {
    return this.#workers.usage();
  }

  /**
   * Opens `n` more calls, their trainees starting at turns spread over the set by the golden
   * ratio (calls are not in step, as real calls are not); each starts speaking `quietMs` after it opens.
   */
  async add(n: number, quietMs = 0): Promise<void> {
    const scenario = await loadScenarioFile('stroke-fast-signs');
    for (let k = 0; k < n; k++) {
      const i = this.calls.length;
      const call = await this.#open(`turns-${i}`, i, Math.floor(((i * 0.618034) % 1) * this.#turns.length), scenario);
      call.asksFrom = performance.now() + quietMs;
      this.calls.push(call);
    }
  }

  /** The trainees start speaking, every 20 ms tick on one clock. */
  start(): void {
    this.#stop = every20ms((tick) => {
      const now = performance.now();
      for (const call of this.calls) {
        if (now < call.asksFrom) continue;
        const turn = this.#turns[call.turn]!;
        if (call.frame === 0) {
          if (call.speechEndedAt !== undefined && call.talkedOver) this.window.talkedOver++;
          else if (call.speechEndedAt !== undefined) {
            this.window.missed++; // no reply before the next line: counted as an endless wait
            this.window.turns.add(Infinity);
            if (process.env.BENCH_TRACE) console.error(`${call.bridge.callId} MISSED ${Math.round(performance.now())} reply ${call.replyId ?? 'never said'}`);
          }
          call.speechEndedAt = call.replyId = call.replySentAt = undefined;
          call.talkedOver = false;
        }
        call.trainee.send(turn.packets[call.frame]!, tick);
        if (call.frame === turn.speechEndFrame) call.speechEndedAt = performance.now();
        if (++call.frame >= turn.packets.length) {
          call.frame = 0;
          call.turn = (call.turn + 1) % this.#turns.length;
        }
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

  async #open(callId: string, seed: number, turn: number, scenario: Awaited<ReturnType<typeof loadScenarioFile>>): Promise<Call> {
    const router = await this.#workers.createRouter();
    const bridge = await CallBridge.create({ callId, codecs: this.#codecs, recordingPath: path.join(this.#dir, `${callId}.wav`) });
    const room = await CallRoom.create({ callId, router, bridge, listenIps: [{ ip: '127.0.0.1' }] });
    const voice = await room.addVoice('caller');
    const caller = await createAiCaller({ scenario, seed, vad: this.#vad, recognizer: this.#recognizer, synthesizer: this.#synthesizer, player: voice, now: () => bridge.elapsedMs });
    const call = { bridge, room, caller, turn, frame: 0 } as Call;
    // The same wiring LiveCalls does, without the database and sockets.
    bridge.on('traineeFrame', (frame, atMs) => caller.hear(frame, atMs));
    // The answer to a spoken turn: its first sentence goes to the player under this id.
    caller.on('turn', (timing) => {
      if (call.speechEndedAt !== undefined && call.replyId === undefined) call.replyId = timing.utteranceId;
    });
    // The reply's first frame leaves the pacer; the next packet out of the SFU is that frame.
    voice.pacer.on('sent', (_frame, _slot, utteranceId) => {
      if (call.frame > 0 && call.speechEndedAt === undefined) call.talkedOver = true;
      if (utteranceId === call.replyId && call.replySentAt === undefined) call.replySentAt = performance.now();
    });
    timeTurns(caller, voice.pacer, ({ stages }) => {
      for (const stage of TURN_STAGES) this.window.stages[stage].add(stages[stage]);
    });
    caller.on('error', (error) => console.error(`${callId}: ${error.message}`));
    if (process.env.BENCH_TRACE) {
      caller.on('heard', (h) => h.isFinal && console.error(`${callId} heard ${Math.round(performance.now())} ${h.text}`));
      caller.on('said', (u) => console.error(`${callId} said ${Math.round(performance.now())} ${u.text} (${u.id}) ${Math.round(u.playedMs)}/${Math.round(u.totalMs)} ms`));
      caller.on('interrupt', () => console.error(`${callId} interrupted ${Math.round(performance.now())}`));
      voice.pacer.on('played', (r) => console.error(`${callId} played ${Math.round(performance.now())} ${r.utteranceId} ${Math.round(r.playedMs)}/${Math.round(r.totalMs)} ms`));
    }
    let bridgeErrors = 0;
    bridge.on('error', (error) => {
      if (bridgeErrors++ === 0) console.error(`${callId}: ${error.message} (further bridge errors not shown)`);
    });
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
  return { turns: new SampleWindow(WINDOW), stages, replied: 0, missed: 0, talkedOver: 0 };
}
