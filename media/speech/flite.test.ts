import { describe, expect, it } from 'vitest';
import { envelope } from '../testing/signals.js';
import { EMOTION_PRESETS } from './colour.js';
import { FliteSynthesizer } from './flite.js';
import { sentences } from './synthesizer.js';

const tts = new FliteSynthesizer();
const seconds = (pcm: Int16Array) => pcm.length / 16_000;

describe('FliteSynthesizer', () => {
  it('speaks 16 kHz mono PCM in each persona voice', async () => {
    for (const name of ['slt', 'rms', 'awb', 'kal']) {
      const pcm = await tts.synthesize('My kitchen is on fire.', { name });
      expect(seconds(pcm)).toBeGreaterThan(0.8);
      expect(seconds(pcm)).toBeLessThan(4);
      expect(Math.max(...envelope(pcm))).toBeGreaterThan(500);
    }
  });

  it('speaks faster when panicked and slower in shock', async () => {
    const text = 'He is not breathing, please hurry, please.';
    const calm = seconds(await tts.synthesize(text, { name: 'slt', emotion: 'calm' }));
    const panicked = seconds(await tts.synthesize(text, { name: 'slt', emotion: 'panicked' }));
    const shock = seconds(await tts.synthesize(text, { name: 'slt', emotion: 'in_shock' }));
    expect(panicked).toBeLessThan(calm * 0.9);
    expect(shock).toBeGreaterThan(calm * 1.1);
    expect(Object.keys(EMOTION_PRESETS).sort()).toEqual(['angry', 'anxious', 'calm', 'crying', 'hysterical', 'in_shock', 'panicked']);
  });

  it('passes any text safely and refuses an over-long one', async () => {
    const pcm = await tts.synthesize('It\'s "$HOME" `rm -rf /`; 911!', { name: 'rms' });
    expect(seconds(pcm)).toBeGreaterThan(0.5);
    expect(await tts.synthesize('   ', { name: 'rms' })).toHaveLength(0);
    await expect(tts.synthesize('x'.repeat(2001), { name: 'rms' })).rejects.toThrow(TypeError);
  });

  it('stops when aborted', async () => {
    const abort = new AbortController();
    const pending = tts.synthesize('A long sentence that takes a little while to make. '.repeat(20), { name: 'slt' }, abort.signal);
    abort.abort();
    await expect(pending).rejects.toThrow(/abort/i);
  });
});

describe('sentences', () => {
  it('splits a reply so the first sentence can play while the rest is made', () => {
    expect(sentences('Please hurry! He is not breathing. What do I do?')).toEqual(['Please hurry!', 'He is not breathing.', 'What do I do?']);
    expect(sentences('1420 Maple Avenue')).toEqual(['1420 Maple Avenue']);
    expect(sentences('')).toEqual([]);
  });
});
