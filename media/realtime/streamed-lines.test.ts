import { describe, expect, it } from 'vitest';
import type { CallerUtterance } from '../caller/pipeline.js';
import { PCM_RATE_HZ } from '../format.js';
import { StreamedLines, type FinishedLine } from './streamed-lines.js';

const ms = (n: number) => new Int16Array((n * PCM_RATE_HZ) / 1000);
const TEXT = 'Help me please my kitchen is on fire and the smoke is everywhere and I cannot see the back door';

function lines() {
  const said: CallerUtterance[] = [];
  const finished: FinishedLine[] = [];
  const streamed = new StreamedLines((u) => said.push(u), (f) => finished.push(f));
  const playAll = () => said.splice(0).forEach((u) => streamed.played(u.id, (u.pcm.length * 1000) / PCM_RATE_HZ));
  return { streamed, finished, playAll };
}

describe('StreamedLines', () => {
  it('keeps the whole line when all its audio came and played', () => {
    const { streamed, finished, playAll } = lines();
    streamed.start('a');
    streamed.words('a', TEXT, true);
    streamed.audio('a', ms(6000));
    streamed.end('a');
    playAll();
    expect(finished).toEqual([expect.objectContaining({ text: TEXT, playedMs: 6000, cut: false })]);
  });

  it('keeps only what a fast talker says in the time played when cut before its audio was all in (the whole transcript came first and was kept)', () => {
    const { streamed, finished, playAll } = lines();
    streamed.start('a');
    streamed.words('a', TEXT, true);
    streamed.audio('a', ms(1000)); // the first second, every piece of it played
    playAll();
    streamed.cutAll();
    expect(finished).toHaveLength(1);
    expect(finished[0]!.cut).toBe(true);
    const heard = finished[0]!.text.split(' ');
    expect(heard.length).toBeGreaterThan(0);
    expect(heard.length).toBeLessThanOrEqual(4);
    expect(TEXT.startsWith(finished[0]!.text)).toBe(true);
  });

  it('keeps the words in proportion to the audio played when cut after all of it came', () => {
    const said: CallerUtterance[] = [];
    const finished: FinishedLine[] = [];
    const streamed = new StreamedLines((u) => said.push(u), (f) => finished.push(f));
    streamed.start('a');
    streamed.words('a', TEXT, true);
    streamed.audio('a', ms(6000));
    streamed.end('a');
    streamed.cutAll();
    // Half of the audio played before the cut.
    said.forEach((u, i) => streamed.played(u.id, i === 0 ? 3000 : 0));
    expect(finished[0]).toMatchObject({ cut: true, playedMs: 3000, text: TEXT.split(' ').slice(0, 10).join(' ') });
  });
});
