import { correlation, envelope as windowedEnvelope } from '../media/testing/signals.js';

// Audio evidence for the e2e tests: envelopes, levels and how well two envelopes match.

/** RMS per 20 ms window, whatever the sample rate. */
export function envelope(pcm: Int16Array, sampleRateHz: number): number[] {
  return windowedEnvelope(pcm, Math.round(sampleRateHz / 50));
}

export function rms(pcm: Int16Array): number {
  let sum = 0;
  for (const s of pcm) sum += s * s;
  return pcm.length ? Math.sqrt(sum / pcm.length) : 0;
}

/**
 * Best correlation of `captured` against the looped `reference` envelope over every lag
 * of one loop: the fake microphone loops its file, so capture starts anywhere in it.
 */
export function loopedCorrelation(captured: number[], reference: number[]): { correlation: number; lag: number } {
  let best = { correlation: -1, lag: 0 };
  for (let lag = 0; lag < reference.length; lag++) {
    const looped = captured.map((_, i) => reference[(i + lag) % reference.length]!);
    const c = correlation(captured, looped);
    if (c > best.correlation) best = { correlation: c, lag };
  }
  return best;
}

/** Concatenates 16 kHz frames. */
export function concat(frames: Int16Array[]): Int16Array {
  const out = new Int16Array(frames.reduce((n, f) => n + f.length, 0));
  let offset = 0;
  for (const f of frames) {
    out.set(f, offset);
    offset += f.length;
  }
  return out;
}
