// Real audio through the real engines: flite speech and sox noise -> VAD -> TurnDetector, with
// the exact sequence of events and their stream times checked against where the speech is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidStateError } from '../errors.js';
import { FRAME_SAMPLES } from '../format.js';
import { frames } from '../testing/signals.js';
import { concat, mix, noise, play, silence, speak, speechBounds, type Heard } from './test-audio.js';
import { TURN_DEFAULTS, TurnDetector } from './turns.js';
import { SileroModel, WebRtcVad } from './vad.js';

const T0 = 60_000; // stream time of the first frame: nothing may assume a stream starts at 0
const TOLERANCE_MS = 100;

let model: SileroModel;
let sentence: Int16Array; // trimmed to its speech, so placement below is exact
let second: Int16Array;

beforeAll(async () => {
  model = await SileroModel.load({ thread: 'main' });
  const trim = (pcm: Int16Array) => {
    const b = speechBounds(pcm);
    return pcm.slice((b.startMs * 16) | 0, (b.endMs * 16) | 0);
  };
  sentence = trim(await speak('Nine one one, what is the address of your emergency?'));
  second = trim(await speak('My husband collapsed in the kitchen and he is not breathing.'));
});

afterAll(async () => {
  await model.close();
});

const types = (heard: Heard[]) => heard.map((h) => h.type);
const ends = (heard: Heard[]) => heard.flatMap((h) => (h.type === 'speechEnd' ? [h] : []));
const ms = (pcm: Int16Array) => (pcm.length / 16_000) * 1000;

describe('turns on Silero', () => {
  it('hears nothing in 3 s of silence', async () => {
    expect(await play(model.stream(), new TurnDetector(), silence(3000), T0)).toEqual([]);
  });

  it('gives one turn for a sentence in silence, placed within 100 ms of the real speech', async () => {
    const heard = await play(model.stream(), new TurnDetector(), concat(silence(1000), sentence, silence(1500)), T0);
    expect(types(heard)).toEqual(['speechStart', 'speechEnd']);
    const [start, end] = [heard[0]!, ends(heard)[0]!];
    const realStart = T0 + 1000;
    const realEnd = realStart + ms(sentence);
    expect(start.type === 'speechStart' && start.atMs).toBe(end.startMs);
    expect(Math.abs(end.startMs - realStart)).toBeLessThanOrEqual(TOLERANCE_MS);
    expect(Math.abs(end.endMs - realEnd)).toBeLessThanOrEqual(TOLERANCE_MS);
    expect(start.heardAtMs - end.startMs).toBeGreaterThanOrEqual(TURN_DEFAULTS.minSpeechMs);
    // The audio starts preRollMs before the onset and holds the whole sentence.
    expect(end.audioStartMs).toBe(end.startMs - TURN_DEFAULTS.preRollMs);
    expect(end.audio.length).toBe(((end.heardAtMs - end.audioStartMs) * FRAME_SAMPLES) / 20);
    expect(end.audioStartMs).toBeLessThan(realStart);
  });

  it('fires the endpoint endSilenceMs after the last speech frame, in stream time', async () => {
    for (const endSilenceMs of [300, 400, 500]) {
      const heard = await play(model.stream(), new TurnDetector({ endSilenceMs }), concat(silence(500), sentence, silence(1500)), T0);
      const end = ends(heard)[0]!;
      expect(end.heardAtMs - end.endMs).toBe(endSilenceMs);
      // ...which is endSilenceMs plus Silero's lag after the real end of the speech.
      const lag = end.heardAtMs - (T0 + 500 + ms(sentence)) - endSilenceMs;
      expect(lag).toBeGreaterThanOrEqual(-20);
      expect(lag).toBeLessThanOrEqual(TOLERANCE_MS);
    }
  });

  it('gives two turns for two sentences 1 s apart', async () => {
    const heard = await play(model.stream(), new TurnDetector(), concat(silence(800), sentence, silence(1000), second, silence(1000)), T0);
    expect(types(heard)).toEqual(['speechStart', 'speechEnd', 'speechStart', 'speechEnd']);
    const secondStart = T0 + 800 + ms(sentence) + 1000;
    expect(Math.abs(ends(heard)[1]!.startMs - secondStart)).toBeLessThanOrEqual(TOLERANCE_MS);
  });

  it('gives one turn for two sentences 150 ms apart', async () => {
    const heard = await play(model.stream(), new TurnDetector(), concat(silence(800), sentence, silence(150), second, silence(1000)), T0);
    expect(types(heard)).toEqual(['speechStart', 'speechEnd']);
    const end = ends(heard)[0]!;
    expect(Math.abs(end.endMs - (T0 + 800 + ms(sentence) + 150 + ms(second)))).toBeLessThanOrEqual(TOLERANCE_MS);
  });

  it('gives no turn for a 120 ms cough-like burst of brown or pink noise', async () => {
    for (const kind of ['brownnoise', 'pinknoise'] as const) {
      const burst = await noise(120, kind, -3);
      expect(await play(model.stream(), new TurnDetector(), concat(silence(500), burst, silence(1000), burst, silence(1000)), T0)).toEqual([]);
    }
  });

  it('gives no turn for 5 s of low-level white noise', async () => {
    expect(await play(model.stream(), new TurnDetector(), await noise(5000, 'whitenoise', -30), T0)).toEqual([]);
  });

  it('still finds the sentence under low-level white noise', async () => {
    const bed = await noise(4000, 'whitenoise', -35);
    const audio = mix(concat(silence(1000), sentence, silence(1500)), bed);
    expect(types(await play(model.stream(), new TurnDetector(), audio, T0))).toEqual(['speechStart', 'speechEnd']);
  });
});

