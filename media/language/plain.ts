// The one plain form of text for the whole project: what speech recognition gives (lowercase
// words, no punctuation) and what a typed line, an authored answer or an LLM reply is brought to
// before it is compared with speech. Numbers stay as they are here: spokenText() also turns
// number words into digits (media/asr/numbers.ts).

import { normalizeNumbers } from '../asr/numbers.js';

/** Lowercase, apostrophes dropped ("what's" -> "whats"), "&" and "#" as said ("and", "number"), other punctuation to spaces, one space between words. */
export function plainText(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/#/g, ' number ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The plain text with spoken numbers as digits: "Fourteen-twenty Maple, apt. four B" -> "1420 maple apt 4b". */
export function spokenText(text: string): string {
  return normalizeNumbers(plainText(text));
}
