import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodecPool } from './codec-pool.js';
import { InvalidStateError, QueueFullError } from './errors.js';
import { correlation, envelope, speechLike } from './testing/signals.js';

describe('CodecPool', () => {
  let pool: CodecPool;
  beforeAll(async () => {
    pool = await CodecPool.create({ workers: 2, maxInFlightPerStream: 8 });
  });
  afterAll(() => pool.close());

  it('encodes speech-like PCM in a worker and decodes it back with the same length and envelope', async () => {
    const input = speechLike(3000);
    const encoder = pool.createEncoder('call-a');
    const decoder = pool.createDecoder('call-a');
    const packets: Uint8Array[] = [];
    // Half-second chunks, as TTS sentences would arrive.
    for (let i = 0; i < input.length; i += 8000) packets.push(...(await encoder.encode(input.subarray(i, i + 8000))));
    expect(packets.length).toBe(150);
    const decoded = await Promise.all(packets.slice(0, 8).map((p) => decoder.decode(p)));
    for (const p of packets.slice(8)) decoded.push(await decoder.decode(p));
    expect(decoded.every((f) => f.length === 320)).toBe(true);
    const output = new Int16Array(decoded.length * 320);
    decoded.forEach((f, i) => output.set(f, i * 320));
    expect(output.length).toBe(input.length);
    expect(correlation(envelope(input), envelope(output))).toBeGreaterThan(0.9);
    encoder.close();
    decoder.close();
  });

  it('never detaches the caller buffers it sends to a worker', async () => {
    const encoder = pool.createEncoder('call-b');
    const pcm = speechLike(40);
    await encoder.encode(pcm);
    expect(pcm.byteLength).toBe(1280);
    encoder.close();
  });

  it('keeps decode and conceal results in request order', async () => {
    const encoder = pool.createEncoder('call-c');
    const decoder = pool.createDecoder('call-c');
    const [a, b] = await encoder.encode(speechLike(40));
    const results = await Promise.all([decoder.decode(a!), decoder.conceal(40), decoder.decode(b!)]);
    expect(results.map((r) => r.length)).toEqual([320, 640, 320]);
    expect(results[1]!.every((v) => v === 0)).toBe(true);
    decoder.close();
    encoder.close();
  });

  it('pins every stream of a call to one worker and spreads calls over workers', () => {
    const streams = [pool.createDecoder('x'), pool.createEncoder('x'), pool.createDecoder('y')];
    expect(pool.workerOf('x')).toBe(pool.workerOf('x'));
    expect(pool.workerOf('y')).not.toBe(pool.workerOf('x'));
    for (const s of streams) s.close();
    expect(pool.workerOf('x')).toBeUndefined();
  });

  it('refuses requests past the in-flight bound instead of queueing them', async () => {
    const decoder = pool.createDecoder('call-d');
    const junk = Uint8Array.of(0xf8, 0xff, 0xfe); // a valid 20 ms silence frame (CELT)
    const accepted = Array.from({ length: 8 }, () => decoder.decode(junk));
    await expect(decoder.decode(junk)).rejects.toBeInstanceOf(QueueFullError);
    await Promise.all(accepted);
    expect(decoder.inFlight).toBe(0);
    await expect(decoder.decode(junk)).resolves.toHaveLength(320);
    decoder.close();
  });

  it('rejects a corrupt packet without harming the stream', async () => {
    const decoder = pool.createDecoder('call-e');
    await expect(decoder.decode(Uint8Array.of(0xff, 0xff, 0xff))).rejects.toMatchObject({ code: 'codec_failed' });
    await expect(decoder.decode(Uint8Array.of(0xf8, 0xff, 0xfe))).resolves.toHaveLength(320);
    decoder.close();
    await expect(decoder.decode(Uint8Array.of(0xf8))).rejects.toBeInstanceOf(InvalidStateError);
  });

  it('rejects frames that are not whole 20 ms frames', async () => {
    const encoder = pool.createEncoder('call-f');
    await expect(encoder.encode(new Int16Array(300))).rejects.toThrow(TypeError);
    encoder.close();
  });
});

describe('CodecPool.close', () => {
  it('rejects pending work, is safe to call twice, and refuses new streams', async () => {
    const pool = await CodecPool.create({ workers: 1 });
    const encoder = pool.createEncoder('z');
    const pending = encoder.encode(speechLike(2000));
    const closing = pool.close();
    await expect(pending).rejects.toBeInstanceOf(InvalidStateError);
    await closing;
    await pool.close();
    expect(() => pool.createDecoder('z')).toThrow(InvalidStateError);
  });

  // Regression: terminate() during an encode made the binding's napi_throw fail, and
  // node-addon-api aborted the whole process (FATAL ERROR: Error::ThrowAsJavaScriptException).
  it('does not abort the process when closed while a worker is inside libopus', async () => {
    for (let i = 0; i < 4; i++) {
      const pool = await CodecPool.create({ workers: 1 });
      const encoder = pool.createEncoder('busy');
      const pending = [encoder.encode(speechLike(10_000)), encoder.encode(speechLike(10_000))];
      const rejected = pending.map((p) => expect(p).rejects.toBeInstanceOf(InvalidStateError));
      await new Promise((r) => setTimeout(r, 5 * i));
      await pool.close();
      await Promise.all(rejected);
    }
  });
});
