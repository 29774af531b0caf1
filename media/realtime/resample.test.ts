import { describe, expect, it } from 'vitest';
import { base64ToPcm, pcmToBase64, Resampler } from './resample.js';

function tone(hz: number, rateHz: number, samples: number, offset = 0): Int16Array {
  return Int16Array.from({ length: samples }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * hz * (i + offset)) / rateHz)));
}

/** Pearson correlation: how alike two signals are in shape. */
function correlation(a: Int16Array, b: Int16Array): number {
  const n = Math.min(a.length, b.length);
  let ab = 0, aa = 0, bb = 0;
  for (let i = 0; i < n; i++) {
    ab += a[i]! * b[i]!;
    aa += a[i]! ** 2;
    bb += b[i]! ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

describe('Resampler', () => {
  it('turns 20 ms at 16 kHz into 20 ms at 24 kHz, and back, piece after piece', () => {
    const up = new Resampler(16_000, 24_000);
    const down = new Resampler(24_000, 16_000);
    for (let i = 0; i < 50; i++) {
      const upped = up.push(tone(440, 16_000, 320, i * 320));
      expect(upped.length).toBe(480);
      expect(down.push(upped).length).toBe(320);
    }
  });

  it('keeps a voice-band tone the same tone across odd-sized pieces', () => {
    const up = new Resampler(16_000, 24_000);
    const input = tone(700, 16_000, 16_000);
    const pieces: Int16Array[] = [];
    for (let at = 0; at < input.length; at += 333) pieces.push(up.push(input.subarray(at, at + 333)));
    const out = Int16Array.from(pieces.flatMap((p) => [...p]));
    expect(Math.abs(out.length - 24_000)).toBeLessThanOrEqual(1);
    // One sample of delay (the carried sample) at 24 kHz.
    expect(correlation(out.subarray(1), tone(700, 24_000, 24_000))).toBeGreaterThan(0.99);
  });

  it('refuses a rate that is not positive', () => {
    expect(() => new Resampler(0, 24_000)).toThrow(TypeError);
  });

  it('carries PCM16 through base64 unchanged', () => {
    const pcm = Int16Array.from([0, 1, -1, 32767, -32768, 1234]);
    expect([...base64ToPcm(pcmToBase64(pcm))]).toEqual([...pcm]);
  });
});
