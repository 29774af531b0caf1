// npm run bench:media — N concurrent calls through the real SFU (mediasoup workers) and the
// real caller bridge (codec pool, pacer, jitter buffer, recorder), with synthetic trainees
// instead of browsers (synthetic.ts): each is a PlainTransport on its call's router whose
// microphone, fed pre-encoded Opus RTP every 20 ms, is tapped into the bridge and whose
// earpiece consumes the caller's voice into a loopback UDP socket. A last run gives every call
// a silent monitor too (synthetic.ts): a supervisor in monitor mode whose earpiece, another
// PlainTransport, consumes the caller and the trainee as the room offers them.
// Target (2 cores): 50 calls with pacing p99 < 30 ms and no packet lost on loopback.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { CallBridge, type Voice } from '../../media/bridge.js';
import { CodecPool } from '../../media/codec-pool.js';
import { FRAME_MS } from '../../media/format.js';
import { FliteSynthesizer } from '../../media/speech/flite.js';
import { SampleWindow, type Percentiles } from '../../media/stats.js';
import { loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/logger.js';
import { CallRoom } from '../src/sfu/room.js';
import { WorkerPool } from '../src/sfu/workers.js';
import { encodeOnce, every20ms, syntheticMonitor, syntheticTrainee, type SyntheticMonitor, type SyntheticTrainee } from './synthetic.js';

const CALL_COUNTS = (process.env.BENCH_CALLS ?? '10,25,50').split(',').filter(Boolean).map(Number);
/** Calls that each get a silent monitor, in one more run; empty for none. */
const MONITORED_COUNTS = (process.env.BENCH_MONITORED_CALLS ?? '20').split(',').filter(Boolean).map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
if (![...CALL_COUNTS, ...MONITORED_COUNTS].every((n) => Number.isInteger(n) && n > 0) || !(SECONDS > 0)) {
  throw new TypeError('BENCH_CALLS and BENCH_MONITORED_CALLS take counts like 10,25 and BENCH_SECONDS a number of seconds > 0');
}
const WARMUP_MS = 2_000;
/** monitorEventLoopDelay records whole timer intervals: lateness is what exceeds this. */
const LOOP_PROBE_MS = 10;
const TARGET = { calls: 50, pacingP99Ms: 30 };
const CLOCK_TICKS_PER_S = 100; // USER_HZ, the unit of /proc/<pid>/stat times (getconf CLK_TCK)
const CALLER_LINE = 'Please hurry, my husband just collapsed in the kitchen and he is not breathing. We are at fourteen twenty Maple Street.';
const TRAINEE_LINE = 'Nine one one, what is the address of your emergency? Is he breathing? Stay on the line with me.';

type Call = {
  room: CallRoom;
  bridge: CallBridge;
  voice: Voice;
  trainee: SyntheticTrainee;
  monitor: SyntheticMonitor | undefined;
  /** Trainee packets sent and bridge frames out; caller packets in and gaps among them. */
  counts: { sent: number; delivered: number; received: number; lost: number; bridgeErrors: number };
};

type Result = {
  calls: number;
  /** Silent monitors (one per call, or none) and the packets each track brought them. */
  monitors: number;
  monitored: { caller: number; trainee: number; lost: number };
  /** % of one core: this process (all threads), its event-loop thread, the SFU, everything else. */
  cpu: { perCall: number; node: number; main: number; sfu: number; others: number };
  pacing: { p50: number; p99: number };
  arrival: Percentiles;
  /** Caller packets: received and lost at the earpiece, sent by the pacer. */
  caller: { received: number; lost: number; sent: number };
  /** Caller slots that passed without a packet: encoder behind (underrun) or timer late (skipped). */
  silentSlots: number;
  frames: { delivered: number; sent: number };
  loop: { p99: number; max: number };
  bridgeErrors: number;
};

const config = loadConfig();
const logger = createLogger('warn');
const dir = await mkdtemp(path.join(tmpdir(), 'ringdown-bench-media-'));
const results: Result[] = [];
const startedAt = performance.now();
try {
  const flite = new FliteSynthesizer();
  const callerLine = await flite.synthesize(CALLER_LINE, { name: 'slt' });
  const traineePackets = encodeOnce(await flite.synthesize(TRAINEE_LINE, { name: 'rms' }));
  for (const n of CALL_COUNTS) {
    console.error(`${n} calls: ${WARMUP_MS / 1000} s warm-up + ${SECONDS} s ...`);
    results.push(await run(n, callerLine, traineePackets, false));
  }
  for (const n of MONITORED_COUNTS) {
    console.error(`${n} calls, each with a silent monitor: ${WARMUP_MS / 1000} s warm-up + ${SECONDS} s ...`);
    results.push(await run(n, callerLine, traineePackets, true));
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
printTable(results);
console.log(`total ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);

async function run(n: number, callerLine: Int16Array, traineePackets: Uint8Array[], monitored: boolean): Promise<Result> {
  const workers = await WorkerPool.create({ ...config.mediasoup, logger });
  const codecs = await CodecPool.create();
  const arrivals = new SampleWindow(n * (SECONDS + 1) * (1000 / FRAME_MS));
  // One at a time, as calls arrive: concurrent WorkerPool.createRouter() calls all pick the same worker.
  const calls: Call[] = [];
  for (let i = 0; i < n; i++) calls.push(await openCall(`bench-${n}${monitored ? 'm' : ''}-${i}`, workers, codecs, arrivals, monitored));
  const stopTrainees = every20ms((tick) => {
    for (const call of calls) {
      call.trainee.send(traineePackets[tick % traineePackets.length]!, tick);
      call.counts.sent++;
    }
  });
  await sleep(WARMUP_MS);

  // The pacers' jitter windows (4096 packets) outlast the run, so the callers start talking
  // only now: what sendJitter() and the earpieces report is then exactly the measured window.
  for (const call of calls) speakInLoop(call.voice, callerLine);
  const loop = monitorEventLoopDelay({ resolution: LOOP_PROBE_MS });
  loop.enable();
  const cpu0 = cpuMs(workers.pids);
  const t0 = performance.now();
  await sleep(SECONDS * 1000);
  const [cpu1, wallMs] = [cpuMs(workers.pids), performance.now() - t0];
  const pct = (key: keyof typeof cpu1) => ((cpu1[key] - cpu0[key]) / wallMs) * 100;
  loop.disable();
  const jitters = calls.map((c) => c.voice.pacer.sendJitter());
  const measured: Omit<Result, 'frames' | 'monitored'> = {
    calls: n,
    monitors: sum(calls, (c) => (c.monitor ? 1 : 0)),
    cpu: { perCall: (pct('node') + pct('sfu')) / n, node: pct('node'), main: pct('main'), sfu: pct('sfu'), others: pct('machine') - pct('node') - pct('sfu') },
    pacing: { p50: median(jitters.map((j) => j.p50)), p99: Math.max(...jitters.map((j) => j.p99)) },
    arrival: arrivals.percentiles(),
    caller: { received: sum(calls, (c) => c.counts.received), lost: sum(calls, (c) => c.counts.lost), sent: sum(calls, (c) => c.voice.pacer.stats.packets) },
    silentSlots: sum(calls, (c) => c.voice.pacer.stats.underruns + c.voice.pacer.stats.skippedFrames),
    loop: { p99: loop.percentile(99) / 1e6 - LOOP_PROBE_MS, max: loop.max / 1e6 - LOOP_PROBE_MS },
    bridgeErrors: sum(calls, (c) => c.counts.bridgeErrors),
  };

  // Every trainee packet since the start should come out as one 20 ms frame once the
  // jitter buffer (60 ms at most) and the codec workers have drained.
  stopTrainees();
  await sleep(200);
  const frames = { delivered: sum(calls, (c) => c.counts.delivered), sent: sum(calls, (c) => c.counts.sent) };
  const heard = (source: 'caller' | 'trainee', key: 'packets' | 'lost') => sum(calls, (c) => c.monitor?.counts.get(source)?.[key] ?? 0);
  const earpieces = { caller: heard('caller', 'packets'), trainee: heard('trainee', 'packets'), lost: heard('caller', 'lost') + heard('trainee', 'lost') };
  for (const call of calls) {
    call.monitor?.close();
    call.trainee.close();
    call.room.close();
  }
  await Promise.all(calls.map((c) => c.bridge.finish()));
  await codecs.close();
  workers.close();
  return { ...measured, frames, monitored: earpieces };
}

async function openCall(callId: string, workers: WorkerPool, codecs: CodecPool, arrivals: SampleWindow, monitored: boolean): Promise<Call> {
  const router = await workers.createRouter();
  const bridge = await CallBridge.create({ callId, codecs, recordingPath: path.join(dir, `${callId}.wav`) });
  const room = await CallRoom.create({ callId, router, bridge, listenIps: [{ ip: '127.0.0.1' }] });
  const voice = await room.addVoice('caller');
  const counts = { sent: 0, delivered: 0, received: 0, lost: 0, bridgeErrors: 0 };
  let last: { seq: number; at: number } | undefined;
  const trainee = await syntheticTrainee(callId, router, room, (packet, at) => {
    const seq = packet.readUInt16BE(2);
    counts.received++;
    const gap = last ? (seq - last.seq - 1) & 0xffff : 0;
    if (gap >= 0x8000) return; // late or duplicated, not lost
    counts.lost += gap;
    const marker = (packet[1]! & 0x80) !== 0; // a new talk spurt: its gap is a silence, not jitter
    if (last && gap === 0 && !marker) arrivals.add(Math.abs(at - last.at - FRAME_MS));
    last = { seq, at };
  });
  bridge.on('traineeFrame', () => counts.delivered++);
  bridge.on('error', () => counts.bridgeErrors++);
  const monitor = monitored ? await syntheticMonitor(callId, router, room) : undefined;
  return { room, bridge, voice, trainee, monitor, counts };
}

/** The caller says its line again each time it ends, so every caller talks all the time. */
function speakInLoop(voice: Voice, line: Int16Array, round = 0): void {
  void voice.play(line, `line-${round}`).then((report) => {
    if (!report.interrupted) speakInLoop(voice, line, round + 1);
  });
}

/** CPU time used so far, in ms: this process, its event-loop thread, the SFU workers, the machine. */
function cpuMs(sfuPids: number[]) {
  const { user, system } = process.cpuUsage(); // every thread: event loop, codec workers, libuv pool
  const taskMs = (statFile: string) => {
    const stat = readFileSync(statFile, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // from field 3 (state) on
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S; // utime + stime
  };
  return {
    node: (user + system) / 1000,
    main: taskMs('/proc/thread-self/stat'),
    sfu: sum(sfuPids, (pid) => taskMs(`/proc/${pid}/stat`)),
    machine: machineCpuMs(),
  };
}

/**
 * CPU time of every task in the root cgroup, in ms (cgroup v2, else v1), NaN if unreadable.
 * Not /proc/stat: its tick sampling misses most of this bench's short 20 ms-timer bursts.
 */
function machineCpuMs(): number {
  const sources = [
    ['/sys/fs/cgroup/cpu.stat', (text: string) => Number(/usage_usec (\d+)/.exec(text)?.[1]) / 1e3],
    ['/sys/fs/cgroup/cpuacct/cpuacct.usage', (text: string) => Number(text) / 1e6],
  ] as const;
  for (const [file, toMs] of sources) if (existsSync(file)) return toMs(readFileSync(file, 'utf8'));
  return NaN;
}

function printTable(rows: Result[]): void {
  const head = ['calls', 'monitors', 'CPU/call %', 'node % (main)', 'sfu %', 'others %', 'pacing p50/p99 ms', 'arrival p50/p99 ms', 'lost',
    'caller pkts recv/sent', 'silent slots', 'trainee frames to bridge', 'loop lag p99/max ms', 'bridge errors', 'monitor pkts caller/trainee', 'monitor lost'];
  const ms = (a: number, b: number) => `${a.toFixed(2)} / ${b.toFixed(2)}`;
  const cells = rows.map((r) => [
    String(r.calls),
    String(r.monitors),
    r.cpu.perCall.toFixed(2),
    `${r.cpu.node.toFixed(0)} (${r.cpu.main.toFixed(0)})`,
    r.cpu.sfu.toFixed(0),
    r.cpu.others.toFixed(0),
    ms(r.pacing.p50, r.pacing.p99),
    ms(r.arrival.p50, r.arrival.p99),
    String(r.caller.lost),
    `${r.caller.received} / ${r.caller.sent}`,
    String(r.silentSlots),
    `${r.frames.delivered} / ${r.frames.sent} (${((r.frames.delivered / r.frames.sent) * 100).toFixed(1)}%)`,
    ms(r.loop.p99, r.loop.max),
    String(r.bridgeErrors),
    r.monitors ? `${r.monitored.caller} / ${r.monitored.trainee}` : '-',
    r.monitors ? String(r.monitored.lost) : '-',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join(' | ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}\n${cells.map(line).join('\n')}`);
  console.log(`
${SECONDS} s per row after a ${WARMUP_MS / 1000} s warm-up, loopback only.
CPU: % of one core; node = this process with its codec worker threads (the synthetic clients
  included), main = its event-loop thread alone, sfu = the mediasoup workers, others = every
  other process on the machine (a busy neighbour explains a bad row); CPU/call = (node + sfu) / calls.
pacing: caller pacers' sendJitter() (send - slot time): median of per-call p50s, worst per-call p99.
arrival: |inter-arrival - 20 ms| of the caller's packets at the synthetic trainees, all calls pooled.
lost: RTP sequence gaps seen there. silent slots: pacer slots with no packet (underruns + skips).
trainee frames to bridge: frames the bridge emitted / packets the trainees sent (warm-up included).
loop lag: how late a ${LOOP_PROBE_MS} ms timer on this process's event loop fired.
monitors: calls with a silent monitor (a supervisor's PlainTransport consuming the caller and the
  trainee); monitor pkts: what those earpieces received over the whole run (warm-up included,
  counted with the trainee frames);
  monitor lost: RTP sequence gaps among them.`);
  const row = rows.find((r) => r.calls === TARGET.calls && r.monitors === 0);
  const target = `target: ${TARGET.calls} calls, pacing p99 < ${TARGET.pacingP99Ms} ms, no packet lost`;
  if (!row) return console.log(`${target}: not measured (BENCH_CALLS has no ${TARGET.calls})`);
  const met = row.pacing.p99 < TARGET.pacingP99Ms && row.caller.lost === 0;
  console.log(`${target}: ${met ? 'met' : '*** MISSED ***'} (pacing p99 ${row.pacing.p99.toFixed(2)} ms, ${row.caller.lost} lost)`);
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function sum<T>(xs: T[], f: (x: T) => number): number {
  return xs.reduce((s, x) => s + f(x), 0);
}
