import { describe, expect, it } from 'vitest';
import { CallerMind, type Reply } from './mind.js';
import { libraryScenario } from './test-support.js';
import { digitRuns } from './text.js';

// A call-taker working the cardiac-arrest scenario by the book, against the caller as authored
// (controlDifficulty 0.5, talks over): a question the caller dodges is asked again, which is
// what repetitive persistence means. The caller never dodges the same question twice in a row,
// so two asks get an answer, three when the first answer is the authored wrong one.
describe('a scripted call through the cardiac-arrest scenario', () => {
  it('gets the address, the number, the breathing and CPR going', async () => {
    const scenario = await libraryScenario('cardiac-arrest-cpr');
    const mind = new CallerMind(scenario, 7, { silenceMs: 1e9 });
    const transcript: string[] = [];
    let atMs = 0;
    const say = async (text: string): Promise<Reply> => {
      const reply = await mind.respond({ text, atMs: (atMs += 3000) });
      transcript.push(`you: ${text}`, `caller [${reply.emotion}]: ${reply.text}`);
      return reply;
    };
    /** Asks until the caller gives what was asked for, at most `tries` times. */
    const persist = async (text: string, done: (r: Reply) => boolean, tries = 2): Promise<Reply> => {
      for (let i = 1; ; i++) {
        const reply = await say(text);
        if (done(reply)) return reply;
        if (i === tries) throw new Error(`not given after ${tries} asks:\n${transcript.join('\n')}`);
      }
    };
    const gives = (fact: string) => (r: Reply) => r.revealed.includes(fact);

    expect((await say('911 what is the address of your emergency')).text).toContain('Lincoln Avenue');
    await persist('whats the address', gives('location'));
    await persist('615 lincoln avenue apartment 4c is that correct', (r) => /\byes\b/i.test(r.text));
    await persist('whats the phone number youre calling from', gives('callback'));
    await persist('whats your name', gives('caller_name'));

    atMs = 44_000; // she collapses at 40 s
    const collapse = await say('is she breathing');
    expect(collapse.text).toContain('she fell');
    await persist('is she breathing normally', gives('breathing'), 3);

    await persist('get her flat on her back on the floor', (r) => r.text.includes("She's on her back"));
    await persist('kneel beside her put the heel of your hand in the center of her chest other hand on top', (r) => r.text.includes('Heel of my hand'));
    await persist('push hard and fast at least 2 inches', (r) => r.text.includes("I'm pushing"));
    expect((await say('1 2 3 4')).text).toContain('One, two, three, four.');
    expect((await say('5 6 7 8')).text).toContain('Five, six, seven, eight.');

    const said = transcript.filter((line) => line.startsWith('caller')).join('\n');
    expect(said).toContain(scenario.groundTruth.location.address);
    expect(digitRuns(said)).toContain(digitRuns(scenario.groundTruth.callbackNumber).join(''));
    expect(mind.revealed).toEqual(expect.arrayContaining(['location', 'callback', 'caller_name', 'unresponsive', 'breathing']));
    expect(said).not.toMatch(/defibrillator is|there is an aed/i);
  });
});
