// Test signals and measures shared by the media tests and benchmarks.

/**
 * Speech-like test audio at 16 kHz: a few harmonics of a gliding pitch, amplitude-modulated
 * at a syllable rate (~4 Hz) with short pauses, so its energy envelope has a shape to match.
 */
export function speechLike(ms: number, rateHz = 16_000): Int16Array {
  const n = Math.round((ms * rateHz) / 1000);
  const out = new Int16Array(n);
  let phase = 0;
  for (let i = 0; i < n; i++) {
    const t = i / rateHz;
    const f0 = 140 + 40 * Math.sin(2 * Math.PI * 0.7 * t);
    phase += (2 * Math.PI * f0) / rateHz;
    const syllable = Math.max(0, Math.sin(2 * Math.PI * 3.7 * t)) ** 1.5;
    const voice = Math.sin(phase) + 0.5 * Math.sin(2 * phase) + 0.3 * Math.sin(3 * phase) + 0.15 * Math.sin(5 * phase);
    out[i] = Math.round(9000 * syllable * voice);
  }
  return out;
}

/** A pure tone at 16 kHz. */
export function sine(ms: number, hz: number, amplitude = 8000, rateHz = 16_000): Int16Array {
  const n = Math.round((ms * rateHz) / 1000);
  return Int16Array.from({ length: n }, (_, i) => Math.round(amplitude * Math.sin((2 * Math.PI * hz * i) / rateHz)));
}

/** RMS per window: the energy envelope. */
export function envelope(pcm: Int16Array, window = 320): number[] {
  const out: number[] = [];
  for (let start = 0; start + window <= pcm.length; start += window) {
    let sum = 0;
    for (let i = start; i < start + window; i++) sum += pcm[i]! * pcm[i]!;
    out.push(Math.sqrt(sum / window));
  }
  return out;
}

/** Pearson correlation of two equally long series. */
export function correlation(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  const mean = (x: readonly number[]) => x.slice(0, n).reduce((s, v) => s + v, 0) / n;
  const ma = mean(a);
  const mb = mean(b);
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < n; i++) {
    num += (a[i]! - ma) * (b[i]! - mb);
    da += (a[i]! - ma) ** 2;
    db += (b[i]! - mb) ** 2;
  }
  return num / Math.sqrt(da * db);
}

/** Cuts PCM into 320-sample frames, zero-padding the last. */
export function frames(pcm: Int16Array, size = 320): Int16Array[] {
  const out: Int16Array[] = [];
  for (let i = 0; i < pcm.length; i += size) {
    const f = new Int16Array(size);
    f.set(pcm.subarray(i, i + size));
    out.push(f);
  }
  return out;
}
