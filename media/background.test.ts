import { describe, expect, it } from 'vitest';
import { BACKGROUNDS, backgroundLoop } from './background.js';
import { PCM_RATE_HZ } from './format.js';
import { FliteSynthesizer } from './speech/flite.js';

const flite = new FliteSynthesizer();

function rms(pcm: Int16Array, from = 0, to = pcm.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += pcm[i]! * pcm[i]!;
  return Math.sqrt(sum / Math.max(1, to - from));
}

/** Zero crossings per second over a window: twice the frequency of a tone. */
function crossingsPerSecond(pcm: Int16Array, from: number, to: number): number {
  let n = 0;
  for (let i = from + 1; i < to; i++) if (pcm[i - 1]! < 0 !== pcm[i]! < 0) n++;
  return (n * PCM_RATE_HZ) / (to - from);
}

describe('background noise behind the caller', () => {
  it.each(BACKGROUNDS)('makes an 8 s loop of %s quiet enough to talk over', async (kind) => {
    const loop = await backgroundLoop(kind, flite);
    expect(loop.length).toBe(8 * PCM_RATE_HZ);
    expect(rms(loop)).toBeGreaterThan(800);
    expect(rms(loop)).toBeLessThan(2500);
    expect(Math.abs(loop[0]!)).toBeLessThan(50); // no click where the loop joins
  });

  it('makes the same wind every time', async () => {
    expect(await backgroundLoop('wind', flite)).toEqual(await backgroundLoop('wind', flite));
  });

  it('sweeps the siren between about 650 and 1,300 Hz', async () => {
    const loop = await backgroundLoop('sirens', flite);
    const at = (s: number) => crossingsPerSecond(loop, s * PCM_RATE_HZ, s * PCM_RATE_HZ + 1600) / 2;
    expect(at(0.1)).toBeGreaterThan(600);
    expect(at(0.1)).toBeLessThan(750);
    expect(at(2)).toBeGreaterThan(1200);
    expect(at(2)).toBeLessThan(1350);
  });
});
