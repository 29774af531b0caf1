// Small shared vocabularies and formatting for the extractors.

import nlp from 'compromise';
import type { EntityType, Segment } from '../types.js';
import type { Span, Utterance } from './text.js';

export type Emit = (type: EntityType, span: Span, normalized: string) => void;
export type Extractor = (u: Utterance, emit: Emit, speaker: Segment['speaker']) => void;
/** An emit already bound to one entity type. */
export type Put = (span: Span, normalized: string) => void;

/** A global regex with indices matching any of the alternatives as whole words. */
export const phrases = (...alternatives: string[]): RegExp => new RegExp(`\\b(?:${alternatives.join('|')})\\b`, 'dg');

const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;

/** The tags compromise's lexicon gives a word out of context; [] for a word it does not know. */
export function lexiconTags(word: string): string[] {
  const tags = Object.hasOwn(lexicon, word) ? lexicon[word]! : [];
  return Array.isArray(tags) ? tags : [tags];
}

const verbMethods = (nlp.methods() as { two: { transform: { verb: { conjugate: (verb: string, model: unknown) => Record<string, string> } } } }).two.transform.verb;

/**
 * A regex alternation of every form of the verbs, from compromise's conjugation: "shove" ->
 * shove|shoved|shoves|shoving, so a rule names the act once and hears it in any tense.
 * A base with a particle ("pass out") conjugates its verb and keeps the particle.
 */
export function verbForms(...bases: string[]): string {
  const forms = new Set<string>();
  for (const base of bases) {
    const [verb, ...rest] = base.split(' ');
    const tail = rest.length ? ` ${rest.join(' ')}` : '';
    const conjugated = verbMethods.conjugate(verb!, nlp.model());
    for (const [tense, form] of Object.entries(conjugated)) if (tense !== 'FutureTense') forms.add(`${form}${tail}`);
    forms.add(`${verb}${tail}`);
    // compromise gives some regular verbs no past ("keel"): "keeled over".
    const past = (conjugated as { PastTense?: string }).PastTense;
    if (past === undefined || past === verb) forms.add(`${verb}${verb!.endsWith('e') ? 'd' : 'ed'}${tail}`);
  }
  return `(?:${[...forms].sort((a, b) => b.length - a.length).join('|')})`;
}

/** Words that take back what was just said: "no", "sorry", "wait", "i mean". */
export const CORRECTION: ReadonlySet<string> = new Set(['no', 'sorry', 'wait', 'actually', 'mean']);

/** What someone walks or rides with, a description of them; a weapon only when struck with (struckAt). */
export const WALKING_AIDS: ReadonlySet<string> = new Set(['cane', 'walker', 'crutches', 'wheelchair', 'skateboard']);
/** Words of striking someone: "hit her with his cane", "came at me with a cane". */
const STRUCK: ReadonlySet<string> = new Set(['hit', 'hitting', 'beat', 'beating', 'struck', 'swinging', 'swung', 'waving', 'wielding', 'whacked', 'attacked', 'came']);
/** Whether a word of striking is said at token i or in the six before it. */
export const struckAt = (tokens: readonly string[], i: number): boolean => tokens.slice(Math.max(0, i - 6), i + 1).some((w) => STRUCK.has(w));

/** Function words that are never part of a street, place or person's name. */
/** Colours as callers give them, of a vehicle, of clothes or of a place ("the big red barn"). */
export const COLOURS = new Set('black white red blue green grey gray silver gold dark light brown tan maroon yellow orange purple beige navy burgundy champagne teal bronze copper charcoal cream turquoise'.split(' '));
export const STOP = new Set(
  (
    'a an the and or but of to in on at by for from with into onto off out over under up down near about around ' +
    'i im me my mine you your youre he hes him his she shes her hers it its we were our us they theyre them their this that these those there theres here ' +
    'is are was be been being am do does did dont doesnt didnt have has had can cant could will wont would should not no yes yeah okay ok please ' +
    'just like so then now what whats where which who how when why if because some any all every each other another one ' +
    'help hurry sir maam oh god hi hello thanks thank sorry think know said says going gonna got get right left next end exit'
  ).split(' '),
);

