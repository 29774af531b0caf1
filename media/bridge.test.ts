import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallBridge } from './bridge.js';
import { CodecPool } from './codec-pool.js';
import { FRAME_RTP_TICKS, FRAME_SAMPLES } from './format.js';
import { OpusEncoder } from './opus.js';
import { parseRtp, writeRtp } from './rtp.js';
import { frames, speechLike } from './testing/signals.js';
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
    expect(summary.channels).toBe(3);
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
    const played = await voice.say(speech, 'opening');
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
    const played = voice.say(speechLike(2000), 'long');
    await sleep(300);
    voice.silence();
    const report = await played;
    expect(report.interrupted).toBe(true);
    expect(report.playedMs).toBeGreaterThan(200);
    expect(report.playedMs).toBeLessThan(500);
    await bridge.finish();
  });
});
