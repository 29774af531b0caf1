// Phone numbers. Spoken digits are already digits here ("four one nine five five five oh one
// one two" -> "419-555-0112"), typed ones are split on punctuation ("(419) 555-0112" -> "419
// 555 0112"), so a number is a run of digit tokens. libphonenumber-js turns it into E.164; it is
// asked only whether the number is possible, never valid, because training scenarios use the
// fictional 555 exchange, which its validation rejects. Callers give the area code apart ("555-6630,
// and the area code's 307") and correct themselves mid-number ("617-555-0222 no wait oh 223"): the
// number read is the one they meant.

import parsePhoneNumber from 'libphonenumber-js';
import type { Utterance } from './text.js';
import { CORRECTION, type Extractor } from './words.js';

const DIGITS = /^[\d-]+$/;

interface Run {
  start: number;
  end: number;
  digits: string;
}

/** The runs of digit groups in the line, as a number is written or said ("419 555 0112", "1 419..."), not counted ones ("1 2 3 4 5"). */
function digitRuns(u: Utterance): Run[] {
  const t = u.tokens;
  const runs: Run[] = [];
  for (let i = 0; i < t.length; i++) {
    if (!DIGITS.test(t[i]!)) continue;
    let end = i;
    let digits = '';
    const grouped = (k: number) => t[k]!.replace(/-/g, '').length >= 3 || (k === i && t[k] === '1');
    while (end < t.length && DIGITS.test(t[end]!) && grouped(end) && digits.length < 15) digits += t[end++]!.replace(/-/g, '');
    if (end === i) continue;
    runs.push({ start: i, end, digits });
    i = end - 1;
  }
  return runs;
}

/**
 * A number said again after "no", "wait" or "sorry" in the same breath: whole, it replaces the
 * first; in part, it replaces as many of the first's last digits ("0222 no wait oh 223": 0223), or
 * its last group when the first was cut short ("555802 no wait 803-6119": 555 803 6119). A spoken
 * "oh" before the correction is its zero.
 */
function corrected(u: Utterance, first: Run, next: Run | undefined): Run | undefined {
  if (next === undefined) return undefined;
  const between = u.tokens.slice(first.end, next.start);
  const zero = between.at(-1) === 'oh';
  const cue = between.slice(0, zero ? -1 : undefined);
  if (cue.length === 0 || cue.length > 3 || !cue.every((w) => CORRECTION.has(w))) return undefined;
  const said = (zero ? '0' : '') + next.digits;
  const firstWhole = phoneNumber(first.digits) !== undefined;
  const lastGroup = u.tokens[first.end - 1]!.split('-').at(-1)!.length;
  let digits: string;
  if (said.length >= 10 || (said.length === 7 && first.digits.length === 7 && firstWhole)) digits = said; // said again whole
  else if (said.length === 7 && first.digits.length === 10) digits = first.digits.slice(0, 3) + said; // the local number again, its area code kept
  else if (firstWhole && said.length <= lastGroup) digits = first.digits.slice(0, -said.length) + said; // its end said again
  else if (firstWhole) return undefined;
  else digits = first.digits.slice(0, -Math.min(lastGroup, 3)) + said; // cut short: the last group said again, and the rest
  return { start: first.start, end: next.end, digits };
}

const AREA_CODE_CUE = /\barea codes? (?:is |its |was )?(\d{3})\b/dg;

export const extractCallback: Extractor = (u, emit) => {
  const runs = digitRuns(u);
  // "555-6630, and the area codes 307", "area code is 804, and then 555-1230": the area code said apart.
  const code = [...u.matches(AREA_CODE_CUE)][0]?.groups[0];
  for (let k = 0; k < runs.length; k++) {
    const fixed = corrected(u, runs[k]!, runs[k + 1]);
    const run = fixed ?? runs[k]!;
    if (fixed) k++;
    const apart = code !== undefined && run.digits.length === 7 && (code.start < run.start || code.start >= run.end);
    const normalized = phoneNumber(apart ? u.tokens[code.start] + run.digits : run.digits);
    if (normalized) emit('callback_number', run, normalized);
  }
};

/** E.164 for a full number; the bare digits for a seven-digit local one, whose area code was not said. */
function phoneNumber(digits: string): string | undefined {
  if (digits.length === 7 && !digits.startsWith('0') && !digits.startsWith('1')) return digits;
  const international = digits.length > 11 || (digits.length === 11 && !digits.startsWith('1'));
  if (digits.length < 10) return undefined;
  const phone = parsePhoneNumber(international ? `+${digits}` : digits, 'US');
  return phone?.isPossible() ? phone.number : undefined;
}
