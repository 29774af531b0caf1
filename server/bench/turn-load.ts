import { monitorEventLoopDelay } from 'node:perf_hooks';
import { SampleWindow } from '../../media/stats.js';
import type { Ack } from '../src/protocol/ack.js';
import { TURN_STAGES, type TurnStage } from '../src/observability/metrics.js';
import { timeTurns } from '../src/observability/turns.js';
import type { LiveCall } from '../src/live/live-call.js';
import { request } from '../test/socket.js';
import { BenchServer, type BenchPerson } from './bench-server.js';
import { encodeOnce, every20ms, signalledTrainee, type SyntheticTrainee } from './synthetic.js';
import { ANSWER_ROOM_MS, turnSet } from './turn-set.js';

// The load loop of bench:turns and bench:capacity: live AI calls on a running ringdown
// (bench-server.ts), each as the server runs a trainee's call. The trainee signs in, starts the
// call over the API, joins, produces, consumes and answers over its socket (its media on
// loopback PlainTransports instead of a browser's WebRTC: synthetic.ts), so the call is
// created, journalled and pushed by the server's own code: call record, transcript lines,
// events, entities and checklist marks written to the database, the call's intelligence
// updated, pushes to the trainee's socket and the floor, where one supervisor's socket counts
// what arrives. The trainees say bench:turns' lines (turn-set.ts) one after another on one
// 20 ms clock; each answer is timed from the end of the line to the first packet of the reply
// reaching the trainee, and by stage (as /metrics times it). A line with no reply before the
// next one starts is a miss, unless the caller was talking while it was said (a long answer
// still going, or an answer at a pause mid-line): the trainees keep a fixed pace where a
// person would wait, so such a line is counted as talked over, apart, and not timed.

const WINDOW = 100_000;
const SCENARIO = 'stroke-fast-signs';

/** A turn's Opus packets, and the frame where its speech ends ("the end of the trainee's speech"). */
type LoadTurn = { packets: Uint8Array[]; speechEndFrame: number };

type Call = {
  id: string;
  trainee: BenchPerson;
  line: SyntheticTrainee;
  /** Where this call's trainee is: the turn and the frame within it. */
  turn: number;
  frame: number;
  /** Lines still to say; the trainee falls silent after its last one is answered or missed. */
  linesLeft: number;
  done: boolean;
  /** The server ended the call under the bench (its lease lost, its media failed). */
  lost: boolean;
  /** performance.now() from which this trainee speaks: a new call's caller says its opening line first. */
  asksFrom: number;
  speechEndedAt?: number | undefined;
  /** The caller's answer to the line: the first thing it says after hearing it. */
  replyId?: string | undefined;
  replySentAt?: number | undefined;
  /** The caller's voice went out while this line was being said. */
  talkedOver?: boolean;
};

/** What the calls did since the last reset: lines said, latencies (a miss counts as Infinity), each stage's, pushes received. */
export type LoadWindow = {
  said: number;
  turns: SampleWindow;
  stages: Record<TurnStage, SampleWindow>;
  replied: number;
  missed: number;
  talkedOver: number;
  /** Calls the server ended under the bench, each logged with its reason. */
  lost: number;
  pushes: { floor: number; trainees: number };
};

export class TurnLoad {
  readonly calls: Call[] = [];
  window = newWindow();
  readonly bench: BenchServer;
  readonly #turns: LoadTurn[];
  /** Every call this load opened, ended ones too: what the database holds of them is counted. */
  readonly callIds: string[] = [];
  #storedAtReset = { lines: 0, rows: 0 };
  /** How late the event loop the server and the trainees share runs its timers: a stall delays every call. */
  readonly #loopDelay = monitorEventLoopDelay({ resolution: 10 });
  #stop: (() => void) | undefined;

  private constructor(bench: BenchServer, turns: LoadTurn[]) {
    this.bench = bench;
    this.#turns = turns;
  }

