import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScenarioInput, Script } from '../../server/src/protocol/scenario.js';
import { scenarioForCall } from '../../server/src/scenarios/draw.js';

// The seeded scenario library: every JSON file in this folder must satisfy the scenario
// contract, and together they must cover the required training categories.

const dir = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

const scenarios = files.map((file) => {
  const raw: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  return { file, raw, parsed: ScenarioInput.safeParse(raw) };
});

const parsedScenarios = () =>
  scenarios.map((s) => {
    if (!s.parsed.success) throw new Error(`${s.file} does not parse`);
    return { file: s.file, scenario: s.parsed.data };
  });

/** One scenario per required training category (see the library brief). */
const REQUIRED_IDS = [
  'house-fire-trapped-person',
  'cardiac-arrest-cpr',
  'opioid-overdose-naloxone',
  'stroke-fast-signs',
  'childbirth-imminent',
  'domestic-violence-pizza-order',
  'burglary-in-progress',
  'active-shooter-hiding',
  'highway-crash-multi-vehicle',
  'hazmat-ammonia-leak',
  'child-caller-grandparent-collapsed',
  'lost-hiker-unknown-location',
  'elderly-confused-caller',
  'accidental-dial-pocket',
];

const REQUIRED_RUBRIC_IDS = ['location_verified', 'callback_number', 'nature', 'caller_name'];
const REQUIRED_FACTS = ['location', 'callback', 'caller_name'];
const VOICES = new Set(['slt', 'rms', 'awb', 'kal']);

