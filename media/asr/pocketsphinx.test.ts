import { readdir, readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidStateError } from '../errors.js';
import { FRAME_SAMPLES } from '../format.js';
import { FliteSynthesizer } from '../speech/flite.js';
import { normalizeNumbers } from './numbers.js';
import { PocketSphinxRecognizer, type PocketSphinxCall, type PocketSphinxTurn } from './pocketsphinx.js';
import { isAbortError, type CallVocabulary, type Recognition } from './recognizer.js';
import { wordErrorRate } from './wer.js';

// The house-fire scenario's vocabulary, as the server would hand it over.
const VOCABULARY: CallVocabulary = {
  addresses: ['1420 Maple Avenue'],
  places: ['Riverton', 'Cedar Street', 'two doors down from Grace Lutheran Church', 'grey two-storey house with a green porch'],
  names: ['Denise Walker'],
  phoneNumbers: ['(419) 555-0147'],
};
const GREETING = 'nine one one what is the address of your emergency';
const READ_BACK = 'i have fourteen twenty maple avenue is that correct';
const WILLOW = 'you are at forty seven willow lane';
// Nothing a call-taker says: only the general model behind the call's knows this phrasing.
const OFF_SCRIPT = 'my brother bought a new computer last week';
const silence = (ms: number) => new Int16Array((ms * 16_000) / 1000);

let call: PocketSphinxCall;
const speech = new Map<string, Int16Array>();

beforeAll(async () => {
  const flite = new FliteSynthesizer();
  const [recognizerCall] = await Promise.all([
    // The background pass runs whatever the host's load (a shared CI host is often saturated).
    new PocketSphinxRecognizer({ background: { busyLoad: Infinity } }).prepare(VOCABULARY),
    ...[GREETING, READ_BACK, WILLOW, OFF_SCRIPT].map(async (text) => speech.set(text, await flite.synthesize(text, { name: 'rms' }))),
  ]);
  call = recognizerCall;
});
afterAll(() => call?.close());

/** Feeds a turn in 20 ms frames at `speedup` times real time, as the RTP path would. */
async function speak(turn: PocketSphinxTurn, pcm: Int16Array, speedup = 4): Promise<void> {
  const padded = new Int16Array(pcm.length + 2 * 6400);
  padded.set(silence(400));
  padded.set(pcm, 6400);
  for (let i = 0; i < padded.length; i += FRAME_SAMPLES) {
    turn.push(padded.subarray(i, i + FRAME_SAMPLES));
    if ((i / FRAME_SAMPLES) % 5 === 4) await new Promise((r) => setTimeout(r, 100 / speedup));
  }
}

/**
 * Speaks `text` as one turn of `c`, in real time as a trainee does, and ends it a second later:
 * the background pass decodes only in the worker's idle time and must have (nearly) caught up
 * by the end, which a loaded host may not give it in real time alone. What was heard, and
 * what the background pass did.
 */
async function hear(c: PocketSphinxCall, text: string) {
  const turn = c.startTurn();
  await speak(turn, speech.get(text)!, 1);
  await new Promise((r) => setTimeout(r, 1_000));
  return { text: (await turn.finish()).text, background: turn.stats!.background };
}

/** Largest lateness of a 10 ms timer while `work` runs: how long the event loop was blocked. */
async function maxEventLoopLag<T>(work: () => Promise<T>): Promise<[T, number]> {
  let last = performance.now();
  let max = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last - 10);
    last = now;
  }, 10);
  try {
    return [await work(), max];
  } finally {
    clearInterval(timer);
  }
}

