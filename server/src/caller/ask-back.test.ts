import { describe, expect, it } from 'vitest';
import { ASK_BACK_LINES, isUnsure } from './ask-back.js';
import type { Understanding } from './intents.js';
import { CallerMind } from './mind.js';
import { kitchenFire } from './test-support.js';

const understood = (primary: Understanding['primary'], confidence: number, runnerUp: Understanding['runnerUp'] = null): Understanding => ({
  text: 'x',
  normalized: 'x',
  intents: [{ intent: primary, score: confidence }],
  primary,
  confidence,
  runnerUp,
});

async function openedCaller() {
  const mind = new CallerMind(kitchenFire(), 1, { silenceMs: 1e9 });
  mind.opening(0);
  let at = 1000;
  return { mind, ask: (text: string) => mind.respond({ text, atMs: (at += 3000) }) };
}

describe('asking back when unsure', () => {
  it('is unsure of a low confidence, or of two questions scored close together', () => {
    expect(isUnsure(understood('ask_location', 0.25))).toBe(true);
    expect(isUnsure(understood('ask_location', 0.35))).toBe(true);
    expect(isUnsure(understood('ask_location', 0.45))).toBe(false);
    expect(isUnsure(understood('ask_location', 0.48, { intent: 'ask_callback', score: 0.45 }))).toBe(true);
    expect(isUnsure(understood('ask_location', 0.9, { intent: 'ask_callback', score: 0.05 }))).toBe(false);
    // A command and a question close together is a command with a question word in it, not a doubt.
    expect(isUnsure(understood('command', 0.48, { intent: 'ask_breathing', score: 0.45 }))).toBe(false);
  });

  it('regression: does not cut its own words short with "What?" for a doubtful uh-huh or noise heard as words', () => {
    expect(isUnsure(understood('other', 0.2, { intent: 'repeat', score: 0.18 }))).toBe(false);
    expect(isUnsure(understood('repeat', 0.25))).toBe(false);
  });

  it('asks back instead of answering a garbled line, and gives nothing away', async () => {
    const { ask } = await openedCaller();
    const reply = await ask('what is the uh');
    expect(ASK_BACK_LINES.has(reply.text)).toBe(true);
    expect(reply.revealed).toEqual([]);
    expect(reply.text).not.toContain('1420');
  });

  it('answers the best guess when the same unclear line comes again, rather than asking back forever', async () => {
    const { ask } = await openedCaller();
    expect(ASK_BACK_LINES.has((await ask('what is the uh')).text)).toBe(true);
    expect(ASK_BACK_LINES.has((await ask('what is the uh')).text)).toBe(false);
  });

  it('answers a clear question straight away', async () => {
    const { ask } = await openedCaller();
    const reply = await ask('whats your name');
    expect(ASK_BACK_LINES.has(reply.text)).toBe(false);
    expect(reply.revealed).toContain('caller_name');
  });
});
