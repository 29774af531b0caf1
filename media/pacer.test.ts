import { describe, expect, it } from 'vitest';
import { FakeClock } from './testing/fake-clock.js';
import { InvalidStateError, QueueFullError } from './errors.js';
import { OpusEncoder } from './opus.js';
import { CodecPool } from './codec-pool.js';
import { Pacer, type PacerOptions } from './pacer.js';
import { parseRtp } from './rtp.js';
import { speechLike } from './testing/signals.js';

/** Frames whose samples all hold the frame's number, so a packet shows which frame it carries. */
function numbered(frames: number, lastFrameSamples = 320): Int16Array {
  const pcm = new Int16Array((frames - 1) * 320 + lastFrameSamples);
  for (let i = 0; i < pcm.length; i++) pcm[i] = Math.floor(i / 320) + 1;
  return pcm;
}

function setup(extra: Partial<PacerOptions> = {}) {
  const clock = new FakeClock(1000);
  const sent: { at: number; seq: number; ts: number; marker: boolean; frame: number; pt: number; ssrc: number }[] = [];
  const events: string[] = [];
  const pacer = new Pacer({
    encode: (frame) => Uint8Array.of(frame[0]!),
    send: (buf) => {
      const p = parseRtp(buf);
      sent.push({ at: clock.t - 1000, seq: p.sequenceNumber, ts: p.timestamp, marker: p.marker, frame: p.payload[0]!, pt: p.payloadType, ssrc: p.ssrc });
    },
    ssrc: 0x1234,
    firstSequenceNumber: 65534,
    firstTimestamp: 0xffffffff - 959,
    clock,
    ...extra,
  });
  pacer.on('speaking', (id) => events.push(`speaking ${id} @${clock.t - 1000}`));
  pacer.on('silent', () => events.push(`silent @${clock.t - 1000}`));
  pacer.on('played', (r) => events.push(`played ${r.utteranceId} ${r.playedMs}/${r.totalMs}${r.interrupted ? ' cut' : ''}`));
  return { clock, sent, events, pacer };
}

