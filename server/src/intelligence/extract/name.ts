// The caller's name. Recognised speech has no capitals, so a name is found by what is said
// around it ("my name is", "this is", "its under", "mister"), and compromise's lexicon of first
// and last names, with the part of speech of every other word, tells "this is john" from "this is bad".

import nlp from 'compromise';
import type { Segment } from '../types.js';
import { SPELLING_ALPHABET, namesVehicle } from './describe.js';
import { STRONG_HEADS, WEAK_HEADS } from './landmarks.js';
import type { Utterance } from './text.js';
import { type Extractor, STOP, lexiconTags, streetSuffix, titleCase } from './words.js';

// compromise's lexicon and tag tree, read directly: tagging a sentence with nlp() costs about a
// millisecond, a lookup nothing, and these words are read out of context anyway.
const model = nlp.model() as { one: { tagSet: Record<string, { parents?: string[] }> } };
const tagsOf = lexiconTags;
const FIRST_NAME = new Set(['FirstName', 'MaleName', 'FemaleName']);
export const isFirstName = (w: string): boolean => tagsOf(w).some((t) => FIRST_NAME.has(t));
export const isLastName = (w: string): boolean => tagsOf(w).includes('LastName');
// Kinds of word that are never part of a name: "this is bad", "angela angela wake up".
const NOT_NAME = new Set(['Verb', 'Adverb', 'Adjective', 'Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'QuestionWord', 'Value', 'Negative', 'Expression']);
export const notName = (w: string): boolean => {
  if (isFirstName(w) || isLastName(w)) return false;
  const tags = tagsOf(w);
  if (tags.length === 0) return /(?:ing|ly|ed)$/.test(w); // unknown: a name, unless it looks like a verb or an adverb
  return tags.some((t) => NOT_NAME.has(t) || (model.one.tagSet[t]?.parents ?? []).some((p) => NOT_NAME.has(p)));
};
// Words a panicked caller says twice that are never a name: "look look", "please please", "help help".
const PANIC = new Set(['Verb', 'Expression', 'Adverb', 'Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'QuestionWord', 'Negative']);
// The lexicon alone calls "look" a noun: a word said alone is tagged once (about a millisecond) and remembered.
const alone = new Map<string, string[]>();
const taggedAlone = (w: string): string[] => {
  let tags = alone.get(w);
  if (tags === undefined) {
    tags = (nlp(w).json() as { terms: { tags: string[] }[] }[])[0]?.terms[0]?.tags ?? [];
    if (alone.size > 5_000) alone.clear();
    alone.set(w, tags);
  }
  return tags;
};
const panicWord = (w: string): boolean => !isFirstName(w) && [...tagsOf(w), ...taggedAlone(w)].some((t) => PANIC.has(t));
// Words a caller calls the person in front of them: "baby, baby, look at me" names nobody.
const ADDRESSED = ['baby', 'babe', 'honey', 'sweetie', 'sweetheart', 'buddy', 'bud', 'dude', 'man', 'sir', 'maam', 'mama', 'darling', 'hon'];
// Oaths too: "jesus christ, come on" names nobody ("Jesus Ortiz" still does).
export const NAME_STOP = new Set([...STOP, 'christ', 'lord', 'gosh', 'jeez', 'number', 'calling', 'speaking', 'here', 'from', 'at', 'the', 'uh', 'um', 'and', 'mom', 'dad', 'papa', 'wife', 'husband', 'son', 'daughter', 'yard', 'manager', 'police', 'ambulance', 'fire', 'back', 'later', 'now', 'asap', 'anytime', 'everybody', 'everyone', 'somebody', 'someone', 'anybody', 'anyone', 'nobody', 'thats', 'aint', 'isnt', 'wasnt', 'arent', ...'lutheran baptist catholic methodist mormon jewish muslim christian presbyterian episcopalian pentecostal amish mennonite'.split(' '), ...ADDRESSED]);
const THIRD_PARTY = new Set(['hes', 'shes', 'he', 'she', 'theyre']);
/** "its jordan jordan price hes twenty two": the name runs on into what is said of that person; after a typed pause ("I'm Judd Harkey, he's got a gun") the caller has moved on. */
const aboutSomeoneElse = (u: Utterance, end: number): boolean => THIRD_PARTY.has(u.tokens[end] ?? '') && !u.pauses[end - 1];
// What is said of someone right after their name: "Carlos Diaz is the one who fell", "Reverend Pollard just fell out", "Miss Delphine ain't right".
const TOLD_VERB = new Set(['is', 'was', 'has', 'got', 'fell', 'needs', 'aint', 'isnt', 'wasnt', 'cant', 'wont', 'doesnt', 'didnt', 'collapsed', 'passed', 'went', 'had', 'took']);
/** The name ending at `end` is someone the line then tells of: "Carlos Diaz is the one who fell", "Carlos Diaz, he fell". */
const toldOf = (u: Utterance, end: number): boolean => THIRD_PARTY.has(u.tokens[end] ?? '') || saidOf(u, end);
/** What follows the name ending at `end`, in the same breath, is said of that person: "Carlos Diaz is the one who fell". */
export const saidOf = (u: Utterance, end: number): boolean => {
  const k = ['just', 'still', 'also'].includes(u.tokens[end] ?? '') ? end + 1 : end;
  return !u.pauses[end - 1] && TOLD_VERB.has(u.tokens[k] ?? '');
};
/** A name typed as someone's ("Mister Arceneaux's sugar", "Miss Janelle's neighbor"): another person's. */
export const owned = (u: Utterance, k: number): boolean => /['’]s$/i.test(u.raw(k, k + 1));

const HONORIFICS: Record<string, string> = { mister: 'Mr.', mr: 'Mr.', mrs: 'Mrs.', missus: 'Mrs.', ms: 'Ms.', miss: 'Miss', doctor: 'Dr.', dr: 'Dr.' };
// Ranks and roles a caller introduces themselves by, kept as said.
const RANKS: Record<string, string> = {
  officer: 'Officer', deputy: 'Deputy', sergeant: 'Sergeant', lieutenant: 'Lieutenant', corporal: 'Corporal', trooper: 'Trooper', agent: 'Agent', ranger: 'Ranger',
  nurse: 'Nurse', detective: 'Detective', chief: 'Chief', captain: 'Captain', reverend: 'Reverend', father: 'Father', pastor: 'Pastor', deacon: 'Deacon', bishop: 'Bishop', elder: 'Elder', sister: 'Sister', coach: 'Coach', professor: 'Professor',
};
// Where a title or a rank is the caller's own: at the start, or after "im", "this is", "its", "name is", "put down".
const SELF_BEFORE = new Set(['im', 'am', 'is', 'its', 'names', 'down', 'hi', 'hello', 'me', 'okay', 'ok', 'so', 'yes', 'yeah', 'uh']);
/** A word typed with its capital that can be a name no lexicon knows ("Tavita", "Hollis"): not a place, a people or a common word. */
const typedName = (u: Utterance, k: number): boolean => {
  const w = u.tokens[k];
  return (
    w !== undefined &&
    // "Mary-Jane", "Soon-yi": a hyphenated name's later parts are capitalised or short syllables; "Ground-level" and "Tonic-clonic" are words.
    /^\p{Lu}\p{Ll}/u.test(u.raw(k, k + 1)) &&
    u.raw(k, k + 1).split('-').slice(1).every((part) => /^\p{Lu}/u.test(part) || part.length < 5) &&
    !NAME_STOP.has(w) &&
    !notName(w) &&
    !streetSuffix(w, true) &&
    !Object.hasOwn(RANKS, w) &&
    !honorific(w) &&
    !lexiconTags(w).some((tag) => /^(?:Organization|Demonym|Place|City|Country|Region|Month|WeekDay|Date)$/.test(tag)) &&
    // "this is Meadowbrook Care Center": a place's name.
    !u.tokens.slice(k + 1, k + 4).some((next) => STRONG_HEADS.has(next) || WEAK_HEADS.has(next) || next === 'center')
  );
};
const honorific = (w: string | undefined): string | undefined => (w !== undefined && Object.hasOwn(HONORIFICS, w) ? HONORIFICS[w] : undefined);

const STRONG_CUE = /\b(?:name is|my names|the names|call me|under the name|its under|(?<!(?:their|his|her|our|your) )names)\b/dg;
const WEAK_CUE = /\b(?:this is|its|it is|im|i am|hi|hello|caller(?: is)?)\b/dg;

/** Where a spelling of `word` letter by letter starting at `k` ends, or `k` when there is none. */
function spelling(u: Utterance, k: number, word: string | undefined): number {
  if (word === undefined || u.tokens[k]?.length !== 1) return k;
  let end = k;
  while (end < u.length && u.tokens[end]!.length === 1 && /[a-z]/.test(u.tokens[end]!)) end++;
  // Doubled letters were folded as a stutter: "j e n n a" reads "j e n a".
  const letters = u.tokens.slice(k, end).join('');
  return letters === word || letters === word.replace(/(.)\1/g, '$1') ? end : k;
}

/** The word at `k` spelled out right after it ("its priya, p r i y a", "bao, b a o"): a name whatever the lexicon knows. */
const spelledOut = (u: Utterance, k: number): boolean => {
  const w = u.tokens[k];
  return w !== undefined && spelling(u, k + 1, w) > k + 1 && !NAME_STOP.has(w) && !notName(w);
};

const FIRST_NAME_CUE = /\bfirst names? (?:is )?([a-z]+)\b/d;
const LAST_NAME_CUE = /\blast names? (?:is )?([a-z]+)\b/d;

/** The full name when the caller gives the surname and the first name apart: "the last name's sanchez, s a n c h e z, first name rosa". */
function firstAndLast(u: Utterance): { first: string; last: string } | undefined {
  const first = FIRST_NAME_CUE.exec(u.text)?.[1];
  if (first === undefined || NAME_STOP.has(first)) return undefined;
  // The surname after "last name", or the first word of a line that spells it ("kowalski, k o w a l s k i, first name peter").
  const last = LAST_NAME_CUE.exec(u.text)?.[1] ?? (spelling(u, 1, u.tokens[0]) > 1 ? u.tokens[0] : undefined);
  return last !== undefined && !NAME_STOP.has(last) ? { first, last } : undefined;
}

/** Up to three name words from `i`, repeats already folded; undefined when the first word cannot be a name. */
function nameWords(u: Utterance, i: number): { words: string[]; start: number; end: number } | undefined {
  const words: string[] = [];
  const at: number[] = []; // each word's token, spellings skipped
  let k = i;
  while (k < u.length && words.length < 3) {
    const w = u.tokens[k]!;
    // A name spelled after it is said ("jamal, j a m a l, washington"): the letters are skipped.
    const spelled = spelling(u, k, words[words.length - 1]);
    if (spelled > k) {
      k = spelled;
      continue;
    }
    if (NAME_STOP.has(w) || /\d/.test(w) || w.length < 2 || streetSuffix(w, true)) break;
    words.push(w);
    at.push(k);
    k++;
  }
  if (words.length === 0 || streetSuffix(u.tokens[k], true)) return undefined;
  // A first name said twice before a surname is a name whatever else it can be ("frank frank
  // dempsey"); a common word said twice is panic ("look look people are hurt").
  let keep = u.repeated[i] && words.length > 1 && !panicWord(words[0]!) ? 1 : 0;
  while (keep < words.length && !notName(words[keep]!)) keep++;
  // After a first name, a word that is also a noun or a verb can be a surname ("linda park", "tom cook").
  // A verb with its particle or object is an instruction to the named person: "angela wake up".
  const verbNext = (k: number) => VERB_NEXT.has(u.tokens[at[k]! + 1] ?? '');
  if (keep === 1 && isFirstName(words[0]!)) while (keep < words.length && !notSurname(words[keep]!) && !verbNext(keep)) keep++;
  // After a first name said twice the next word is the surname it was repeated for ("keisha, keisha brown"), unless it is a verb or its kin.
  if (keep === 1 && u.repeated[i] && isFirstName(words[0]!) && words.length > 1 && !verbNext(1) && !notSurname(words[1]!, true)) keep = 2;
  if (keep === 0) return undefined;
  // A surname said, then the full name: "okafor, chidi okafor" is Chidi Okafor.
  const first = keep === 3 && words[0] === words[2] ? 1 : 0;
  return { words: words.slice(first, keep), start: at[first]!, end: at[keep - 1]! + 1 };
}

// Kinds of word that never follow a first name as its surname: "im linda i live next door", "this is tom again".
const NOT_SURNAME = new Set(['Adverb', 'Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'QuestionWord', 'Negative', 'Expression', 'Adjective', 'Gerund', 'PastTense', 'Copula', 'Modal']);
const VERB_NEXT = new Set('up down out over me him her it them us the with on off away back'.split(' '));
// A colour or a size after a repeated first name is a surname ("brown", "young"): `restated` lets adjectives through.
const notSurname = (w: string, restated = false): boolean =>
  !isLastName(w) &&
  (/(?:ing|ly)$/.test(w) || tagsOf(w).some((t) => (t !== 'Adjective' || !restated) && (NOT_SURNAME.has(t) || (model.one.tagSet[t]?.parents ?? []).some((p) => p !== 'Adjective' && NOT_SURNAME.has(p)))));

/** The word at `k` can be the surname of the first name before it, said in the same breath. */
const surnameAt = (u: Utterance, k: number): boolean => {
  const w = u.tokens[k];
  return w !== undefined && !u.pauses[k - 1] && !NAME_STOP.has(w) && !notSurname(w) && !VERB_NEXT.has(w);
};

/** A title or rank at `at` and the name after it: a whole name alone ("doctor lionel osei" -> "Lionel Osei"), else the title and the surname ("Dr. Osei"). */
function titled(u: Utterance, at: number, title: string, found: (start: number, end: number, value: string) => void): void {
  // (A first name no lexicon knows counts when it and the surname are typed as names: "Father Thanh Pham".)
  const first = isFirstName(u.tokens[at + 1]!) || (typedName(u, at + 1) && typedName(u, at + 2) && /\s/.test(u.raw(at + 1, at + 3)));
  if (first && surnameAt(u, at + 2)) found(at + 1, at + 3, asName(u, at + 1, at + 3));
  else found(at, at + 2, `${title} ${asName(u, at + 1, at + 2)}`);
}

/** The letter at `k` is part of a spelling of the word before its run ("jamal j a m a l"). */
function spelledAround(all: string[], k: number): boolean {
  let from = k;
  while (from > 0 && all[from - 1]!.length === 1) from--;
  let to = k;
  while (to < all.length && all[to]!.length === 1) to++;
  return from > 0 && all.slice(from, to).join('') === all[from - 1];
}

const SAID_FILLERS = new Set(['uh', 'um', 'er', 'erm', 'ah']);

/** The name as said, capitalised, a typed apostrophe or hyphen kept ("kevin, kevin o'brien" -> "Kevin O'Brien", "Angela Brooks-Tate"). */
export function asName(u: Utterance, start: number, end: number): string {
  const typed = u
    .raw(start, end)
    .replace(/’/g, "'")
    .split(/[^\p{L}'-]+|(?<!\p{L})-|-(?!\p{L})/u)
    .filter((w) => w !== '' && !SAID_FILLERS.has(w.toLowerCase()));
  const said = typed.map((w) => w.toLowerCase());
  const kept = typed
    .filter((_, k) => said[k]!.length > 1 || !spelledAround(said, k))
    .filter((w, k, all) => w.toLowerCase() !== all[k - 1]?.toLowerCase())
    // A name cut off and said whole ("jo, joanna kiel"): the whole one.
    .filter((w, k, all) => !(all[k + 1]?.toLowerCase().startsWith(w.toLowerCase()) && all[k + 1]!.toLowerCase() !== w.toLowerCase()));
  // A word typed with a capital keeps its typed form ("DeShawn", "al-Rashid"); one said or typed in lowercase is capitalised; a title is written as one ("mrs patterson" -> "Mrs. Patterson").
  return kept.map((w, k) => (k === 0 && honorific(w.toLowerCase()) ? honorific(w.toLowerCase())! : /\p{Lu}/u.test(w) ? w : titleCase(w).replace(/^(\p{L}')(\p{L})/u, (_, a: string, b: string) => a + b.toUpperCase()))).join(' ');
}

// Oaths and prayers open lines as names do ("Jesus, Mary and Joseph", "Saint Jude, Saint Jude"), and so do the
// words a caller says to a child ("mijo, mijo, look at me"): never an answer with a name. ("Jesus" alone can be one: "Jesus Ortega".)
export const NOT_OPENING_NAME = new Set(['saint', 'st', 'santo', 'santa', 'bondye', 'dios', 'diosito', 'mijo', 'mija', 'mijito', 'mijita', 'papi', 'mami', 'nena', 'nene']);
const OATH = /^jesus (?:mary|maria|christ|lord)\b/;
// A business or a service says who calls for whom, not a person: "this is Northgate Security", "Checker dispatch".
export const ORGANISATION = new Set('security dispatch office desk services service company pharmacy drug drugs patrol department towing cab taxi ambulance transport'.split(' '));

/**
 * One caller name per line: the last full form said ("you can call me jimmy, james fairweather",
 * "angela brooks, no sorry, angela brooks-tate"), or the last name said when none is full. A
 * name run on across a typed pause into a full form is that full form ("im jo, joanna kiel");
 * one run on into a single word is the name before the pause ("Hollis Vance, that's v a n c e").
 */
function chosen(found: { start: number; end: number; value: string }[], u: Utterance): { start: number; end: number; value: string } | undefined {
  const restated = found.map((n) => {
    let k = n.end - 2;
    while (k >= n.start && !u.pauses[k]) k--;
    if (k < n.start) return n;
    // ("it's Maria, Carlos Diaz is the one who fell": the name after the pause is the patient's.)
    const other = saidOf(u, n.end);
    if (n.end - (k + 1) >= 2 && !other) return { start: k + 1, end: n.end, value: asName(u, k + 1, n.end) };
    const before = asName(u, n.start, k + 1);
    return before.includes(' ') || other ? { start: n.start, end: k + 1, value: before } : n;
  });
  // A first name and a surname say more than a title and a surname ("Deputy Castellanos, Ray Castellanos").
  const titledName = (n: { value: string }) => Object.hasOwn(RANKS, n.value.split(' ')[0]!.toLowerCase()) || honorific(n.value.split(' ')[0]!.toLowerCase().replace(/\.$/, '')) !== undefined;
  const full = restated.filter((n) => n.value.includes(' ') && !titledName(n));
  const titled = restated.filter((n) => n.value.includes(' '));
  return (full.length ? full : titled.length ? titled : restated).sort((a, b) => a.start - b.start).at(-1);
}

export const extractCallerName: Extractor = (u, emit, speaker) => {
  const apart = firstAndLast(u);
  if (apart) {
    emit('caller_name', { start: 0, end: u.length }, titleCase(`${apart.first} ${apart.last}`));
    return;
  }
  const names: { start: number; end: number; value: string }[] = [];
  findNames(u, (start, end, value) => names.push({ start, end, value }), speaker);
  // "call me Bo, everybody does, Beauregard Lindqvist on my license", "Name's Rusty, Russell Ebersole": a whole name typed after a
  // one-word one, set off by a pause, is the same caller's name in full.
  if (names.length > 0 && names.every((n) => !n.value.includes(' '))) {
    for (let i = 1; i + 1 < u.length; i++) {
      const at = honorific(u.tokens[i]) && u.pauses[i - 1] ? i + 1 : i;
      const whole = u.pauses[i - 1] && at > names[0]!.start && typedName(u, at) ? nameWords(u, at) : undefined;
      if (whole && whole.end - whole.start >= 2 && u.tokens.slice(whole.start, whole.end).every((_, k) => typedName(u, whole.start + k)) && !toldOf(u, whole.end)) {
        names.push({ start: whole.start, end: whole.end, value: asName(u, whole.start, whole.end) });
      }
    }
  }
  const name = chosen(names, u);
  // "priya, p r i y a, last name raman": a first name, then the surname apart.
  const last = LAST_NAME_CUE.exec(u.text)?.[1];
  if (name && !name.value.includes(' ') && last !== undefined && !NAME_STOP.has(last) && !name.value.toLowerCase().includes(last)) {
    emit('caller_name', { start: name.start, end: u.length }, `${name.value} ${titleCase(last)}`);
  } else if (name) emit('caller_name', name, name.value);
};

function findNames(u: Utterance, found: (start: number, end: number, value: string) => void, speaker: Segment['speaker']): void {
  const t = u.tokens;
  // "my name is maria lopez", "its under jessica", "and your name is marcus bell"
  for (const m of u.matches(STRONG_CUE)) {
    // "my husband's name is arturo", "the patient's name is": someone else's name.
    const owner = t[m.start - 1];
    if (u.words(m).startsWith('name') && owner !== undefined && owner !== 'my' && /^(?:his|her|their)$|[a-z]s$/.test(owner)) continue;
    // "last name is asante": the surname said apart, joined to the first name in extractCallerName.
    if (owner === 'last' || owner === 'first') continue;
    const name = nameWords(u, m.end);
    if (name) found(name.start, name.end, asName(u, name.start, name.end));
    // "you can call me frank": after "call me" or "my name is" a first name is one whatever else the word is.
    else if ((isFirstName(t[m.end] ?? '') || /^\p{Lu}/u.test(u.raw(m.end, m.end + 1))) && !NAME_STOP.has(t[m.end] ?? 'the')) {
      // and the surname after it ("my name is frank dorsey"), when the next word can be one.
      const end = surnameAt(u, m.end + 1) && !/\d/.test(t[m.end + 1]!) ? m.end + 2 : m.end + 1;
      found(m.end, end, asName(u, m.end, end));
    }
  }
  // "mister chen", "okay mister walker": a title and a surname name the person spoken to or about.
  // "im mrs ferreira-lopes", "its mister oduya": a title and a surname, the title short; before a
  // whole name the title is dropped ("this is doctor lionel osei" -> "Lionel Osei"). "doctor phil was on" names someone else.
  for (let i = 0; i < t.length - 1; i++) {
    const title = honorific(t[i]);
    const surname = t[i + 1]!;
    // "is" names the caller only after "this" or "name" ("this is mister oduya"); "the man on the floor is Mr. Blevins", "her
    // doctor is Dr. Langstrom" name someone else.
    const someoneIs = t[i - 1] === 'is' && !['this', 'name', 'it', 'here'].includes(t[i - 2] ?? '');
    if (!title || NAME_STOP.has(surname) || /\d/.test(surname) || !(i === 0 || SELF_BEFORE.has(t[i - 1]!)) || someoneIs || owned(u, i + 1) || (i === 0 && toldOf(u, i + 2))) continue;
    titled(u, i, title, found);
  }
  // "this is john", "its tyler tyler brooks", "im karen mitchell": only a known first name, or one said twice.
  for (const m of u.matches(WEAK_CUE)) {
    const first = t[m.end];
    if (first === undefined || honorific(first)) continue;
    // "im officer reyes": a rank said of oneself, and the surname after it.
    const rank = RANKS[first];
    const surname = t[m.end + 1];
    // "im officer grants wife": the officer is someone else.
    const kin = /^(?:wife|husband|son|daughter|mom|dad|partner|brother|sister|neighbor)s?$/.test(t[m.end + 2] ?? '');
    // "this is officer dana pruett": a whole name after the rank is the name.
    if (rank && surname !== undefined && !kin && !NAME_STOP.has(surname) && !/\d/.test(surname) && !notName(surname)) titled(u, m.end, rank, found);
    // A name no lexicon knows, typed with its capital: "im Hollis Vance", "this is Beau"; after "its" only a whole name ("its Tavita Faleolo").
    const weakIts = /^it/.test(u.words(m));
    const typed = typedName(u, m.end) && (!weakIts || typedName(u, m.end + 1));
    if (!(isFirstName(first) || u.repeated[m.end] || typed || spelledOut(u, m.end))) continue;
    const name = nameWords(u, m.end);
    // "its jordan jordan price hes twenty two" names the patient, not the caller.
    if (name && !aboutSomeoneElse(u, name.end) && !name.words.some((w) => ORGANISATION.has(w))) found(name.start, name.end, asName(u, name.start, name.end));
  }
  // A caller answering with just a name: "marcus marcus bell", "gary novak im the yard manager";
  // or restating it mid-line: "im the neighbor, jim, jim halvorsen".
  if (speaker !== 'caller') return;
  // "sergeant okafor, army, retired": a rank and a surname opening the line.
  const rank = RANKS[t[0]!];
  if (rank && t[1] !== undefined && !NAME_STOP.has(t[1]) && !notName(t[1]) && !owned(u, 1) && !toldOf(u, 2)) found(0, 2, `${rank} ${asName(u, 1, 2)}`);
  for (let i = 0; i < t.length - 1; i++) {
    // A first name said again further on ("tyrone here, tyrone baptiste") is restated like one said twice.
    // So is a first name before a surname said earlier ("Deputy Castellanos, Ray Castellanos", "Mister Haugen, Lars Haugen").
    // ("Ray" typed with its capital before the surname said earlier is the first name too.)
    const again = u.repeated[i] || t.indexOf(t[i]!) < i || ((isFirstName(t[i]!) || typedName(u, i)) && t.indexOf(t[i + 1]!) < i);
    // "Hannelore Schaefer, I'm calling for my husband": a whole name typed with its capitals opening the line.
    const typedOpening = i === 0 && typedName(u, 0) && typedName(u, 1) && !u.pauses[0];
    if (!(i === 0 ? isFirstName(t[0]!) || (u.repeated[0] && !panicWord(t[0]!)) || typedOpening || spelledOut(u, 0) : again && (isFirstName(t[i]!) || (typedName(u, i) && u.pauses[i - 1]!)))) continue;
    const name = nameWords(u, i);
    // Not a business: "Sunrise Cab, I got a driver down".
    const business = name?.words.some((w) => STRONG_HEADS.has(w) || WEAK_HEADS.has(w) || namesVehicle(w));
    // Nor a place said with its kind: "Sunrise Manor, it's a nursing home".
    const kind = name !== undefined && /^(?:its|it is) (?:a|an|the)\b/.test(t.slice(name.end, name.end + 3).join(' '));
    if (typedOpening && !isFirstName(t[0]!) && !(name && name.words.length >= 2 && u.pauses[name.end - 1] && !business && !kind)) continue;
    // "jenna, j e n n a": a first name alone, spelled out, is an answer too.
    const spelled = i === 0 && spelling(u, 1, t[0]) > 1;
    // ("Willow Creek Apartments, building C", "Marina del Sol, dock C": a first name opening a place's name.)
    // Nor letters read in a spelling alphabet ("the plate is Echo Lima, no, Echo Lima November").
    const notPerson = business || name?.words.some((w) => NOT_OPENING_NAME.has(w) || ORGANISATION.has(w)) || (name && OATH.test(name.words.join(' '))) || name?.words.every((w) => Object.hasOwn(SPELLING_ALPHABET, w));
    if (name && (name.words.length >= 2 || spelled) && !notPerson && !aboutSomeoneElse(u, name.end) && !saidOf(u, name.end)) found(name.start, name.end, asName(u, name.start, name.end));
  }
}
