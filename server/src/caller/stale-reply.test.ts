import { afterEach, describe, expect, it } from 'vitest';
import { AiCaller } from '../../../media/caller/ai-caller.js';
import type { PlayedLine } from '../../../media/caller/reply.js';
import { LinePlayer } from '../../../media/testing/line-player.js';
import { startHostedLlmDouble, type HostedLlmDouble } from './hosted-llm-double.js';
import { vocabularyOf } from './live-caller.js';
import { CallerMind } from './mind.js';
import { QUIET, ScriptedRecognizer, scriptedVad, scriptedVoice, SPEECH } from './scripted-engines.js';
import { kitchenFire } from './test-support.js';

// A reply is one handle from the LLM to the line: a newer trainee turn cancels an older reply
// in every stage. The LLM is the hosted-LLM test double (a local HTTP server) answering each
// phrasing after a delay the test sets; it words each reply as its draft, marked FIRST or
// SECOND, so the test can tell which reply reached the line.

let double: HostedLlmDouble | undefined;
afterEach(async () => {
  await double?.close();
  double = undefined;
});

const settle = () => new Promise((r) => setImmediate(r));

async function phrasedCaller(delaysMs: number[]) {
  double = await startHostedLlmDouble((request) => {
    const n = double!.requests.length - 1;
    const draft = /DRAFT: (.*)$/s.exec(request.messages.at(-1)?.content ?? '')?.[1] ?? '';
    return { delayMs: delaysMs[n] ?? 0, content: { say: `${n === 0 ? 'FIRST' : 'SECOND'}. ${draft}`, emotion: 'panicked', revealedFacts: [] } };
  });
  const scenario = kitchenFire();
  const mind = new CallerMind(scenario, 1, { silenceMs: 1e9, llm: { baseUrl: double.baseUrl, apiKey: 'test-key', model: 'test-model', timeoutMs: 5000 } });
  const recognizer = new ScriptedRecognizer();
  const player = new LinePlayer();
  const caller = await AiCaller.create({
    mind,
    vocabulary: vocabularyOf(scenario),
    voice: { name: 'slt' },
    controlDifficulty: 0,
    seed: 1,
    vad: scriptedVad,
    recognizer,
    synthesizer: scriptedVoice(200),
    player,
    now: () => 0,
  });
  const said: PlayedLine[] = [];
  caller.on('said', (line) => said.push(line));
  const fallbacks: unknown[] = [];
  const errors: Error[] = [];
  caller.on('fallback', (f) => fallbacks.push(f));
  caller.on('error', (e) => errors.push(e));
  let at = 1000;
  const trainee = async (kind: 'speech' | 'quiet', ms: number) => {
    for (let t = 0; t < ms; t += 20, at += 20) caller.hear(kind === 'speech' ? SPEECH : QUIET, at);
    await settle();
  };
  /** The trainee says one line: speech, the pause that ends it, and what the recognizer made of it. */
  const says = async (text: string) => {
    await trainee('speech', 600);
    await trainee('quiet', 500);
    recognizer.turns.at(-1)!.hear(text);
    await settle();
  };
  caller.answer();
  await expect.poll(() => said.length > 0 && player.queuedMs === 0).toBe(true);
  return { caller, player, said, says, double, fallbacks, errors };
}

describe('a reply superseded by a newer trainee turn', () => {
  it('regression: the trainee spoke again while the LLM phrased the answer; the aborted phrasing fell back to the scripted reply and was spoken anyway: now the older reply is never played and the transcript has only what was played', async () => {
    const { caller, player, said, says, double, fallbacks, errors } = await phrasedCaller([1500, 100]);
    const opening = said.length;
    await says('what is the address');
    await expect.poll(() => double.requests.length).toBe(1); // the LLM is phrasing the answer
    await new Promise((r) => setTimeout(r, 300));
    await says('what is your callback number'); // before the LLM has answered the first
    await expect.poll(() => said.slice(opening).map((l) => l.text).join(' '), { timeout: 3000 }).toMatch(/SECOND/);
    await new Promise((r) => setTimeout(r, 1800)); // past the time the first phrasing would have come back
    await expect.poll(() => player.queuedMs).toBe(0);
    const transcript = said.slice(opening);
    expect(transcript.map((l) => l.text).join(' ')).not.toMatch(/FIRST|Fourteen sixteen/); // neither its LLM nor its scripted wording
    expect(transcript.map((l) => l.text).join(' ')).toMatch(/312-555-0100/);
    expect(transcript.every((l) => l.playedMs === l.totalMs)).toBe(true); // every line stored was played, whole
    expect(player.plays).toHaveLength(opening + transcript.length); // and nothing else went to the line
    expect(double.requests).toHaveLength(2);
    expect(double.cancelled).toBe(1); // the older phrasing was called off at the LLM
    expect(fallbacks).toEqual([]); // a cancelled reply is not a failed provider
    expect(errors).toEqual([]);
    // What the unplayed reply would have given (the wrong address first) is given when asked again.
    const next = said.length;
    await says('what is the address');
    await expect.poll(() => said.slice(next).map((l) => l.text).join(' '), { timeout: 3000 }).toMatch(/Fourteen sixteen/);
    caller.close();
  });
});
