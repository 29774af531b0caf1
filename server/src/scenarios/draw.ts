import { createRandom, type Random } from '../../../media/random.js';
import { fillPlaceholders, forEachString, hasWord, mapStrings, type PlaceValues } from '../protocol/placeholders.js';
import type { Emotion, ScenarioInput } from '../protocol/scenario.js';
import { splitAddress, splitName, type Sex } from '../protocol/variation.js';
import { FEMALE_FIRST, LAST, MALE_FIRST, STREET_KINDS, STREET_NAMES, TOWNS } from './names.js';

// The one way a call gets its scenario: drawn from the call's seed (names, address, callback
// number, temperament, as the scenario's `variation` allows) and its placeholders filled. The live
// call, the ANI/ALI the trainee's screen shows, the review and the score all read what this
// returns, so each call is run and scored against its own draw.

type Person = { first: string; last: string };
type Draw = PlaceValues & { callbackDigits: string; initialEmotion: Emotion; controlDifficulty: number };

/** The calm-to-upset ladder a temperament moves one step along; other emotions (crying, in shock) stay. */
const LADDER: Emotion[] = ['calm', 'anxious', 'panicked', 'hysterical'];
const ASPECTS = { names: 1, address: 2, callback: 3, temperament: 4 } as const;

/** The scenario as a call with this seed runs it. The same seed gives the same draw. */
export function scenarioForCall(scenario: ScenarioInput, seed: number): ScenarioInput {
  if (!Number.isInteger(seed)) throw new TypeError('seed must be an integer');
  return applyDraw(scenario, drawFor(scenario, seed));
}

/** The scenario with the values it was written with (tools and tests that replay a scenario's own words). */
export function scenarioAsWritten(scenario: ScenarioInput): ScenarioInput {
  return applyDraw(scenario, written(scenario));
}

function written(s: ScenarioInput): Draw {
  const people = new Map<string, Person>([['caller', splitName(s.persona.name)]]);
  for (const [key, member] of Object.entries(s.cast ?? {})) people.set(key, splitName(member.name));
  const place = splitAddress(s.groundTruth.location.address);
  const digits = s.groundTruth.callbackNumber.replace(/\D/g, '');
  return {
    people,
    houseNumber: place?.houseNumber ?? null,
    street: place?.street ?? '',
    address: s.groundTruth.location.address,
    city: s.groundTruth.location.city,
    callback: spokenNumber(digits) ?? s.groundTruth.callbackNumber,
    callbackDigits: digits,
    initialEmotion: s.persona.initialEmotion,
    controlDifficulty: s.persona.controlDifficulty,
  };
}

function drawFor(s: ScenarioInput, seed: number): Draw {
  const draw = written(s);
  const v = s.variation;
  if (!v) return draw;
  // One stream per aspect (pinning one never changes what the others draw), and per scenario:
  // one seed does not give every scenario the same caller.
  const salt = [...s.id].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261);
  const rng = (aspect: keyof typeof ASPECTS) => createRandom((seed ^ salt ^ Math.imul(ASPECTS[aspect], 0x9e3779b1)) >>> 0);
  if (v.names && s.persona.sex) draw.people = drawNames(s, s.persona.sex, rng('names'));
  const place = splitAddress(s.groundTruth.location.address);
  if (v.address && place) Object.assign(draw, drawPlace(s, place.houseNumber, rng('address')));
  if (v.callback && draw.callbackDigits.length === 10) {
    const r = rng('callback');
    draw.callbackDigits = `${draw.callbackDigits.slice(0, 3)}55501${Math.floor(r.next() * 10)}${Math.floor(r.next() * 10)}`;
    draw.callback = spokenNumber(draw.callbackDigits) as string;
  }
  if (v.temperament) {
    const r = rng('temperament');
    const rung = LADDER.indexOf(s.persona.initialEmotion);
    if (rung >= 0) draw.initialEmotion = LADDER[Math.max(0, Math.min(LADDER.length - 1, rung + Math.floor(r.next() * 3) - 1))] as Emotion;
    const difficulty = s.persona.controlDifficulty + (r.next() * 2 - 1) * 0.15;
    draw.controlDifficulty = Math.round(Math.max(0, Math.min(1, difficulty)) * 100) / 100;
  }
  return draw;
}

