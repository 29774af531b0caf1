import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { LIBRARY_DIR, loadScenarioFile } from '../caller/scenario-file.js';
import { CallerMind } from '../caller/mind.js';
import { extractEntities } from '../intelligence/extract.js';
import { compareAddress } from '../intelligence/checklist.js';
import { scoreCall } from '../intelligence/scoring.js';
import { ScenarioInput } from '../protocol/scenario.js';
import { scenarioForCall } from './draw.js';
import { FEMALE_FIRST, LAST, MALE_FIRST, STREET_KINDS, STREET_NAMES } from './names.js';
import type { CallRecord, Segment } from '../intelligence/types.js';

/** The library file as written, placeholders and all (loadScenarioFile fills them). */
const library = async (id: string) => ScenarioInput.parse(JSON.parse(await readFile(`${LIBRARY_DIR}${id}.json`, 'utf8')));

const said = (text: string, speaker: Segment['speaker'] = 'trainee'): Segment => ({ id: 's1', speaker, text, startMs: 5000, endMs: 8000 });
const found = (text: string, type: string, speaker?: Segment['speaker']) => extractEntities(said(text, speaker)).find((e) => e.type === type)?.normalized;

/** A call in which the trainee typed one line and nothing else happened. */
function recordWith(scenario: ScenarioInput, traineeLine: string): CallRecord {
  const segment = said(traineeLine);
  return { scenario, segments: [segment], entities: extractEntities(segment), events: [], emotions: [], atMs: 60_000 };
}

