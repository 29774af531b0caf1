// One segment's text as the extractors read it: lowercase words without punctuation, spoken
// numbers as digits (media/asr/numbers.ts), fillers dropped, stutters and partial words
// ("wil willow", "my my") folded. Every word remembers where it came from in the original
// text, so an entity's raw text is the words as heard or typed, not the cleaned form.

import { digitOf, normalizeNumbers, ordinalValue } from '../../../../media/asr/numbers.js';
import { plainText } from '../../../../media/language/plain.js';

// Not "mm": typed notes use it for mile marker.
const FILLERS = new Set(['uh', 'uhh', 'um', 'umm', 'uhm', 'er', 'erm', 'ah', 'hmm', 'hm']);
const NUMBER_WORDS = new Set(
  'zero oh o one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million double triple'.split(' '),
);
// Short real words that happen to start the next word ("he help", "in inside"): not stutters.
const NOT_PARTIAL = new Set('a i an as at be by do go he hi in is it me my no of on or so to up us we im its hes shes car cars her his him our out the they'.split(' '));

// Clause starts for question scope: "is he breathing", "any weapons", "where is she bleeding".
const ASK_AUX = new Set('is are was were does did do has have can could will would should'.split(' '));
const ASK_ANY = new Set(['any', 'anyone', 'anybody', 'anything']);
const ASK_WH = new Set('what whats where wheres how hows which who whos when why'.split(' '));
const ASK_IF = new Set(['if', 'whether', 'until', 'unless']);
const SUBJECT = new Set(
  'he she they it there anyone anybody someone somebody you the your his her this that we i papa mom dad everyone everybody any baby patient'.split(' '),
);
const BOUNDARY = new Set('okay ok alright so and now sir maam yes no yeah right listen well then but also hey please'.split(' '));
// A new statement after a question: "is she going to be okay shes not breathing".
const RESTATE = new Set('he she they we hes shes im its theyre theres okay ok alright so please listen'.split(' '));

const NEGATE_NOUN = new Set(['no', 'nobody', 'nobodys', 'nothing', 'none', 'without', 'neither', 'nor']);
// A time long past: "last year", "five years ago", "a few years back", "back in 08", "in the seventies", "in 1998".
const LONG_AGO =
  /(?:^|\b)(?:(?:last|this past) (?:year|week|month|summer|spring|winter|fall|christmas|thanksgiving|(?:\w+ )?season)|(?:\d+|a|one|few|couple|couple of|several|many) (?:years?|months?|weeks?|summers?|winters?) (?:ago|back)|years (?:ago|back)|back in (?:the )?(?:\d|oh \d|sixties|seventies|eighties|nineties|day)|in the (?:\d0s|sixties|seventies|eighties|nineties|spring|summer|fall|winter)|in (?:19|20)?\d\d(?! (?:degrees?|percent|minutes?|seconds?|places?|spots?|mph|miles?)\b))\b/;
// "cant see any fire" negates, but "cant breathe" and "wont wake up" are findings: the readers match those as whole phrases first.
const NEGATE_VERB = new Set('not never isnt arent wasnt werent dont doesnt didnt hasnt havent hadnt aint'.split(' '));
// "i cant see any fire": these negate only what cannot be perceived, not the next clause ("i cant see much its cold").
const NEGATE_PERCEIVE = new Set(['cant', 'cannot', 'couldnt']);
const PERCEIVE_GAP = new Set(['see', 'find', 'smell', 'hear', 'feel', 'any', 'a', 'the', 'no', 'him', 'her', 'them', 'it']);
// Words that may sit between "no" and what it negates: "no more bleeding", "no signs of smoke".
// "no one is bleeding": the recogniser's "one" is already the digit.
// "nobody was robbed", "nobody got shot": the verb's helper too.
const NEGATION_GAP = new Set('any more real signs sign of the a obvious visible other active actual longer 1 one is was were got been has had'.split(' '));
// A new clause between a negator and a keyword ends the negation: "no hes breathing".
const CLAUSE = new Set('but and hes shes im its theyre were he she they i we you it theres so okay now then because cause'.split(' '));
const BELIEF = new Set(['think', 'thinks', 'believe', 'guess', 'seem', 'seems']);

interface Word {
  text: string;
  /** Character range in the original text. */
  from: number;
  to: number;
  /** Said twice in a row ("marcus marcus bell"): a cue for a name given slowly. */
  repeated: boolean;
  /** Typed punctuation ends the word ("one forty seven, one four seven"): a number stops there. */
  pause?: boolean;
  /** Typed cut off ("b- bleachers", "kn- knife"): a start of the next word, however short. */
  cut?: boolean;
}

