import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { probeCoqui, probeModels } from './provider-probes.js';

// The providers' /ready probes against a TEST DOUBLE of a hosted provider: a local HTTP server
// that lists models (GET /v1/models) to the key it is told to accept, and answers its front
// page (Coqui's GET /). Nothing is synthesised or completed: a probe costs no money.

const KEY = 'test-key';
let models = ['caller-llm', 'whisper-test'];
const requests: string[] = [];
let double: Server;
let baseUrl: string;
let closedUrl: string;

beforeAll(async () => {
  double = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    if (req.url === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Coqui TTS</html>');
    if (req.method !== 'GET' || req.url !== '/v1/models') return void res.writeHead(404).end();
    if (req.headers.authorization !== `Bearer ${KEY}`) return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":{"message":"bad key"}}');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data: models.map((id) => ({ id, object: 'model' })) }));
  });
  await new Promise<void>((resolve) => double.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(double.address() as AddressInfo).port}/v1`;
  // A port nothing listens on: a server started and closed again.
  const gone = createServer();
  await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
  closedUrl = `http://127.0.0.1:${(gone.address() as AddressInfo).port}/v1`;
  await new Promise((resolve) => gone.close(resolve));
});
afterAll(() => new Promise((resolve) => double.close(resolve)));

describe('provider probes', () => {
  it('passes when the endpoint accepts the key and offers every configured model', async () => {
    await expect(probeModels(baseUrl, KEY, ['caller-llm', 'whisper-test'])).resolves.toEqual({ models: ['caller-llm', 'whisper-test'] });
    expect(requests.every((r) => r === 'GET /v1/models')).toBe(true); // only the free model list
  });

  it('fails with the reason when the key is refused', async () => {
    await expect(probeModels(baseUrl, 'wrong-key', ['caller-llm'])).rejects.toThrow(/API key was refused \(401\)/);
  });

  it('fails naming the configured model the endpoint does not offer', async () => {
    await expect(probeModels(baseUrl, KEY, ['caller-llm', 'tts-missing'])).rejects.toThrow(/not offered by .*: tts-missing$/);
  });

  it('fails as unreachable when nothing answers', async () => {
    await expect(probeModels(closedUrl, KEY, ['caller-llm'])).rejects.toThrow(/is unreachable: ECONNREFUSED/);
    await expect(probeCoqui(closedUrl)).rejects.toThrow(/is unreachable/);
  });

  it('passes a Coqui server that answers its front page', async () => {
    await expect(probeCoqui(baseUrl)).resolves.toBeUndefined();
  });
});

describe('/ready with a hosted provider', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { OPENAI_BASE_URL: baseUrl, OPENAI_API_KEY: KEY, OPENAI_MODEL: 'caller-llm' } });
  }, 120_000);
  afterAll(() => server?.close());

  const ready = async () => {
    const res = await fetch(`${server.url}/ready`);
    return { status: res.status, body: (await res.json()) as { checks: Record<string, { ok: boolean; error?: string }> } };
  };

  it('is ready while the model is offered, and not ready, with the reason, once it is gone', async () => {
    models = ['caller-llm'];
    expect(await ready()).toMatchObject({ status: 200, body: { checks: { llm: { ok: true } } } });
    models = ['another-model'];
    expect(await ready()).toMatchObject({ status: 503, body: { checks: { llm: { ok: false, error: expect.stringMatching(/not offered.*caller-llm/) } } } });
  });
});
