// The one normaliser of spoken numbers for the whole project: the recogniser's output, the
// caller's intent matcher, extraction and scoring all read numbers through normalizeNumbers
// ("fourteen twenty maple avenue" -> "1420 maple avenue"), and digits in scenario text become
// the ways people say them, so the language model knows them. Input is ASR-style: lowercase
// words, no punctuation (media/language/plain.ts brings typed text to that form).
//
// A run of number words is read as a sequence of spoken chunks ("fourteen" "twenty",
// "six" "fifteen", "one" "four" "two" "zero") whose digits are concatenated, the way addresses
// and phone numbers are said ("three twelve" = 312, "forty one fifteen" = 4115); scale words
// ("one thousand four hundred and twenty", "twenty five hundred") make one cardinal chunk.
// Seven or ten digits said without a scale word are a phone number. A tens word before an
// ordinal is one ordinal ("sixty second" -> "62nd"), never the end of a house number ("three
// twelve forty first" -> "312 41st"). Two rising numbers before a counted noun are a range
// ("two three people"), and counting up by one stays separate counts (CPR).

const DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000 };
const UNIT_WORDS = new Set(['apartment', 'apt', 'flat', 'unit', 'suite', 'room', 'building', 'lot', 'space', 'number']);
// Words that follow a unit's letter "a" ("apartment four a please"); before any other word "a" is the article ("room one eighteen a beaker broke").
const UNIT_LETTER_BEFORE = new Set(
  'please and on in at upstairs downstairs the we i hurry its my he she they send off near by to for with up down building floor apartment side oh thats is was right left now hes shes im were theres so but or yes yeah okay ok sir maam'.split(' '),
);
// "the one with the slide": a lone "one" after these is a pronoun, not a number.
const PRONOUN_BEFORE = new Set(['the', 'this', 'that', 'which', 'any', 'no', 'every', 'each', 'some', 'another', 'only', 'little', 'big', 'other']);
const PRONOUN_AFTER = new Set(['of', 'who', 'that', 'with', 'another']);
const ORDINAL_WORDS = [
  'zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth',
  'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth',
];
const TENS_ORDINALS: Record<string, number> = { thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60, seventieth: 70, eightieth: 80, ninetieth: 90 };
const ORDINAL_UNITS = ORDINAL_WORDS.slice(0, 10);
// Nouns that count things: "two three guys" is a range, not the number 23.
const COUNTED = /^(?:people|persons|guys|men|women|kids|children|cars|vehicles|minutes|hours|days|weeks|months|years|times|blocks|miles|feet|shots|houses|floors|of)$/;

/** "sixty second" at i -> "62nd"; undefined unless a tens word is followed by an ordinal unit. */
function compoundOrdinal(w: string[], i: number): string | undefined {
  const tens = TENS.indexOf(w[i] ?? '');
  const unit = ORDINAL_UNITS.indexOf(w[i + 1] ?? '');
  if (tens < 2 || unit < 1) return undefined;
  return ordinal(tens * 10 + unit);
}

/**
 * "hundred and third" -> "103rd", "one hundred and twenty fifth" -> "125th" (Manhattan's streets
 * as said): a hundred, "and", then an ordinal is one ordinal, as it is after "the" ("the hundred
 * sixty eighth"). Otherwise ("four hundred third street") it stays a house number and a street. Undefined, or the ordinal and the index past it.
 */
function hundredOrdinal(w: string[], i: number): { text: string; next: number } | undefined {
  let j = i;
  let hundreds = 1;
  const lead = DIGITS.indexOf(w[j] ?? '');
  if ((lead > 0 || w[j] === 'a') && w[j + 1] === 'hundred') {
    hundreds = Math.max(lead, 1);
    j++;
  }
  // After a house number ending in a teen or a digit, "one hundred (and) twenty fifth" is the street: "seventeen fifteen one
  // hundred and seventy fifth", "five oh five one hundred twenty fifth". After a tens word it is not ("twenty one hundred").
  const afterHouse = j > i && w[i] === 'one' && (TEENS.includes(w[i - 1] ?? '') || digitOf(w[i - 1]) !== undefined);
  const and = w[j + 1] === 'and' ? 1 : 0;
  const at = j + 1 + and;
  const compound = compoundOrdinal(w, at);
  const tens = Object.hasOwn(TENS_ORDINALS, w[at] ?? '') ? TENS_ORDINALS[w[at]!] : undefined;
  // "the hundred sixty eighth" names one street, and so does "a hundred forty ninth" (not "a hundred first graders").
  const named = w[i - 1] === 'the' || (w[i] === 'a' && (compound !== undefined || tens !== undefined));
  if (w[j] !== 'hundred' || (!and && !afterHouse && !named) || (isNumberWord(w[i - 1]) && !afterHouse)) return undefined;
  const rest = compound ? Number.parseInt(compound, 10) : (tens ?? (ORDINAL_WORDS.indexOf(w[at] ?? '') > 0 ? ORDINAL_WORDS.indexOf(w[at]!) : undefined));
  return rest === undefined ? undefined : { text: ordinal(hundreds * 100 + rest), next: at + (compound ? 2 : 1) };
}

