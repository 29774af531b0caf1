import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRAME_MS } from '../format.js';
import { FliteSynthesizer } from '../speech/flite.js';
import { frames } from '../testing/signals.js';
import { SileroModel } from '../vad/vad.js';
import { PocketSphinxRecognizer } from './pocketsphinx.js';
import { Transcriber, type TranscribedLine } from './transcriber.js';

// One person's own stream written down with the real engines (Silero, PocketSphinx) on flite
// speech, fed faster than real time.

const LINE = 'Are there any weapons in the house?';
let vad: SileroModel;
let recognizer: PocketSphinxRecognizer;
let speech: Int16Array;

beforeAll(async () => {
  [vad, speech] = await Promise.all([SileroModel.load({ thread: 'main' }), new FliteSynthesizer().synthesize(LINE, { name: 'awb' })]);
  recognizer = new PocketSphinxRecognizer();
}, 60_000);
afterAll(async () => {
  await recognizer?.close();
  await vad?.close();
});

function transcriber(): { t: Transcriber; lines: TranscribedLine[] } {
  const t = new Transcriber({ vad: vad.stream(), recognizer: recognizer.prepare({}) });
  const lines: TranscribedLine[] = [];
  t.on('line', (line) => lines.push(line));
  return { t, lines };
}

/** Feeds `pcm` from `startMs` on; returns where it ended. */
function feed(t: Transcriber, pcm: Int16Array, startMs: number): number {
  let at = startMs;
  for (const frame of frames(pcm)) {
    t.hear(frame, at);
    at += FRAME_MS;
  }
  return at;
}

describe('a transcriber', () => {
  it('writes down each turn once it ends, at its time on the stream', async () => {
    const { t, lines } = transcriber();
    const silence = new Int16Array(16_000);
    let at = feed(t, silence, 5000);
    at = feed(t, speech, at);
    feed(t, silence, at);
    await t.settled();
    t.close();
    expect(lines).toHaveLength(1);
    expect(lines[0]!.text).toMatch(/weapons/);
    expect(lines[0]!.startMs).toBeGreaterThanOrEqual(5800);
    expect(lines[0]!.endMs).toBeLessThanOrEqual(at + FRAME_MS);
  }, 30_000);

  it('ends a turn left open when its stream stops (the instructor went back to listening)', async () => {
    const { t, lines } = transcriber();
    // Cut where the voice stops: no trailing silence to end the turn by itself.
    const last = speech.findLastIndex((s) => Math.abs(s) > 1000);
    feed(t, speech.subarray(0, last), feed(t, new Int16Array(8000), 0));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(lines).toEqual([]);
    t.flush();
    await t.settled();
    t.close();
    expect(lines.map((l) => l.text).join(' ')).toMatch(/weapons/);
  }, 30_000);

  it('keeps taking frames after a flush while they still arrive (regression: time stepped back and every later frame failed)', async () => {
    const { t, lines } = transcriber();
    const errors: Error[] = [];
    t.on('error', (e) => errors.push(e));
    const last = speech.findLastIndex((s) => Math.abs(s) > 1000);
    const at = feed(t, speech.subarray(0, last), 0);
    t.flush(); // the idle timer fired while frames were late
    feed(t, speech, at - 200);
    feed(t, new Int16Array(16_000), at + speech.length / 16);
    await t.settled();
    t.close();
    expect(errors).toEqual([]);
    expect(lines.length).toBeGreaterThanOrEqual(2);
  }, 30_000);
});