describe('scenario library', () => {
  it('has at least 40 incident types', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  it.each(scenarios.map((s) => [s.file, s] as const))('%s parses with ScenarioInput', (_file, s) => {
    if (!s.parsed.success) {
      throw new Error(`${s.file}: ${JSON.stringify(s.parsed.error.issues, null, 2)}`);
    }
    expect(s.parsed.success).toBe(true);
  });

  it('no brief or title names what the trainee should find out on the call (caller, street, weapons, persona)', () => {
    for (const { file, scenario } of parsedScenarios()) {
      const told = `${scenario.title} ${scenario.brief}`.toLowerCase();
      const street = scenario.groundTruth.location.address.replace(/^\d+\s+/, '');
      const secrets = [scenario.groundTruth.callerName, scenario.persona.name, street, ...scenario.groundTruth.weapons];
      for (const secret of secrets) expect(told, `${file}: "${secret}"`).not.toContain(secret.toLowerCase());
      expect(scenario.brief, file).not.toBe(scenario.summary);
    }
  });

  it('ids match file names and are unique', () => {
    const ids = parsedScenarios().map(({ file, scenario }) => {
      expect(scenario.id, file).toBe(basename(file, '.json'));
      return scenario.id;
    });
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('covers every required category', () => {
    const ids = new Set(parsedScenarios().map(({ scenario }) => scenario.id));
    const missing = REQUIRED_IDS.filter((id) => !ids.has(id));
    expect(missing).toEqual([]);
  });

  it('covers every nature and a spread of difficulties', () => {
    const all = parsedScenarios().map(({ scenario }) => scenario);
    const natures = new Set(all.map((s) => s.nature));
    for (const n of ['fire', 'medical', 'crime', 'traffic', 'hazmat', 'other']) expect(natures, n).toContain(n);
    const difficulties = new Set(all.map((s) => s.difficulty));
    for (const d of [1, 2, 3, 4, 5]) expect(difficulties, `difficulty ${d}`).toContain(d);
  });

  it('includes imprecise or wrong ALI (phase-1 sectors and stale addresses)', () => {
    const all = parsedScenarios().map(({ scenario }) => scenario);
    expect(all.filter((s) => s.ali.class === 'wireless-phase1').length).toBeGreaterThanOrEqual(2);
    const aliDiffers = all.filter((s) => s.ali.address !== s.groundTruth.location.address);
    expect(aliDiffers.length).toBeGreaterThanOrEqual(4);
  });

  describe.each(scenarios.map((s) => [s.file] as const))('%s', (file) => {
    const get = () => {
      const found = scenarios.find((s) => s.file === file);
      if (!found?.parsed.success) throw new Error(`${file} does not parse`);
      return found.parsed.data;
    };

    it('rubric weights sum to 100, ids unique, required items present', () => {
      const s = get();
      const total = s.rubric.reduce((sum, item) => sum + item.weight, 0);
      expect(total).toBeCloseTo(100, 6);
      const ids = s.rubric.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of REQUIRED_RUBRIC_IDS) expect(ids, id).toContain(id);
    });

    it('timeline has 2-5 events sorted by atMs', () => {
      const { timeline } = get().script;
      expect(timeline.length).toBeGreaterThanOrEqual(2);
      expect(timeline.length).toBeLessThanOrEqual(5);
      const times = timeline.map((e) => e.atMs);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    });

    it('uses a known voice and has reveal rules', () => {
      const s = get();
      expect(VOICES.has(s.persona.voice), s.persona.voice).toBe(true);
      expect(s.script.revealRules.length).toBeGreaterThanOrEqual(5);
    });

    it('has machine-usable reveal rules for location, callback number and name', () => {
      const facts = get().script.revealRules.map((r) => r.fact);
      for (const fact of REQUIRED_FACTS) expect(facts, fact).toContain(fact);
    });

    it('lets every fact the caller knows be asked for (intents or keywords)', () => {
      for (const rule of get().script.revealRules) {
        expect(rule.intents.length + rule.keywords.length, rule.fact).toBeGreaterThan(0);
      }
    });

    it.each([1, 2])('tells the callback number and the address number the ground truth has (seed %i)', (seed) => {
      const s = scenarioForCall(get(), seed);
      const digits = (text: string) => text.replace(/\D/g, '');
      const callback = s.script.revealRules.find((r) => r.fact === 'callback');
      if (callback && callback.when !== 'never' && /\d/.test(callback.answer)) expect(digits(callback.answer)).toBe(digits(s.groundTruth.callbackNumber));
      const houseNumber = /^\d+/.exec(s.groundTruth.location.address)?.[0];
      const location = s.script.revealRules.find((r) => r.fact === 'location');
      if (houseNumber) expect(location?.answer).toContain(houseNumber);
    });

    it('draws its own caller, address and number for each call, unless pinned', () => {
      const s = get();
      const [a, b] = [scenarioForCall(s, 101), scenarioForCall(s, 202)];
      expect(s.variation, 'every library scenario says what varies').toBeDefined();
      if (s.variation?.names !== false) expect(a.persona.name).not.toBe(b.persona.name);
      if (s.variation?.address !== false) expect(a.groundTruth.location.address).not.toBe(b.groundTruth.location.address);
      if (s.variation?.callback !== false) expect(a.groundTruth.callbackNumber).not.toBe(b.groundTruth.callbackNumber);
      expect(JSON.stringify(a), 'a placeholder left unfilled').not.toMatch(/\{[A-Za-z]/);
    });

    it('links rubric items only to facts it has reveal rules for', () => {
      const s = get();
      const facts = new Set(s.script.revealRules.map((r) => r.fact));
      for (const item of s.rubric) for (const fact of item.facts ?? []) expect(facts.has(fact), `${item.id} -> ${fact}`).toBe(true);
    });

    it('gives the caller words for every timeline event after pick-up', () => {
      for (const event of get().script.timeline) if (event.atMs > 0) expect(event.say, event.event).toBeTruthy();
    });
  });
});

describe('scenario schema', () => {
  it('still reads reveal rules and instructions written in the first library format', () => {
    const script = Script.parse({
      openingLine: 'Help!',
      revealRules: [{ fact: 'address is 615 Lincoln Avenue', when: 'askedFor', wrongFirst: 'Lincoln... something' }],
      preArrivalInstructions: ['Unlock the door.'],
    });
    expect(script.revealRules[0]).toMatchObject({ fact: 'fact_address_is_615_lincoln_avenue', answer: 'address is 615 Lincoln Avenue', when: 'askedFor', intents: [], keywords: [] });
    expect(script.preArrivalInstructions[0]).toEqual({ text: 'Unlock the door.', keywords: [] });
  });

  it('rejects two rules for the same fact and timeline reveals of unknown facts', () => {
    const rule = { fact: 'location', answer: '1 Main Street.', when: 'askedFor' };
    expect(Script.safeParse({ openingLine: 'Help!', revealRules: [rule, rule] }).success).toBe(false);
    expect(Script.safeParse({ openingLine: 'Help!', revealRules: [rule], timeline: [{ atMs: 10, event: 'x', reveals: ['weapon'] }] }).success).toBe(false);
  });

  it('accepts long units and the new ground-truth fields', () => {
    const long = 'Hawthorne Hall, 2nd floor, the supply closet next to room 214, east stairwell side';
    expect(long.length).toBeGreaterThan(50);
    const [first] = scenarios;
    if (!first?.parsed.success) throw new Error('the library does not parse');
    const s = first.parsed.data;
    const changed = { ...s, groundTruth: { ...s.groundTruth, location: { ...s.groundTruth.location, unit: long }, lastKnownWell: '1:30 pm', placardNumber: '1005', noEmergency: false } };
    expect(ScenarioInput.safeParse(changed).success).toBe(true);
    expect(ScenarioInput.safeParse({ ...changed, groundTruth: { ...changed.groundTruth, placardNumber: 'UN1005' } }).success).toBe(false);
  });
});