describe('Pacer', () => {
  it('falls silent at once on pause and goes on from the same frame on resume, after a marked gap', () => {
    const { clock, sent, events, pacer } = setup();
    pacer.push(numbered(6), 'long');
    clock.advance(50); // frames 1-3 out
    pacer.pause();
    clock.advance(200);
    expect(sent.map((p) => p.frame)).toEqual([1, 2, 3]);
    pacer.push(numbered(1), 'queued while paused');
    clock.advance(100);
    expect(sent).toHaveLength(3);
    pacer.resume();
    clock.advance(200);
    expect(sent.map((p) => p.frame)).toEqual([1, 2, 3, 4, 5, 6, 1]);
    expect(sent[3]).toMatchObject({ marker: true, at: 350 });
    expect(sent[3]!.ts - sent[2]!.ts).toBe(((350 - 40) * 48000) / 1000); // the pause is a gap in time, not in the voice
    expect(events).toEqual(['speaking long @0', 'silent @50', 'speaking long @350', 'played long 120/120', 'played queued while paused 20/20', 'silent @430']);
  });

  it('drops a paused utterance on stop, reporting only what was heard', () => {
    const { clock, pacer } = setup();
    pacer.push(numbered(10), 'cut');
    clock.advance(50);
    pacer.pause();
    expect(pacer.stop()).toEqual([{ utteranceId: 'cut', playedMs: 60, totalMs: 200, interrupted: true }]);
    pacer.push(numbered(1), 'next'); // a stop also ends the pause
    clock.advance(40);
    expect(pacer.speaking).toBe(false);
  });

  it('sends one packet per 20 ms with seq +1 and timestamp +960 across both wraps, marker on the first', () => {
    const { clock, sent, events, pacer } = setup();
    pacer.push(numbered(5), 'hello');
    clock.advance(200);
    expect(sent.map((p) => [p.at, p.seq, p.ts, p.marker, p.frame])).toEqual([
      [0, 65534, 0xffffffff - 959, true, 1],
      [20, 65535, 0, false, 2],
      [40, 0, 960, false, 3],
      [60, 1, 1920, false, 4],
      [80, 2, 2880, false, 5],
    ]);
    expect(sent.every((p) => p.pt === 100 && p.ssrc === 0x1234)).toBe(true);
    expect(events).toEqual(['speaking hello @0', 'played hello 100/100', 'silent @100']);
  });

  it('keeps seq continuous across a silence, advances the timestamp by wall time, and marks the new spurt', () => {
    const { clock, sent, pacer } = setup({ firstSequenceNumber: 10, firstTimestamp: 0 });
    pacer.push(numbered(2));
    clock.advance(500);
    pacer.push(numbered(2));
    clock.advance(100);
    expect(sent.map((p) => [p.at, p.seq, p.ts, p.marker])).toEqual([
      [0, 10, 0, true],
      [20, 11, 960, false],
      [500, 12, 960 + 480 * 48, true],
      [520, 13, 960 + 480 * 48 + 960, false],
    ]);
  });

  it('plays utterances pushed back to back as one spurt, padding a partial last frame', () => {
    const { clock, sent, events, pacer } = setup();
    pacer.push(numbered(2, 100), 'a'); // 26.25 ms
    pacer.push(numbered(1), 'b');
    clock.advance(100);
    expect(sent.map((p) => [p.frame, p.marker])).toEqual([
      [1, true],
      [2, false],
      [1, false],
    ]);
    expect(events).toEqual(['speaking a @0', 'played a 26.25/26.25', 'played b 20/20', 'silent @60']);
  });

  it('never bursts more than two frames after a stall, and lets the timestamp jump instead', () => {
    const { clock, sent, pacer } = setup({ firstSequenceNumber: 0, firstTimestamp: 0 });
    pacer.push(numbered(20));
    clock.advance(30); // slots 0 and 1 sent at 0 and 20
    clock.stall(200); // blocked until 230: slots 2..11 are due
    expect(sent.map((p) => [p.at, p.seq, p.ts, p.frame])).toEqual([
      [0, 0, 0, 1],
      [20, 1, 960, 2],
      [230, 2, 10 * 960, 3],
      [230, 3, 11 * 960, 4],
    ]);
    expect(pacer.stats.skippedFrames).toBe(8);
    clock.advance(1000);
    // No audio was lost: every frame still went out, in order.
    expect(sent.map((p) => p.frame)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(sent[4]).toMatchObject({ at: 240, ts: 12 * 960 });
  });

  it('stops on barge-in and reports how much of each utterance was played', () => {
    const { clock, sent, events, pacer } = setup();
    pacer.push(numbered(10), 'first');
    pacer.push(numbered(5), 'second');
    clock.advance(50); // frames at 0, 20, 40
    const reports = pacer.stop();
    expect(reports).toEqual([
      { utteranceId: 'first', playedMs: 60, totalMs: 200, interrupted: true },
      { utteranceId: 'second', playedMs: 0, totalMs: 100, interrupted: true },
    ]);
    clock.advance(500);
    expect(sent).toHaveLength(3);
    expect(events).toEqual(['speaking first @0', 'silent @50', 'played first 60/200 cut', 'played second 0/100 cut']);
    expect(pacer.speaking).toBe(false);
  });

  it('clear() drops queued utterances and lets the one being spoken finish', () => {
    const { clock, sent, pacer } = setup();
    pacer.push(numbered(3), 'now');
    pacer.push(numbered(3), 'later');
    clock.advance(10);
    expect(pacer.clear()).toEqual([{ utteranceId: 'later', playedMs: 0, totalMs: 60, interrupted: true }]);
    clock.advance(200);
    expect(sent.map((p) => p.frame)).toEqual([1, 2, 3]);
  });

  it('starts a spurt when its first frame is encoded, passes a slot silent when the encoder lags, and ignores late results after stop()', async () => {
    const resolvers: ((p: Uint8Array) => void)[] = [];
    const { clock, sent, pacer } = setup({
      encode: () => new Promise<Uint8Array>((resolve) => resolvers.push(resolve)),
      firstTimestamp: 0,
    });
    pacer.push(numbered(5));
    expect(resolvers).toHaveLength(3); // lookahead
    clock.advance(5);
    expect(pacer.speaking).toBe(false);
    resolvers[0]!(Uint8Array.of(1));
    await Promise.resolve();
    clock.advance(30); // slot 0 at 5 sent; slot 1 at 25 has nothing encoded yet
    expect(pacer.stats.underruns).toBe(1);
    resolvers[1]!(Uint8Array.of(2));
    await Promise.resolve();
    clock.advance(10); // slot 2 at 45
    expect(sent.map((p) => [p.at, p.ts, p.marker, p.frame])).toEqual([
      [5, 0, true, 1],
      [45, 2 * 960, false, 2],
    ]);
    pacer.stop();
    resolvers.slice(2).forEach((r) => r(Uint8Array.of(9)));
    await Promise.resolve();
    clock.advance(100);
    expect(sent).toHaveLength(2);
  });

  it('counts a failed encode as a silent slot and carries on', () => {
    let n = 0;
    const { clock, sent, pacer } = setup({
      encode: (f) => {
        if (n++ === 1) throw new Error('boom');
        return Uint8Array.of(f[0]!);
      },
    });
    pacer.push(numbered(3));
    clock.advance(100);
    expect(sent.map((p) => p.frame)).toEqual([1, 3]);
    expect(pacer.stats.encodeErrors).toBe(1);
  });

  it('refuses audio past the queue bound', () => {
    const { pacer } = setup({ maxQueuedMs: 1000 });
    pacer.push(numbered(40));
    expect(() => pacer.push(numbered(11))).toThrow(QueueFullError);
    expect(pacer.queuedMs).toBe(800);
  });

  it('is closed by close(), which is safe to call twice', () => {
    const { pacer } = setup();
    pacer.close();
    pacer.close();
    expect(() => pacer.push(numbered(1))).toThrow(InvalidStateError);
  });

  it('sends 1 s of real Opus as 50 packets on the real clock with seq, timestamps and marker right', async () => {
    const encoder = new OpusEncoder();
    const packets: { at: number; seq: number; ts: number; marker: boolean }[] = [];
    const pacer = new Pacer({
      encode: (f) => encoder.encode(f),
      send: (buf) => {
        const p = parseRtp(buf);
        packets.push({ at: performance.now(), seq: p.sequenceNumber, ts: p.timestamp, marker: p.marker });
      },
      ssrc: 42,
    });
    const silent = new Promise<void>((resolve) => pacer.once('silent', resolve));
    pacer.push(speechLike(1000));
    await silent;
    expect(packets).toHaveLength(50);
    packets.forEach((p, i) => {
      if (i === 0) return;
      expect((p.seq - packets[i - 1]!.seq) & 0xffff).toBe(1);
      expect((p.ts - packets[i - 1]!.ts) >>> 0).toBe(960);
    });
    expect(packets.map((p) => p.marker)).toEqual([true, ...Array(49).fill(false)]);
    const span = packets[49]!.at - packets[0]!.at;
    expect(span).toBeGreaterThan(970);
    expect(span).toBeLessThan(1020);
    const jitter = pacer.sendJitter();
    console.log(`pacer send jitter over ${jitter.count} packets: p50 ${jitter.p50.toFixed(2)} ms, p99 ${jitter.p99.toFixed(2)} ms, max ${jitter.max.toFixed(2)} ms`);
    expect(jitter.p50).toBeLessThan(5);
    pacer.close();
  });

  it('keeps time with an encoder in a worker pool: no underruns, one packet per 20 ms', async () => {
    const pool = await CodecPool.create({ workers: 1 });
    const encoder = pool.createEncoder('call-1');
    const at: number[] = [];
    const pacer = new Pacer({ encode: (f) => encoder.encodeFrame(f), send: () => at.push(performance.now()), ssrc: 7 });
    const played = new Promise((resolve) => pacer.once('played', resolve));
    pacer.push(speechLike(500), 'sentence');
    expect(await played).toEqual({ utteranceId: 'sentence', playedMs: 500, totalMs: 500, interrupted: false });
    expect(at).toHaveLength(25);
    expect(pacer.stats).toMatchObject({ packets: 25, underruns: 0, encodeErrors: 0 });
    pacer.close();
    await pool.close();
  });
});
