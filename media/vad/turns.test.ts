// The turn detector alone, fed scripted probabilities: every timing rule checked to the frame.
import { describe, expect, it } from 'vitest';
import { InvalidStateError } from '../errors.js';
import { FRAME_MS, FRAME_SAMPLES } from '../format.js';
import { TurnDetector, type TurnDetectorOptions, type TurnEvent } from './turns.js';

type Seen = TurnEvent & { heardAtMs: number };

/**
 * Plays a script of [probability, ms] segments from stream time `t0`. Each frame's samples
 * hold its own start time / 20, so tests can tell which frames ended up in a turn's audio.
 */
function run(script: [number, number][], options: TurnDetectorOptions = {}, t0 = 10_000) {
  const d = new TurnDetector(options);
  const seen: Seen[] = [];
  // An event is heard when the frame that caused it is complete: at that frame's end.
  let now = 0;
  d.on('speechStart', (e) => seen.push({ ...e, heardAtMs: now }));
  d.on('speechEnd', (e) => seen.push({ ...e, heardAtMs: now }));
  let at = t0;
  for (const [p, ms] of script) {
    for (let i = 0; i < ms / FRAME_MS; i++, at += FRAME_MS) {
      now = at + FRAME_MS;
      d.push(new Int16Array(FRAME_SAMPLES).fill(at / FRAME_MS), at, p);
    }
  }
  const brief = seen.map((e) => {
    const { audio: _audio, ...rest } = e as Seen & { audio?: Int16Array };
    return rest;
  });
  return { d, seen, brief };
}

