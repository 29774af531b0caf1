import { describe, expect, it } from 'vitest';
import { parseRtp, writeRtp } from './rtp.js';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

// Captured from a mediasoup 3.8.4 DirectTransport consumer (router capabilities, Opus PT 100):
// one-byte extension block of 3 words holding mid "0" (id 1), seven padding bytes, the audio
// level (id 10) and one more padding byte. The Opus payload starts at byte 28.
const TAP_PACKET = hex('90e4 0001 00001388 35b031b2 bede0003 1030 00000000000000 a085 00 7801020304050607');

describe('parseRtp', () => {
  it('finds the Opus payload at byte 28 behind the one-byte extension block of the tap consumer', () => {
    const p = parseRtp(TAP_PACKET);
    expect(p).toMatchObject({
      version: 2,
      padding: false,
      marker: true,
      payloadType: 100,
      sequenceNumber: 1,
      timestamp: 5000,
      ssrc: 0x35b031b2,
      csrcs: [],
      headerLength: 28,
      paddingLength: 0,
    });
    expect(p.extension?.profile).toBe(0xbede);
    expect(p.extension?.data.length).toBe(12);
    expect([...p.extension!.elements.keys()]).toEqual([1, 10]);
    expect(Buffer.from(p.extension!.elements.get(1)!).toString()).toBe('0');
    expect([...p.extension!.elements.get(10)!]).toEqual([0x85]);
    expect([...p.payload]).toEqual([0x78, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('reads a plain packet with the payload at byte 12', () => {
    const p = parseRtp(hex('8000 ffff 00000001 00000002 aabb'));
    expect(p).toMatchObject({ marker: false, payloadType: 0, sequenceNumber: 0xffff, timestamp: 1, ssrc: 2 });
    expect(p.extension).toBeUndefined();
    expect([...p.payload]).toEqual([0xaa, 0xbb]);
  });

  it('reads the CSRC list and skips it to reach the payload', () => {
    const p = parseRtp(hex('826f 0010 00000100 00000200 00000011 00000022 99'));
    expect(p.csrcs).toEqual([0x11, 0x22]);
    expect(p.payloadType).toBe(111);
    expect(p.headerLength).toBe(20);
    expect([...p.payload]).toEqual([0x99]);
  });

  it('strips padding whose count is the last byte', () => {
    const p = parseRtp(hex('a000 0001 00000000 00000001 0102 000003'));
    expect(p.padding).toBe(true);
    expect(p.paddingLength).toBe(3);
    expect([...p.payload]).toEqual([1, 2]);
  });

  it('parses two-byte extension elements, including empty ones, with CSRCs and padding together', () => {
    // CC=1, X, P; profile 0x1000, 2 words: id 3 len 2 [aa bb], id 7 len 0, padding 0, 0.
    const p = parseRtp(hex('b100 0001 00000000 00000001 00000042 10000002 0302aabb 07000000 77 0002'));
    expect(p.csrcs).toEqual([0x42]);
    expect(p.extension?.profile).toBe(0x1000);
    expect([...p.extension!.elements.entries()].map(([id, v]) => [id, [...v]])).toEqual([
      [3, [0xaa, 0xbb]],
      [7, []],
    ]);
    expect([...p.payload]).toEqual([0x77]);
  });

  it('keeps a non-RFC 8285 extension as raw data with no elements', () => {
    const p = parseRtp(hex('9000 0001 00000000 00000001 abcd0001 01020304 55'));
    expect(p.extension?.profile).toBe(0xabcd);
    expect([...p.extension!.data]).toEqual([1, 2, 3, 4]);
    expect(p.extension!.elements.size).toBe(0);
    expect([...p.payload]).toEqual([0x55]);
  });

  it('stops reading one-byte elements at id 15', () => {
    const p = parseRtp(hex('9000 0001 00000000 00000001 bede0001 1011f0ff 55'));
    expect([...p.extension!.elements.keys()]).toEqual([1]);
  });

  it('rejects malformed packets with a TypeError that says what is wrong', () => {
    expect(() => parseRtp(hex('8000 0001 0000'))).toThrow(/too short: 6 bytes/);
    expect(() => parseRtp(hex('4000 0001 00000000 00000001'))).toThrow(/version 1 is not 2/);
    expect(() => parseRtp(hex('8300 0001 00000000 00000001 00000001'))).toThrow(/CSRC list \(3 entries\)/);
    expect(() => parseRtp(hex('9000 0001 00000000 00000001 bede'))).toThrow(/extension header runs past/);
    expect(() => parseRtp(hex('9000 0001 00000000 00000001 bede0004 10aa'))).toThrow(/extension of 16 bytes runs past/);
    expect(() => parseRtp(hex('9000 0001 00000000 00000001 bede0001 13aabbcc'))).toThrow(/element 1 \(4 bytes\)/);
    expect(() => parseRtp(hex('a000 0001 00000000 00000001 0105'))).toThrow(/padding count 5/);
    expect(() => parseRtp(hex('a000 0001 00000000 00000001 0100'))).toThrow(/padding count 0/);
    expect(() => parseRtp(hex('8000 0001 00000000 00000001 0100'))).not.toThrow();
    expect(() => parseRtp('nope' as unknown as Uint8Array)).toThrow(TypeError);
  });

  it('parses a packet that sits at an odd offset inside a larger buffer', () => {
    const big = Buffer.concat([Buffer.from([0xff]), TAP_PACKET]);
    const p = parseRtp(big.subarray(1));
    expect(p.sequenceNumber).toBe(1);
    expect(p.payload.length).toBe(8);
  });
});

describe('writeRtp', () => {
  it('writes a header that parseRtp reads back, with the marker and CSRCs', () => {
    const out = writeRtp(
      { payloadType: 100, sequenceNumber: 65535, timestamp: 0xfffffc40, ssrc: 0xdeadbeef, marker: true, csrcs: [7] },
      Uint8Array.of(9, 8, 7),
    );
    expect(out.subarray(0, 2).toString('hex')).toBe('81e4');
    const p = parseRtp(out);
    expect(p).toMatchObject({ marker: true, payloadType: 100, sequenceNumber: 65535, timestamp: 0xfffffc40, ssrc: 0xdeadbeef, csrcs: [7] });
    expect([...p.payload]).toEqual([9, 8, 7]);
  });

  it('rejects header fields out of range', () => {
    const ok = { payloadType: 100, sequenceNumber: 1, timestamp: 1, ssrc: 1 };
    expect(() => writeRtp({ ...ok, sequenceNumber: 65536 }, new Uint8Array())).toThrow(TypeError);
    expect(() => writeRtp({ ...ok, payloadType: 128 }, new Uint8Array())).toThrow(/payloadType/);
    expect(() => writeRtp({ ...ok, timestamp: -1 }, new Uint8Array())).toThrow(/timestamp/);
  });
});
