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
 * Best correlation of `captured` against the looped `reference` envelope over every lag of one
 * loop: the fake microphone loops its file, so capture starts anywhere in it. The correlation is
 * the mean over one-second windows (50 envelope values), all at the one lag: the browser's
 * automatic gain control starts loud and settles over the first seconds of a call, so the level
 * drifts between windows while the words, and their timing, must match throughout.
 */
export function loopedCorrelation(captured: number[], reference: number[], window = 50): { correlation: number; lag: number } {
  let best = { correlation: -1, lag: 0 };
  for (let lag = 0; lag < reference.length; lag++) {
    const looped = captured.map((_, i) => reference[(i + lag) % reference.length]!);
    const windows: number[] = [];
    for (let at = 0; at + window <= captured.length; at += window) {
      const a = captured.slice(at, at + window);
      const b = looped.slice(at, at + window);
      // A window of silence in either says nothing of the match.
      if (Math.max(...a) - Math.min(...a) > 1 && Math.max(...b) - Math.min(...b) > 1) windows.push(correlation(a, b));
    }
    const c = windows.length ? windows.reduce((x, y) => x + y, 0) / windows.length : -1;
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
