import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { readWav } from '../../../media/wav.js';
import { describe, expect, it } from 'vitest';
import { main } from '../ringdown.js';

async function ringdown(args: string[], input: string[] = []) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await main(args, { stdin: Readable.from(input.map((l) => `${l}\n`)), stdout, stderr });
  return { code, out, err };
}

describe('ringdown CLI', () => {
  it('holds a conversation with the caller of a scenario from piped lines', async () => {
    const { code, out } = await ringdown(['converse', '--scenario', 'cardiac-arrest-cpr', '--seed', '2'], ['911 what is the address of your emergency', 'whats the address', '/state', '/quit']);
    expect(code).toBe(0);
    expect(out).toMatch(/caller \[panicked\]: My wife, she's got chest pain/);
    expect(out).toContain('615 Lincoln Avenue');
    expect(out).toMatch(/emotion \w+; revealed: location/);
  });

  it('speaks text in a caller voice and emotion into a 16 kHz WAV', async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'ringdown-speak-')), 'line.wav');
    const result = await ringdown(['speak', 'Please hurry, he is not breathing', '--voice', 'rms', '--emotion', 'panicked', '--out', out]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ out, voice: 'rms', emotion: 'panicked' });
    const wav = await readWav(out);
    expect(wav).toMatchObject({ sampleRateHz: 16_000 });
    expect(wav.channels[0]!.length / 16_000).toBeGreaterThan(1);
    expect((await ringdown(['speak', 'hi', '--emotion', 'bored', '--out', out])).code).toBe(2);
    expect((await ringdown(['speak', 'no out file'])).err).toContain('usage: ringdown speak');
  });

  it('lists the commands and rejects an unknown one', async () => {
    expect((await ringdown([])).out).toContain('converse');
    const unknown = await ringdown(['transmogrify']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown command');
  });

  it('refuses a scenario that does not exist', async () => {
    const { code, err } = await ringdown(['converse', '--scenario', 'no-such-scenario']);
    expect(code).toBe(1);
    expect(err).toContain('no-such-scenario');
  });
});
