import { afterEach, describe, expect, it } from 'vitest';
import { startHostedLlmDouble, type DoubleResponse, type HostedLlmDouble } from './hosted-llm-double.js';
import { CallerMind } from './mind.js';
import { libraryScenario } from './test-support.js';

let double: HostedLlmDouble | null = null;
afterEach(async () => {
  await double?.close();
  double = null;
});

/** A caller phrased by the test double; controlDifficulty 0 so the scripted plan is fixed. */
async function phrasedCaller(id: string, answer: DoubleResponse, timeoutMs = 600) {
  double = await startHostedLlmDouble(() => answer);
  const scenario = await libraryScenario(id, { persona: { controlDifficulty: 0, behaviours: [] } });
  const mind = new CallerMind(scenario, 1, { silenceMs: 1e9, llm: { baseUrl: double.baseUrl, apiKey: 'test-key', model: 'test-model', timeoutMs } });
  mind.opening(0);
  return mind;
}

describe('LLM phrasing', () => {
  it('speaks the LLM wording when it stays within what the caller may say', async () => {
    const say = "It's 615 Lincoln Avenue! Apartment 4C! Please hurry!";
    const mind = await phrasedCaller('cardiac-arrest-cpr', { content: { say, emotion: 'panicked', revealedFacts: ['location'] } });
    const reply = await mind.respond({ text: 'whats the address', atMs: 3000 });
    expect(reply).toMatchObject({ source: 'llm', text: say, revealed: ['location'] });
    const request = double?.requests[0];
    expect(request?.response_format?.type).toBe('json_schema');
    expect(request?.response_format?.json_schema?.strict).toBe(true);
  });

  it('does not show the LLM a fact the caller may not say', async () => {
    const mind = await phrasedCaller('opioid-overdose-naloxone', { content: { say: 'Please hurry.', emotion: 'panicked', revealedFacts: [] } });
    await mind.respond({ text: 'what did he take', atMs: 3000 });
    const prompt = JSON.stringify(double?.requests[0]?.messages);
    expect(prompt).toContain('Percocet');
    expect(prompt).not.toMatch(/fentanyl|555-0128|Tyler/i);
  });

  it('refuses a wording that gives away a never fact and speaks the scripted line', async () => {
    const mind = await phrasedCaller('opioid-overdose-naloxone', {
      content: { say: 'He took a Percocet, I think it was fentanyl.', emotion: 'panicked', revealedFacts: ['substance'] },
    });
    const reply = await mind.respond({ text: 'what did he take', atMs: 3000 });
    expect(reply.source).toBe('scripted');
    expect(reply.fallbacks).toEqual([{ stage: 'phrasing', reason: expect.stringMatching(/refused: reveals "exact_drug"/) }]);
    expect(reply.text).toContain('He thought it was a Percocet');
    expect(reply.text).not.toMatch(/fentanyl/i);
  });

  it('refuses a wording that gives a fact nobody asked for yet', async () => {
    const mind = await phrasedCaller('cardiac-arrest-cpr', {
      content: { say: "615 Lincoln Avenue, 4C. My number's 419-555-0112.", emotion: 'panicked', revealedFacts: ['location'] },
    });
    const reply = await mind.respond({ text: 'whats the address', atMs: 3000 });
    expect(reply.source).toBe('scripted');
    expect(reply.fallbacks).toEqual([{ stage: 'phrasing', reason: expect.stringMatching(/refused: reveals "callback"/) }]);
    expect(reply.text).not.toContain('555-0112');
  });

  it('falls back to the scripted line within the budget when the LLM is slow', async () => {
    const mind = await phrasedCaller('cardiac-arrest-cpr', { delayMs: 3000, content: { say: 'too late', emotion: 'calm', revealedFacts: [] } }, 300);
    const started = performance.now();
    const reply = await mind.respond({ text: 'whats the address', atMs: 3000 });
    const elapsed = performance.now() - started;
    expect(reply.source).toBe('scripted');
    expect(reply.fallbacks).toEqual([{ stage: 'phrasing', reason: expect.stringMatching(/timeout/) }]);
    expect(reply.text).toContain('615 Lincoln Avenue');
    expect(elapsed).toBeLessThan(450);
  });

  it('falls back to the scripted line when the LLM answers 500', async () => {
    const mind = await phrasedCaller('cardiac-arrest-cpr', { status: 500 });
    const reply = await mind.respond({ text: 'whats the address', atMs: 3000 });
    expect(reply.source).toBe('scripted');
    expect(reply.fallbacks).toEqual([{ stage: 'phrasing', reason: expect.any(String) }]);
    expect(reply.text).toContain('615 Lincoln Avenue');
    expect(double?.requests).toHaveLength(1);
  });
});
