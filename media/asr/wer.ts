// Word error rate, scored the same way on both sides: lowercase, punctuation and apostrophes dropped, spoken
// numbers turned into digits by normalizeNumbers. A number is then one token, so "fourteen
// twenty" heard as "forty twenty" is one error, not one of two words right.
import { normalizeNumbers } from './numbers.js';

export interface WordErrors {
  /** Substitutions + deletions + insertions. */
  errors: number;
  /** Reference words. */
  words: number;
}

/** Tokens for scoring: "I have Fourteen-Twenty Maple Ave." -> ["i", "have", "1420", "maple", "ave"]. */
export function scoringTokens(text: string): string[] {
  const plain = text
    .toLowerCase()
    .replace(/(\d)-(?=\d)/g, '$1\u0000') // keep "555-1212" whole
    .replace(/['\u2019]/g, '') // "don't" and "dont" are one word, as the intent matcher reads them
    .replace(/[^a-z0-9\u0000]+/g, ' ')
    .replace(/\u0000/g, '-');
  return normalizeNumbers(plain).split(' ').filter(Boolean);
}

/** Levenshtein distance over scoring tokens. */
export function wordErrors(reference: string, hypothesis: string): WordErrors {
  const ref = scoringTokens(reference);
  const hyp = scoringTokens(hypothesis);
  let prev = Array.from({ length: hyp.length + 1 }, (_, j) => j);
  for (let i = 1; i <= ref.length; i++) {
    const row = [i];
    for (let j = 1; j <= hyp.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (ref[i - 1] === hyp[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return { errors: prev[hyp.length]!, words: ref.length };
}

export function wordErrorRate(reference: string, hypothesis: string): number {
  const { errors, words } = wordErrors(reference, hypothesis);
  return words === 0 ? (errors === 0 ? 0 : 1) : errors / words;
}
