// TEST DOUBLE for the hosted LLM (OpenRouter or any OpenAI-compatible endpoint): a local HTTP
// server that answers POST /v1/chat/completions as the test tells it to. Used by llm.test.ts and
// llm-intents.test.ts and the live caller's tests only; nothing in the product imports it.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DoubleResponse {
  status?: number;
  /** Wait this long before answering, to play a slow provider. */
  delayMs?: number;
  /** The model's message content; objects are sent as JSON text (structured output). */
  content?: unknown;
}

export interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
}

export interface HostedLlmDouble {
  /** What to pass as `baseUrl`. */
  baseUrl: string;
  /** Every request body received, oldest first. */
  requests: ChatRequest[];
  /** Requests the client gave up on before the answer was sent. */
  readonly cancelled: number;
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startHostedLlmDouble(respond: (request: ChatRequest) => DoubleResponse): Promise<HostedLlmDouble> {
  const requests: ChatRequest[] = [];
  let cancelled = 0;
  const server = createServer(async (req, res) => {
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404).end();
      return;
    }
    const request = JSON.parse(await body(req)) as ChatRequest;
    requests.push(request);
    const answer = respond(request);
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    if (res.destroyed) {
      cancelled++;
      return;
    }
    const status = answer.status ?? 200;
    if (status !== 200) {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'test double failure', type: 'server_error' } }));
      return;
    }
    const content = typeof answer.content === 'string' ? answer.content : JSON.stringify(answer.content);
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id: `chatcmpl-double-${requests.length}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: request.model,
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop', logprobs: null }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    get cancelled() {
      return cancelled;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
