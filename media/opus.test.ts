import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { FRAME_SAMPLES } from './format.js';
import { OpusDecoder, OpusEncoder, silence } from './opus.js';
import { correlation, envelope, frames, sine, speechLike } from './testing/signals.js';

const require = createRequire(import.meta.url);
const { OpusEncoder: Native } = require('@discordjs/opus') as typeof import('@discordjs/opus');

describe('OpusEncoder and OpusDecoder', () => {
  it('round-trip 20 ms frames of speech-like audio at 16 kHz with the envelope kept', () => {
    const input = speechLike(2000);
    const enc = new OpusEncoder();
    const dec = new OpusDecoder();
    const out = frames(input).map((f) => {
      const packet = enc.encode(f);
      expect(packet.length).toBeGreaterThan(0);
      expect(packet.length).toBeLessThan(200); // ~80 bytes at 32 kbit/s
      const pcm = dec.decode(packet);
      expect(pcm.length).toBe(FRAME_SAMPLES);
      return pcm;
    });
    const decoded = new Int16Array(out.length * FRAME_SAMPLES);
    out.forEach((f, i) => decoded.set(f, i * FRAME_SAMPLES));
    expect(correlation(envelope(input), envelope(decoded))).toBeGreaterThan(0.9);
    expect(dec.stats).toEqual({ frames: 100, errors: 0 });
  });

  it('decodes 10, 40 and 60 ms packets to their own length', () => {
    const dec = new OpusDecoder();
    for (const [ms, samples] of [
      [10, 160],
      [40, 640],
      [60, 960],
    ] as const) {
      const native = new Native(16_000, 1);
      const packet = native.encode(Buffer.from(sine(ms, 300).buffer));
      expect(dec.decode(packet).length).toBe(samples);
    }
  });

  it('decodes a 48 kHz stereo packet, as a browser sends it, to 320 mono samples at 16 kHz', () => {
    const native = new Native(48_000, 2);
    const stereo = new Int16Array(960 * 2);
    const tone = sine(20, 440, 8000, 48_000);
    tone.forEach((v, i) => {
      stereo[2 * i] = v;
      stereo[2 * i + 1] = v;
    });
    const dec = new OpusDecoder();
    for (let i = 0; i < 5; i++) expect(dec.decode(native.encode(Buffer.from(stereo.buffer))).length).toBe(320);
  });

  it('rejects frames that are not exactly 320 samples, and empty or corrupt packets', () => {
    const enc = new OpusEncoder();
    expect(() => enc.encode(new Int16Array(319))).toThrow(/320-sample frames, got 319/);
    const dec = new OpusDecoder();
    expect(() => dec.decode(new Uint8Array())).toThrow(TypeError);
    expect(() => dec.decode(Uint8Array.of(0xff, 0xff, 0xff))).toThrow(/Opus decode failed/);
    expect(dec.stats.errors).toBe(1);
  });

  it('makes silence of the length of a reported gap', () => {
    expect(silence(40).length).toBe(640);
    expect(silence(20).every((v) => v === 0)).toBe(true);
    expect(new OpusDecoder().conceal(7.5).length).toBe(120);
    expect(() => silence(-1)).toThrow(TypeError);
  });

  it('rejects an out-of-range complexity', () => {
    expect(() => new OpusEncoder({ complexity: 11 })).toThrow(TypeError);
  });
});
