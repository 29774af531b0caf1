import type OpenAI from 'openai';
import { z } from 'zod';
import { TraineeIntent } from '../protocol/scenario.js';
import { ENTITY_TYPES } from '../intelligence/types.js';
import { understand, type Understanding } from './intents.js';
import { completeJson, openAiClient, type LlmOptions } from './llm.js';
import { normalize } from './text.js';

/** A classification must leave time to phrase the answer too. */
export const DEFAULT_CLASSIFY_TIMEOUT_MS = 400;

const Classification = z.object({
  primary: TraineeIntent,
  intents: z.array(z.object({ intent: TraineeIntent, score: z.number().min(0).max(1) })),
  slots: z.array(z.object({ type: z.enum(ENTITY_TYPES), value: z.string() })),
});

const RESPONSE_FORMAT = {
  type: 'json_schema',
  json_schema: {
    name: 'call_taker_intents',
    strict: true,
    schema: {
      type: 'object',
      properties: {
        primary: { type: 'string', enum: TraineeIntent.options, description: 'The first thing in the line that expects something of the caller.' },
        intents: {
          type: 'array',
          description: 'Every intent in the line, with how sure you are (0 to 1).',
          items: {
            type: 'object',
            properties: { intent: { type: 'string', enum: TraineeIntent.options }, score: { type: 'number' } },
            required: ['intent', 'score'],
            additionalProperties: false,
          },
        },
        slots: {
          type: 'array',
          description: 'What the line itself states: an address read back, a phone number, a name.',
          items: {
            type: 'object',
            properties: { type: { type: 'string', enum: ENTITY_TYPES }, value: { type: 'string' } },
            required: ['type', 'value'],
            additionalProperties: false,
          },
        },
      },
      required: ['primary', 'intents', 'slots'],
      additionalProperties: false,
    },
  },
} as const;

const SYSTEM = [
  'You label what a 911 call-taker just said, in a call-taker training simulator. The text comes from speech recognition: lowercase, no punctuation, sometimes misheard.',
  'Labels: greeting (an opening and nothing else); ask_location (any question about where, including direction the caller travels, inside or outside); verify_location (a place read back to confirm);',
  'ask_callback / verify_callback (the phone number asked or read back); ask_name; ask_nature (what happened, why they think so, what help); ask_breathing; ask_conscious (awake, responding, can talk);',
  'ask_injuries (hurt, bleeding, pain); ask_age; ask_weapons (including anything in his hands); ask_hazards (smoke, fire, gas, placards, wires, dogs, traffic, is the caller safe);',
  'ask_people_count (how many, anyone else, is the other one still there, are you alone); ask_suspect (description, where he is or went on foot, do you know him); ask_vehicle (description, plate, where it went);',
  'reassure (comfort: help is coming, doing great); command (any instruction, including stay on the line); cpr_count (counting compressions); hold_notice (hold, transfer); repeat (say that again, slow down); other.',
  'The primary is the first question or instruction that expects something of the caller; a leading okay or acknowledgement does not count; a command that only serves a question makes the question primary.',
].join('\n');

/** Asks a hosted LLM what the call-taker's line does; the local model answers when the LLM cannot in time. Never throws. */
export class LlmIntentClassifier {
  readonly #client: OpenAI;
  readonly #model: string;
  readonly #timeoutMs: number;

  constructor(options: LlmOptions) {
    this.#model = options.model;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_CLASSIFY_TIMEOUT_MS;
    this.#client = openAiClient(options, this.#timeoutMs);
  }

  /** The LLM's understanding, or the local model's with the reason the LLM's was not used. */
  async understand(text: string, signal?: AbortSignal): Promise<Understanding & { fallback?: string }> {
    if (!normalize(text)) return understand(text);
    const result = await completeJson(
      this.#client,
      {
        model: this.#model,
        messages: [
          { role: 'system', content: SYSTEM },
          { role: 'user', content: text },
        ],
        response_format: RESPONSE_FORMAT,
        temperature: 0,
        max_tokens: 200,
      },
      this.#timeoutMs,
      signal,
    );
    if (!result.ok) return { ...understand(text), fallback: result.reason };
    const parsed = Classification.safeParse(result.json);
    if (!parsed.success) return { ...understand(text), fallback: 'classification does not match the schema' };
    const { primary, intents, slots } = parsed.data;
    const others = intents.filter((m) => m.intent !== primary).sort((a, b) => b.score - a.score);
    const confidence = intents.find((m) => m.intent === primary)?.score ?? 1;
    return {
      text,
      normalized: normalize(text),
      intents: [{ intent: primary, score: confidence }, ...others.filter((m) => m.score >= 0.5)],
      primary,
      confidence,
      runnerUp: others[0] ?? null,
      slots,
    };
  }
}
