import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallBridge } from './bridge.js';
import { CodecPool } from './codec-pool.js';
import { FRAME_RTP_TICKS, FRAME_SAMPLES } from './format.js';
import { OpusEncoder } from './opus.js';
import { parseRtp, writeRtp } from './rtp.js';
import { frames, sine, speechLike } from './testing/signals.js';
import { readWav } from './wav.js';

let codecs: CodecPool;
let dir: string;
beforeAll(async () => {
  codecs = await CodecPool.create({ workers: 1 });
  dir = await mkdtemp(path.join(tmpdir(), 'ringdown-bridge-'));
});
afterAll(() => codecs?.close());

/** The trainee's microphone as RTP: one Opus packet per 20 ms frame, sequence wrapping. */
function traineePackets(pcm: Int16Array, firstSeq = 65_530): Buffer[] {
  const encoder = new OpusEncoder();
  return frames(pcm).map((frame, i) =>
    writeRtp({ payloadType: 100, sequenceNumber: (firstSeq + i) & 0xffff, timestamp: 1000 + i * FRAME_RTP_TICKS, ssrc: 7 }, encoder.encode(frame)),
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('CallBridge', () => {
  it('puts reordered packets back in order, fills a lost one with silence and keeps time true', async () => {
    const bridge = await CallBridge.create({ callId: 'c1', codecs, recordingPath: path.join(dir, 'c1.wav') });
    const heard: { frame: Int16Array; atMs: number }[] = [];
    bridge.on('traineeFrame', (frame, atMs) => heard.push({ frame, atMs }));
    const packets = traineePackets(speechLike(400));
    // 20 packets across the 16-bit sequence wrap: 5 and 6 swapped, 12 lost.
    const order = [...packets.keys()].filter((i) => i !== 12);
    [order[5], order[6]] = [order[6]!, order[5]!];
    for (const i of order) {
      bridge.receiveTraineeRtp(packets[i]!);
      await sleep(20);
    }
    await expect.poll(() => heard.length).toBe(20);
    expect(heard.every((h) => h.frame.length === FRAME_SAMPLES)).toBe(true);
    const steps = heard.slice(1).map((h, i) => h.atMs - heard[i]!.atMs);
    expect(steps.every((s) => Math.abs(s - 20) < 0.01)).toBe(true);
    expect(heard[12]!.frame.every((s) => s === 0)).toBe(true); // the lost frame, concealed as silence
    expect(heard[11]!.frame.some((s) => s !== 0)).toBe(true);
    const summary = await bridge.finish();
    expect(summary.channels).toBe(4);
    const wav = await readWav(path.join(dir, 'c1.wav'));
    expect(wav.channels[0]!.length).toBeGreaterThanOrEqual(20 * FRAME_SAMPLES);
  });

  it('drops a packet it cannot parse and reports it, and goes on', async () => {
    const bridge = await CallBridge.create({ callId: 'c2', codecs, recordingPath: path.join(dir, 'c2.wav') });
    const errors: Error[] = [];
    bridge.on('error', (e) => errors.push(e));
    let frames = 0;
    bridge.on('traineeFrame', () => frames++);
    bridge.receiveTraineeRtp(Buffer.from([0x80, 0x01]));
    for (const p of traineePackets(speechLike(100))) bridge.receiveTraineeRtp(p);
    await expect.poll(() => frames).toBe(5);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(TypeError);
    await bridge.finish();
  });

  it("sends a voice's speech as paced RTP and records exactly what was sent", async () => {
    const bridge = await CallBridge.create({ callId: 'c3', codecs, recordingPath: path.join(dir, 'c3.wav') });
    const sent: Buffer[] = [];
    const voice = bridge.addVoice('caller', 1234, (p) => sent.push(p));
    const speech = speechLike(500);
    const played = await voice.play(speech, 'opening');
    expect(played).toMatchObject({ utteranceId: 'opening', playedMs: 500, interrupted: false });
    expect(sent).toHaveLength(25);
    const rtp = sent.map((p) => parseRtp(p));
    expect(rtp.every((p) => p.ssrc === 1234 && p.payloadType === 100)).toBe(true);
    expect(rtp.map((p) => p.marker)).toEqual([true, ...Array(24).fill(false)]);
    await bridge.finish();
    const wav = await readWav(path.join(dir, 'c3.wav'));
    const caller = wav.channels[1]!;
    const start = caller.findIndex((s) => s !== 0) - speech.findIndex((s) => s !== 0);
    expect(Array.from(caller.subarray(start, start + speech.length))).toEqual(Array.from(speech));
    expect(wav.channels[0]!.every((s) => s === 0)).toBe(true);
  });

  it('cuts a voice off mid-utterance and reports how much was played', async () => {
    const bridge = await CallBridge.create({ callId: 'c4', codecs, recordingPath: path.join(dir, 'c4.wav') });
    const voice = bridge.addVoice('caller', 99, () => {});
    const played = voice.play(speechLike(2000), 'long');
    await sleep(300);
    voice.stop();
    const report = await played;
    expect(report.interrupted).toBe(true);
    expect(report.playedMs).toBeGreaterThan(200);
    expect(report.playedMs).toBeLessThan(500);
    await bridge.finish();
  });
});

/** Amplitude of one frequency in 16 kHz PCM (Goertzel): a pure tone of amplitude A reads about A. */
function toneLevel(pcm: Int16Array, hz: number): number {
  if (pcm.length === 0) return 0;
  const k = (2 * Math.PI * hz) / 16_000;
  let s1 = 0;
  let s2 = 0;
  for (const x of pcm) {
    const s = x + 2 * Math.cos(k) * s1 - s2;
    s2 = s1;
    s1 = s;
  }
  return (2 * Math.sqrt(s1 * s1 + s2 * s2 - 2 * Math.cos(k) * s1 * s2)) / pcm.length;
}

const joined = (parts: Int16Array[]) => {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
};

const TRAINEE_HZ = 440;
const INSTRUCTOR_HZ = 1200;

/**
 * A microphone as a browser sends it: one Opus packet per 20 ms of its signal, its RTP clock
 * following the wall clock (so a stretch it is not heard still moves its timestamps on).
 */
class Mic {
  readonly #encoder = new OpusEncoder();
  readonly #frames: Int16Array[];
  #seq = 0;
  constructor(
    pcm: Int16Array,
    readonly ssrc: number,
    readonly t0: number,
  ) {
    this.#frames = frames(pcm);
  }
  packet(i: number): Buffer {
    const frame = this.#frames[i % this.#frames.length]!;
    const timestamp = Math.round(((performance.now() - this.t0) / 20)) * FRAME_RTP_TICKS;
    return writeRtp({ payloadType: 100, sequenceNumber: this.#seq++ & 0xffff, timestamp: (1000 + timestamp) >>> 0, ssrc: this.ssrc }, this.#encoder.encode(frame));
  }
}

/** Both microphones for `ms`, one packet each every 20 ms; a missing one is not heard (muted, or not coaching). */
async function talk(bridge: CallBridge, mics: { trainee?: Mic; instructor?: Mic }, ms: number): Promise<void> {
  for (let i = 0; i < ms / 20; i++) {
    if (mics.trainee) bridge.receiveTraineeRtp(mics.trainee.packet(i));
    if (mics.instructor) bridge.receiveInstructorRtp(mics.instructor.packet(i));
    await sleep(20);
  }
}

describe('CallBridge with an instructor', () => {
  const mics = () => {
    const t0 = performance.now();
    return { trainee: new Mic(sine(1000, TRAINEE_HZ, 6000), 7, t0), instructor: new Mic(sine(1000, INSTRUCTOR_HZ, 6000), 42, t0) };
  };

  it('records a coach on their own track and keeps them out of what the caller hears', async () => {
    const file = path.join(dir, 'coach.wav');
    const bridge = await CallBridge.create({ callId: 'coach', codecs, recordingPath: file });
    const line: Int16Array[] = [];
    bridge.on('lineFrame', (frame) => line.push(frame));
    await talk(bridge, mics(), 1200);
    await expect.poll(() => line.length).toBeGreaterThanOrEqual(58);
    const heard = joined(line);
    expect(toneLevel(heard, TRAINEE_HZ)).toBeGreaterThan(2000);
    expect(toneLevel(heard, INSTRUCTOR_HZ)).toBeLessThan(50);
    await bridge.finish();
    const wav = await readWav(file);
    expect(wav.channels).toHaveLength(4);
    const [trainee, caller, , instructor] = wav.channels;
    expect(toneLevel(instructor!, INSTRUCTOR_HZ)).toBeGreaterThan(1000);
    expect(toneLevel(instructor!, TRAINEE_HZ)).toBeLessThan(50);
    expect(toneLevel(trainee!, INSTRUCTOR_HZ)).toBeLessThan(50);
    expect(caller!.every((s) => s === 0)).toBe(true);
  });

  it('mixes a barging instructor into what the caller hears, by time, and goes on when the trainee stops', async () => {
    const bridge = await CallBridge.create({ callId: 'barge', codecs, recordingPath: path.join(dir, 'barge.wav'), mixDelayMs: 80 });
    const line: { frame: Int16Array; atMs: number }[] = [];
    bridge.on('lineFrame', (frame, atMs) => line.push({ frame, atMs }));
    const { trainee, instructor } = mics();
    bridge.setInstructorOnLine(true);
    expect(bridge.instructorOnLine).toBe(true);
    await talk(bridge, { trainee, instructor }, 500);
    await talk(bridge, { instructor }, 500); // the trainee stops talking (or is muted)
    await sleep(200);
    const mixed = line.splice(0);
    // One frame per 20 ms slot, none twice, and (timers allowing) none skipped while the instructor talks.
    const steps = mixed.slice(1).map((m, i) => m.atMs - mixed[i]!.atMs);
    expect(steps.every((s) => s > 19.99 && Math.abs(s - Math.round(s / 20) * 20) < 0.01)).toBe(true);
    expect(steps.filter((s) => s > 20.01).length).toBeLessThanOrEqual(2);
    expect(mixed.length).toBeGreaterThanOrEqual(45);
    const both = joined(mixed.slice(5, 20).map((m) => m.frame));
    const instructorAlone = joined(mixed.slice(30, 45).map((m) => m.frame));
    expect(toneLevel(both, TRAINEE_HZ)).toBeGreaterThan(2000);
    expect(toneLevel(both, INSTRUCTOR_HZ)).toBeGreaterThan(2000);
    expect(toneLevel(instructorAlone, INSTRUCTOR_HZ)).toBeGreaterThan(2000);
    expect(toneLevel(instructorAlone, TRAINEE_HZ)).toBeLessThan(50);

    // The barge ends: the caller hears the trainee alone again, at once.
    bridge.setInstructorOnLine(false);
    await talk(bridge, { trainee, instructor }, 300);
    await sleep(100);
    const after = joined(line.map((m) => m.frame));
    expect(line.length).toBeGreaterThanOrEqual(10);
    expect(toneLevel(after, TRAINEE_HZ)).toBeGreaterThan(2000);
    expect(toneLevel(after, INSTRUCTOR_HZ)).toBeLessThan(50);
    await bridge.finish();
  });
});
