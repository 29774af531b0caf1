import { PCM_RATE_HZ } from './format.js';
import { createRandom } from './random.js';
import type { SpeechSynthesizer } from './speech/synthesizer.js';

// What an instructor can put behind the caller: a loop of 16 kHz PCM, made once per kind.
// Wind and sirens are synthesised here (seeded, so the same every time); a crowd and a TV are
// speech, so the speech engine makes them: several voices at once, or one tinny announcer.

export const BACKGROUNDS = ['crowd', 'sirens', 'wind', 'tv'] as const;
export type Background = (typeof BACKGROUNDS)[number];

const LOOP_S = 8;

/** A loop of `kind`, quiet enough to talk over (RMS about 1,500 of 32,767). */
export async function backgroundLoop(kind: Background, synthesizer: SpeechSynthesizer): Promise<Int16Array> {
  switch (kind) {
    case 'wind':
      return toPcm(normalize(wind(LOOP_S * PCM_RATE_HZ), 0.045));
    case 'sirens':
      return toPcm(normalize(siren(LOOP_S * PCM_RATE_HZ), 0.04));
    case 'crowd':
      return toPcm(normalize(await babble(synthesizer, CROWD_LINES, ['slt', 'rms', 'awb', 'kal'], 0.55), 0.05));
    case 'tv':
      return toPcm(normalize(await babble(synthesizer, TV_LINES, ['rms'], 0), 0.05));
  }
}

const CROWD_LINES = [
  'Did anybody see what happened over there?',
  'Somebody call for help, get back, give them room.',
  'I think he fell, oh my gosh.',
  'Is she okay? Can you hear me?',
  'Move back, move back please.',
  'I saw the whole thing, it was so fast.',
];
const TV_LINES = [
  'And in other news tonight, the city council voted on the new budget for the downtown district.',
  'Temperatures will drop overnight with a chance of showers by the morning commute.',
];

/** Brown noise (deep rumble) under slow gusts. */
function wind(n: number): Float32Array {
  const { next } = createRandom(7);
  const out = new Float32Array(n);
  let brown = 0;
  let gust = 0.5;
  for (let i = 0; i < n; i++) {
    brown = 0.995 * brown + (next() * 2 - 1) * 0.05;
    if (i % 1600 === 0) gust = 0.8 * gust + 0.2 * (0.2 + next());
    out[i] = brown * gust;
  }
  return out;
}

/** A wailing siren, 650 to 1,300 Hz and back every 4 s, with a little of its harmonic. */
function siren(n: number): Float32Array {
  const out = new Float32Array(n);
  let phase = 0;
  for (let i = 0; i < n; i++) {
    const t = i / PCM_RATE_HZ;
    const sweep = 0.5 - 0.5 * Math.cos((2 * Math.PI * t) / 4);
    phase += (2 * Math.PI * (650 + 650 * sweep)) / PCM_RATE_HZ;
    out[i] = Math.sin(phase) + 0.25 * Math.sin(2 * phase);
  }
  return out;
}

/** Voices talking over each other, each starting at its own point of the loop. */
async function babble(synthesizer: SpeechSynthesizer, lines: string[], voices: string[], spread: number): Promise<Float32Array> {
  const n = LOOP_S * PCM_RATE_HZ;
  const out = new Float32Array(n);
  const clips = await Promise.all(lines.map((line, i) => synthesizer.synthesize(line, { name: voices[i % voices.length]! })));
  let offset = 0;
  for (const clip of clips) {
    for (let i = 0; i < clip.length; i++) out[(offset + i) % n]! += clip[i]! / 32768;
    offset += spread > 0 ? Math.round(n * spread * 0.37) : clip.length;
  }
  return out;
}

function normalize(signal: Float32Array, targetRms: number): Float32Array {
  let sum = 0;
  for (const s of signal) sum += s * s;
  const rms = Math.sqrt(sum / Math.max(1, signal.length)) || 1;
  const gain = targetRms / rms;
  // Fade the loop's seam so it does not click each time round.
  const fade = Math.round(PCM_RATE_HZ * 0.05);
  return signal.map((s, i) => s * gain * Math.min(1, i / fade, (signal.length - 1 - i) / fade));
}

function toPcm(signal: Float32Array): Int16Array {
  return Int16Array.from(signal, (s) => Math.max(-32768, Math.min(32767, Math.round(s * 32768))));
}