/**
 * "third" -> 3, "3rd" -> 3; undefined for anything else. normalizeNumbers leaves a lone ordinal
 * word as it is ("wait a second"); where a word is known to name a street or a floor, this reads it.
 */
export function ordinalValue(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  const i = ORDINAL_WORDS.indexOf(word);
  if (i > 0) return i;
  if (Object.hasOwn(TENS_ORDINALS, word)) return TENS_ORDINALS[word];
  const m = /^(\d+)(st|nd|rd|th)$/.exec(word);
  return m ? Number(m[1]) : undefined;
}

/** 2 -> "2nd", 12 -> "12th". */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** A single digit said as a word ("oh" and "o" as zero), or undefined. */
export const digitOf = (w: string | undefined): number | undefined => {
  if (w === undefined) return undefined;
  const i = DIGITS.indexOf(w);
  return i >= 0 ? i : w === 'oh' || w === 'o' ? 0 : undefined;
};
const isScale = (w: string | undefined): boolean => w !== undefined && Object.hasOwn(SCALES, w);
const isNumberWord = (w: string | undefined): boolean =>
  w !== undefined && w !== '' && (DIGITS.includes(w) || TEENS.includes(w) || TENS.includes(w) || isScale(w) || w === 'double' || w === 'triple');

interface Chunk {
  digits: string;
  value: number;
  scaled: boolean;
}

/** Replaces spoken numbers with digits; every other word is kept as it is. */
export function normalizeNumbers(text: string): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lower = words.map((w) => w.toLowerCase());
  const out: string[] = [];
  let i = 0;
  while (i < words.length) {
    const hundredth = hundredOrdinal(lower, i);
    if (hundredth) {
      out.push(hundredth.text);
      i = hundredth.next;
      continue;
    }
    const ordinal = compoundOrdinal(lower, i);
    if (ordinal) {
      out.push(ordinal);
      i += 2;
      continue;
    }
    const end = runEnd(lower, i);
    if (end === i) {
      out.push(words[i]!);
      i++;
      continue;
    }
    const chunks = parseRun(lower.slice(i, end));
    const lonePronoun = chunks.length === 1 && end - i === 1 && lower[i] === 'one' && (PRONOUN_BEFORE.has(lower[i - 1] ?? '') || PRONOUN_AFTER.has(lower[end] ?? ''));
    // "highway twenty three one of the ladies": a number, then "one of" the people, not a digit of it ("twenty one of them" is one number).
    const pronounAfter = !lonePronoun && chunks.length > 1 && lower[end - 1] === 'one' && chunks.at(-1)!.digits === '1' && PRONOUN_AFTER.has(lower[end] ?? '');
    if (lonePronoun) out.push(words[i]!);
    else if (pronounAfter) out.push(...render(chunks.slice(0, -1), lower[end - 1]), words[end - 1]!);
    else out.push(...render(chunks, lower[end]));
    // "apartment four b" -> "apartment 4b"; not the article in "room one eighteen a beaker broke".
    const letter = lower[end];
    const article = letter === 'a' && /^[a-z]{2,}$/.test(lower[end + 1] ?? '') && !UNIT_LETTER_BEFORE.has(lower[end + 1]!);
    if (!lonePronoun && UNIT_WORDS.has(lower[i - 1] ?? '') && letter !== undefined && /^[a-z]$/.test(letter) && letter !== 'i' && !article) {
      out[out.length - 1] += letter;
      i = end + 1;
    } else i = end;
  }
  return out.join(' ');
}