/** Street suffixes: what was said -> [full, abbreviated]. */
export const STREET_SUFFIX: Record<string, [string, string]> = {
  street: ['Street', 'St'], st: ['Street', 'St'],
  avenue: ['Avenue', 'Ave'], ave: ['Avenue', 'Ave'], av: ['Avenue', 'Ave'],
  road: ['Road', 'Rd'], rd: ['Road', 'Rd'],
  lane: ['Lane', 'Ln'], ln: ['Lane', 'Ln'],
  drive: ['Drive', 'Dr'], dr: ['Drive', 'Dr'],
  court: ['Court', 'Ct'], ct: ['Court', 'Ct'],
  boulevard: ['Boulevard', 'Blvd'], blvd: ['Boulevard', 'Blvd'],
  place: ['Place', 'Pl'], pl: ['Place', 'Pl'],
  circle: ['Circle', 'Cir'], cir: ['Circle', 'Cir'],
  parkway: ['Parkway', 'Pkwy'], pkwy: ['Parkway', 'Pkwy'],
  highway: ['Highway', 'Hwy'], hwy: ['Highway', 'Hwy'],
  terrace: ['Terrace', 'Ter'],
  way: ['Way', 'Way'],
  square: ['Square', 'Sq'],
  trail: ['Trail', 'Trl'],
  loop: ['Loop', 'Loop'],
  alley: ['Alley', 'Aly'],
  pike: ['Pike', 'Pike'],
  turnpike: ['Turnpike', 'Tpke'], tpke: ['Turnpike', 'Tpke'],
  expressway: ['Expressway', 'Expy'], expy: ['Expressway', 'Expy'],
  freeway: ['Freeway', 'Fwy'], fwy: ['Freeway', 'Fwy'],
  tollway: ['Tollway', 'Tollway'],
  thruway: ['Thruway', 'Thruway'],
};

/** The suffix a word is, allowing the possessive "s" ASR leaves ("third streets the cross street"). */
export function streetSuffix(word: string | undefined, possessive = false): [string, string] | undefined {
  if (word === undefined) return undefined;
  if (Object.hasOwn(STREET_SUFFIX, word)) return STREET_SUFFIX[word];
  if (possessive && word.endsWith('s') && Object.hasOwn(STREET_SUFFIX, word.slice(0, -1))) return STREET_SUFFIX[word.slice(0, -1)];
  return undefined;
}

// Ordinals are numbers: the project's one number normaliser reads them.
export { ordinal, ordinalValue } from '../../../../media/asr/numbers.js';

// A letter starts a word after anything but a letter, digit or apostrophe: "echeverría" is one
// word ("\b" would split it at the "í"), "joe's" stays "Joe's".
export const titleCase = (words: string): string => words.replace(/(?<![\p{L}\p{N}'])\p{L}/gu, (c) => c.toUpperCase());

/** Body parts, plural and possessive forms to one name. */
export function bodyPart(word: string | undefined): string | undefined {
  if (word === undefined) return undefined;
  if (Object.hasOwn(BODY_PARTS, word)) return BODY_PARTS[word];
  if (word.endsWith('s') && Object.hasOwn(BODY_PARTS, word.slice(0, -1))) return BODY_PARTS[word.slice(0, -1)];
  return undefined;
}
const BODY_PARTS: Record<string, string> = Object.fromEntries(
  (
    'head forehead face eye nose mouth lip jaw neck back spine chest rib stomach belly abdomen arm elbow wrist hand finger thumb hip leg knee ankle foot toe shoulder pelvis skull collarbone ear cheek tooth ' +
    'scalp eyebrow chin forearm palm knuckle thigh shin calf heel tailbone kneecap groin tongue throat eyelid'
  )
    .split(' ')
    .map((p) => [p, p]),
);
Object.assign(BODY_PARTS, { feet: 'foot', teeth: 'tooth', ribs: 'rib', calves: 'calf' });

/** A regex alternation of the body part words and their plurals, longest first. */
export const BODY_PART_WORDS = Object.keys(BODY_PARTS)
  .flatMap((p) => [`${p}s`, p])
  .sort((a, b) => b.length - a.length)
  .join('|');

const HEIGHT_LEAD = new Set(['maybe', 'about', 'like', 'around', 'probably', 'roughly', 'hes', 'shes', 'was', 'is']);
// Words of a person described, before a height set off by pauses (not a phone number's or a plate's groups).
const DESCRIBED = new Set('male female guy man woman lady dude kid boy girl white black hispanic asian skinny heavy tall short thin'.split(' '));
const SMALL_NUMBER = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven'];

/**
 * A height said as two numbers ("five nine", "six two"), which the number reader has run
 * together ("59"): "5 foot 9". Only after a guess or "he's", or set off by typed pauses in a
 * description ("black male, six two, white hoodie"), so "fifty nine" and house numbers stay numbers.
 */
export function spokenHeight(u: Utterance, i: number): string | undefined {
  const m = /^([4-6])(\d|1[01])$/.exec(u.tokens[i] ?? '');
  const said = u.raw(i, i + 1).toLowerCase().split(/[\s-]+/);
  if (!m || said.length !== 2 || !['four', 'five', 'six'].includes(said[0]!) || !SMALL_NUMBER.includes(said[1]!)) return undefined;
  const setOff = u.setOff(i, i + 1) && u.tokens.slice(Math.max(0, i - 6), i).some((w) => DESCRIBED.has(w));
  return HEIGHT_LEAD.has(u.tokens[i - 1] ?? '') || setOff ? `${m[1]} foot ${m[2]}` : undefined;
}