describe('SileroVad', () => {
  const probabilities = async (pcm: Int16Array) => {
    const vad = model.stream();
    const out: number[] = [];
    for (const f of frames(pcm)) out.push(await vad.process(f));
    return out;
  };

  it('keeps streams apart when their windows run in one batch', async () => {
    const a = concat(silence(300), sentence);
    const b = concat(second, silence(300));
    const [alone, aloneB] = [await probabilities(a), await probabilities(b)];
    const [va, vb] = [model.stream(), model.stream()];
    const fa = frames(a);
    const fb = frames(b);
    const together: [number, number][] = [];
    for (let i = 0; i < Math.min(fa.length, fb.length); i++) together.push(await Promise.all([va.process(fa[i]!), vb.process(fb[i]!)]));
    together.forEach(([pa, pb], i) => {
      expect(pa).toBeCloseTo(alone[i]!, 4);
      expect(pb).toBeCloseTo(aloneB[i]!, 4);
    });
  });

  it('answers overlapping calls in order, as if they had been awaited one by one', async () => {
    const fs = frames(concat(silence(200), sentence));
    const vad = model.stream();
    const all = await Promise.all(fs.map((f) => vad.process(f)));
    expect(all).toEqual(await probabilities(concat(silence(200), sentence)));
  });

  it('forgets its history on reset()', async () => {
    const vad = model.stream();
    for (const f of frames(sentence)) await vad.process(f);
    vad.reset();
    const after: number[] = [];
    for (const f of frames(second)) after.push(await vad.process(f));
    expect(after).toEqual(await probabilities(second));
  });

  it('gives the same probabilities in a worker thread as on the main thread', async () => {
    const threaded = await SileroModel.load({ thread: 'worker' });
    try {
      const vad = threaded.stream();
      const out: number[] = [];
      for (const f of frames(sentence)) out.push(await vad.process(f));
      const main = await probabilities(sentence);
      out.forEach((p, i) => expect(p).toBeCloseTo(main[i]!, 5));
    } finally {
      await threaded.close();
    }
    expect(() => threaded.stream()).toThrow(InvalidStateError);
  });
});

describe('WebRtcVad', () => {
  it('finds the sentence and stays silent in silence', async () => {
    const heard = await play(await WebRtcVad.create(), new TurnDetector(), concat(silence(1000), sentence, silence(1500)), T0);
    expect(types(heard)).toEqual(['speechStart', 'speechEnd']);
    expect(await play(await WebRtcVad.create(), new TurnDetector(), silence(2000), T0)).toEqual([]);
  });

  it('takes a 120 ms noise burst for a turn, which is why Silero is the default', async () => {
    const heard = await play(await WebRtcVad.create({ mode: 3 }), new TurnDetector(), concat(silence(500), await noise(120, 'brownnoise', -3), silence(1000)), T0);
    expect(types(heard)).toEqual(['speechStart', 'speechEnd']);
  });
});
