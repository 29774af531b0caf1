import OpenAI from 'openai';
import { z } from 'zod';
import { Emotion } from '../protocol/scenario.js';
import type { LlmReply, PhrasePlan } from './guard.js';

/** Any OpenAI-compatible chat endpoint (OpenRouter, a local server). Passed in, never read from the environment. */
export interface LlmOptions {
  baseUrl: string;
  apiKey: string;
  model: string;
  /** The whole budget for one phrasing; past it the scripted line is spoken. A caller must answer within ~800 ms. */
  timeoutMs?: number;
  temperature?: number;
}

export type PhraseResult = { ok: true; reply: LlmReply } | { ok: false; reason: string };

export const DEFAULT_LLM_TIMEOUT_MS = 600;

const LlmReplySchema = z.object({ say: z.string(), emotion: Emotion, revealedFacts: z.array(z.string()) });

/** The structured output the model must return. */
const RESPONSE_FORMAT = {
  type: 'json_schema',
  json_schema: {
    name: 'caller_reply',
    strict: true,
    schema: {
      type: 'object',
      properties: {
        say: { type: 'string', description: "The caller's next words: 1 to 3 short spoken sentences." },
        emotion: { type: 'string', enum: Emotion.options },
        revealedFacts: { type: 'array', items: { type: 'string' }, description: 'Keys of the allowed facts this line states.' },
      },
      required: ['say', 'emotion', 'revealedFacts'],
      additionalProperties: false,
    },
  },
} as const;

export function buildMessages(plan: PhrasePlan): OpenAI.Chat.ChatCompletionMessageParam[] {
  const { persona } = plan;
  const system = [
    'You voice the caller in a 911 call-taker training simulator. Stay in character; you are not an assistant.',
    // No name: the caller's name is a fact with its own reveal rule, and the model sees nothing it may not say.
    `Caller: age ${persona.age}, ${persona.languageLevel} speaker${persona.behaviours.length ? `; ${persona.behaviours.join(', ').replaceAll('_', ' ')}` : ''}.`,
    `Right now the caller is ${plan.emotion.replace('_', ' ')}.`,
    'Rewrite the DRAFT as the caller would say it: 1 to 3 short spoken sentences, no stage directions, no quotation marks, numbers as digits.',
    'Say what the DRAFT says and nothing more. Never add an address, phone number, name, number, weapon or any fact that is not in the DRAFT or in the ALLOWED FACTS.',
    'Answer as JSON: say, emotion, revealedFacts (the keys of the ALLOWED FACTS your line states).',
  ].join('\n');
  const history = plan.history.map((h) => `${h.role === 'trainee' ? 'Call-taker' : 'Caller'}: ${h.text}`).join('\n');
  const facts = [...plan.conveyed.map((c) => `- ${c.fact}: ${c.say}`), ...plan.known.map((k) => `- ${k.fact}: ${k.answer}`)].join('\n');
  const user = [
    history && `CALL SO FAR:\n${history}`,
    `CALL-TAKER JUST SAID: ${plan.traineeText || '(nothing)'}`,
    `ALLOWED FACTS:\n${facts || '- (none)'}`,
    `DRAFT: ${plan.draft}`,
  ]
    .filter(Boolean)
    .join('\n\n');
  return [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ];
}

/** An OpenAI-compatible client with everything explicit: nothing filled from OPENAI_* variables, no retries (a retry cannot fit in the budget). */
export function openAiClient(options: LlmOptions, timeoutMs: number): OpenAI {
  if (!options.baseUrl || !options.model) throw new TypeError('an LLM needs baseUrl and model');
  return new OpenAI({
    baseURL: options.baseUrl,
    apiKey: options.apiKey,
    adminAPIKey: null,
    organization: null,
    project: null,
    webhookSecret: null,
    maxRetries: 0,
    timeout: timeoutMs,
    logLevel: 'off',
  });
}

export type JsonResult = { ok: true; json: unknown } | { ok: false; reason: string };

/**
 * One chat completion with structured output, parsed as JSON, within a hard time budget.
 * Never throws: a timeout, an error or an empty answer is a reason.
 */
export async function completeJson(
  client: OpenAI,
  request: Omit<OpenAI.Chat.ChatCompletionCreateParamsNonStreaming, 'stream'>,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<JsonResult> {
  if (signal?.aborted) return { ok: false, reason: 'aborted' };
  const controller = new AbortController();
  const abort = () => controller.abort();
  signal?.addEventListener('abort', abort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  // The SDK aborts the request on the signal; the race makes the budget hard even if a
  // response body is stuck mid-stream.
  const deadline = new Promise<JsonResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ ok: false, reason: `timeout after ${timeoutMs} ms` });
    }, timeoutMs);
  });
  const answer = (async (): Promise<JsonResult> => {
    try {
      const completion = await client.chat.completions.create(request, { signal: controller.signal });
      const content = completion.choices[0]?.message.content;
      if (!content) return { ok: false, reason: 'empty completion' };
      return { ok: true, json: JSON.parse(content) };
    } catch (error) {
      if (controller.signal.aborted) return { ok: false, reason: 'aborted' };
      return { ok: false, reason: error instanceof Error ? error.message.slice(0, 200) : 'request failed' };
    }
  })();
  try {
    return await Promise.race([answer, deadline]);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  }
}

/** Asks the model to phrase one caller turn, within a hard time budget. Never throws. */
export class LlmPhraser {
  readonly #client: OpenAI;
  readonly #model: string;
  readonly #timeoutMs: number;
  readonly #temperature: number;

  constructor(options: LlmOptions) {
    this.#model = options.model;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS;
    this.#temperature = options.temperature ?? 0.7;
    this.#client = openAiClient(options, this.#timeoutMs);
  }

  async phrase(plan: PhrasePlan, signal?: AbortSignal): Promise<PhraseResult> {
    const result = await completeJson(
      this.#client,
      { model: this.#model, messages: buildMessages(plan), response_format: RESPONSE_FORMAT, temperature: this.#temperature, max_tokens: 150 },
      this.#timeoutMs,
      signal,
    );
    if (!result.ok) return result;
    const parsed = LlmReplySchema.safeParse(result.json);
    return parsed.success ? { ok: true, reply: parsed.data } : { ok: false, reason: 'reply does not match the schema' };
  }
}