describe('TurnDetector', () => {
  it('hears nothing in silence', () => {
    expect(run([[0, 5000]]).seen).toEqual([]);
  });

  it('starts a turn at the real onset once speech has lasted minSpeechMs, and ends it endSilenceMs after the last speech frame', () => {
    const { brief } = run([[0, 1000], [0.9, 1500], [0.1, 1000]]);
    expect(brief).toEqual([
      { type: 'speechStart', atMs: 11_000, heardAtMs: 11_200 },
      { type: 'speechEnd', startMs: 11_000, endMs: 12_500, audioStartMs: 10_700, reason: 'silence', heardAtMs: 12_900 },
    ]);
  });

  it('puts the pre-roll, the speech and the trailing silence into the turn audio, in order', () => {
    const { seen } = run([[0, 1000], [0.9, 500], [0, 600]]);
    const end = seen[1]!;
    if (end.type !== 'speechEnd') throw new Error('expected speechEnd');
    const starts = Array.from({ length: end.audio.length / FRAME_SAMPLES }, (_, i) => end.audio[i * FRAME_SAMPLES]! * FRAME_MS);
    const expected = Array.from({ length: (1900 - 700) / FRAME_MS }, (_, i) => 10_700 + i * FRAME_MS);
    expect(starts).toEqual(expected);
  });

  it('never starts a turn for a 120 ms burst, however loud', () => {
    expect(run([[0, 500], [1, 120], [0, 1000]]).seen).toEqual([]);
  });

  it('says at the first speech frame that a turn may be starting, and drops the candidate a burst turns out to be', () => {
    const d = new TurnDetector();
    const heard: string[] = [];
    d.on('candidate', (atMs) => heard.push(`candidate ${atMs}`));
    d.on('candidateDropped', () => heard.push('dropped'));
    d.on('speechStart', (e) => heard.push(`start ${e.atMs}`));
    let at = 0;
    const play = (p: number, ms: number) => {
      for (let i = 0; i < ms / FRAME_MS; i++, at += FRAME_MS) d.push(new Int16Array(FRAME_SAMPLES), at, p);
    };
    play(0, 200);
    play(1, 100); // a cough
    play(0, 300);
    play(0.9, 600); // words
    expect(heard).toEqual(['candidate 200', 'dropped', 'candidate 600', 'start 600']);
  });

  it('needs the start threshold to open a turn but only the continue threshold to keep it', () => {
    expect(run([[0.45, 2000]]).seen).toEqual([]);
    const { brief } = run([[0, 100], [0.6, 100], [0.4, 1000], [0.2, 500]]);
    expect(brief.map((e) => e.type)).toEqual(['speechStart', 'speechEnd']);
    expect(brief[1]).toMatchObject({ startMs: 10_100, endMs: 11_200 });
  });

  it('keeps a turn whose onset dips for one Silero window, and drops a candidate that stops', () => {
    const dip = run([[0, 100], [0.9, 100], [0.1, 40], [0.9, 400], [0, 500]]).brief;
    expect(dip.map((e) => e.type)).toEqual(['speechStart', 'speechEnd']);
    expect(dip[0]).toEqual({ type: 'speechStart', atMs: 10_100, heardAtMs: 10_340 });
    const broken = run([[0, 100], [0.9, 100], [0.1, 100], [0.9, 100], [0, 500]]).seen;
    expect(broken).toEqual([]);
  });

  it('joins two utterances 150 ms apart into one turn and splits them 1 s apart', () => {
    const one = run([[0, 500], [0.9, 800], [0, 150], [0.9, 800], [0, 1000]]).brief;
    expect(one.map((e) => e.type)).toEqual(['speechStart', 'speechEnd']);
    const two = run([[0, 500], [0.9, 800], [0, 1000], [0.9, 800], [0, 1000]]).brief;
    expect(two.map((e) => e.type)).toEqual(['speechStart', 'speechEnd', 'speechStart', 'speechEnd']);
    expect(two.filter((e) => e.type === 'speechEnd').map((e) => e.type === 'speechEnd' && [e.startMs, e.endMs])).toEqual([
      [10_500, 11_300],
      [12_300, 13_100],
    ]);
  });

  it('ends a turn that runs past maxTurnMs, then starts the next one', () => {
    const { brief } = run([[0.9, 2500], [0, 1000]], { maxTurnMs: 1000 });
    expect(brief.map((e) => e.type === 'speechEnd' && e.reason)).toEqual([false, 'maxLength', false, 'maxLength', false, 'silence']);
    expect(brief[1]).toMatchObject({ startMs: 10_000, endMs: 11_000, heardAtMs: 11_000 });
    expect(brief[2]).toMatchObject({ type: 'speechStart', atMs: 11_000 });
  });

  it('fires the endpoint exactly endSilenceMs after the speech, for any endSilenceMs', () => {
    for (const endSilenceMs of [200, 360, 600]) {
      const end = run([[0, 200], [0.9, 600], [0, 1000]], { endSilenceMs }).brief[1]!;
      expect(end.heardAtMs - (end.type === 'speechEnd' ? end.endMs : NaN)).toBe(endSilenceMs);
    }
  });

  it('ends the turn in progress after a shorter silence when told it is complete, and the next turn waits the default again', () => {
    const d = new TurnDetector();
    const ends: { endMs: number; heardAtMs: number }[] = [];
    let at = 10_000;
    const play = (p: number, ms: number) => {
      for (let i = 0; i < ms / FRAME_MS; i++, at += FRAME_MS) d.push(new Int16Array(FRAME_SAMPLES), at, p);
    };
    d.on('speechEnd', (e) => ends.push({ endMs: e.endMs, heardAtMs: at + FRAME_MS }));
    play(0.9, 800);
    d.setEndSilence(240); // the owner's transcript is a whole question
    play(0, 1000);
    play(0.9, 800);
    play(0, 1000);
    expect(ends.map((e) => e.heardAtMs - e.endMs)).toEqual([240, 400]);
    // Told late, after more silence than that already: the turn ends at the next frame.
    play(0.9, 800);
    play(0, 300);
    d.setEndSilence(200);
    play(0, 40);
    expect(ends.at(-1)!.heardAtMs - ends.at(-1)!.endMs).toBe(320);
    expect(() => d.setEndSilence(0)).toThrow(TypeError);
  });

  it("counts a faint tail as silence though the VAD still calls it speech, but not a merely quieter word", () => {
    const ends: number[] = [];
    const d = new TurnDetector();
    d.on('speechEnd', (e) => ends.push(e.endMs));
    let at = 10_000;
    const play = (level: number, p: number, ms: number) => {
      for (let i = 0; i < ms / FRAME_MS; i++, at += FRAME_MS) d.push(new Int16Array(FRAME_SAMPLES).fill(level), at, p);
    };
    play(8000, 0.9, 600); // the words
    play(100, 0.9, 160); // -38 dB: Silero's lingering "speech" after them
    play(0, 0, 600);
    expect(ends).toEqual([10_600]);
    play(8000, 0.9, 600);
    play(800, 0.9, 300); // -20 dB: a soft word is still speech
    play(0, 0, 600);
    expect(ends).toEqual([10_600, 11_360 + 900]);
    const ungated = new TurnDetector({ quietBelowPeakDb: 0 });
    ungated.on('speechEnd', (e) => ends.push(e.endMs));
    at = 20_000;
    for (const [level, p, ms] of [[8000, 0.9, 600], [100, 0.9, 160], [0, 0, 600]] as const) {
      for (let i = 0; i < ms / FRAME_MS; i++, at += FRAME_MS) ungated.push(new Int16Array(FRAME_SAMPLES).fill(level), at, p);
    }
    expect(ends.at(-1)).toBe(20_760);
  });

  it('says once per silence inside a turn that it has paused for pauseMs, and that it goes on if speech comes back before the endpoint', () => {
    const d = new TurnDetector({ pauseMs: 100 });
    const heard: string[] = [];
    let now = 0;
    d.on('pause', ({ startMs, endMs }) => heard.push(`pause ${startMs}-${endMs} at ${now}`));
    d.on('resume', () => heard.push(`resume at ${now}`));
    d.on('speechEnd', ({ endMs }) => heard.push(`end ${endMs} at ${now}`));
    let at = 10_000;
    for (const [p, ms] of [[0.9, 600], [0.1, 200], [0.9, 400], [0.1, 600]] as const) {
      for (let i = 0; i < ms / FRAME_MS; i++, at += FRAME_MS) {
        now = at + FRAME_MS;
        d.push(new Int16Array(FRAME_SAMPLES), at, p);
      }
    }
    expect(heard).toEqual(['pause 10000-10600 at 10700', 'resume at 10820', 'pause 10000-11200 at 11300', 'end 11200 at 11600']);
    expect(run([[0.9, 600], [0.1, 600]]).seen.map((e) => e.type)).toEqual(['speechStart', 'speechEnd']); // off by default
  });

  it('drops a turn in progress on reset() and says whether speechStart had gone out', () => {
    const { d, seen } = run([[0, 100], [0.9, 400]]);
    expect(seen.map((e) => e.type)).toEqual(['speechStart']);
    expect(d.reset()).toBe(true);
    expect(d.reset()).toBe(false);
    d.push(new Int16Array(FRAME_SAMPLES), 0, 0); // stream time may start over after a reset
    expect(seen).toHaveLength(1);
  });

  it('refuses bad input with TypeError and use after close with InvalidStateError', () => {
    const d = new TurnDetector();
    expect(() => d.push(new Int16Array(160), 0, 0.5)).toThrow(TypeError);
    expect(() => d.push(new Int16Array(FRAME_SAMPLES), 0, 1.5)).toThrow(TypeError);
    d.push(new Int16Array(FRAME_SAMPLES), 20, 0);
    expect(() => d.push(new Int16Array(FRAME_SAMPLES), 20, 0)).toThrow(TypeError);
    expect(() => new TurnDetector({ continueThreshold: 0.6 })).toThrow(TypeError);
    d.close();
    d.close();
    expect(() => d.push(new Int16Array(FRAME_SAMPLES), 40, 0)).toThrow(InvalidStateError);
  });
});
