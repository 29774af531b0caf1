// Text helpers shared by the intent matcher, the reveal rules and the LLM guard. Speech
// recognition gives lowercase words without punctuation and numbers as digits; authored
// answers and LLM replies have punctuation and sometimes number words, so both sides are
// brought to the same form before comparing: the project's one plain form and number normaliser.

import { plainText, spokenText } from '../../../media/language/plain.js';

/** Lowercase, apostrophes dropped ("what's" -> "whats"), other punctuation to spaces, one space between words: the project's plain form (media/language/plain.ts). */
export function normalize(text: string): string {
  return plainText(text);
}

/** The words of normalize(). */
export function words(text: string): string[] {
  const n = normalize(text);
  return n ? n.split(' ') : [];
}

/** True when `phrase` (already normalized) occurs in `normalized` on word boundaries. */
export function hasPhrase(normalized: string, phrase: string): boolean {
  if (!phrase) return false;
  return ` ${normalized} `.includes(` ${phrase} `);
}

/**
 * Like hasPhrase, but a few words may come between the phrase's words, in order, and its small
 * words are optional: the keyword "how did it happen" hears "how did the crash happen".
 * Spoken questions are rarely verbatim.
 */
const FILLER = new Set(['a', 'an', 'the', 'it', 'is', 'of', 'to']);

export function hasLoosePhrase(normalized: string, phrase: string, maxGap = 2): boolean {
  const all = phrase.split(' ').filter(Boolean);
  // Small words in a keyword may be said differently ("how did it happen" / "how did the crash happen").
  const content = all.filter((w) => !FILLER.has(w));
  const want = content.length >= 2 ? content : all;
  if (want.length <= 1) return hasPhrase(normalized, phrase);
  const tokens = normalized.split(' ');
  for (let start = 0; start < tokens.length; start++) {
    if (tokens[start] !== want[0]) continue;
    let at = start;
    let gaps = 0;
    let k = 1;
    for (; k < want.length && at + 1 < tokens.length; ) {
      at++;
      if (tokens[at] === want[k]) k++;
      else if (++gaps > maxGap) break;
    }
    if (k === want.length) return true;
  }
  return false;
}

/** Every run of digits, with spoken separators ("419 555 0112", "14 20") joined: ["4195550112", "1420"]. */
export function digitRuns(text: string): string[] {
  // "419-555-0112" is one run whether typed or written by the recogniser.
  const tokens = spokenText(text).replace(/(\d)-(?=\d)/g, '$1 ').split(' ');
  const runs: string[] = [];
  let current = '';
  for (const token of tokens) {
    if (/^\d+$/.test(token)) current += token;
    else {
      if (current) runs.push(current);
      current = '';
    }
  }
  if (current) runs.push(current);
  return runs;
}

/**
 * Tokens that pin a fact down: numbers of two or more digits and digit-letter codes ("4c",
 * "7kj"), as they appear in an authored answer.
 */
export function numericTokens(text: string): string[] {
  return [...new Set(normalize(text).split(' ').filter((t) => /\d/.test(t) && t.length >= 2))];
}

/** Whether `digits` (a run like "615") appears in the text once spoken separators are joined. */
export function mentionsNumber(text: string, digits: string): boolean {
  const clean = digits.replace(/\D/g, '');
  if (!clean) return false;
  const joined = digitRuns(text);
  return joined.some((run) => run.includes(clean)) || normalize(text).split(' ').includes(normalize(digits));
}
