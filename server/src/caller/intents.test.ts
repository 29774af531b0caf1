import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IntentModel, readCorpus } from './intent-model.js';
import { understand } from './intents.js';

// ASR text: lowercase, no punctuation, numbers as digits; corpus-style text works the same.
const cases: [string, string][] = [
  ['911 what is the address of your emergency', 'ask_location'],
  ['911 whats your emergency', 'ask_nature'],
  ['what happened', 'ask_nature'],
  ['is that 1420 maple avenue', 'verify_location'],
  ['1420 maple avenue apartment 4c is that correct', 'verify_location'],
  ['whats the phone number youre calling from', 'ask_callback'],
  ['is 419-555-0147 a good number to call you back', 'verify_callback'],
  ['whats your name', 'ask_name'],
  ['whats the name of the street', 'ask_location'],
  ['is she breathing normally', 'ask_breathing'],
  ['check if shes breathing', 'ask_breathing'],
  ['is she awake', 'ask_conscious'],
  ['is anyone hurt', 'ask_injuries'],
  ['how old is he', 'ask_age'],
  ['does he have a gun', 'ask_weapons'],
  ['are there any hazards', 'ask_hazards'],
  ['is anyone else in the house', 'ask_people_count'],
  ['what does he look like', 'ask_suspect'],
  ['what kind of car was it', 'ask_vehicle'],
  ['help is on the way', 'reassure'],
  ['take a deep breath for me', 'reassure'],
  ['get out of the house', 'command'],
  ['do not go back inside', 'command'],
  ['push hard and fast', 'command'],
  ['1 2 3 4 5 6', 'cpr_count'],
  ['push push push push', 'cpr_count'],
  ['please hold', 'hold_notice'],
  ['sorry what', 'repeat'],
  ['can you say that again', 'repeat'],
  ['okay', 'other'],
];

// The kinds of line the regex matcher got wrong on language nobody on the project wrote.
const regressions: [string, string][] = [
  ['where you at', 'ask_location'],
  ['are you heading north or south', 'ask_location'],
  ['is the other one still there', 'ask_people_count'],
  ['why do you think its a stroke', 'ask_nature'],
  ['tip his head back', 'command'],
  ['any placards on the truck', 'ask_hazards'],
];

describe('intent model', () => {
  it.each(cases)('reads "%s" as %s', (text, intent) => {
    expect(understand(text).primary).toBe(intent);
  });

  it.each(regressions)('regression: reads "%s" as %s, not other or ask_vehicle', (text, intent) => {
    expect(understand(text).primary).toBe(intent);
  });

  it('keeps every intent of a two-part question, the first one asked as primary', () => {
    const u = understand('whats the address and the phone number youre calling from');
    expect(u.primary).toBe('ask_location');
    expect(u.intents.map((m) => m.intent).sort()).toEqual(['ask_callback', 'ask_location']);
  });

  it('hears reassurance said alongside a question', () => {
    const u = understand('help is on the way is she breathing');
    expect(u.primary).toBe('ask_breathing');
    expect(u.intents.map((m) => m.intent)).toContain('reassure');
  });

  it('gives scores between 0 and 1 with the primary first, and a confidence', () => {
    const u = understand('is he breathing');
    expect(u.intents[0]).toEqual({ intent: 'ask_breathing', score: u.confidence });
    expect(u.confidence).toBeGreaterThan(0.8);
    for (const m of u.intents) expect(m.score).toBeGreaterThanOrEqual(0), expect(m.score).toBeLessThanOrEqual(1);
  });

  it('is unsure of a line that is half one question and half another', () => {
    const sure = understand('whats the address');
    const unsure = understand('the uh number');
    expect(unsure.confidence).toBeLessThan(sure.confidence);
  });

  it('reads nothing said as other', () => {
    expect(understand('  ')).toMatchObject({ primary: 'other', confidence: 1, runnerUp: null });
  });

  it.each([
    ['is he breathing', 'is he breeding'],
    ['what is the address', 'what is the adress'],
    ['wh- where is he now', 'does your where is he now'],
    ['is anybody hurt', 'is anybody heard'],
  ])('reads "%s" the same when the recogniser hears "%s"', (said, heard) => {
    expect(understand(heard).primary).toBe(understand(said).primary);
  });

  it('does not take counted numbers for a phone number', () => {
    expect(understand('1 2 3 4 5 6 7 8 9 10').primary).toBe('cpr_count');
  });
});

describe('training the intent model', () => {
  const lines = [
    { text: 'where are you', intents: ['ask_location' as const] },
    { text: 'whats the address', intents: ['ask_location' as const] },
    { text: 'is he breathing', intents: ['ask_breathing' as const] },
    { text: 'is she breathing at all', intents: ['ask_breathing' as const] },
  ];

  it('learns from labelled lines and predicts the same after a round trip through bytes', () => {
    const model = IntentModel.train(lines);
    const copy = IntentModel.deserialize(model.serialize());
    expect(copy).not.toBeNull();
    const a = model.predict('is the man breathing');
    const b = (copy as IntentModel).predict('is the man breathing');
    expect([...a.primary].sort((x, y) => y[1] - x[1])[0]?.[0]).toBe('ask_breathing');
    expect(b.primary.get('ask_breathing')).toBeCloseTo(a.primary.get('ask_breathing') as number, 5);
  });

  it('learns a line labelled with an acknowledgement first as the question it asks, as the corpus contract says', () => {
    const model = IntentModel.train([...lines, { text: 'okay okay and whats the cross street', intents: ['other', 'ask_location'] }]);
    const best = [...model.predict('okay okay and whats the cross street').primary].sort((x, y) => y[1] - x[1])[0]?.[0];
    expect(best).toBe('ask_location');
  });

  it('refuses bytes that are not a model', () => {
    expect(IntentModel.deserialize(Buffer.from('not a model'))).toBeNull();
  });

  it('names the line of a corpus file that is not a labelled line', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ringdown-corpus-'));
    const file = path.join(dir, 'lines.jsonl');
    await writeFile(file, '{"text": "where are you", "intents": ["ask_location"]}\n{"text": "hi", "intents": ["ask_everything"]}\n');
    expect(() => readCorpus(file)).toThrow(`${file}:2`);
    await writeFile(file, '{"text": "where are you", "intents": ["ask_location"]}\nnot json\n');
    expect(() => readCorpus(file)).toThrow(`${file}:2: not JSON`);
    expect(await readdir(dir)).toEqual(['lines.jsonl']);
    expect(await readFile(file, 'utf8')).toContain('not json');
  });
});
