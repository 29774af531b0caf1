import { describe, expect, it } from 'vitest';
import { JitterBuffer, type JitterOutput } from './jitter.js';

interface P {
  sequenceNumber: number;
  timestamp: number;
}
const pkt = (seq: number, ts0 = 1000, seq0 = 0): P => ({
  sequenceNumber: seq & 0xffff,
  timestamp: (ts0 + (seq - seq0) * 960) >>> 0,
});

/** Shows outputs compactly: delivered packets as their 16-bit seq, losses as "lost x-y (ms)". */
function show(out: JitterOutput<P>[]): (number | string)[] {
  return out.map((o) =>
    o.kind === 'packet' ? o.packet.sequenceNumber : `lost ${o.fromSeq & 0xffff}+${o.count} (${o.durationMs} ms)`,
  );
}

describe('JitterBuffer', () => {
  it('delivers packets that arrive in order at once', () => {
    const jb = new JitterBuffer<P>();
    expect([0, 1, 2, 3].flatMap((s) => show(jb.push(pkt(s), s * 20)))).toEqual([0, 1, 2, 3]);
    expect(jb.stats).toEqual({ received: 4, lost: 0, reordered: 0, duplicates: 0, late: 0 });
  });

  it('holds packets behind a hole and releases them in order when the hole fills', () => {
    const jb = new JitterBuffer<P>();
    const seen = [0, 2, 3, 1, 4].map((s, i) => show(jb.push(pkt(s), i * 20)));
    expect(seen).toEqual([[0], [], [], [1, 2, 3], [4]]);
    expect(jb.stats.reordered).toBe(1);
    expect(jb.stats.lost).toBe(0);
  });

  it('declares a hole lost once the newest packet is three past it, with its duration from RTP timestamps', () => {
    const jb = new JitterBuffer<P>({ maxPacketsBehind: 3, maxWaitMs: 1000 });
    const seen = [0, 1, 4, 5, 6].map((s, i) => show(jb.push(pkt(s), i)));
    // Two 20 ms packets (2 and 3) missing: 1920 samples at 48 kHz.
    expect(seen).toEqual([[0], [1], [], ['lost 2+2 (40 ms)', 4, 5], [6]]);
    expect(jb.stats).toMatchObject({ received: 5, lost: 2 });
  });

  it('declares a hole lost after the wait even if no more packets come', () => {
    const jb = new JitterBuffer<P>({ maxWaitMs: 60, maxPacketsBehind: 10 });
    expect(show(jb.push(pkt(0), 0))).toEqual([0]);
    expect(show(jb.push(pkt(2), 40))).toEqual([]);
    expect(jb.nextDeadline()).toBe(100);
    expect(show(jb.poll(99))).toEqual([]);
    expect(show(jb.poll(100))).toEqual(['lost 1+1 (20 ms)', 2]);
    expect(jb.nextDeadline()).toBeUndefined();
  });

  it('counts a packet that arrives after its hole was given up on as late, and drops it', () => {
    const jb = new JitterBuffer<P>({ maxWaitMs: 60 });
    jb.push(pkt(0), 0);
    jb.push(pkt(2), 20);
    jb.poll(80);
    expect(show(jb.push(pkt(1), 90))).toEqual([]);
    expect(jb.stats).toMatchObject({ lost: 1, late: 1, duplicates: 0 });
  });

  it('drops duplicates, whether already delivered or still held', () => {
    const jb = new JitterBuffer<P>();
    jb.push(pkt(0), 0);
    jb.push(pkt(2), 1);
    expect(show(jb.push(pkt(0), 2))).toEqual([]);
    expect(show(jb.push(pkt(2), 3))).toEqual([]);
    expect(show(jb.push(pkt(1), 4))).toEqual([1, 2]);
    expect(jb.stats).toMatchObject({ received: 5, duplicates: 2, late: 0 });
  });

  it('keeps order across the 16-bit sequence wrap, with reordering right at the wrap', () => {
    const jb = new JitterBuffer<P>();
    const seqs = [65533, 65534, 0, 65535, 1, 2];
    const out = seqs.flatMap((s, i) => jb.push(pkt(s < 100 ? s + 65536 : s), i));
    expect(out.map((o) => (o.kind === 'packet' ? o.packet.sequenceNumber : -1))).toEqual([65533, 65534, 65535, 0, 1, 2]);
    const ext = out.map((o) => (o.kind === 'packet' ? o.seq : -1));
    expect(ext.every((s, i) => i === 0 || s === ext[i - 1]! + 1)).toBe(true);
    expect(jb.stats).toMatchObject({ reordered: 1, lost: 0, late: 0 });
  });

  it('measures a loss across the 32-bit timestamp wrap', () => {
    const jb = new JitterBuffer<P>();
    const ts0 = 0xffffffff - 960; // the timestamp wraps between packet 1 and 2
    jb.push(pkt(10, ts0, 10), 0);
    jb.push(pkt(11, ts0, 10), 1);
    jb.push(pkt(14, ts0, 10), 2);
    const out = jb.push(pkt(15, ts0, 10), 3);
    expect(out[0]).toEqual({ kind: 'lost', fromSeq: 65536 + 12, count: 2, durationSamples: 1920, durationMs: 40 });
  });

  it('spreads a hole over the timestamps when packets are 60 ms long', () => {
    const jb = new JitterBuffer<P>({ maxPacketsBehind: 1 });
    const p60 = (s: number): P => ({ sequenceNumber: s, timestamp: s * 2880 });
    jb.push(p60(0), 0);
    expect(show(jb.push(p60(2), 1))).toEqual(['lost 1+1 (60 ms)', 2]);
  });

  it('gives up on the oldest hole when the buffer is over capacity', () => {
    const jb = new JitterBuffer<P>({ capacity: 2, maxPacketsBehind: 100, maxWaitMs: 1e9 });
    jb.push(pkt(0), 0);
    expect(show(jb.push(pkt(2), 1))).toEqual([]);
    expect(show(jb.push(pkt(3), 2))).toEqual([]);
    expect(show(jb.push(pkt(4), 3))).toEqual(['lost 1+1 (20 ms)', 2, 3, 4]);
    expect(jb.held).toBe(0);
  });

  it('rejects nonsense options', () => {
    expect(() => new JitterBuffer({ maxPacketsBehind: 0 })).toThrow(TypeError);
  });
});
