// Audio evidence for the e2e tests: envelopes, levels and how well two envelopes match.

/** RMS per 20 ms window of 16-bit PCM. */
export function envelope(pcm: Int16Array, sampleRateHz: number, windowMs = 20): number[] {
  const size = Math.round((sampleRateHz * windowMs) / 1000);
  const out: number[] = [];
  for (let i = 0; i + size <= pcm.length; i += size) {
    let sum = 0;
    for (let j = i; j < i + size; j++) sum += pcm[j]! * pcm[j]!;
    out.push(Math.sqrt(sum / size));
  }
  return out;
}

export function rms(pcm: Int16Array): number {
  let sum = 0;
  for (const s of pcm) sum += s * s;
  return pcm.length ? Math.sqrt(sum / pcm.length) : 0;
}

function pearson(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  let ma = 0, mb = 0;
  for (let i = 0; i < n; i++) (ma += a[i]!), (mb += b[i]!);
  ma /= n;
  mb /= n;
  let num = 0, da = 0, db = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i]! - ma, y = b[i]! - mb;
    num += x * y;
    da += x * x;
    db += y * y;
  }
  return da && db ? num / Math.sqrt(da * db) : 0;
}

/**
 * Best correlation of `captured` against the looped `reference` envelope over every lag
 * of one loop: the fake microphone loops its file, so capture starts anywhere in it.
 */
export function loopedCorrelation(captured: number[], reference: number[]): { correlation: number; lag: number } {
  let best = { correlation: -1, lag: 0 };
  for (let lag = 0; lag < reference.length; lag++) {
    const looped = captured.map((_, i) => reference[(i + lag) % reference.length]!);
    const c = pearson(captured, looped);
    if (c > best.correlation) best = { correlation: c, lag };
  }
  return best;
}

/** Concatenates 16 kHz frames. */
export function concat(frames: Int16Array[]): Int16Array {
  const out = new Int16Array(frames.reduce((n, f) => n + f.length, 0));
  let o = 0;
  for (const f of frames) (out.set(f, o), (o += f.length));
  return out;
}