describe('PocketSphinx recognition with a call language model', () => {
  it.each([
    [GREETING, '911 what is the address of your emergency'],
    [READ_BACK, 'i have 1420 maple avenue is that correct'],
  ])('hears "%s" as "%s", partials first, without blocking the event loop', async (spoken, written) => {
    const turn = call.startTurn();
    const events: string[] = [];
    turn.on('partial', (text) => events.push(`partial:${text}`));
    const [result, lag] = await maxEventLoopLag(async () => {
      await speak(turn, speech.get(spoken)!);
      const final = await turn.finish();
      events.push('final');
      return final;
    });
    expect(wordErrorRate(written, result.text)).toBeLessThanOrEqual(0.2);
    expect(events.filter((e) => e.startsWith('partial:')).length).toBeGreaterThan(2);
    expect(events.at(-1)).toBe('final');
    expect(lag).toBeLessThan(50);
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThanOrEqual(1);
    // Word timings carry the spoken words the normalised text was made from.
    expect(normalizeNumbers(result.words!.map((w) => w.word).join(' '))).toBe(result.text);
    expect(result.words!.every((w, k, all) => w.endMs > w.startMs && (k === 0 || w.startMs >= all[k - 1]!.startMs))).toBe(true);
  });

  it('rejects a cancelled turn with an AbortError, and the next turn still works', async () => {
    const cancelled = call.startTurn();
    cancelled.push(speech.get(GREETING)!.subarray(0, 16_000));
    const pending = cancelled.finish();
    cancelled.cancel();
    await expect(pending).rejects.toSatisfy(isAbortError);
    expect(() => cancelled.push(silence(20))).toThrow(InvalidStateError);

    const next = call.startTurn();
    await speak(next, speech.get(READ_BACK)!, 50);
    const result: Recognition = await next.finish();
    expect(wordErrorRate('i have 1420 maple avenue is that correct', result.text)).toBeLessThanOrEqual(0.2);
  });

  // Regression: the call routed replies only to its newest turn, so when the trainee spoke again
  // before a busy worker had answered, the earlier turn's final was dropped and the caller
  // never replied to it.
  it('gives a finishing turn its final even when the next turn has already started', async () => {
    const first = call.startTurn();
    await speak(first, speech.get(GREETING)!, 50);
    const firstResult = first.finish();
    const second = call.startTurn();
    await speak(second, speech.get(READ_BACK)!, 50);
    const [a, b] = await Promise.all([firstResult, second.finish()]);
    expect(wordErrorRate('911 what is the address of your emergency', a.text)).toBeLessThanOrEqual(0.2);
    expect(wordErrorRate('i have 1420 maple avenue is that correct', b.text)).toBeLessThanOrEqual(0.2);
  });

  it('refuses a second turn while the first still takes audio', () => {
    const open = call.startTurn();
    expect(() => call.startTurn()).toThrow(InvalidStateError);
    open.cancel();
  });

  it('gives an empty recognition for a turn of silence', async () => {
    const turn = call.startTurn();
    for (let i = 0; i < 25; i++) turn.push(silence(20));
    const result = await turn.finish();
    expect(result.text).toBe('');
    expect(result.words).toEqual([]);
  });

  it('fails the pending turn when the call closes, and closes only once', async () => {
    const own = await new PocketSphinxRecognizer().prepare({});
    const turn = own.startTurn();
    turn.push(speech.get(GREETING)!);
    const rejected = expect(turn.finish()).rejects.toBeInstanceOf(InvalidStateError);
    await Promise.all([own.close(), own.close()]);
    await rejected;
    expect(() => own.startTurn()).toThrow(InvalidStateError);
  });

  it('rejects preparation with a clear error when the models cannot load', async () => {
    await expect(new PocketSphinxRecognizer({ acousticModel: '/nonexistent' }).prepare({})).rejects.toMatchObject({
      code: 'asr_prepare_failed',
      message: expect.stringContaining('could not load its models (hmm /nonexistent'),
    });
  });

  it('serves more calls than it has threads, each with its own vocabulary', async () => {
    const shared = new PocketSphinxRecognizer({ threads: 1 });
    const [maple, willow] = await Promise.all([shared.prepare(VOCABULARY), shared.prepare({ addresses: ['47 Willow Lane'] })]);
    try {
      const hear = async (c: PocketSphinxCall, text: string) => {
        const turn = c.startTurn();
        await speak(turn, speech.get(text)!, 20);
        return (await turn.finish()).text;
      };
      const [a, b] = await Promise.all([hear(maple, READ_BACK), hear(willow, WILLOW)]);
      expect(wordErrorRate('i have 1420 maple avenue is that correct', a)).toBeLessThanOrEqual(0.2);
      expect(wordErrorRate('you are at 47 willow lane', b)).toBeLessThanOrEqual(0.2);
    } finally {
      await Promise.all([maple.close(), willow.close()]);
      await shared.close();
    }
  });

  it('starts a new call from the cepstral mean earlier calls learned: its first turn needs no second pass', async () => {
    const line = new PocketSphinxRecognizer({ threads: 1 });
    const hear = async (c: PocketSphinxCall, text: string) => {
      const turn = c.startTurn();
      await speak(turn, speech.get(text)!, 20);
      const result = await turn.finish();
      return { text: result.text, passes: turn.stats!.passes };
    };
    try {
      const first = await line.prepare(VOCABULARY);
      // Nothing learned yet: the first turn is decoded again once the mean has adapted.
      expect(await hear(first, GREETING)).toMatchObject({ passes: 2 });
      expect(await hear(first, READ_BACK)).toMatchObject({ passes: 1 });
      await first.close();
      const next = await line.prepare(VOCABULARY);
      const heard = await hear(next, READ_BACK);
      expect(heard.passes).toBe(1);
      expect(wordErrorRate('i have 1420 maple avenue is that correct', heard.text)).toBeLessThanOrEqual(0.2);
      await next.close();
    } finally {
      await line.close();
    }
  });

  it('can decode on threads of lower priority than the media path', async () => {
    const niced = new PocketSphinxRecognizer({ threads: 1, nice: 7 });
    const own = await niced.prepare({});
    // Linux keeps a nice value per thread: field 19 of /proc/self/task/<tid>/stat.
    const nices = await Promise.all(
      (await readdir('/proc/self/task')).map(async (tid) => Number((await readFile(`/proc/self/task/${tid}/stat`, 'utf8')).replace(/^.*\) /s, '').split(' ')[16])),
    );
    expect(nices).toContain(7);
    expect(nices).toContain(0); // the event loop's thread keeps its own
    await own.close();
    await niced.close();
  });

  it('hears a phrasing its call model never saw through the background pass, used when the call decoder is unsure', async () => {
    await hear(call, GREETING); // a first turn settles the line's mean
    const unsure = await hear(call, OFF_SCRIPT);
    expect(unsure.background).toBe('used');
    expect(wordErrorRate(OFF_SCRIPT, unsure.text)).toBeLessThanOrEqual(0.2);
    // Never unsure, the call decoder's words stand: its model makes call-taking words of it.
    const alone = new PocketSphinxRecognizer({ threads: 1, background: { unsureBelow: 0, busyLoad: Infinity } });
    const own = await alone.prepare(VOCABULARY);
    try {
      await hear(own, GREETING);
      const heard = await hear(own, OFF_SCRIPT);
      expect(heard.background).toBe('unneeded');
      expect(wordErrorRate(OFF_SCRIPT, heard.text)).toBeGreaterThan(0.4);
    } finally {
      await own.close();
      await alone.close();
    }
  }, 60_000);

  it('reads the general model once per worker thread: every call on it searches the same one, also after the first call closed', async () => {
    const shared = new PocketSphinxRecognizer({ threads: 1, background: { busyLoad: Infinity } });
    const calls = [];
    try {
      for (let i = 0; i < 3; i++) calls.push(await shared.prepare(VOCABULARY));
      expect(calls.map((c) => c.info!.generalModelLoads)).toEqual([1, 1, 1]);
      await calls.shift()!.close(); // it read the model: the others keep their references
      const last = calls.at(-1)!;
      await hear(last, GREETING);
      const heard = await hear(last, OFF_SCRIPT);
      expect(heard.background).toBe('used');
      expect(wordErrorRate(OFF_SCRIPT, heard.text)).toBeLessThanOrEqual(0.2);
    } finally {
      await Promise.all(calls.map((c) => c.close()));
      await shared.close();
    }
  }, 60_000);

  it("skips the background pass while another call on the worker is mid-turn: the unsure call's final comes while the other call still speaks", async () => {
    const shared = new PocketSphinxRecognizer({ threads: 1, background: { busyLoad: Infinity } });
    const [talking, unsure] = [await shared.prepare(VOCABULARY), await shared.prepare(VOCABULARY)];
    try {
      await hear(talking, GREETING);
      await hear(unsure, GREETING);
      const long = talking.startTurn();
      let spoken = false;
      const still = speak(long, speech.get(OFF_SCRIPT)!, 1).then(() => (spoken = true)); // real time: ~3.3 s
      const turn = unsure.startTurn();
      await speak(turn, speech.get(OFF_SCRIPT)!, 4);
      const result = await turn.finish();
      expect(turn.stats!.background).toBe('busy');
      expect(result.text.split(' ').length).toBeGreaterThanOrEqual(3); // the call decoder's words
      expect(spoken).toBe(false); // the final did not wait for the other call's turn, nor for a pass
      await still;
      await long.finish();
    } finally {
      await Promise.all([talking.close(), unsure.close()]);
      await shared.close();
    }
  }, 60_000);

  it("skips the background pass when the host's load per core is over busyLoad", async () => {
    const starved = new PocketSphinxRecognizer({ threads: 1, background: { busyLoad: 0 } });
    const own = await starved.prepare(VOCABULARY);
    try {
      await hear(own, GREETING);
      expect((await hear(own, OFF_SCRIPT)).background).toBe('busy');
    } finally {
      await own.close();
      await starved.close();
    }
  }, 60_000);

  it('leaves a turn longer than the background pass takes to the call decoder', async () => {
    await hear(call, GREETING);
    const turn = call.startTurn();
    await speak(turn, Int16Array.from([...speech.get(OFF_SCRIPT)!, ...silence(7_000)]), 4);
    await turn.finish();
    expect(turn.stats!.background).toBe('long');
  }, 30_000);

  it('rejects an aborted preparation with an AbortError', async () => {
    const controller = new AbortController();
    const prepared = new PocketSphinxRecognizer().prepare({}, controller.signal);
    setTimeout(() => controller.abort(), 50);
    await expect(prepared).rejects.toSatisfy(isAbortError);
  });
});
