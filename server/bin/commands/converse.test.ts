import { PassThrough, Readable } from 'node:stream';
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
