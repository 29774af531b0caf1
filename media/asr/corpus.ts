// The sentences the language model is trained on: what 911 call-takers say (the project's
// call-taker corpus, written in the styles of real calls, plus protocol templates) and
// read-backs of one call's own places, names and numbers. Everything is lowercase spoken
// words: numbers are spelled the ways people say them.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spokenNumberForms, spokenPhoneForms, usualNumberForm } from './numbers.js';
import { CALL_TAKING, OPENER, PROTOCOL } from './phrases.js';
import type { CallVocabulary } from './recognizer.js';

/**
 * Expands a template: "(a|b)" picks one, "[x]" may be left out.
 * "[okay] is (he|she) breathing" -> 4 sentences.
 */
export function expandTemplate(template: string): string[] {
  const group = /\(([^()]*)\)|\[([^[\]]*)\]/.exec(template);
  if (!group) return [template.replace(/\s+/g, ' ').trim()];
  const options = group[1] !== undefined ? group[1].split('|') : [group[2]!, ''];
  const before = template.slice(0, group.index);
  const after = template.slice(group.index + group[0].length);
  return options.flatMap((o) => expandTemplate(before + o + after));
}

const counting = (from: number, to: number): string => {
  const words: string[] = [];
  for (let n = from; n <= to; n++) words.push(spokenNumberForms(String(n))[0]!);
  return words.join(' ');
};

/** The call-taker side of the language corpus (media/language/corpus, JSON Lines). */
export const CALL_TAKER_CORPUS = fileURLToPath(new URL('../language/corpus/call-taker.jsonl', import.meta.url));
/**
 * Every call-taker file the model trains on: ours, and the lines of two more writers who never
 * saw the models (writer2/ and writer4/, trainable by the corpus contract), when they are there.
 */
export const CALL_TAKER_TRAINING = [CALL_TAKER_CORPUS, ...['writer2', 'writer4'].map((set) => fileURLToPath(new URL(`../language/corpus/${set}/call-taker.jsonl`, import.meta.url)))].filter((f) => existsSync(f));

const corpora = new Map<string, string[]>();
/**
 * The corpus lines as spoken words, read once per path. Each line counts once: its phrasing,
 * disfluencies and all, is what a real call-taker says, where a template expands to many
 * sentences of one phrasing.
 */
export function callTakerLines(file = CALL_TAKER_CORPUS): readonly string[] {
  let lines = corpora.get(file);
  if (lines) return lines;
  lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .flatMap((l, k) => {
      const { text } = JSON.parse(l) as { text?: unknown };
      if (typeof text !== 'string') throw new TypeError(`${file}:${k + 1} has no text`);
      return spokenVariants(text).map((s) => s.replace(/\b[a-z]+\b/g, (w) => CONTRACTIONS[w] ?? w));
    });
  corpora.set(file, lines);
  return lines;
}

// Contractions typed without their apostrophe, as transcribers often do: one spelling per word
// keeps the model's counts together, and it is the one the dictionary pronounces. Only the
// ones that are not also words ("its", "were", "well", "lets" stay).
const CONTRACTIONS: Record<string, string> = Object.fromEntries(
  ["don't", "didn't", "doesn't", "isn't", "wasn't", "aren't", "weren't", "haven't", "hasn't", "couldn't", "shouldn't", "wouldn't", "can't",
    "he's", "she's", "that's", "what's", "where's", "who's", "there's", "you're", "they're", "i've", "i'm", "you've", "you'll", "they'll", "we've", "ma'am", "baby's"]
    .map((c) => [c.replace("'", ''), c]),
);

let builtIn: string[] | undefined;
/** The protocol templates' sentences (a few thousand) and counting. */
export function callTakingSentences(): readonly string[] {
  if (builtIn) return builtIn;
  const out = [...CALL_TAKING, ...PROTOCOL].flatMap(expandTemplate);
  // CPR counting in the rhythms call-takers use.
  out.push(counting(1, 10), counting(1, 30), counting(11, 20), counting(21, 30), 'one and two and three and four and five');
  // Generic addresses and numbers, so a call with an empty vocabulary still hears them.
  for (const n of ['1250', '86', '3075', '402', '700', '9'])
    for (const form of spokenNumberForms(n)) out.push(`i have ${form} main street is that correct`, `${form} first avenue`);
  builtIn = out;
  return out;
}

/** Lowercase spoken words: digits become one way of saying them, punctuation goes. */
export function spokenVariants(phrase: string): string[] {
  const text = phrase
    .toLowerCase()
    .replace(/\b[a-z']+-(?=\s|$)/g, ' ') // a cut-off ("he's- he's not"): the repeat carries the word
    .replace(/&/g, ' and ')
    .replace(/\b(\d+)(st|nd|rd|th)\b/g, (_, n: string) => ORDINALS[Number(n)] ?? n)
    .replace(/\b(\d+)([a-z])\b/g, '$1 $2') // 4c -> 4 c
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/'(?![a-z])|(?<![a-z])'/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const numbers = text.match(/\d+/g) ?? [];
  if (numbers.length === 0) return text ? [text] : [];
  // Every form of each number, with the others said the usual way.
  const variants = new Set<string>();
  numbers.forEach((number, k) => {
    for (const form of spokenNumberForms(number)) {
      let index = 0;
      variants.add(text.replace(/\d+/g, (n) => (index++ === k ? form : usualNumberForm(n))));
    }
  });
  return [...variants];
}

const ORDINALS: Record<number, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', 5: 'fifth', 6: 'sixth', 7: 'seventh', 8: 'eighth', 9: 'ninth', 10: 'tenth' };

/** Read-backs and questions about one call's places, names and numbers. */
export function vocabularySentences(vocabulary: CallVocabulary): string[] {
  const out: string[] = [];
  const each = (phrases: readonly string[] | undefined) => (phrases ?? []).flatMap(spokenVariants);
  for (const address of each(vocabulary.addresses)) {
    out.push(
      address,
      ...expandTemplate(`${OPENER} i have ${address} is that (correct|right)`),
      ...expandTemplate(`(is that|you said|you are at|the address is|i have you at|so that's) ${address}`),
    );
  }
  for (const place of each(vocabulary.places)) {
    out.push(place, ...expandTemplate(`(is that|near|by|on|in|are you near|is that near|you said) ${place}`));
  }
  for (const name of each(vocabulary.names)) {
    const parts = name.split(' ');
    const last = parts[parts.length - 1]!;
    const spelled = [...last].filter((c) => /[a-z]/.test(c)).join(' ');
    out.push(
      name,
      ...expandTemplate(`(is your name|your name is|i have|thank you|okay) ${name}`),
      ...expandTemplate(`${name} is that (correct|right)`),
      ...expandTemplate(`(is that|that's) ${spelled}`),
      spelled,
      `${last} ${spelled}`,
      ...expandTemplate(`(okay|thank you|listen to me|stay with me) ${parts[0]}`),
    );
  }
  for (const phone of vocabulary.phoneNumbers ?? []) {
    for (const number of spokenPhoneForms(phone)) {
      out.push(
        number,
        ...expandTemplate(`(i have|is|your number is|your callback number is|is this) ${number} [is that (correct|right)]`),
      );
    }
  }
  return out;
}
