import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidStateError } from './errors.js';
import { CALLER_CHANNEL, readWav, TRAINEE_CHANNEL, WavRecorder } from './wav.js';

const filled = (samples: number, value: number) => new Int16Array(samples).fill(value);

describe('WavRecorder', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ringdown-wav-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps both parties aligned in time, with zeros where one is silent', async () => {
    const file = join(dir, 'call.wav');
    const rec = await WavRecorder.create(file);
    // Trainee speaks 0-40 ms and 100-120 ms; caller 60-80 ms only.
    rec.write(TRAINEE_CHANNEL, 0, filled(320, 1));
    rec.write(TRAINEE_CHANNEL, 20, filled(320, 2));
    rec.write(CALLER_CHANNEL, 60, filled(320, 3));
    rec.write(TRAINEE_CHANNEL, 100, filled(320, 4));
    const summary = await rec.finish();
    expect(summary).toEqual({ durationMs: 120, channels: 2, sampleRateHz: 16000, sizeBytes: 44 + 1920 * 4 });
    const wav = await readWav(file);
    const [trainee, caller] = wav.channels;
    const at = (pcm: Int16Array, ms: number) => pcm[ms * 16]!;
    expect([0, 10, 30, 50, 70, 90, 110].map((ms) => at(trainee!, ms))).toEqual([1, 1, 2, 0, 0, 0, 4]);
    expect([0, 50, 60, 79, 80, 110].map((ms) => at(caller!, ms))).toEqual([0, 0, 3, 3, 0, 0]);
    expect(trainee!.length).toBe(1920);
    expect(caller!.length).toBe(1920);
  });

  it('joins frames whose timestamps round a sample apart, so no gap clicks between them', async () => {
    const file = join(dir, 'snap.wav');
    const rec = await WavRecorder.create(file, { channels: 1 });
    rec.write(0, 0, filled(320, 5));
    rec.write(0, 20.05, filled(320, 5)); // one sample late
    rec.write(0, 39.9, filled(320, 5)); // two samples early
    await rec.finish();
    const [mono] = (await readWav(file)).channels;
    expect(mono!.length).toBe(960);
    expect(mono!.every((v) => v === 5)).toBe(true);
  });

  it('has a valid header with the right sizes mid-call, before finish()', async () => {
    const file = join(dir, 'live.wav');
    const rec = await WavRecorder.create(file, { flushIntervalMs: 50 });
    for (let ms = 0; ms < 1000; ms += 20) {
      rec.write(TRAINEE_CHANNEL, ms, filled(320, 7));
      rec.write(CALLER_CHANNEL, ms, filled(320, -7));
    }
    await new Promise((r) => setTimeout(r, 150)); // the interval flushes by itself
    const wav = await readWav(file);
    expect(wav.fileBytes).toBe((await stat(file)).size);
    expect(wav.dataBytes).toBe(16000 * 2 * 2);
    expect(wav.riffSize).toBe(wav.fileBytes - 8);
    expect(wav.channels[0]!.every((v) => v === 7)).toBe(true);
    expect(wav.channels[1]!.every((v) => v === -7)).toBe(true);
    await rec.finish();
  });

  it('writes a missing party as zeros once the other is a second ahead', async () => {
    const file = join(dir, 'lonely.wav');
    const rec = await WavRecorder.create(file, { maxSkewMs: 1000 });
    for (let ms = 0; ms < 3000; ms += 20) rec.write(TRAINEE_CHANNEL, ms, filled(320, 9));
    await rec.flush();
    expect(rec.durationMs).toBe(2000);
    const wav = await readWav(file);
    expect(wav.channels[0]!.length).toBe(32000);
    expect(wav.channels[1]!.every((v) => v === 0)).toBe(true);
    // Caller audio for a stretch already on disk is dropped, not shifted later in time.
    rec.write(CALLER_CHANNEL, 1500, filled(16000, 1));
    const summary = await rec.finish();
    expect(summary.durationMs).toBe(3000);
    const done = await readWav(file);
    expect(done.channels[1]![31999]).toBe(0);
    expect(done.channels[1]![32000]).toBe(1);
    expect(done.channels[1]![39999]).toBe(1);
    expect(done.channels[1]![40000]).toBe(0);
  });

  it('takes a third channel for an instructor track', async () => {
    const file = join(dir, 'three.wav');
    const rec = await WavRecorder.create(file, { channels: 3 });
    rec.write(2, 20, filled(320, 3));
    expect(() => rec.write(3, 0, filled(1, 1))).toThrow(TypeError);
    expect(await rec.finish()).toMatchObject({ channels: 3, durationMs: 40, sizeBytes: 44 + 640 * 6 });
    const wav = await readWav(file);
    expect(wav.channels.map((c) => c[400])).toEqual([0, 0, 3]);
  });

  it('is safe to finish twice, and refuses frames after that', async () => {
    const file = join(dir, 'twice.wav');
    const rec = await WavRecorder.create(file);
    rec.write(TRAINEE_CHANNEL, 0, filled(320, 1));
    const [a, b] = await Promise.all([rec.finish(), rec.finish()]);
    expect(b).toEqual(a);
    expect(await rec.finish()).toEqual(a);
    expect(() => rec.write(TRAINEE_CHANNEL, 20, filled(320, 1))).toThrow(InvalidStateError);
    expect((await readFile(file)).length).toBe(a.sizeBytes);
  });

  it('finishes an empty recording as a valid zero-length WAV', async () => {
    const file = join(dir, 'empty.wav');
    const rec = await WavRecorder.create(file);
    expect(await rec.finish()).toEqual({ durationMs: 0, channels: 2, sampleRateHz: 16000, sizeBytes: 44 });
    expect((await readWav(file)).channels.map((c) => c.length)).toEqual([0, 0]);
  });

  it('rejects bad arguments with TypeError', async () => {
    await expect(WavRecorder.create(join(dir, 'x.wav'), { channels: 0 })).rejects.toThrow(TypeError);
    const rec = await WavRecorder.create(join(dir, 'y.wav'));
    expect(() => rec.write(0, -1, filled(1, 1))).toThrow(TypeError);
    await rec.finish();
  });
});
