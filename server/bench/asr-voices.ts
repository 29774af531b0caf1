// The voices bench:asr speaks its lines with, and what happens to them on the way: a voice is
// "engine:name", optionally "@<cents>/<tempo>" (sox shifts pitch and pace: a voice none of the
// engines has), "+noise<dB>" (noise at that signal-to-noise ratio) and "+opus" (encoded and
// decoded by libopus at the call's settings, as a trainee's microphone reaches the recogniser).
// Engines: flite (rms, slt, awb, kal16), festival's HTS voice (hts:slt), espeak-ng (any of its
// voice names, e.g. en-us+m3). Synthesised audio is cached on disk by voice and text, so a
// rerun of the bench spends its time recognising.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FRAME_SAMPLES, PCM_RATE_HZ } from '../../media/format.js';
import { OpusDecoder, OpusEncoder } from '../../media/opus.js';
import { createRandom } from '../../media/random.js';

export interface BenchVoice {
  spec: string;
  /** Synthesises (into the cache) every text not there yet. */
  prepare(texts: readonly string[]): Promise<void>;
  speak(text: string): Promise<Int16Array>;
}

const CACHE = path.join(tmpdir(), 'ringdown-bench-asr-voices');
const TO_PCM = `-t raw -r ${PCM_RATE_HZ} -e signed -b 16 -c 1 -`;

/** Parses "engine:name[@cents/tempo][+noise<dB>][+opus]". */
export function benchVoice(spec: string): BenchVoice {
  const m = /^(flite|hts|espeak):([\w-]+(?:\+(?!noise\d|opus)[\w-]+)*)(?:@([+-]?\d+)\/([\d.]+))?((?:\+noise\d+|\+opus)*)$/.exec(spec);
  if (!m) throw new TypeError(`bad voice ${spec}: want engine:name[@cents/tempo][+noise<dB>][+opus]`);
  const [, engine, name, cents, tempo, after = ''] = m;
  const shift = cents ? `pitch ${Number(cents)} tempo -s ${Number(tempo)}` : '';
  const noiseDb = /\+noise(\d+)/.exec(after)?.[1];
  const opus = after.includes('+opus');
  const key = `${engine}:${name}:${shift}`;
  const source =
    engine === 'flite'
      ? `flite -voice ${name} -t "$BENCH_TEXT" -o /dev/stdout | sox -q -t wav - ${TO_PCM} ${shift}`
      : `espeak-ng -v ${name} --stdout "$BENCH_TEXT" | sox -q -t wav - ${TO_PCM} ${shift}`;
  return {
    spec,
    async prepare(texts) {
      await mkdir(CACHE, { recursive: true });
      const missing = (await Promise.all(texts.map(async (t) => ((await exists(cacheFile(key, t))) ? [] : [t])))).flat();
      if (engine === 'hts') return festivalBatch(name!, shift, key, missing);
      // A few processes at a time: synthesis is cheap next to recognition, but not free.
      await Promise.all(Array.from({ length: 3 }, async (_, k) => {
        for (let i = k; i < missing.length; i += 3) await store(cacheFile(key, missing[i]!), await run(source, { BENCH_TEXT: missing[i]! }));
      }));
    },
    async speak(text) {
      const bytes = await readFile(cacheFile(key, text)).catch(() => {
        throw new Error(`${spec} has not synthesised "${text}": call prepare() first`);
      });
      let pcm: Int16Array = new Int16Array(new Uint8Array(bytes).buffer);
      if (noiseDb) pcm = addNoise(pcm, Number(noiseDb), text);
      if (opus) pcm = throughOpus(pcm);
      return pcm;
    },
  };
}

const cacheFile = (voice: string, text: string) => path.join(CACHE, `${createHash('sha1').update(`${voice}\n${text}`).digest('hex')}.raw`);
const exists = (file: string) => stat(file).then(() => true, () => false);
/** Written whole or not at all: two benches may share the cache. */
async function store(file: string, bytes: Buffer): Promise<void> {
  const partial = `${file}.${process.pid}`;
  await writeFile(partial, bytes);
  await rename(partial, file);
}

/**
 * festival loads the HTS voice in seconds, then speaks a line in a fraction of that: one
 * process speaks the whole batch, each line to its own WAV file (it seeks in its output, so
 * never a pipe), and sox brings each to 16 kHz PCM.
 */
async function festivalBatch(name: string, shift: string, key: string, texts: readonly string[]): Promise<void> {
  if (texts.length === 0) return;
  const dir = await mkdtemp(path.join(tmpdir(), 'ringdown-bench-hts-'));
  try {
    const quoted = (t: string) => `"${t.replace(/["\\]/g, ' ')}"`;
    const script = [`(voice_cmu_us_${name}_arctic_hts)`, ...texts.map((t, i) => `(utt.save.wave (utt.synth (Utterance Text ${quoted(t)})) "${dir}/${i}.wav" 'riff)`)];
    await writeFile(path.join(dir, 'batch.scm'), script.join('\n') + '\n');
    await run(`festival -b "${dir}/batch.scm"`, {});
    for (const [i, text] of texts.entries()) await store(cacheFile(key, text), await run(`sox -q "${dir}/${i}.wav" ${TO_PCM} ${shift}`, {}));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Noise at `snrDb` below the speech's own power: white noise through a one-pole low-pass, a
 * rough stand-in for room and line hiss. Seeded (by the line), so reruns hear the same noise.
 */
export function addNoise(pcm: Int16Array, snrDb: number, seed: string, speechSamples = pcm.length): Int16Array {
  // The speech's power, over its first `speechSamples` (a turn's trailing quiet gets hiss too).
  let power = 0;
  for (let i = 0; i < speechSamples; i++) power += pcm[i]! ** 2;
  power /= Math.max(1, speechSamples);
  const random = createRandom(createHash('sha1').update(seed).digest().readUInt32LE(0));
  const raw = new Float64Array(pcm.length);
  let low = 0;
  let noisePower = 0;
  for (let i = 0; i < raw.length; i++) {
    low = 0.7 * low + 0.3 * (random.next() * 2 - 1);
    raw[i] = low;
    noisePower += low * low;
  }
  noisePower /= Math.max(1, raw.length);
  const gain = Math.sqrt(power / Math.max(1e-12, noisePower) / 10 ** (snrDb / 10));
  return Int16Array.from(pcm, (s, i) => Math.max(-32768, Math.min(32767, Math.round(s + gain * raw[i]!))));
}

/** Through libopus and back, 20 ms at a time, at the project's encoder settings. */
function throughOpus(pcm: Int16Array): Int16Array {
  const encoder = new OpusEncoder();
  const decoder = new OpusDecoder();
  const frames = Math.ceil(pcm.length / FRAME_SAMPLES);
  const out = new Int16Array(frames * FRAME_SAMPLES);
  for (let f = 0; f < frames; f++) {
    const frame = new Int16Array(FRAME_SAMPLES);
    frame.set(pcm.subarray(f * FRAME_SAMPLES, (f + 1) * FRAME_SAMPLES));
    out.set(decoder.decode(encoder.encode(frame)), f * FRAME_SAMPLES);
  }
  return out;
}

function run(script: string, env: Record<string, string>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/bash', ['-o', 'pipefail', '-c', script], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`${script.split(' ')[0]} failed (${code}): ${err.trim().slice(0, 300)}`))));
  });
}