/** Index just past the run of number words starting at `start` (== start if none). */
function runEnd(w: string[], start: number): number {
  let i = start;
  if (w[i] === 'a' && isScale(w[i + 1])) i++; // "a hundred and twenty"
  for (; i < w.length; i++) {
    const word = w[i]!;
    const prev = w[i - 1];
    if (word === 'oh' || word === 'o') {
      // Zero only between number words: "nineteen oh five", "five oh twenty", "ten oh ten" (10010), never "oh no".
      const next = w[i + 1];
      const between = i > start && (isNumberWord(prev) || prev === 'oh' || prev === 'o') && (digitOf(next) !== undefined || (isNumberWord(next) && !isScale(next)));
      // ...or closing a digit-by-digit number: "one four two oh".
      const closing = i - 2 >= start && digitOf(prev) !== undefined && digitOf(w[i - 2]) !== undefined;
      // ...or the digit a "double" repeats: "six double oh".
      const doubled = prev === 'double' || prev === 'triple';
      if (between || closing || doubled) continue;
      break;
    }
    if (word === 'and') {
      // Only inside a cardinal: "four hundred and twenty".
      if (i > start && isScale(prev) && isNumberWord(w[i + 1]) && !isScale(w[i + 1])) continue;
      break;
    }
    if ((word === 'double' || word === 'triple') && digitOf(w[i + 1]) === undefined) break;
    if (i > start && (compoundOrdinal(w, i) || hundredOrdinal(w, i))) break;
    if (!isNumberWord(word) || (isScale(word) && i === start)) break;
  }
  return i;
}

function parseRun(w: string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let i = 0;
  const isZero = (word: string | undefined) => word === 'zero' || word === 'oh' || word === 'o';
  // One spoken unit below a hundred: "twenty three", "fourteen", "six", "oh".
  const compound = (): number | undefined => {
    const word = w[i];
    if (word === undefined) return undefined;
    if (word === 'a' && isScale(w[i + 1])) {
      i++;
      return 1;
    }
    const teen = TEENS.indexOf(word);
    if (teen >= 0) {
      i++;
      return 10 + teen;
    }
    const tens = TENS.indexOf(word);
    if (tens >= 2) {
      i++;
      const unit = digitOf(w[i]);
      if (unit !== undefined && unit > 0) {
        i++;
        return tens * 10 + unit;
      }
      return tens * 10;
    }
    const d = digitOf(word);
    if (d === undefined) return undefined;
    i++;
    return d;
  };
  // The rest of a cardinal whose first part was read and is followed by a scale word.
  const cardinal = (lead: number): number => {
    let total = 0;
    let current = lead;
    while (isScale(w[i])) {
      const scale = SCALES[w[i]!]!;
      if (scale === 100 && current >= 100) break;
      i++;
      if (scale === 100) current *= 100;
      else {
        total += current * scale;
        current = 0;
      }
      if (w[i] === 'and') i++;
      if (isZero(w[i])) break;
      const part = compound();
      if (part === undefined) break;
      current += part;
    }
    return total + current;
  };
  while (i < w.length) {
    const word = w[i]!;
    if (word === 'double' || word === 'triple') {
      const d = digitOf(w[i + 1])!;
      chunks.push({ digits: String(d).repeat(word === 'double' ? 2 : 3), value: d, scaled: false });
      i += 2;
      continue;
    }
    const zero = isZero(word);
    const first = compound();
    if (first === undefined) {
      i++; // a stray scale word the run rules let through; rare
      continue;
    }
    if (zero || !isScale(w[i])) chunks.push({ digits: String(first), value: first, scaled: false });
    else {
      const value = cardinal(first);
      chunks.push({ digits: String(value), value, scaled: true });
    }
  }
  return chunks;
}

function render(chunks: Chunk[], after: string | undefined): string[] {
  // CPR counting ("one two three", "five six seven eight", "twenty eight twenty nine thirty") stays separate numbers.
  const ascending = chunks.length >= 3 && chunks.every((c, k) => !c.scaled && (k === 0 || c.value === chunks[k - 1]!.value + 1));
  if (ascending && (chunks.length >= 4 || chunks[0]!.value === 1 || chunks[0]!.value >= 10)) return chunks.map((c) => String(c.value));
  // "two three guys", "ten fifteen minutes": a range of a count.
  const range = chunks.length === 2 && !chunks[0]!.scaled && !chunks[1]!.scaled && chunks[1]!.value > chunks[0]!.value && chunks[1]!.value <= 2 * chunks[0]!.value + 5;
  if (range && after !== undefined && COUNTED.test(after)) return chunks.map((c) => String(c.value));
  const digits = chunks.map((c) => c.digits).join('');
  if (!chunks.some((c) => c.scaled)) {
    if (digits.length === 7) return [`${digits.slice(0, 3)}-${digits.slice(3)}`];
    if (digits.length === 10) return [`${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`];
    if (digits.length === 11 && digits[0] === '1') return [`1-${digits.slice(1, 4)}-${digits.slice(4, 7)}-${digits.slice(7)}`];
  }
  return [digits];
}

