import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHostedLlmDouble, type ChatRequest, type DoubleResponse, type HostedLlmDouble } from './hosted-llm-double.js';
import { intentModel } from './intent-model.js';
import { LlmIntentClassifier } from './llm-intents.js';
import { CallerMind } from './mind.js';
import { kitchenFire } from './test-support.js';

let double: HostedLlmDouble | null = null;
beforeAll(() => void intentModel()); // the fallback's model, loaded before any budget is timed
afterEach(async () => {
  await double?.close();
  double = null;
});

const asks = (primary: string, score = 0.95) => ({ content: { primary, intents: [{ intent: primary, score }], slots: [] } });

async function classifier(respond: (request: ChatRequest) => DoubleResponse, timeoutMs = 3000) {
  double = await startHostedLlmDouble(respond);
  return new LlmIntentClassifier({ baseUrl: double.baseUrl, apiKey: 'test-key', model: 'test-model', timeoutMs });
}

describe('LLM intent classification', () => {
  it('asks for the intents and slots with a strict JSON schema and uses the answer', async () => {
    const llm = await classifier(() => ({ content: { primary: 'verify_location', intents: [{ intent: 'verify_location', score: 0.9 }, { intent: 'ask_callback', score: 0.7 }], slots: [{ type: 'address', value: '1420 Maple Avenue' }] } }));
    const u = await llm.understand('fourteen twenty maple and whats your number');
    expect(u).toMatchObject({ primary: 'verify_location', confidence: 0.9, slots: [{ type: 'address', value: '1420 Maple Avenue' }], runnerUp: { intent: 'ask_callback', score: 0.7 } });
    expect(u.intents.map((m) => m.intent)).toEqual(['verify_location', 'ask_callback']);
    expect(u.fallback).toBeUndefined();
    const request = double?.requests[0];
    expect(request?.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'call_taker_intents', strict: true } });
    expect(request?.messages.at(-1)).toEqual({ role: 'user', content: 'fourteen twenty maple and whats your number' });
  });

  it('falls back to the local model within its budget when the LLM is slow', async () => {
    const llm = await classifier(() => ({ delayMs: 3000, ...asks('ask_weapons') }), 200);
    const started = performance.now();
    const u = await llm.understand('where you at');
    expect(performance.now() - started).toBeLessThan(1000); // nowhere near the 3 s answer
    expect(u.primary).toBe('ask_location');
    expect(u.fallback).toMatch(/timeout/);
  });

  it('falls back to the local model when the LLM fails or answers off the schema', async () => {
    const failing = await classifier(() => ({ status: 500 }));
    expect(await failing.understand('is he breathing')).toMatchObject({ primary: 'ask_breathing', fallback: expect.any(String) });
    await double?.close();
    const offSchema = await classifier(() => ({ content: { primary: 'ask_everything', intents: [], slots: [] } }));
    expect(await offSchema.understand('is he breathing')).toMatchObject({ primary: 'ask_breathing', fallback: 'classification does not match the schema' });
  });

  it('lets the mind answer what the LLM understood, and the mind still decides what comes out', async () => {
    double = await startHostedLlmDouble((request) => (request.response_format?.json_schema?.name === 'call_taker_intents' ? asks('ask_name') : { status: 500 }));
    const mind = new CallerMind(kitchenFire(), 1, { silenceMs: 1e9, classifier: { baseUrl: double.baseUrl, apiKey: 'k', model: 'm', timeoutMs: 3000 } });
    mind.opening(0);
    // A line the local model cannot place; the LLM says it asks the caller's name.
    const reply = await mind.respond({ text: 'and who do i have on the line', atMs: 3000 });
    expect(reply.intent).toBe('ask_name');
    expect(reply.revealed).toEqual(['caller_name']);
    expect(reply.text).not.toContain('grease'); // a never fact stays unsaid, whatever the LLM said
    mind.close();
  });
});
