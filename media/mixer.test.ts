import { describe, expect, it } from 'vitest';
import { FakeClock } from './testing/fake-clock.js';
import { LineMixer } from './mixer.js';

const constant = (value: number, samples = 320) => new Int16Array(samples).fill(value);

function setup(delayMs = 60) {
  const clock = new FakeClock();
  const out: { atMs: number; frame: Int16Array; sentAt: number }[] = [];
  const mixer = new LineMixer({ now: clock.now, clock, delayMs, onFrame: (frame, atMs) => out.push({ atMs, frame, sentAt: clock.t }) });
  return { clock, out, mixer };
}

describe('LineMixer', () => {
  it('sums two voices sample by sample at their times, a fixed delay behind the clock', () => {
    const { clock, out, mixer } = setup(60);
    mixer.start(0);
    mixer.write('trainee', constant(100), 0);
    mixer.write('instructor', constant(7, 160), 10); // the second half of the first frame
    clock.advance(79);
    expect(out).toHaveLength(0);
    clock.advance(1);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ atMs: 0, sentAt: 80 });
    expect(Array.from(out[0]!.frame.subarray(0, 160))).toEqual(Array(160).fill(100));
    expect(Array.from(out[0]!.frame.subarray(160))).toEqual(Array(160).fill(107));
  });

  it('keeps the instructor on the line while the trainee says nothing (silent or muted)', () => {
    const { clock, out, mixer } = setup(60);
    mixer.start(0);
    for (let i = 0; i < 10; i++) {
      mixer.write('instructor', constant(i + 1), i * 20);
      clock.advance(20);
    }
    clock.advance(60);
    expect(out.map((o) => o.atMs)).toEqual([0, 20, 40, 60, 80, 100, 120, 140, 160, 180]);
    expect(out.map((o) => o.frame[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Each frame leaves exactly one delay after its slot ends: the pace is the clock's.
    expect(out.map((o) => o.sentAt - o.atMs)).toEqual(Array(10).fill(80));
  });

  it('sends nothing for a stretch nobody spoke in', () => {
    const { clock, out, mixer } = setup(40);
    mixer.start(0);
    mixer.write('trainee', constant(5), 0);
    clock.advance(200);
    mixer.write('trainee', constant(3), 200);
    clock.advance(60);
    expect(out.map((o) => [o.atMs, o.frame[0]])).toEqual([
      [0, 5],
      [200, 3],
    ]);
  });

  it('plays a voice that fell behind its slot a little later instead of dropping it, and catches up when it has time in hand', () => {
    const { clock, out, mixer } = setup(40);
    mixer.start(0);
    for (let i = 0; i < 3; i++) mixer.write('instructor', constant(i + 1), i * 20);
    clock.advance(130); // slot 60..80 went out at 120 with nothing in it
    mixer.write('instructor', constant(4), 60);
    mixer.write('instructor', constant(5), 80);
    clock.advance(100);
    expect(out.map((o) => [o.atMs, o.frame[0]])).toEqual([
      [0, 1],
      [20, 2],
      [40, 3],
      [80, 4],
      [100, 5],
    ]);
    // A burst well ahead of the clock: the voice sheds its 20 ms slip (one frame) and is on time again.
    out.length = 0;
    for (let i = 9; i <= 16; i++) mixer.write('instructor', constant(i), i * 20);
    clock.advance(200);
    expect(out.map((o) => [o.atMs, o.frame[0]])).toEqual([
      [200, 9],
      [220, 10],
      [240, 11],
      [260, 12],
      [280, 14],
      [300, 15],
      [320, 16],
    ]);
  });

  it('clips a sum that overflows 16 bits', () => {
    const { clock, out, mixer } = setup(0);
    mixer.start(0);
    mixer.write('trainee', constant(30_000), 0);
    mixer.write('instructor', constant(30_000), 0);
    mixer.write('agency', constant(-20_000), 20);
    mixer.write('instructor', constant(-20_000), 20);
    clock.advance(40);
    expect(out.map((o) => o.frame[0])).toEqual([32767, -32768]);
  });

  it('mixes out what it holds when stopped, and says where it ended', () => {
    const { clock, out, mixer } = setup(80);
    mixer.start(100);
    mixer.write('instructor', constant(1), 100);
    mixer.write('instructor', constant(2), 120);
    clock.advance(130);
    expect(mixer.stop()).toBe(140);
    expect(out.map((o) => o.atMs)).toEqual([100, 120]);
    mixer.write('instructor', constant(3), 140); // stopped: ignored
    clock.advance(500);
    expect(out).toHaveLength(2);
    expect(mixer.running).toBe(false);
  });
});