describe('a call draws its own scenario from its seed', () => {
  it('gives two seeds different names, addresses and numbers, with the ALI and ANI following', async () => {
    const s = await library('cardiac-arrest-cpr');
    const a = scenarioForCall(s, 1);
    const b = scenarioForCall(s, 2);
    expect(a.persona.name).not.toBe(b.persona.name);
    expect(a.groundTruth.callerName).toBe(a.persona.name);
    expect(a.groundTruth.location.address).not.toBe(b.groundTruth.location.address);
    expect(a.groundTruth.callbackNumber).not.toBe(b.groundTruth.callbackNumber);
    expect(a.groundTruth.callbackNumber).toMatch(/^\(419\) 555-01\d\d$/);
    // A landline's ALI is the drawn address, unit kept; the ANI is the drawn number.
    expect(a.ali).toEqual({ address: `${a.groundTruth.location.address}, Apartment 4C`, city: a.groundTruth.location.city, class: 'landline' });
    expect(a.ani).toBe(a.groundTruth.callbackNumber);
  });

  it('makes the caller say the drawn name, address, number and people, never the written ones', async () => {
    const s = await library('cardiac-arrest-cpr');
    const drawn = scenarioForCall(s, 7);
    const text = JSON.stringify({ ...drawn, cast: undefined });
    for (const written of ['Marcus', 'Angela', 'Lincoln Avenue', '615', '555-0112']) expect(text).not.toContain(written);
    expect(text).not.toMatch(/\{[A-Za-z]/);
    const rule = (fact: string) => drawn.script.revealRules.find((r) => r.fact === fact)?.answer ?? '';
    expect(rule('location')).toContain(drawn.groundTruth.location.address);
    expect(rule('callback').replace(/\D/g, '')).toBe(drawn.groundTruth.callbackNumber.replace(/\D/g, ''));
    expect(rule('caller_name')).toContain(drawn.persona.name);
    const wife = drawn.cast?.wife?.name ?? '';
    expect(rule('patient')).toContain(wife.split(' ')[0]);
    // She shares the caller's last name, as she did as written.
    expect(wife.split(' ')[1]).toBe(drawn.persona.name.split(' ')[1]);
  });

  it('gives the same draw for the same seed', async () => {
    const s = await library('house-fire-trapped-person');
    expect(scenarioForCall(s, 123456)).toEqual(scenarioForCall(s, 123456));
  });

  it('keeps a neighbour the written distance away: Phase II ALI plots next door to the drawn house', async () => {
    const drawn = scenarioForCall(await library('house-fire-trapped-person'), 99);
    const house = Number(/^\d+/.exec(drawn.groundTruth.location.address)?.[0]);
    const street = drawn.groundTruth.location.address.replace(/^\d+ /, '');
    expect(drawn.ali.address).toBe(`${house - 4} ${street}`);
    expect(drawn.script.revealRules.find((r) => r.fact === 'location')?.wrongFirst).toBe(`${house - 4} ${street}! ${house - 4}!`);
  });

  it('never moves a pinned field, and pinning one leaves the others drawn as before', async () => {
    const s = await library('cardiac-arrest-cpr');
    const pinned = { ...s, variation: { names: true, address: false, callback: true, temperament: true } };
    const free = scenarioForCall(s, 5);
    for (const seed of [1, 2, 3, 5, 8, 13]) {
      const drawn = scenarioForCall(pinned, seed);
      expect(drawn.groundTruth.location.address).toBe('615 Lincoln Avenue');
      expect(drawn.ali.address).toBe('615 Lincoln Avenue, Apartment 4C');
      expect(drawn.script.revealRules.find((r) => r.fact === 'location')?.answer).toContain('615 Lincoln Avenue');
    }
    expect(scenarioForCall(pinned, 5).persona.name).toBe(free.persona.name);
    expect(scenarioForCall(pinned, 5).groundTruth.callbackNumber).toBe(free.groundTruth.callbackNumber);
  });

  it('leaves a Phase I ALI on its tower sector', async () => {
    const s = await library('opioid-overdose-naloxone');
    for (const seed of [1, 2, 3]) expect(scenarioForCall(s, seed).ali).toEqual(s.ali);
    expect(scenarioForCall(s, 1).groundTruth.location.address).not.toBe(scenarioForCall(s, 2).groundTruth.location.address);
  });

  it('moves the temperament within the persona\'s range only', async () => {
    const s = await library('cardiac-arrest-cpr');
    const drawn = [...Array(40).keys()].map((seed) => scenarioForCall(s, seed).persona);
    expect(new Set(drawn.map((p) => p.initialEmotion))).toEqual(new Set(['anxious', 'panicked', 'hysterical']));
    for (const p of drawn) expect(Math.abs(p.controlDifficulty - s.persona.controlDifficulty)).toBeLessThanOrEqual(0.15 + 1e-9);
  });

  it('runs a scenario without a variation block as written, whatever the seed', async () => {
    const { variation: _, ...plain } = await library('cardiac-arrest-cpr');
    const drawn = scenarioForCall(ScenarioInput.parse(plain), 42);
    expect(drawn).toEqual({ ...(await loadScenarioFile('cardiac-arrest-cpr')), variation: undefined });
    expect(drawn.groundTruth.location.address).toBe('615 Lincoln Avenue');
    expect(drawn.script.revealRules.find((r) => r.fact === 'caller_name')?.answer).toBe('Marcus. Marcus Bell.');
  });
});

describe('each call is scored against its own draw', () => {
  it("ticks location for a read-back of call A's address on A, not on B", async () => {
    const s = await library('cardiac-arrest-cpr');
    const a = scenarioForCall(s, 11);
    const b = scenarioForCall(s, 12);
    const line = `I have ${a.groundTruth.location.address}, apartment 4C, is that right?`;
    const item = (scenario: ScenarioInput) => scoreCall(recordWith(scenario, line)).metrics.find((m) => m.rubricItem === 'location_verified');
    // The caller never said it on this record, so the read-back alone earns the read-back's part.
    expect(compareAddress(found(line, 'address') ?? '', a.groundTruth.location)).toBe('agrees');
    expect(compareAddress(found(line, 'address') ?? '', b.groundTruth.location)).not.toBe('agrees');
    expect(item(a)?.score).toBeGreaterThan(item(b)?.score ?? 0);
  });

  it('the drawn caller answers with the drawn address when asked', async () => {
    const drawn = await loadScenarioFile('cardiac-arrest-cpr', undefined, 31);
    const mind = new CallerMind(drawn, 31);
    mind.opening(0);
    const reply = await mind.respond({ text: "what's the address of your emergency", atMs: 4000 });
    expect(reply.text).toContain(drawn.groundTruth.location.address);
  });
});

describe('the word lists', () => {
  it('every drawn address read back is captured as that address', () => {
    for (const name of STREET_NAMES) {
      for (const kind of STREET_KINDS) {
        const address = `${412} ${name} ${kind}`;
        const heard = found(`okay I have ${address.toLowerCase()}, is that correct`, 'address') ?? '';
        expect(compareAddress(heard, { address, city: 'Riverton', landmarks: [] }), `${address}: ${heard}`).toBe('agrees');
      }
    }
  });

  it('every drawn name is captured as the caller\'s name', () => {
    const misses: string[] = [];
    const pairs = [...[...FEMALE_FIRST, ...MALE_FIRST].map((first, i) => [first, LAST[i % LAST.length]]), ...LAST.map((last, i) => [MALE_FIRST[i % 7], last])];
    for (const [first = '', last = ''] of pairs) {
      const name = found(`my name is ${first.toLowerCase()} ${last.toLowerCase()}`, 'caller_name', 'caller');
      if (name?.toLowerCase() !== `${first} ${last}`.toLowerCase()) misses.push(`${first} ${last} -> ${name}`);
    }
    expect(misses).toEqual([]);
  });
});
