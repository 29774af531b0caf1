import { afterEach, describe, expect, it } from 'vitest';
import { LinePlayer } from '../testing/line-player.js';
import { StreamedLines, type FinishedLine } from './streamed-lines.js';

// A streamed reply played through the caller's real voice (its packets dropped): what the
// listener heard of it is what the player reports, in ms and in words.

const players: LinePlayer[] = [];
afterEach(() => players.splice(0).forEach((p) => p.close()));

function lines() {
  const player = new LinePlayer();
  players.push(player);
  const finished: FinishedLine[] = [];
  return { player, finished, lines: new StreamedLines(player, (line) => finished.push(line)) };
}

const ms = (n: number) => new Int16Array(n * 16).fill(3000);

describe('StreamedLines', () => {
  it('reports a reply played to its end whole', async () => {
    const { lines: streamed, finished } = lines();
    streamed.start('a');
    streamed.words('a', 'My kitchen is on fire!', true);
    streamed.audio('a', ms(200));
    streamed.end('a');
    await expect.poll(() => finished.length, { timeout: 5000 }).toBe(1);
    expect(finished[0]).toMatchObject({ itemId: 'a', text: 'My kitchen is on fire!', cut: false });
    expect(finished[0]!.playedMs).toBeCloseTo(200, -1);
  });

  it('regression: a reply talked over before any of its audio came was stored whole; nothing of it was heard', async () => {
    const { lines: streamed, finished } = lines();
    streamed.start('a');
    streamed.words('a', 'Help me please, my kitchen is on fire', true);
    streamed.cutAll();
    streamed.audio('a', ms(200)); // what still comes of it is never played
    await expect.poll(() => finished.length, { timeout: 5000 }).toBe(1);
    expect(finished[0]).toMatchObject({ itemId: 'a', text: '', playedMs: 0, cut: true });
    expect(streamed.playing).toBe(false);
  });

  it('keeps the words in proportion to the audio played when the player is stopped mid-reply', async () => {
    const { player, lines: streamed, finished } = lines();
    streamed.start('a');
    streamed.words('a', 'one two three four five six seven eight nine ten', true);
    streamed.audio('a', ms(1000));
    streamed.end('a');
    await new Promise((r) => setTimeout(r, 500));
    streamed.cutAll();
    player.stop();
    await expect.poll(() => finished.length, { timeout: 5000 }).toBe(1);
    expect(finished[0]!.cut).toBe(true);
    const words = finished[0]!.text.split(' ').filter(Boolean).length;
    expect(words).toBeGreaterThanOrEqual(3);
    expect(words).toBeLessThanOrEqual(7);
  });

  it('keeps only what a fast talker says in the time played when cut before its audio was all in (the whole transcript came first)', async () => {
    const { player, lines: streamed, finished } = lines();
    const text = 'Help me please my kitchen is on fire and the smoke is everywhere and I cannot see the back door';
    streamed.start('a');
    streamed.words('a', text, true);
    streamed.audio('a', ms(1000)); // the first second; the rest never comes
    await new Promise((r) => setTimeout(r, 1300));
    streamed.cutAll();
    player.stop();
    await expect.poll(() => finished.length, { timeout: 5000 }).toBe(1);
    expect(finished[0]!.cut).toBe(true);
    const heard = finished[0]!.text.split(' ').filter(Boolean);
    expect(heard.length).toBeGreaterThan(0);
    expect(heard.length).toBeLessThanOrEqual(4);
    expect(text.startsWith(finished[0]!.text)).toBe(true);
  });
});
