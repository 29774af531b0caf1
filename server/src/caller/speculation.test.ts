import { describe, expect, it } from 'vitest';
import { AiCaller } from '../../../media/caller/ai-caller.js';
import type { TraineeSpeech, TurnTiming } from '../../../media/caller/pipeline.js';
import type { PlayedLine } from '../../../media/caller/reply.js';
import { LinePlayer } from '../../../media/testing/line-player.js';
import { vocabularyOf } from './live-caller.js';
import { CallerMind } from './mind.js';
import { QUIET, ScriptedRecognizer, scriptedVad, SPEECH } from './scripted-engines.js';
import { kitchenFire } from './test-support.js';

// Speculative end of turn: at the trainee's first pause the caller has the turn recognised and
// its answer made (mind and first sentence), and plays it once the endpoint confirms the turn.
// If the trainee goes on first, the answer is dropped as if the mind had never been asked.

const settle = () => new Promise((r) => setImmediate(r));

describe('a mind checkpoint', () => {
  it('rewound, leaves the mind as if never asked: the same seed answers the same, wrong first address and timeline line included', async () => {
    const asked = new CallerMind(kitchenFire(), 7, { silenceMs: 1e9 });
    const plain = new CallerMind(kitchenFire(), 7, { silenceMs: 1e9 });
    asked.opening(0);
    plain.opening(0);
    const lines = ['whats the address', 'is anyone hurt', 'stay outside and keep away from the house', 'whats the address', 'okay help is on the way'];
    for (const [i, text] of lines.entries()) {
      const atMs = 20_000 + i * 4000; // the window bursts (30 s) between two of them
      const checkpoint = asked.checkpoint();
      const speculative = await asked.respond({ text: 'whats the phone number youre calling from', atMs });
      expect(speculative.text).toContain('312-555-0100');
      checkpoint.rewind();
      asked.unheard(speculative); // a late report of the dropped reply changes nothing
      const [a, b] = [await asked.respond({ text, atMs }), await plain.respond({ text, atMs })];
      expect(a.text).toBe(b.text);
      expect(a.emotion).toBe(b.emotion);
      expect(a.revealed).toEqual(b.revealed);
    }
    expect(asked.revealed).toEqual(plain.revealed);
    expect(asked.revealed).not.toContain('callback'); // only ever given speculatively
  });

  it('kept, makes the answer count as any other', async () => {
    const mind = new CallerMind(kitchenFire(), 1, { silenceMs: 1e9 });
    mind.opening(0);
    const checkpoint = mind.checkpoint();
    expect((await mind.respond({ text: 'whats the address', atMs: 2000 })).text).toContain('Fourteen sixteen');
    checkpoint.keep();
    checkpoint.rewind(); // too late: kept
    expect((await mind.respond({ text: 'whats the address', atMs: 4000 })).text).toContain('1420 Maple Avenue');
  });
});

async function speculatingCaller() {
  const recognizer = new ScriptedRecognizer();
  const player = new LinePlayer();
  const made: string[] = [];
  const scenario = kitchenFire();
  const caller = await AiCaller.create({
    mind: new CallerMind(scenario, 1, { silenceMs: 1e9 }),
    vocabulary: vocabularyOf(scenario),
    voice: { name: 'slt' },
    controlDifficulty: 0,
    seed: 1,
    vad: scriptedVad,
    recognizer,
    synthesizer: {
      name: 'scripted',
      capabilities: { streaming: false, voices: [] },
      synthesize: async (text) => {
        made.push(text);
        return new Int16Array(1600);
      },
    },
    player,
    now: () => 0,
  });
  const said: PlayedLine[] = [];
  const heard: TraineeSpeech[] = [];
  const timings: TurnTiming[] = [];
  const errors: Error[] = [];
  caller.on('said', (line) => said.push(line));
  caller.on('heard', (speech) => speech.isFinal && heard.push(speech));
  caller.on('turn', (timing) => timings.push(timing));
  caller.on('error', (error) => errors.push(error));
  let at = 1000;
  const trainee = async (kind: 'speech' | 'quiet', ms: number) => {
    for (let t = 0; t < ms; t += 20, at += 20) caller.hear(kind === 'speech' ? SPEECH : QUIET, at);
    await settle();
  };
  caller.answer();
  await expect.poll(() => said.length > 0 && player.queuedMs === 0 && !player.pacer.speaking).toBe(true);
  /** The trainee pauses for the first time in a line: its recognition is finished there, as `text`. */
  const pausesHaving = async (text: string) => {
    await trainee('quiet', 120);
    const turn = recognizer.turns.at(-1)!;
    expect(turn.finished).toBe(true); // finished at the pause, before the endpoint
    turn.hear(text);
    await new Promise((r) => setTimeout(r, 50)); // the answer is made meanwhile
  };
  return { caller, recognizer, player, made, said, heard, timings, errors, trainee, pausesHaving };
}

