// Text helpers shared by the intent matcher, the reveal rules and the LLM guard. Speech
// recognition gives lowercase words without punctuation and numbers as digits; authored
// answers and LLM replies have punctuation and sometimes number words, so both sides are
// brought to the same form before comparing.

/** Lowercase, apostrophes dropped ("what's" -> "whats"), other punctuation to spaces, one space between words. */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
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

const UNITS: Record<string, number> = {
  zero: 0, oh: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/**
 * Number words to digits, spoken-style: "fourteen twenty" -> "14 20", "six one five" -> "6 1 5",
 * "forty two" -> "42". Enough to catch an LLM spelling out an address it must not say.
 */
export function numberWordsToDigits(text: string): string {
  const out: string[] = [];
  const tokens = normalize(text).split(' ');
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const tens = TENS[token];
    const nextUnit = UNITS[tokens[i + 1] ?? ''];
    if (tens !== undefined && nextUnit !== undefined && nextUnit > 0 && nextUnit < 10) {
      out.push(String(tens + nextUnit));
      i++;
    } else if (tens !== undefined) out.push(String(tens));
    else if (UNITS[token] !== undefined && token !== 'oh') out.push(String(UNITS[token]));
    else if (token === 'oh' && /^\d$/.test(out[out.length - 1] ?? '')) out.push('0');
    else out.push(token);
  }
  return out.join(' ');
}

/** Every run of digits, with spoken separators ("419 555 0112", "14 20") joined: ["4195550112", "1420"]. */
export function digitRuns(text: string): string[] {
  const tokens = numberWordsToDigits(text).split(' ');
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
