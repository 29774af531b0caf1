import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoquiSynthesizer } from './coqui.js';

// A test double for a Coqui TTS server (a hosted engine that cannot run here): it answers
// /api/tts with a real 22.05 kHz WAV spoken by flite, or fails as told.
let server: Server;
let base: string;
const requests: URLSearchParams[] = [];

beforeAll(async () => {
  const { stdout } = await promisify(execFile)('bash', ['-c', 'flite -voice slt -t "Help me please" -o /dev/stdout | sox -t wav - -t wav -r 22050 -'], { encoding: 'buffer', maxBuffer: 1 << 24 });
  server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    requests.push(url.searchParams);
    if (url.searchParams.get('text') === 'fail') return void res.writeHead(500).end('model crashed');
    if (url.searchParams.get('text') === 'slow') return void setTimeout(() => res.end(stdout), 2000);
    res.writeHead(200, { 'content-type': 'audio/wav' }).end(stdout);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server?.close(r)));

describe('CoquiSynthesizer', () => {
  it('asks the server for the text in the persona voice and returns 16 kHz PCM', async () => {
    const pcm = await new CoquiSynthesizer(base).synthesize('Help me please', { name: 'p225' });
    expect(requests.at(-1)?.get('text')).toBe('Help me please');
    expect(requests.at(-1)?.get('speaker_id')).toBe('p225');
    expect(pcm.length / 16_000).toBeGreaterThan(0.5);
    expect(pcm.length / 16_000).toBeLessThan(3);
  });

  it('regression: Coqui was sent the persona\'s flite voice name as its speaker id; it gets the catalogue\'s speaker of its own', async () => {
    await new CoquiSynthesizer(base).synthesize('Help me please', { name: 'rms' });
    expect(requests.at(-1)?.get('speaker_id')).toBe('p226');
  });

  it('fails clearly on a server error and on a timeout', async () => {
    await expect(new CoquiSynthesizer(base).synthesize('fail', { name: 'x' })).rejects.toThrow(/answered 500: model crashed/);
    await expect(new CoquiSynthesizer(base, 300).synthesize('slow', { name: 'x' })).rejects.toThrow(/did not answer/);
    await expect(new CoquiSynthesizer('http://127.0.0.1:9').synthesize('hi', { name: 'x' })).rejects.toThrow(/did not answer/);
  });
});
