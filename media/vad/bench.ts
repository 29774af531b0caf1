// VAD engines compared on this machine: `npx tsx media/vad/bench.ts`.
// 1. accuracy per 20 ms frame on flite speech (4 voices x 6 sentences), clean and under noise;
// 2. turns: what the TurnDetector makes of each engine (one turn per sentence, none on noise);
// 3. cost: us per frame, and the event loop with N live streams paced in real time.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { FRAME_MS, FRAME_SAMPLES } from '../format.js';
import { frames } from '../testing/signals.js';
import { concat, mix, noise, play, silence, speak, speechBounds, speechFrames } from './test-audio.js';
import { TurnDetector } from './turns.js';
import { SileroModel, WebRtcVad, type VoiceActivityDetector } from './vad.js';

const VOICES = ['rms', 'slt', 'awb', 'kal16'];
const SENTENCES = [
  'Nine one one, what is the address of your emergency?',
  'My husband collapsed in the kitchen and he is not breathing.',
  'It is fourteen twenty Maple Street, apartment three.',
  'Okay. Is he awake? Can you hear him breathe at all?',
  'There is a man with a knife outside the store on Fifth Avenue.',
  'Stay on the line with me, help is on the way.',
];

type Engine = { name: string; make(): Promise<VoiceActivityDetector> };

async function probabilities(vad: VoiceActivityDetector, pcm: Int16Array): Promise<number[]> {
  const out: number[] = [];
  for (const f of frames(pcm)) out.push(await vad.process(f));
  return out;
}

async function accuracy(engines: Engine[], clips: Int16Array[]) {
  const conditions: [string, Int16Array | undefined][] = [
    ['clean', undefined],
    ['white -35 dBFS', await noise(10_000, 'whitenoise', -35)],
    ['pink -25 dBFS', await noise(10_000, 'pinknoise', -25)],
    ['brown -15 dBFS', await noise(10_000, 'brownnoise', -15)],
  ];
  console.log('\n1. frame accuracy (truth: 10 ms energy > -50 dBFS in the clean clip); precision / recall');
  for (const [label, bed] of conditions) {
    const row = [label.padEnd(16)];
    for (const e of engines) {
      let tp = 0, fp = 0, fn = 0;
      for (const clip of clips) {
        const truth = speechFrames(clip);
        const vad = await e.make();
        const p = await probabilities(vad, bed ? mix(clip, bed) : clip);
        vad.close();
        truth.forEach((t, i) => {
          const s = p[i]! >= 0.5;
          if (s && t) tp++;
          else if (s) fp++;
          else if (t) fn++;
        });
      }
      row.push(`${e.name}: ${(tp / (tp + fp)).toFixed(2)} / ${(tp / (tp + fn)).toFixed(2)}`);
    }
    console.log('  ' + row.join('   '));
  }
}

async function turns(engines: Engine[], clips: Int16Array[]) {
  console.log('\n2. turns with TurnDetector defaults: one per sentence; |onset error|, end lag (ms), p50/max');
  const pad = 800;
  for (const e of engines) {
    let right = 0;
    const onset: number[] = [];
    const lag: number[] = [];
    const gaps: number[] = [];
    for (const clip of clips) {
      const probe = await e.make();
      gaps.push(longestPause(await probabilities(probe, clip)));
      probe.close();
      const truth = speechBounds(clip);
      const vad = await e.make();
      const heard = await play(vad, new TurnDetector(), concat(silence(pad), clip, silence(1000)));
      vad.close();
      const ends = heard.filter((h) => h.type === 'speechEnd');
      if (heard.length === 2 && ends.length === 1) right++;
      const end = ends[0];
      if (end?.type !== 'speechEnd') continue;
      onset.push(Math.abs(end.startMs - (pad + truth.startMs)));
      lag.push(end.endMs - (pad + truth.endMs));
    }
    console.log(`  ${e.name}: ${right}/${clips.length} sentences gave exactly one turn; onset ${stat(onset)}; end lag ${stat(lag)}; longest pause inside a sentence ${stat(gaps)}`);
  }
  const bursts: [string, Int16Array][] = [
    ['120 ms brown noise -3 dBFS', await noise(120, 'brownnoise', -3)],
    ['120 ms pink noise -3 dBFS', await noise(120, 'pinknoise', -3)],
    ['180 ms pink noise -6 dBFS', await noise(180, 'pinknoise', -6)],
    ['5 s white noise -30 dBFS', await noise(5000, 'whitenoise', -30)],
    ['5 s pink noise -20 dBFS', await noise(5000, 'pinknoise', -20)],
  ];
  for (const [label, burst] of bursts) {
    const row = [`  ${label.padEnd(28)} turns:`];
    for (const e of engines) {
      const vad = await e.make();
      const heard = await play(vad, new TurnDetector(), concat(silence(500), burst, silence(1000)));
      vad.close();
      row.push(`${e.name} ${heard.filter((h) => h.type === 'speechStart').length}`);
    }
    console.log(row.join('  '));
  }
}