  /** Starts ringdown (`env`: an LLM, say), a supervisor on the floor, and readies the lines (`questions`: a folder of WAVs). */
  static async create(options: { questions?: string | undefined; env?: Record<string, string> } = {}): Promise<TurnLoad> {
    const turns = (await turnSet(options.questions, ANSWER_ROOM_MS)).map((t) => ({ packets: encodeOnce(t.pcm), speechEndFrame: t.speechEndFrame }));
    const bench = await BenchServer.start(options.env);
    const load = new TurnLoad(bench, turns);
    load.#loopDelay.enable();
    try {
      const supervisor = await bench.person('supervisor');
      supervisor.socket.onAny(() => load.window.pushes.floor++);
    } catch (error) {
      await bench.close();
      throw error;
    }
    return load;
  }

  /** How many lines the set has. */
  get lineCount(): number {
    return this.#turns.length;
  }

  /** CPU each mediasoup worker has used so far (ms). */
  workerUsage(): Promise<{ index: number; cpuMs: number }[]> {
    return this.bench.server.workers.usage();
  }

  /**
   * Opens `n` more calls, their trainees starting at turns spread over the set by the golden
   * ratio (calls are not in step, as real calls are not); they start speaking `quietMs` after
   * the last of them opened (opening a call is not part of any turn) and each says `lines`
   * lines (unset: until closed).
   */
  async add(n: number, quietMs: number, lines = Infinity): Promise<void> {
    const added: Call[] = [];
    for (let k = 0; k < n; k++) {
      const i = this.callIds.length;
      const call = await this.#open(i, Math.floor(((i * 0.618034) % 1) * this.#turns.length), lines);
      added.push(call);
      this.calls.push(call); // silent until the batch is open (asksFrom), but ended with the rest if one fails
    }
    const from = performance.now() + quietMs;
    for (const call of added) call.asksFrom = from;
  }

  /** Every call has said its lines and had them answered or missed. */
  get finished(): boolean {
    return this.calls.every((c) => c.done);
  }