export interface Span {
  start: number;
  end: number;
}

export interface TokenMatch extends Span {
  /** Token ranges of the regex's capture groups (undefined when a group did not take part). */
  groups: (Span | undefined)[];
}

export class Utterance {
  /** Cleaned words, numbers as digits. */
  readonly tokens: string[];
  /** The tokens joined by single spaces: what the regexes run over. */
  readonly text: string;
  readonly repeated: boolean[];
  /** A typed comma or full stop follows the token. */
  readonly pauses: boolean[];
  private readonly original: string;
  private readonly from: number[];
  private readonly to: number[];
  private readonly charToken: Int32Array;
  private readonly asked: boolean[];

  constructor(original: string) {
    this.original = original;
    const words = foldStutters(cleanWords(original));
    // A number said again after a typed pause ("eight eleven, eight eleven north park") is two, not one run of words.
    const aligned = splitAtPauses(words).flatMap(alignNumbers);
    this.tokens = aligned.map((w) => w.text);
    this.repeated = aligned.map((w) => w.repeated);
    this.pauses = aligned.map((w) => w.pause ?? false);
    this.from = aligned.map((w) => w.from);
    this.to = aligned.map((w) => w.to);
    this.text = this.tokens.join(' ');
    this.charToken = new Int32Array(this.text.length + 1);
    let at = 0;
    this.tokens.forEach((t, i) => {
      this.charToken.fill(i, at, at + t.length + 1);
      at += t.length + 1;
    });
    // A few words typed with a question mark are asked, however they start: "A weapon?", "awake?".
    const questioned = aligned.map((w) => (w.pause ?? false) && /\?["')\]]*$/.test(original.slice(w.from, w.to)));
    this.asked = markQuestions(this.tokens, this.pauses, questioned);
  }

  get length(): number {
    return this.tokens.length;
  }

  /** The original words of tokens [start, end), without surrounding punctuation. */
  raw(start: number, end: number): string {
    if (end <= start) return '';
    return this.original.slice(this.from[start], this.to[end - 1]).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  }

  /** Every match of a global regex over `text`, as token ranges. The regex needs the `d` flag. */
  *matches(re: RegExp): Generator<TokenMatch> {
    re.lastIndex = 0;
    for (let m = re.exec(this.text); m !== null; m = re.exec(this.text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const indices = m.indices!;
      yield {
        ...this.span(m.index, m.index + m[0].length),
        groups: indices.slice(1).map((g) => (g ? this.span(g[0], g[1]) : undefined)),
      };
    }
  }

  /** The cleaned words of a token range. */
  words(span: Span): string {
    return this.tokens.slice(span.start, span.end).join(' ');
  }

  /** True when the token is inside a question or an "if" clause: "is he breathing", "tell me if she stops breathing". */
  isAsked(token: number): boolean {
    return this.asked[token] ?? false;
  }

  /**
   * True when what tokens [start, end) tell happened long ago, in the words right after it: "we
   * had a grease fire last year", "he was in a crash five years ago", "drowned back in the
   * seventies", "he's had a stroke before," (history, not the call; "an hour ago" and "last night"
   * are the call's).
   */
  happenedLongAgo(span: Span): boolean {
    const after: string[] = [];
    for (let k = span.end; k < Math.min(this.length, span.end + 8); k++) {
      after.push(this.tokens[k]!);
      if (this.pauses[k]) break;
    }
    const said = after.join(' ');
    const before = after[0] === 'before' && (span.end + 1 === this.length || this.pauses[span.end]!);
    return before || LONG_AGO.test(said);
  }

  /** True when tokens [start, end) stand between typed pauses, the last may end the line: "my husband, sixty four, chest...". */
  setOff(start: number, end: number): boolean {
    return start > 0 && this.pauses[start - 1]! && (end === this.length || this.pauses[end - 1]!);
  }

  /** True when the phrase starting at `token` is negated: "not breathing", "no weapons", "didnt hit her head". */
  isNegated(token: number): boolean {
    return this.negator(token) !== undefined;
  }

  /** The token that negates the phrase starting at `token`, if one does. */
  negator(token: number): number | undefined {
    let clause = false;
    let belief = false;
    for (let j = token - 1; j >= 0 && j >= token - 4; j--) {
      // A typed pause ends what a word before it denies: "not breathing, no pulse", "no, he fell".
      if (this.pauses[j]) break;
      const w = this.tokens[j]!;
      const gapOnly = (gap: Set<string>) => (this.tokens.slice(j + 1, token).every((g) => gap.has(g)) ? j : undefined);
      if (NEGATE_NOUN.has(w)) return gapOnly(NEGATION_GAP);
      // "not", "didnt": negates its clause; "i dont think hes breathing" reaches across one.
      if (NEGATE_VERB.has(w)) return !clause || belief ? j : undefined;
      if (NEGATE_PERCEIVE.has(w)) return gapOnly(PERCEIVE_GAP);
      if (BELIEF.has(w)) belief = true;
      if (CLAUSE.has(w)) clause = true;
    }
    return undefined;
  }

  private span(fromChar: number, toChar: number): Span {
    return { start: this.charToken[fromChar]!, end: this.charToken[Math.max(fromChar, toChar - 1)]! + 1 };
  }
}

/** Words of the original text in the project's plain form (media/language/plain.ts), each with where it came from. */
function cleanWords(original: string): Word[] {
  const words: Word[] = [];
  for (const m of original.matchAll(/\S+/g)) {
    const from = m.index;
    const to = from + m[0].length;
    for (const part of plainText(m[0]).split(' ')) {
      if (part && !FILLERS.has(part)) words.push({ text: part, from, to, repeated: false });
    }
    if (/\p{L}-$/u.test(m[0]) && words.length > 0) words[words.length - 1]!.cut = true;
    if (/[,.;:!?]["')\]]*$/.test(m[0]) && words.length > 0) words[words.length - 1]!.pause = true;
  }
  return words;
}

/** "wil willow lane" -> "willow lane", "my my husband" -> "my husband", "b- bleachers" -> "bleachers"; spoken digits are never folded. */
function foldStutters(words: Word[]): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (next && !NUMBER_WORDS.has(w.text) && !/\d/.test(w.text)) {
      // "g g l nine zero three": a letter said twice in a spelled run is two letters.
      const spelled = /^[b-hj-z]$/.test(w.text) && [words[i - 1], words[i + 2]].some((n) => n !== undefined && (/^[a-z]$/.test(n.text) || /\d/.test(n.text) || NUMBER_WORDS.has(n.text)));
      if (next.text === w.text && !spelled) {
        words[i + 1] = { ...next, from: w.from, repeated: true };
        continue;
      }
      // A partial word is dropped, not kept in the word's raw text: "the c- church" names "church".
      if ((w.cut || (w.text.length >= 2 && !NOT_PARTIAL.has(w.text))) && next.text.length > w.text.length && next.text.startsWith(w.text)) continue;
    }
    out.push(w);
  }
  return out;
}

// Words an age is told after: "he's seventy", "she is about eighty".
const AGE_BEFORE = new Set(['hes', 'shes', 'is', 'aged', 'age', 'about', 'maybe']);

/**
 * Chunks between typed pauses where a number is said again: "eight eleven, eight eleven north
 * park", "one forty seven, one four seven", "seven, seven hundred, seven hundred one" are each one
 * number restated, so the runs are read apart. Runs that differ ("two one two, five five five,
 * oh one oh nine") are one number read in groups and stay together. An ordinal after the pause
 * ("room five twenty, fifth floor") is never the end of the number before it, nor a count ("county
 * road twenty two, five of us").
 */
function splitAtPauses(words: Word[]): Word[][] {
  const digitsOf = (run: Word[]) => normalizeNumbers(run.map((w) => w.text).join(' ')).replace(/ /g, '');
  const chunks: Word[][] = [[]];
  words.forEach((w, i) => {
    chunks[chunks.length - 1]!.push(w);
    if (!w.pause || !NUMBER_WORDS.has(w.text)) return;
    // "room five twenty, fifth floor": an ordinal after the pause starts something else (not "twenty fifth").
    if (ordinalValue(words[i + 1]?.text) !== undefined) {
      chunks.push([]);
      return;
    }
    let k = i;
    while (k > 0 && NUMBER_WORDS.has(words[k - 1]!.text) && !words[k - 1]!.pause) k--;
    let j = i + 1;
    while (j < words.length && NUMBER_WORDS.has(words[j]!.text) && (j === i + 1 || !words[j - 1]!.pause)) j++;
    const [said, again] = [words.slice(k, i + 1), words.slice(i + 1, j)];
    // "county road twenty two, five of us": a count after the pause, not more of the number.
    if (words[j]?.text === 'of' && again.length > 0) {
      chunks.push([]);
      return;
    }
    // "one, one, one, five": digits said one at a time are one number spelled out, not one digit restated.
    if (said.length === 1 && again.length === 1 && digitOf(w.text) !== undefined && digitOf(again[0]!.text) !== undefined && digitRun(words, i) >= 3) return;
    const [before, after] = [digitsOf(said), digitsOf(again)];
    // "seven hundred, seven hundred one": the same words again, and more.
    const sameStart = said.every((w, n) => again[n]?.text === w.text);
    // "she's eighty seven, four oh nine grandview": an age or a count, then a house number (not a phone number's groups);
    // "he's seventy, thirty Ilsley Avenue": an age told as one, then any number.
    let [from, to] = [k, j];
    while (from > 0 && NUMBER_WORDS.has(words[from - 1]!.text)) from--;
    while (to < words.length && NUMBER_WORDS.has(words[to]!.text)) to++;
    const chain = digitsOf(words.slice(from, to)).replace(/\D/g, '').length;
    const age = from === k && AGE_BEFORE.has(words[k - 1]?.text ?? '');
    const another = before.length <= 2 && ((after.length >= 3 && ![7, 10, 11].includes(chain)) || age);
    if (/^\d+$/.test(before) && /^\d+$/.test(after) && (after.startsWith(before) || before.startsWith(after) || sameStart || another)) chunks.push([]);
  });
  return chunks.filter((c) => c.length > 0);
}

/** How many single digits are said in a row around word i ("one, one, one, five": 4). */
function digitRun(words: Word[], i: number): number {
  let start = i;
  while (start > 0 && digitOf(words[start - 1]!.text) !== undefined) start--;
  let end = i;
  while (end < words.length && digitOf(words[end]!.text) !== undefined) end++;
  return end - start;
}

/**
 * Runs normalizeNumbers over the words and maps its output back to them: a word it kept maps
 * to itself, a run it turned into digits ("fourteen twenty" -> "1420") maps to the run.
 */
function alignNumbers(words: Word[]): Word[] {
  const input = words.map((w) => w.text);
  const output = normalizeNumbers(input.join(' ')).split(' ').filter(Boolean);
  const out: Word[] = [];
  let i = 0;
  let j = 0;
  while (j < output.length && i < input.length) {
    if (output[j] === input[i]) {
      out.push(words[i]!);
      i++;
      j++;
      continue;
    }
    // A group of digit tokens made from a run of number words: consume the run up to where the
    // next kept word lines up again (two words of lookahead, so an "and" inside the run is not taken for the one after it).
    let jEnd = j + 1;
    while (jEnd < output.length && /\d/.test(output[jEnd]!) && output[jEnd] !== input[i + jEnd - j]) jEnd++;
    let iEnd = i + 1;
    const lineUp = (k: number) => input[k] === output[jEnd] && (jEnd + 1 >= output.length || input[k + 1] === output[jEnd + 1] || /\d/.test(output[jEnd + 1]!));
    while (iEnd < input.length && !lineUp(iEnd)) iEnd++;
    if (jEnd >= output.length) iEnd = input.length;
    const from = words[i]!.from;
    const to = words[iEnd - 1]!.to;
    for (let k = j; k < jEnd; k++) out.push({ text: output[k]!, from, to, repeated: false, pause: k === jEnd - 1 && words[iEnd - 1]!.pause });
    i = iEnd;
    j = jEnd;
  }
  return out;
}

function markQuestions(tokens: string[], pauses: boolean[], questioned: boolean[]): boolean[] {
  const asked = new Array<boolean>(tokens.length).fill(false);
  questioned.forEach((q, end) => {
    // Such a question is short ("an apron?"); a longer clause before a "hello?" is what the caller said.
    for (let k = end; q && k >= 0 && k > end - 3 && (k === end || !pauses[k]); k--) asked[k] = true;
  });
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!;
    const atStart = i === 0 || BOUNDARY.has(tokens[i - 1]!) || pauses[i - 1]!;
    const starts =
      ASK_IF.has(w) || (atStart && (ASK_ANY.has(w) || ASK_WH.has(w) || (ASK_AUX.has(w) && SUBJECT.has(tokens[i + 1] ?? ''))));
    if (!starts) continue;
    let k = i;
    // It ends at a new statement, or where a typed pause closes it: "is somebody coming? he fell".
    for (; k < tokens.length && !(k > i + 2 && RESTATE.has(tokens[k]!)) && !(k > i && pauses[k - 1]); k++) asked[k] = true;
    i = k - 1;
  }
  return asked;
}
