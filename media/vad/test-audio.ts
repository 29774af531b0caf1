// Test audio for the VAD and turn tests and the VAD benchmark: real synthetic speech from
// flite, noise from sox (run with -R so every run gets the same samples), and a harness that
// plays PCM through a VAD and a TurnDetector in stream time.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FRAME_MS, FRAME_SAMPLES, samplesForMs } from '../format.js';
import type { TurnDetector, TurnEvent } from './turns.js';
import type { VoiceActivityDetector } from './vad.js';

const run = promisify(execFile);
const RAW = ['-t', 'raw', '-r', '16000', '-e', 'signed', '-b', '16', '-c', '1'];

function pcm(buf: Buffer): Int16Array {
  return new Int16Array(buf.buffer, buf.byteOffset, buf.length >> 1).slice();
}

/** flite's rms voice (natively 16 kHz), as the brief's `flite -voice rms -t ... -o x.wav`. */
export async function speak(text: string, voice = 'rms'): Promise<Int16Array> {
  const dir = await mkdtemp(join(tmpdir(), 'ringdown-vad-'));
  try {
    const wav = join(dir, 'x.wav');
    await run('flite', ['-voice', voice, '-t', text, '-o', wav]);
    const { stdout } = await run('sox', [wav, ...RAW, '-'], { encoding: 'buffer', maxBuffer: 64 << 20 });
    return pcm(stdout);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `sox synth` noise: kind is whitenoise, pinknoise or brownnoise; level in dBFS (peak). */
export async function noise(ms: number, kind: 'whitenoise' | 'pinknoise' | 'brownnoise', levelDb: number): Promise<Int16Array> {
  const args = ['-R', '-n', ...RAW, '-', 'synth', String(ms / 1000), kind, 'gain', '-n', String(levelDb)];
  const { stdout } = await run('sox', args, { encoding: 'buffer', maxBuffer: 64 << 20 });
  return pcm(stdout);
}

export function silence(ms: number): Int16Array {
  return new Int16Array(samplesForMs(ms));
}

export function concat(...parts: Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** a + b sample by sample (b looped to a's length), clipped to 16 bits. */
export function mix(a: Int16Array, b: Int16Array): Int16Array {
  return a.map((v, i) => Math.max(-32768, Math.min(32767, v + b[i % b.length]!)));
}

/**
 * Where the speech really is: first and last 10 ms window above -50 dBFS (flite's pauses are
 * digital near-silence, so this is exact to a window). Ms from the start of `pcm`.
 */
export function speechBounds(pcm: Int16Array, thresholdRms = 100): { startMs: number; endMs: number } {
  const w = samplesForMs(10);
  let first = -1;
  let last = -1;
  for (let i = 0; i + w <= pcm.length; i += w) {
    let sum = 0;
    for (let j = i; j < i + w; j++) sum += pcm[j]! * pcm[j]!;
    if (Math.sqrt(sum / w) > thresholdRms) {
      if (first < 0) first = i;
      last = i + w;
    }
  }
  if (first < 0) throw new Error('no speech in this audio');
  return { startMs: (first * 1000) / 16_000, endMs: (last * 1000) / 16_000 };
}

/** Per-frame truth for the benchmark: a frame is speech if any 10 ms of it is above -50 dBFS. */
export function speechFrames(pcm: Int16Array, thresholdRms = 100): boolean[] {
  const out: boolean[] = [];
  const w = samplesForMs(10);
  for (let f = 0; f + FRAME_SAMPLES <= pcm.length; f += FRAME_SAMPLES) {
    let any = false;
    for (let i = f; i < f + FRAME_SAMPLES; i += w) {
      let sum = 0;
      for (let j = i; j < i + w; j++) sum += pcm[j]! * pcm[j]!;
      any ||= Math.sqrt(sum / w) > thresholdRms;
    }
    out.push(any);
  }
  return out;
}

/** An event as seen by a listener, stamped with the stream time of the frame that caused it. */
export type Heard = TurnEvent & { heardAtMs: number };

/**
 * Plays PCM through vad -> detector frame by frame starting at stream time `startMs`, as the
 * server would (each frame awaited before the next), and returns what the detector emitted.
 */
export async function play(vad: VoiceActivityDetector, detector: TurnDetector, audio: Int16Array, startMs = 0): Promise<Heard[]> {
  const heard: Heard[] = [];
  let now = 0;
  const onStart = (e: TurnEvent) => heard.push({ ...e, heardAtMs: now });
  detector.on('speechStart', onStart);
  detector.on('speechEnd', onStart);
  try {
    for (let i = 0, at = startMs; i < audio.length; i += FRAME_SAMPLES, at += FRAME_MS) {
      const frame = new Int16Array(FRAME_SAMPLES);
      frame.set(audio.subarray(i, i + FRAME_SAMPLES));
      const p = await vad.process(frame);
      now = at + FRAME_MS; // the frame is complete (and can be acted on) at its end
      detector.push(frame, at, p);
    }
  } finally {
    detector.off('speechStart', onStart);
    detector.off('speechEnd', onStart);
  }
  return heard;
}