  /** The trainees start speaking, every 20 ms tick on one clock. */
  start(): void {
    this.#stop = every20ms((tick) => {
      const now = performance.now();
      for (const call of this.calls) {
        if (call.done || now < call.asksFrom) continue;
        const turn = this.#turns[call.turn]!;
        if (call.frame === 0) {
          this.#settle(call);
          if (call.linesLeft-- === 0) {
            call.done = true;
            continue;
          }
        }
        call.line.send(turn.packets[call.frame]!, tick);
        if (call.frame === turn.speechEndFrame) {
          call.speechEndedAt = performance.now();
          this.window.said++;
        }
        if (++call.frame >= turn.packets.length) {
          call.frame = 0;
          call.turn = (call.turn + 1) % this.#turns.length;
        }
      }
    });
  }

  /** Starts a new window; what the database holds of the calls so far is its zero. */
  async resetWindow(): Promise<void> {
    this.#storedAtReset = await this.bench.stored(this.callIds);
    this.window = newWindow();
    this.#loopDelay.reset();
  }

  /** The event loop's lateness since the last reset (ms): its p99 and its longest stall. */
  loopDelay(): { p99: number; max: number } {
    return { p99: this.#loopDelay.percentile(99) / 1e6, max: this.#loopDelay.max / 1e6 };
  }

  /** Transcript lines and rows (lines, events, entities, checklist marks) the database gained since the last reset. */
  async stored(): Promise<{ lines: number; rows: number }> {
    const now = await this.bench.stored(this.callIds);
    return { lines: now.lines - this.#storedAtReset.lines, rows: now.rows - this.#storedAtReset.rows };
  }

  /** Each trainee ends their call (call:end: its end stored and scored), as the softphone does. */
  async endCalls(): Promise<void> {
    const calls = this.calls.splice(0);
    await Promise.all(
      calls.map(async (call) => {
        call.done = true;
        const ended = call.lost ? undefined : ((await request(call.trainee.socket, 'call:end', { callId: call.id }, 60_000)) as Ack<unknown>);
        if (ended && !ended.ok) console.error(`${call.id}: call:end refused: ${ended.message}`);
        call.line.close();
        call.trainee.socket.close();
      }),
    );
  }

  async close(): Promise<void> {
    this.#stop?.();
    this.#loopDelay.disable();
    try {
      await this.endCalls();
    } finally {
      await this.bench.close();
    }
  }

  /** The line just said is settled: a miss if no reply came before the next one. */
  #settle(call: Call): void {
    if (call.speechEndedAt !== undefined && call.talkedOver) this.window.talkedOver++;
    else if (call.speechEndedAt !== undefined) {
      this.window.missed++; // counted as an endless wait
      this.window.turns.add(Infinity);
      if (process.env.BENCH_TRACE) console.error(`${call.id} MISSED ${Math.round(performance.now())} reply ${call.replyId ?? 'never said'}`);
    }
    call.speechEndedAt = call.replyId = call.replySentAt = undefined;
    call.talkedOver = false;
  }

  async #open(seed: number, turn: number, lines: number): Promise<Call> {
    const trainee = await this.bench.person('trainee');
    trainee.socket.onAny(() => this.window.pushes.trainees++);
    const id = await this.bench.startCall(trainee, SCENARIO, seed);
    this.callIds.push(id);
    const call = { id, trainee, turn, frame: 0, linesLeft: lines, done: false, lost: false, asksFrom: Infinity } as Call;
    trainee.socket.on('call:state', (state) => {
      if (state.callId !== id || call.done || state.status === 'ringing' || state.status === 'active') return;
      call.done = call.lost = true;
      this.window.lost++;
      console.error(`${id}: the server ended the call under the bench (${state.status})`);
    });
    const live = async () => {
      const running = await this.bench.server.live.get(id);
      if (!running) throw new Error(`call ${id} is not live on the bench server`);
      return running;
    };
    call.line = await signalledTrainee(trainee.socket, id, async () => (await live()).room, (_packet, at) => {
      if (call.replySentAt === undefined || call.speechEndedAt === undefined || at < call.replySentAt) return;
      this.window.turns.add(at - call.speechEndedAt);
      this.window.replied++;
      call.speechEndedAt = undefined;
    });
    this.#time(call, await live());
    const answered = await request(trainee.socket, 'call:answer', { callId: id });
    if (!answered.ok) throw new Error(`call:answer refused: ${answered.message}`);
    return call;
  }

  /** Watches the live call's caller and voice (as /metrics does) to tell which packet is the answer to a line. */
  #time(call: Call, live: LiveCall): void {
    const { pipeline, voice } = live.caller;
    // The answer to a spoken line: its first sentence goes to the player under this id.
    pipeline.on('turn', (timing) => {
      if (call.speechEndedAt !== undefined && call.replyId === undefined) call.replyId = timing.utteranceId;
    });
    // The reply's first frame leaves the pacer; the next packet out of the SFU is that frame.
    voice.pacer.on('sent', (_frame, _slot, utteranceId) => {
      if (call.frame > 0 && call.speechEndedAt === undefined) call.talkedOver = true;
      if (utteranceId === call.replyId && call.replySentAt === undefined) call.replySentAt = performance.now();
    });
    timeTurns(pipeline, voice.pacer, ({ stages }) => {
      for (const stage of TURN_STAGES) this.window.stages[stage].add(stages[stage]);
    });
    let bridgeErrors = 0;
    live.room.bridge.on('error', (error) => {
      if (bridgeErrors++ === 0) console.error(`${call.id}: ${error.message} (further bridge errors not shown)`);
    });
    if (process.env.BENCH_TRACE) {
      pipeline.on('heard', (h) => h.isFinal && console.error(`${call.id} heard ${Math.round(performance.now())} ${h.text}`));
      pipeline.on('said', (u) => console.error(`${call.id} said ${Math.round(performance.now())} ${u.text} (${u.id}) ${Math.round(u.playedMs)}/${Math.round(u.totalMs)} ms`));
      pipeline.on('interrupt', () => console.error(`${call.id} interrupted ${Math.round(performance.now())}`));
      pipeline.on('turn', (t) => console.error(`${call.id} answering ${Math.round(performance.now())}: endpoint ${Math.round(t.endpointMs)} recognition ${Math.round(t.recognitionMs)} mind ${Math.round(t.mindMs)} synthesis ${Math.round(t.synthesisMs)} ms`));
    }
  }
}

function newWindow(): LoadWindow {
  const stages = Object.fromEntries(TURN_STAGES.map((s) => [s, new SampleWindow(WINDOW)])) as Record<TurnStage, SampleWindow>;
  return { said: 0, turns: new SampleWindow(WINDOW), stages, replied: 0, missed: 0, talkedOver: 0, lost: 0, pushes: { floor: 0, trainees: 0 } };
}
