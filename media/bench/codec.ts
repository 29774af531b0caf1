// Per-frame Opus cost on this machine: `npx tsx media/bench/codec.ts`.
// Decode is measured on what the trainee's browser sends (48 kHz stereo-capable Opus, ~32
// kbit/s) decoded to 16 kHz mono; encode on the caller's 16 kHz VOIP path.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { OpusDecoder, OpusEncoder } from '../opus.js';
import { frames, speechLike } from '../testing/signals.js';

const require = createRequire(import.meta.url);
const { OpusEncoder: Native } = require('@discordjs/opus') as typeof import('@discordjs/opus');

const FRAMES = 5000; // 100 s of audio
const speech16k = frames(speechLike(FRAMES * 20));

function browserPackets(): Buffer[] {
  const native = new Native(48_000, 1);
  native.applyEncoderCTL(4000, 2048);
  native.setBitrate(32_000);
  const speech48k = speechLike(FRAMES * 20, 48_000);
  return frames(speech48k, 960).map((f) => native.encode(Buffer.from(f.buffer)));
}

function usPerFrame(run: () => void): number {
  run(); // warm up
  const t0 = performance.now();
  run();
  return ((performance.now() - t0) * 1000) / FRAMES;
}

const packets = browserPackets();
const decodeUs = usPerFrame(() => {
  const dec = new OpusDecoder();
  for (const p of packets) dec.decode(p);
});
const encodeUs = (complexity: number) =>
  usPerFrame(() => {
    const enc = new OpusEncoder({ complexity });
    for (const f of speech16k) enc.encode(f);
  });

console.log(`decode 48k Opus -> 16 kHz mono: ${decodeUs.toFixed(1)} us/frame (${(decodeUs / 200).toFixed(2)} % of a core per stream)`);
for (const c of [5, 10]) {
  const us = encodeUs(c);
  console.log(`encode 16 kHz VOIP 32 kbit/s complexity ${c}: ${us.toFixed(1)} us/frame (${(us / 200).toFixed(2)} % of a core)`);
}