/** "1420" -> "one thousand four hundred twenty" (no "and"). */
export function cardinalWords(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new TypeError(`not a whole number: ${n}`);
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return TEENS[n - 10]!;
  if (n < 100) return TENS[Math.floor(n / 10)]! + (n % 10 ? ` ${DIGITS[n % 10]}` : '');
  if (n < 1000) return `${DIGITS[Math.floor(n / 100)]} hundred` + (n % 100 ? ` ${cardinalWords(n % 100)}` : '');
  if (n < 1_000_000) return `${cardinalWords(Math.floor(n / 1000))} thousand` + (n % 1000 ? ` ${cardinalWords(n % 1000)}` : '');
  return `${cardinalWords(Math.floor(n / 1_000_000))} million` + (n % 1_000_000 ? ` ${cardinalWords(n % 1_000_000)}` : '');
}

/** Digit by digit: "0147" -> "oh one four seven" (or "zero ..." with zero = 'zero'). */
export function digitWords(digits: string, zero: 'oh' | 'zero' = 'oh'): string {
  return [...digits].map((d) => (d === '0' ? zero : DIGITS[Number(d)]!)).join(' ');
}

/** Two digits as said in pairs: "20" -> "twenty", "05" -> "oh five", "00" -> "hundred". */
function pairWords(pair: string): string {
  if (pair === '00') return 'hundred';
  if (pair[0] === '0') return `oh ${DIGITS[Number(pair[1])]}`;
  return cardinalWords(Number(pair));
}

/**
 * The ways people say a house, room or mile-marker number: 1420 -> "fourteen twenty",
 * "one four two zero", "one four two oh", "one thousand four hundred twenty",
 * "fourteen hundred twenty", ...
 */
export function spokenNumberForms(digits: string): string[] {
  if (!/^\d+$/.test(digits)) throw new TypeError(`not digits: ${digits}`);
  const n = Number(digits);
  const forms = new Set<string>([cardinalWords(n)]);
  if (digits.length > 1) {
    forms.add(digitWords(digits, 'zero'));
    forms.add(digitWords(digits, 'oh'));
  }
  if (digits.length === 3) forms.add(`${DIGITS[Number(digits[0])]} ${pairWords(digits.slice(1))}`);
  if (digits.length === 3 && digits[1] !== '0') forms.add(`${cardinalWords(Math.floor(n / 100))} hundred and ${cardinalWords(n % 100)}`);
  if (digits.length === 4 && digits[0] !== '0' && n % 1000 !== 0) {
    forms.add(`${cardinalWords(Number(digits.slice(0, 2)))} ${pairWords(digits.slice(2))}`);
    if (n % 100 !== 0 && digits[1] !== '0') forms.add(`${cardinalWords(Number(digits.slice(0, 2)))} hundred ${cardinalWords(n % 100)}`);
  }
  return [...forms];
}

/** How a house number is usually said: in pairs ("fourteen twenty", "six fifteen"). */
export function usualNumberForm(digits: string): string {
  if (!/^\d+$/.test(digits)) throw new TypeError(`not digits: ${digits}`);
  const n = Number(digits);
  if (digits[0] === '0' || digits.length < 3 || digits.length > 4 || n % 1000 === 0) return digits[0] === '0' ? digitWords(digits) : cardinalWords(n);
  if (digits.length === 3) return `${DIGITS[Number(digits[0])]} ${pairWords(digits.slice(1))}`;
  return `${cardinalWords(Number(digits.slice(0, 2)))} ${pairWords(digits.slice(2))}`;
}

/** A phone number said digit by digit, with "oh" and with "zero": "(419) 555-0147". */
export function spokenPhoneForms(phone: string): string[] {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) throw new TypeError(`not a phone number: ${phone}`);
  const local = digits.length > 7 ? [digits, digits.slice(-7)] : [digits];
  return local.flatMap((d) => [digitWords(d, 'oh'), digitWords(d, 'zero')]);
}
