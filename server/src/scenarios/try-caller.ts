import { CallerMind, type Reply } from '../caller/mind.js';
import type { ScenarioInput } from '../protocol/scenario.js';
import type { TryCallerReply, TryTurn } from '../protocol/scenario-editor.js';
import { scenarioForCall } from './draw.js';

// "Try the caller" in the scenario editor: the caller of a draft, as a call with this seed would
// run it, answering typed lines. The mind is deterministic for a seed with the scripted engine,
// so replaying the lines from the start gives the conversation the instructor saw, and the server
// keeps no state between turns. Always scripted: a hosted LLM would reword the replayed turns.

/** How often time is let pass between lines, as the live caller ticks its mind. */
const TICK_MS = 500;

export async function tryCaller(draft: ScenarioInput, seed: number, lines: readonly { text: string; atMs: number }[]): Promise<TryCallerReply> {
  const mind = new CallerMind(scenarioForCall(draft, seed), seed);
  const turns: TryTurn[] = [];
  const heard = (reply: Reply | null, atMs: number) => {
    if (reply?.text) turns.push({ speaker: 'caller', text: reply.text, atMs, emotion: reply.emotion, revealed: reply.revealed });
  };
  try {
    heard(mind.opening(0), 0);
    let now = 0;
    for (const line of lines) {
      // Timeline events and a silent line's "hello?" come between the lines, as on a call.
      for (let t = now + TICK_MS; t < line.atMs; t += TICK_MS) heard(mind.tick(t), t);
      now = line.atMs;
      turns.push({ speaker: 'trainee', text: line.text, atMs: now });
      heard(await mind.respond({ text: line.text, atMs: now }), now);
    }
    return { turns, emotion: mind.emotion, revealed: mind.revealed };
  } finally {
    mind.close();
  }
}