/**
 * New first names that fit each person's sex, never two alike; last names drawn per written last
 * name, so a wife who shares the caller's name still does.
 */
function drawNames(s: ScenarioInput, callerSex: Sex, r: Random): Map<string, Person> {
  const taken = new Set<string>();
  const lasts = new Map<string, string>();
  const pickFree = (list: readonly string[]) => {
    let name = r.pick(list);
    while (taken.has(name)) name = r.pick(list);
    taken.add(name);
    return name;
  };
  const person = (written: string, sex: Sex): Person => {
    const { last } = splitName(written);
    const first = pickFree(sex === 'female' ? FEMALE_FIRST : MALE_FIRST);
    if (!last) return { first, last: '' };
    if (!lasts.has(last)) lasts.set(last, pickFree(LAST));
    return { first, last: lasts.get(last) as string };
  };
  const people = new Map<string, Person>([['caller', person(s.persona.name, callerSex)]]);
  for (const [key, member] of Object.entries(s.cast ?? {})) people.set(key, person(member.name, member.sex));
  return people;
}

/** A house on a street of the list that the scenario does not already name (a cross street, a landmark), in a town of the area. */
function drawPlace(s: ScenarioInput, writtenNumber: number, r: Random): Pick<Draw, 'houseNumber' | 'street' | 'address' | 'city'> {
  const told: string[] = [];
  forEachString({ ...s, groundTruth: { ...s.groundTruth, location: { ...s.groundTruth.location, address: '' } } }, (text) => told.push(text));
  const mentioned = told.join(' ');
  const streets = STREET_NAMES.filter((name) => !hasWord(mentioned, name));
  const street = `${r.pick(streets)} ${r.pick(STREET_KINDS)}`;
  // As many digits as the written number, and room for "{houseNumber-N}" neighbours below it.
  const digits = Math.max(2, String(writtenNumber).length);
  const low = Math.max(20, 10 ** (digits - 1));
  const houseNumber = low + Math.floor(r.next() * (10 ** digits - low));
  return { houseNumber, street, address: `${houseNumber} ${street}`, city: r.pick(TOWNS) };
}

/** "419-555-0112": how a caller says it, and how the answers that reveal it read. */
function spokenNumber(digits: string): string | null {
  return digits.length === 10 ? `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}` : null;
}

/** The written number's own layout with the drawn digits: "(419) 555-0112" stays "(419) 555-01xx". */
function sameLayout(written: string, digits: string): string {
  let i = 0;
  return written.replace(/\d/g, () => digits[i++] ?? '');
}

function applyDraw(s: ScenarioInput, d: Draw): ScenarioInput {
  const filled = mapStrings(s, (text) => fillPlaceholders(text, d));
  const caller = d.people.get('caller') as Person;
  const callerName = `${caller.first} ${caller.last}`.trim();
  const writtenDigits = s.groundTruth.callbackNumber.replace(/\D/g, '');
  const { lat: _lat, lon: _lon, ...unplaced } = filled.groundTruth.location;
  const moved = d.address !== s.groundTruth.location.address;
  return {
    ...filled,
    ani: s.ani.replace(/\D/g, '') === writtenDigits ? sameLayout(s.ani, d.callbackDigits) : s.ani,
    persona: { ...filled.persona, name: callerName, initialEmotion: d.initialEmotion, controlDifficulty: d.controlDifficulty },
    cast: s.cast && Object.fromEntries(Object.entries(s.cast).map(([key, member]) => [key, { ...member, name: nameOf(d.people.get(key)) }])),
    groundTruth: {
      ...filled.groundTruth,
      callerName: s.groundTruth.callerName === s.persona.name ? callerName : s.groundTruth.callerName,
      callbackNumber: sameLayout(s.groundTruth.callbackNumber, d.callbackDigits),
      // A drawn address has no coordinates: the written ones would point at the written house.
      location: { ...(moved ? unplaced : filled.groundTruth.location), address: d.address, city: d.city },
    },
  };
}

const nameOf = (p: Person | undefined) => (p ? `${p.first} ${p.last}`.trim() : '');
