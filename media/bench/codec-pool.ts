// Round-trip latency of the worker pool under tsx (also proves the workers load there):
// `npx tsx media/bench/codec-pool.ts`. Simulates N calls each decoding one 20 ms packet and
// encoding one frame every 20 ms, and reports request latency and main-thread loop delay.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { CodecPool } from '../codec-pool.js';
import { OpusEncoder } from '../opus.js';
import { frames, speechLike } from '../testing/signals.js';

const CALLS = Number(process.argv[2] ?? 20);
const SECONDS = 5;

const startedAt = performance.now();
const pool = await CodecPool.create();
console.log(`pool of ${pool.workerCount} workers ready in ${(performance.now() - startedAt).toFixed(0)} ms`);

const pcm = frames(speechLike(1000));
const enc = new OpusEncoder();
const packets = pcm.map((f) => enc.encode(f));

const latencies: number[] = [];
const loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();
const calls = Array.from({ length: CALLS }, (_, i) => ({
  decoder: pool.createDecoder(`call-${i}`),
  encoder: pool.createEncoder(`call-${i}`),
}));

let tick = 0;
const t0 = performance.now();
await new Promise<void>((done) => {
  const step = () => {
    const k = tick++ % packets.length;
    for (const call of calls) {
      const sent = performance.now();
      void call.decoder.decode(packets[k]!).then(() => latencies.push(performance.now() - sent));
      void call.encoder.encode(pcm[k]!).then(() => latencies.push(performance.now() - sent));
    }
    if (tick >= SECONDS * 50) return done();
    setTimeout(step, t0 + tick * 20 - performance.now());
  };
  step();
});
await new Promise((r) => setTimeout(r, 100));
loop.disable();
latencies.sort((a, b) => a - b);
const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(2);
console.log(`${CALLS} calls x (decode + encode) every 20 ms for ${SECONDS} s: ${latencies.length} requests`);
console.log(`round trip ms: p50 ${q(0.5)}  p99 ${q(0.99)}  max ${q(1 - 1e-9)}`);
console.log(`main loop delay ms: p50 ${(loop.percentile(50) / 1e6).toFixed(2)}  p99 ${(loop.percentile(99) / 1e6).toFixed(2)}`);
await pool.close();
