import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MediaError } from '../errors.js';
import { PCM_RATE_HZ } from '../format.js';
import { OpenAISynthesizer } from './openai.js';

const run = promisify(execFile);

/**
 * TEST DOUBLE for a hosted OpenAI-compatible speech service: POST /v1/audio/speech answers a
 * WAV of real speech (flite, at 22.05 kHz as many engines answer), and records what it was asked.
 */
class FakeHostedSpeechService {
  readonly asked: { model: string; voice: string; input: string; response_format: string }[] = [];
  behaviour: 'answer' | 'fail' | 'hang' = 'answer';
  #server: Server | undefined;

  async start(): Promise<string> {
    this.#server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      if (req.method !== 'POST' || req.url !== '/v1/audio/speech') return void res.writeHead(404).end();
      const body = JSON.parse(Buffer.concat(chunks).toString());
      this.asked.push(body);
      if (this.behaviour === 'hang') return;
      if (this.behaviour === 'fail') return void res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"message":"voice not loaded"}}');
      const { stdout } = await run('bash', ['-c', 'flite -voice slt -t "$T" -o /dev/stdout | sox -q -t wav - -r 22050 -t wav -'], { env: { ...process.env, T: body.input }, encoding: 'buffer' });
      res.writeHead(200, { 'content-type': 'audio/wav' }).end(stdout);
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise((resolve) => this.#server?.close(resolve));
  }
}

const service = new FakeHostedSpeechService();
let baseURL: string;
beforeAll(async () => {
  baseURL = await service.start();
});
afterAll(() => service.stop());
beforeEach(() => {
  service.behaviour = 'answer';
  service.asked.length = 0;
});

const LINE = 'Please hurry, my husband is not breathing.';

describe('the OpenAI-compatible speech provider', () => {
  it('speaks through the endpoint and hands back 16 kHz phone-band PCM', async () => {
    const tts = new OpenAISynthesizer({ baseURL, apiKey: 'test-key', model: 'tts-1' });
    const pcm = await tts.synthesize(LINE, { name: 'slt' });
    expect(service.asked).toEqual([{ model: 'tts-1', voice: 'nova', input: LINE, response_format: 'wav' }]);
    const seconds = pcm.length / PCM_RATE_HZ;
    expect(seconds).toBeGreaterThan(1.5);
    expect(seconds).toBeLessThan(5);
    expect(Math.max(...pcm.subarray(0, 40_000).map(Math.abs))).toBeGreaterThan(1000);
  });

  it('passes a voice name it does not map straight through', async () => {
    await new OpenAISynthesizer({ baseURL, apiKey: 'k', model: 'kokoro' }).synthesize('Hello?', { name: 'af_bella' });
    expect(service.asked[0]?.voice).toBe('af_bella');
  });

  it('colours the voice by emotion: a panicked caller talks faster than a calm one', async () => {
    const tts = new OpenAISynthesizer({ baseURL, apiKey: 'k', model: 'tts-1' });
    const calm = await tts.synthesize(LINE, { name: 'slt', emotion: 'calm' });
    const panicked = await tts.synthesize(LINE, { name: 'slt', emotion: 'panicked' });
    expect(panicked.length / calm.length).toBeGreaterThan(0.72);
    expect(panicked.length / calm.length).toBeLessThan(0.88); // the preset's pace, 0.8
  });

  it('fails with a clear, retryable error when the endpoint errs or does not answer in time', async () => {
    service.behaviour = 'fail';
    const tts = new OpenAISynthesizer({ baseURL, apiKey: 'k', model: 'tts-1', timeoutMs: 300 });
    await expect(tts.synthesize(LINE, { name: 'slt' })).rejects.toMatchObject({ code: 'tts_failed', retryable: true, message: expect.stringMatching(/^speech endpoint failed: 500/) });
    service.behaviour = 'hang';
    const error = await tts.synthesize(LINE, { name: 'slt' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaError);
    expect((error as Error).message).toMatch(/timed out/i);
  });

  it('stops when the reply is abandoned (barge-in), with an AbortError', async () => {
    service.behaviour = 'hang';
    const abort = new AbortController();
    const pending = new OpenAISynthesizer({ baseURL, apiKey: 'k', model: 'tts-1' }).synthesize(LINE, { name: 'slt' }, abort.signal);
    setTimeout(() => abort.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
