// Phone numbers. Spoken digits are already digits here ("four one nine five five five oh one
// one two" -> "419-555-0112"), typed ones are split on punctuation ("(419) 555-0112" -> "419
// 555 0112"), so a number is a run of digit tokens. libphonenumber-js turns it into E.164; it is
// asked only whether the number is possible, never valid, because training scenarios use the
// fictional 555 exchange, which its validation rejects.

import parsePhoneNumber from 'libphonenumber-js';
import type { Extractor } from './words.js';

const DIGITS = /^[\d-]+$/;

export const extractCallback: Extractor = (u, emit) => {
  const t = u.tokens;
  for (let i = 0; i < t.length; i++) {
    if (!DIGITS.test(t[i]!)) continue;
    let end = i;
    let digits = '';
    // Groups as a number is written or said ("419 555 0112", "1 419..."), not counted ones ("1 2 3 4 5").
    const grouped = (k: number) => t[k]!.replace(/-/g, '').length >= 3 || (k === i && t[k] === '1');
    while (end < t.length && DIGITS.test(t[end]!) && grouped(end) && digits.length < 15) digits += t[end++]!.replace(/-/g, '');
    if (end === i) continue;
    const normalized = phoneNumber(digits);
    if (normalized) emit('callback_number', { start: i, end }, normalized);
    i = end - 1;
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
