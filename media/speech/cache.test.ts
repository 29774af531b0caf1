import { describe, expect, it } from 'vitest';
import { SpeechCache } from './cache.js';
import type { SpeechSynthesizer, SynthesisPriority, Voice } from './synthesizer.js';

/** A synthesizer the test controls: each request waits until released, and is counted. */
class HeldSynthesizer implements SpeechSynthesizer {
  readonly name = 'held';
  readonly capabilities = { streaming: false, voices: [] };
  readonly made: string[] = [];
  readonly priorities: SynthesisPriority[] = [];
  readonly #waiting: { text: string; release(fail?: boolean): void }[] = [];
  synthesize(text: string, voice: Voice, _signal?: AbortSignal, priority: SynthesisPriority = 'live'): Promise<Int16Array> {
    this.made.push(`${voice.emotion ?? 'calm'}:${text}`);
    this.priorities.push(priority);
    return new Promise((resolve, reject) => {
      this.#waiting.push({ text, release: (fail) => (fail ? reject(new Error('tts failed')) : resolve(new Int16Array(text.length * 100))) });
    });
  }
  get pending(): string[] {
    return this.#waiting.map((w) => w.text);
  }
  release(fail = false): void {
    this.#waiting.shift()?.release(fail);
  }
}

const voice: Voice = { name: 'slt', emotion: 'anxious' };
const tick = () => new Promise((r) => setImmediate(r));

describe('SpeechCache', () => {
  it('makes a sentence once per voice and emotion', async () => {
    const inner = new HeldSynthesizer();
    const cache = new SpeechCache(inner);
    const first = cache.synthesize('47 Willow Lane.', voice);
    inner.release();
    const pcm = await first;
    expect(await cache.synthesize('47  Willow Lane. ', voice)).toBe(pcm);
    const calm = cache.synthesize('47 Willow Lane.', { ...voice, emotion: 'calm' });
    inner.release();
    await calm;
    expect(inner.made).toEqual(['anxious:47 Willow Lane.', 'calm:47 Willow Lane.']);
    expect(cache.stats).toMatchObject({ hits: 1, misses: 2, sentences: 2 });
  });

  it('shares one synthesis between callers asking at once; an abort stops only its own wait', async () => {
    const inner = new HeldSynthesizer();
    const cache = new SpeechCache(inner);
    const abort = new AbortController();
    const a = cache.synthesize('I already said!', voice, abort.signal);
    const b = cache.synthesize('I already said!', voice);
    abort.abort();
    await expect(a).rejects.toMatchObject({ name: 'AbortError' });
    inner.release();
    expect((await b).length).toBe(1500);
    expect(inner.made).toHaveLength(1);
    expect(cache.has('I already said!', voice)).toBe(true);
  });

  it('makes prepared sentences one at a time, and only while no caller is waiting on one', async () => {
    const inner = new HeldSynthesizer();
    const cache = new SpeechCache(inner);
    const live = cache.synthesize('Oh God.', voice);
    cache.prepare(['47 Willow Lane.', 'Oh God.', 'Mom, stay with me.'], voice);
    await tick();
    expect(inner.pending).toEqual(['Oh God.']); // the reply first
    inner.release();
    await live;
    await tick();
    expect(inner.pending).toEqual(['47 Willow Lane.']);
    inner.release();
    await tick();
    await tick();
    expect(inner.pending).toEqual(['Mom, stay with me.']);
    inner.release();
    await tick();
    expect(cache.has('Mom, stay with me.', voice)).toBe(true);
    expect(inner.made).toHaveLength(3);
  });

  it('makes ahead at the lowest priority; a caller who needs that sentence now has it made at full priority', async () => {
    const inner = new HeldSynthesizer();
    const cache = new SpeechCache(inner);
    cache.prepare(['47 Willow Lane.'], voice);
    await tick();
    expect(inner.priorities).toEqual(['ahead']);
    const live = cache.synthesize('47 Willow Lane.', voice); // not left waiting on the busy cores
    expect(inner.priorities).toEqual(['ahead', 'live']);
    expect(inner.pending).toEqual(['47 Willow Lane.', '47 Willow Lane.']);
    inner.release(); // the one made ahead finishes first: dropped, the live one stands
    await tick();
    expect(cache.has('47 Willow Lane.', voice)).toBe(false);
    inner.release();
    const pcm = await live;
    expect(await cache.synthesize('47 Willow Lane.', voice)).toBe(pcm);
    expect(cache.stats).toMatchObject({ hits: 1, misses: 1, sentences: 1, bytes: pcm.byteLength });
  });

  it('keeps no failure, and forgets the least recently used sentences past its size', async () => {
    const inner = new HeldSynthesizer();
    const cache = new SpeechCache(inner, { maxBytes: 2 * 1000 * 2 });
    const failed = cache.synthesize('aaaaaaaaaa', voice);
    inner.release(true);
    await expect(failed).rejects.toThrow('tts failed');
    expect(cache.has('aaaaaaaaaa', voice)).toBe(false);
    for (const text of ['aaaaaaaaaa', 'bbbbbbbbbb', 'cccccccccc']) {
      const made = cache.synthesize(text, voice);
      inner.release();
      await made;
      await tick();
      if (text === 'bbbbbbbbbb') await cache.synthesize('aaaaaaaaaa', voice); // used again: kept
    }
    expect(['aaaaaaaaaa', 'bbbbbbbbbb', 'cccccccccc'].map((t) => cache.has(t, voice))).toEqual([true, false, true]);
  });

  it('is shared by everything that speaks through the same synthesizer', () => {
    const inner = new HeldSynthesizer();
    expect(SpeechCache.for(inner)).toBe(SpeechCache.for(inner));
    expect(SpeechCache.for(SpeechCache.for(inner))).toBe(SpeechCache.for(inner));
    expect(SpeechCache.for(new HeldSynthesizer())).not.toBe(SpeechCache.for(inner));
  });
});