/** Longest run of frames below the continue threshold between the first and last speech frame, in ms. */
function longestPause(p: number[]): number {
  const first = p.findIndex((x) => x >= 0.5);
  const last = p.findLastIndex((x) => x >= 0.5);
  let run = 0;
  let best = 0;
  for (let i = first; i <= last; i++) {
    run = p[i]! < 0.35 ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best * FRAME_MS;
}

function stat(xs: number[]): string {
  if (xs.length === 0) return '-';
  const s = [...xs].sort((a, b) => a - b);
  return `${s[Math.floor(s.length / 2)]!.toFixed(0)}/${s[s.length - 1]!.toFixed(0)}`;
}

async function cost(engines: Engine[], clip: Int16Array) {
  console.log('\n3. cost per 20 ms frame, one stream, frames back to back');
  const fs = frames(concat(clip, clip, clip, clip, clip));
  for (const e of engines) {
    const vad = await e.make();
    for (const f of fs.slice(0, 50)) await vad.process(f); // warm up
    const t0 = performance.now();
    for (const f of fs) await vad.process(f);
    const us = ((performance.now() - t0) * 1000) / fs.length;
    vad.close();
    console.log(`  ${e.name}: ${us.toFixed(1)} us/frame (${(us / 200).toFixed(2)} % of a core per stream)`);
  }
}

/** N streams, each fed one frame every 20 ms by a timer, as decoded RTP would arrive. */
async function live(label: string, make: () => Promise<VoiceActivityDetector>, streams: number, clip: Int16Array, seconds = 5) {
  const vads = await Promise.all(Array.from({ length: streams }, make));
  const fs = frames(clip);
  const delay = monitorEventLoopDelay({ resolution: 1 });
  let lost = 0;
  let n = 0;
  const elu0 = performance.eventLoopUtilization();
  delay.enable();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      // Streams are phase-shifted as real calls are, so their windows do not all align.
      vads.forEach((v, i) => {
        const p = v.process(fs[(n + i * 7) % fs.length]!);
        if (p instanceof Promise) p.catch(() => lost++);
      });
      if (++n >= (seconds * 1000) / FRAME_MS) {
        clearInterval(timer);
        setTimeout(resolve, 100);
      }
    }, FRAME_MS);
  });
  delay.disable();
  const elu = performance.eventLoopUtilization(elu0);
  vads.forEach((v) => v.close());
  const ms = (ns: number) => (ns / 1e6).toFixed(1);
  console.log(
    `  ${label.padEnd(22)} ${String(streams).padStart(3)} streams: main thread busy ${(elu.utilization * 100).toFixed(1)} %, ` +
      `loop delay p50 ${ms(delay.percentile(50))} p99 ${ms(delay.percentile(99))} max ${ms(delay.max)} ms${lost ? `, ${lost} lost` : ''}`,
  );
}

const clips: Int16Array[] = [];
for (const voice of VOICES) for (const text of SENTENCES) clips.push(await speak(text, voice));
const mainModel = await SileroModel.load({ thread: 'main' });
const workerModel = await SileroModel.load({ thread: 'worker' });
const engines: Engine[] = [
  { name: 'silero', make: async () => mainModel.stream() },
  { name: 'webrtc-3', make: () => WebRtcVad.create({ mode: 3 }) },
  { name: 'webrtc-1', make: () => WebRtcVad.create({ mode: 1 }) },
];
console.log(`${clips.length} clips, ${(clips.reduce((s, c) => s + c.length, 0) / 16_000).toFixed(0)} s of speech; frame = ${FRAME_SAMPLES} samples`);
await accuracy(engines, clips);
await turns(engines, clips);
await cost([...engines, { name: 'silero (worker, round trip)', make: async () => workerModel.stream() }], clips[0]!);
console.log('\n4. event loop with live streams (idle timer alone first)');
await live('none (timer only)', () => WebRtcVad.create({ mode: 3 }), 0, clips[0]!);
for (const n of [1, 10, 50]) {
  await live('webrtc', () => WebRtcVad.create({ mode: 3 }), n, clips[0]!);
  await live('silero main thread', async () => mainModel.stream(), n, clips[0]!);
  await live('silero worker', async () => workerModel.stream(), n, clips[0]!);
}
await mainModel.close();
await workerModel.close();
