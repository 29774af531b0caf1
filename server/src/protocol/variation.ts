import { z } from 'zod';
import { line } from './text.js';
import { forEachString, hasWord, placeholderProblem, placeholdersIn, withoutPlaceholders } from './placeholders.js';
import type { ScenarioFields } from './scenario.js';

// What a call draws anew from its seed, and the checks that keep a scenario's text in step with
// the draw: a name, street or number that varies must be written as its placeholder, else the
// caller would say the written one while the call's ground truth holds the drawn one.

export const Sex = z.enum(['female', 'male']);
export type Sex = z.infer<typeof Sex>;

/** Someone in the story besides the caller: "{wife.first}" in the text is their drawn first name. */
export const CastMember = z.object({ name: line().trim().min(1).max(100), sex: Sex });
export type CastMember = z.infer<typeof CastMember>;
export const CastKey = z.string().regex(/^(?!caller$)[a-z][a-zA-Z0-9]{0,29}$/, 'a short word such as "wife" ("caller" is the persona)');

/**
 * Present: each call draws what is on (every field defaults to on); set a field false to pin it to
 * what the scenario says (a twist may need that name or that address). Absent: nothing varies.
 */
export const Variation = z
  .object({
    /** The caller's and the cast's names (a cast member sharing the caller's last name keeps sharing it). */
    names: z.boolean().default(true),
    /** House number and street from the street list, and the town; ALI follows unless it is a Phase I tower sector. */
    address: z.boolean().default(true),
    /** The callback number (a fictional 555-01xx number in the same area code); ANI follows. */
    callback: z.boolean().default(true),
    /** controlDifficulty within ±0.15, and the starting emotion one step calmer or more upset on calm–anxious–panicked–hysterical. */
    temperament: z.boolean().default(true),
  })
  .strict();
export type Variation = z.infer<typeof Variation>;

/** The fields the draw sets itself: they hold the written values, never placeholders. */
const DRAWN_FIELDS = ['persona.name', 'groundTruth.callerName', 'groundTruth.location.address', 'groundTruth.location.city', 'groundTruth.callbackNumber', 'ani'];
const isDrawnField = (path: (string | number)[]) => {
  const p = path.join('.');
  return DRAWN_FIELDS.includes(p) || (path[0] === 'cast' && path[2] === 'name');
};

/** First and last name as written ("Mary Ann Lee": "Mary Ann", "Lee"; "Papa": "Papa", ""). */
export function splitName(name: string): { first: string; last: string } {
  const at = name.trim().lastIndexOf(' ');
  return at < 0 ? { first: name.trim(), last: '' } : { first: name.slice(0, at).trim(), last: name.slice(at + 1).trim() };
}

/** "615 Lincoln Avenue": 615 and "Lincoln Avenue"; null when the address has no house number (a trail, a mile marker). */
export function splitAddress(address: string): { houseNumber: number; street: string } | null {
  const m = /^(\d{1,6})\s+(.+)$/.exec(address.trim());
  return m ? { houseNumber: Number(m[1]), street: (m[2] ?? '').trim() } : null;
}

/** The local part of a 10-digit number ("555-0112" in any spelling): it must not be written literally when it varies. */
function localNumber(callback: string): RegExp | null {
  const digits = callback.replace(/\D/g, '').slice(-7);
  if (digits.length < 7) return null;
  return new RegExp(`(^|\\D)${digits.slice(0, 3)}[\\s.-]?${digits.slice(3)}(?!\\d)`);
}

export function checkVariation(s: ScenarioFields, ctx: z.RefinementCtx): void {
  const people = new Set(['caller', ...Object.keys(s.cast ?? {})]);
  const address = splitAddress(s.groundTruth.location.address);
  const add = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const { id: _, variation: __, ...content } = s;
  forEachString(content, (text, path) => {
    for (const key of placeholdersIn(text)) {
      if (isDrawnField(path)) add(path, `{${key}}: this field is set by the draw; write the value itself`);
      else {
        const problem = placeholderProblem(key, people, address !== null);
        if (problem) add(path, problem);
      }
    }
  });
  const v = s.variation;
  if (!v) return;
  if (v.names && !s.persona.sex) add(['persona', 'sex'], 'needed to draw the caller a first name (or pin names: variation.names false)');
  if (v.address && !address) add(['groundTruth', 'location', 'address'], 'an address without a house number cannot vary: pin it (variation.address false)');
  if (v.address && s.ali.class === 'wireless-phase1' && /\{(address|houseNumber|street)/.test(s.ali.address)) {
    add(['ali', 'address'], 'a Phase I ALI is a tower sector: it does not follow the caller\'s address');
  }
  if (v.address && s.ali.class !== 'wireless-phase1' && /\{(address|houseNumber|street)/.test(s.ali.address) && s.ali.city !== '{city}') {
    add(['ali', 'city'], 'the ALI follows the drawn address: write {city}');
  }
  const literals: { word: string; write: string }[] = [];
  if (v.names) {
    const named = [['caller', s.persona.name] as const, ...Object.entries(s.cast ?? {}).map(([k, c]) => [k, c.name] as const)];
    for (const [who, name] of named) {
      const { first, last } = splitName(name);
      for (const [word, part] of [[first, 'first'], [last, 'last']] as const) if (word.length > 1) literals.push({ word, write: `{${who}.${part}}` });
    }
  }
  if (v.address && address) literals.push({ word: address.street, write: '{street}' }, { word: String(address.houseNumber), write: '{houseNumber}' });
  const local = v.callback ? localNumber(s.groundTruth.callbackNumber) : null;
  forEachString(content, (text, path) => {
    if (isDrawnField(path)) return;
    const bare = withoutPlaceholders(text);
    for (const { word, write } of literals) if (hasWord(bare, word)) add(path, `"${word}" varies per call: write ${write} (or pin it in variation)`);
    if (local?.test(bare)) add(path, 'the callback number varies per call: write {callback} (or pin it: variation.callback false)');
  });
}
