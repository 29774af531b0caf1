import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InvalidStateError, MediaError } from '../errors.js';
import { normalizeTranscript, OpenAIRecognizer, vocabularyPrompt } from './openai.js';
import { isAbortError, type CallVocabulary } from './recognizer.js';

const VOCABULARY: CallVocabulary = { addresses: ['1420 Maple Avenue'], places: ['Riverton'], names: ['Denise Walker'], phoneNumbers: ['(419) 555-0147'] };

interface Received {
  model: string;
  prompt: string | null;
  language: string | null;
  auth: string | undefined;
  wav: Buffer;
}

/**
 * TEST DOUBLE for a hosted OpenAI-compatible transcription service: it answers
 * POST /v1/audio/transcriptions the way such services do, and records what it was sent.
 * `behaviour` picks the answer: a transcript, a server error, or no answer in time.
 */
class FakeHostedTranscriptionService {
  readonly received: Received[] = [];
  behaviour: 'answer' | 'fail' | 'hang' = 'answer';
  transcript = 'I have fourteen twenty Maple Avenue, is that correct?';
  #server: Server | undefined;

  async start(): Promise<string> {
    this.#server = createServer((req, res) => void this.#handle(req, res));
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise((resolve) => this.#server?.close(resolve));
  }

  async #handle(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || req.url !== '/v1/audio/transcriptions') {
      res.writeHead(404).end();
      return;
    }
    const form = await new Request('http://fake/', { method: 'POST', headers: { 'content-type': req.headers['content-type']! }, body: Buffer.concat(chunks) }).formData();
    const file = form.get('file') as File;
    this.received.push({
      model: String(form.get('model')),
      prompt: form.get('prompt') as string | null,
      language: form.get('language') as string | null,
      auth: req.headers.authorization,
      wav: Buffer.from(await file.arrayBuffer()),
    });
    if (this.behaviour === 'hang') return; // never answers; the client's timeout must fire
    if (this.behaviour === 'fail') {
      res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'model is loading', type: 'server_error' } }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ text: this.transcript }));
  }
}

const service = new FakeHostedTranscriptionService();
let baseURL: string;
beforeAll(async () => {
  baseURL = await service.start();
});
afterAll(() => service.stop());
beforeEach(() => {
  service.behaviour = 'answer';
  service.received.length = 0;
});

const frames = (count: number, value = 1000) => Array.from({ length: count }, () => new Int16Array(320).fill(value));

describe('OpenAIRecognizer against an OpenAI-compatible transcription service', () => {
  it('sends the turn as one 16 kHz mono WAV with the call vocabulary as prompt, and normalises the text', async () => {
    const recognizer = new OpenAIRecognizer({ baseURL, apiKey: 'test-key', model: 'whisper-1' });
    const call = await recognizer.prepare(VOCABULARY);
    const turn = call.startTurn();
    const partials: string[] = [];
    turn.on('partial', (p) => partials.push(p));
    for (const frame of frames(50)) turn.push(frame);
    const result = await turn.finish();

    expect(result).toEqual({ text: 'i have 1420 maple avenue is that correct', confidence: null });
    expect(partials).toEqual([]);
    const [sent] = service.received;
    expect(sent!.model).toBe('whisper-1');
    expect(sent!.language).toBe('en');
    expect(sent!.auth).toBe('Bearer test-key');
    expect(sent!.prompt).toBe('1420 Maple Avenue. Riverton. Denise Walker. (419) 555-0147');
    expect(sent!.wav.subarray(0, 4).toString('ascii')).toBe('RIFF');
    expect(sent!.wav.readUInt16LE(22)).toBe(1); // channels
    expect(sent!.wav.readUInt32LE(24)).toBe(16_000);
    expect(sent!.wav.readUInt32LE(40)).toBe(50 * 320 * 2);
    expect(sent!.wav.readInt16LE(44)).toBe(1000);
    await call.close();
  });

  it('rejects with a clear timeout error when the service does not answer in time', async () => {
    service.behaviour = 'hang';
    const call = await new OpenAIRecognizer({ baseURL, apiKey: 'k', model: 'whisper-1', timeoutMs: 300 }).prepare(VOCABULARY);
    const turn = call.startTurn();
    for (const frame of frames(5)) turn.push(frame);
    const started = performance.now();
    const err = await turn.finish().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MediaError);
    expect(err).toMatchObject({ code: 'asr_timeout', retryable: true, message: 'transcription service did not answer within 300 ms' });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('rejects with the status and message when the service fails', async () => {
    service.behaviour = 'fail';
    const call = await new OpenAIRecognizer({ baseURL, apiKey: 'k', model: 'whisper-1' }).prepare({});
    const turn = call.startTurn();
    turn.push(frames(1)[0]!);
    await expect(turn.finish()).rejects.toMatchObject({ code: 'asr_failed', retryable: true, message: expect.stringContaining('503') });
    expect(service.received[0]!.prompt).toBeNull();
  });

  it('rejects with a clear error when nothing listens at the address', async () => {
    const call = await new OpenAIRecognizer({ baseURL: 'http://127.0.0.1:9/v1', apiKey: 'k', model: 'm' }).prepare({});
    const turn = call.startTurn();
    turn.push(frames(1)[0]!);
    await expect(turn.finish()).rejects.toMatchObject({ code: 'asr_failed', message: expect.stringContaining('unreachable') });
  });

  it('abandons a cancelled turn with an AbortError, and refuses audio after it', async () => {
    service.behaviour = 'hang';
    const call = await new OpenAIRecognizer({ baseURL, apiKey: 'k', model: 'whisper-1' }).prepare(VOCABULARY);
    const turn = call.startTurn();
    turn.push(frames(1)[0]!);
    const pending = turn.finish();
    turn.cancel();
    await expect(pending).rejects.toSatisfy(isAbortError);
    expect(() => turn.push(frames(1)[0]!)).toThrow(InvalidStateError);
    const next = call.startTurn();
    await call.close();
    expect(() => next.push(frames(1)[0]!)).toThrow(InvalidStateError);
    expect(() => call.startTurn()).toThrow(InvalidStateError);
  });
});

describe('hosted transcripts and prompts', () => {
  it.each([
    ['I have 1420 Maple Avenue, is that correct?', 'i have 1420 maple avenue is that correct'],
    ['My number is (419) 555-0147.', 'my number is 419-555-0147'],
    ['Call 555-1212', 'call 555-1212'],
    ['Fourteen twenty Maple.', '1420 maple'],
    ['It is 1,420 feet.', 'it is 1420 feet'],
    ["He's not breathing!", "he's not breathing"],
  ])('normalises "%s" to "%s"', (text, normalised) => {
    expect(normalizeTranscript(text)).toBe(normalised);
  });

  it('builds an empty prompt from an empty vocabulary', () => {
    expect(vocabularyPrompt({})).toBe('');
  });
});