describe('a speculative answer', () => {
  it('is made at the pause and played when the endpoint confirms the turn, with nothing left to make after it', async () => {
    const { caller, player, made, said, heard, timings, errors, trainee, pausesHaving } = await speculatingCaller();
    const [opening, plays] = [said.length, player.plays.length];
    await trainee('speech', 600);
    await pausesHaving('is anyone hurt');
    const madeAtPause = made.slice();
    expect(player.plays).toHaveLength(plays); // not before the endpoint: the trainee may go on
    expect(heard).toEqual([]);
    await trainee('quiet', 400); // the endpoint
    await expect.poll(() => player.plays.length).toBeGreaterThan(plays);
    expect(heard.map((h) => h.text)).toEqual(['is anyone hurt']);
    expect(timings).toHaveLength(1);
    expect(timings[0]!.endpointMs).toBeGreaterThan(0);
    expect(timings[0]!.recognitionMs).toBeLessThan(50); // the final was in before the endpoint
    await expect.poll(() => said.length).toBeGreaterThan(opening);
    expect(madeAtPause).toContain(said[opening]!.text); // its first sentence was made at the pause
    expect(errors).toEqual([]);
    caller.close();
  });

  it('regression guard: dropped when the trainee goes on after the pause; never played, and the wrong first address it held is given again', async () => {
    const { caller, recognizer, player, made, said, heard, errors, trainee, pausesHaving } = await speculatingCaller();
    const opening = said.length;
    const plays = player.plays.length;
    await trainee('speech', 600);
    await pausesHaving('whats the address');
    expect(made.join(' ')).toContain('Fourteen sixteen'); // the answer was made, wrong address first
    await trainee('speech', 400); // the trainee goes on: a new stream hears the whole turn
    expect(recognizer.turns).toHaveLength(2);
    recognizer.turns[1]!.hear('whats the address and is anyone hurt');
    await trainee('quiet', 500);
    await expect.poll(() => player.plays.length).toBeGreaterThan(plays);
    await expect.poll(() => player.queuedMs === 0 && !player.pacer.speaking).toBe(true);
    expect(heard.map((h) => h.text)).toEqual(['whats the address and is anyone hurt']); // the pause's text was never the turn's
    const transcript = said.slice(opening).map((l) => l.text).join(' ');
    expect(transcript).toContain('Fourteen sixteen'); // not used up by the dropped answer
    expect(transcript).not.toContain('1420');
    expect(player.plays.length - plays).toBe(said.length - opening); // every line played is in the transcript, nothing else
    expect(errors).toEqual([]);
    caller.close();
  });

  it('is dropped by an instructor\'s steer that comes first, and the steer stands', async () => {
    const { caller, player, said, trainee, pausesHaving, recognizer } = await speculatingCaller();
    const texts = () => said.map((l) => l.text).join(' ');
    await trainee('speech', 600);
    await pausesHaving('whats your callback number');
    caller.steer({ action: 'reveal', fact: 'location' }); // the caller says the address now
    await trainee('quiet', 500);
    await expect.poll(() => texts()).toContain('312-555-0100'); // answered after the endpoint, as ever
    await expect.poll(() => player.queuedMs === 0 && !player.pacer.speaking).toBe(true);
    await trainee('speech', 600);
    await pausesHaving('whats the address');
    await trainee('quiet', 500);
    await expect.poll(() => (texts().match(/1420 Maple Avenue/g) ?? []).length).toBe(2);
    expect(texts()).not.toContain('Fourteen sixteen'); // the steer's reveal was not rewound with the dropped answer
    expect(recognizer.turns).toHaveLength(2);
    caller.close();
  });
});
