// Pronunciations for a call's words: CMUdict (Debian's pocketsphinx-en-us) first, then the
// call-taking words it lacks (DOMAIN, by hand); a word neither has is built from dictionary
// words it is made of ("riverton" = river + ton, "upwind" = up + wind), and failing that from
// simple letter-to-sound rules. Rules guess badly on odd spellings, but a rough pronunciation
// still lets the decoder hear a street name; dropping the word would make it impossible to
// recognize at all.
import { readFile } from 'node:fs/promises';

export const CMUDICT_PATH = '/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict';

export type PronunciationSource = 'dictionary' | 'compound' | 'rules';

export interface Pronunciations {
  /** Dictionary file text for the decoder: "word PH ON ES", variants as "word(2) ...". */
  text: string;
  /** Words not in the dictionary, with how they were pronounced. */
  guessed: Map<string, { phones: string; source: PronunciationSource }>;
}

type Lexicon = Map<string, string[]>;

/** Words call-takers say that CMUdict lacks and the rules below would mangle. */
const DOMAIN: Record<string, string[]> = {
  compressions: ['K AH M P R EH SH AH N Z'],
  narcan: ['N AA R K AE N'],
  naloxone: ['N AH L AA K S OW N'],
  epipen: ['EH P IY P EH N'],
  hoodie: ['HH UH D IY'],
  hazmat: ['HH AE Z M AE T'],
  cpr: ['S IY P IY AA R'],
  aed: ['EY IY D IY'],
  whatcha: ['W AH CH AH'],
  cuz: ['K AH Z', 'K AO Z'],
};
const lexicons = new Map<string, Promise<Lexicon>>();

/** Parses a CMUdict-format file once per path (it is 3 MB: keep this off the main thread). */
export function loadLexicon(path = CMUDICT_PATH): Promise<Lexicon> {
  let lexicon = lexicons.get(path);
  if (!lexicon) {
    lexicon = readFile(path, 'utf8').then(parseLexicon);
    lexicons.set(path, lexicon);
    lexicon.catch(() => lexicons.delete(path));
  }
  return lexicon;
}

export function parseLexicon(text: string): Lexicon {
  const lexicon: Lexicon = new Map();
  for (const line of text.split('\n')) {
    const hash = line.indexOf('#');
    const entry = (hash >= 0 ? line.slice(0, hash) : line).trim();
    const space = entry.indexOf(' ');
    if (space <= 0) continue;
    const word = entry.slice(0, space).replace(/\(\d+\)$/, '');
    const phones = entry.slice(space + 1).trim();
    const list = lexicon.get(word);
    if (list) list.push(phones);
    else lexicon.set(word, [phones]);
  }
  return lexicon;
}

/** The dictionary for a set of words; every word gets at least one pronunciation. */
export function pronounce(words: Iterable<string>, lexicon: Lexicon): Pronunciations {
  const lines: string[] = [];
  const guessed: Pronunciations['guessed'] = new Map();
  for (const word of [...new Set(words)].sort()) {
    let variants = lexicon.get(word) ?? DOMAIN[word];
    if (!variants) {
      const compound = compoundPhones(word, lexicon);
      const phones = compound ?? letterToSound(word);
      guessed.set(word, { phones, source: compound ? 'compound' : 'rules' });
      variants = [phones];
    }
    variants.forEach((phones, k) => lines.push(`${k === 0 ? word : `${word}(${k + 1})`} ${phones}`));
  }
  return { text: lines.join('\n') + '\n', guessed };
}

/** The word as two or three dictionary words of three letters or more, if it splits so. */
export function compoundPhones(word: string, lexicon: Lexicon): string | undefined {
  // best[i]: fewest parts covering word.slice(0, i)
  const best: (string[] | undefined)[] = [[]];
  for (let end = 3; end <= word.length; end++) {
    for (let start = 0; start <= end - 3; start++) {
      const head = best[start];
      const part = lexicon.get(word.slice(start, end))?.[0];
      if (!head || !part || head.length >= 3) continue;
      if (!best[end] || best[end]!.length > head.length + 1) best[end] = [...head, part];
    }
  }
  const parts = best[word.length];
  return parts && parts.length >= 2 ? parts.join(' ') : undefined;
}

// Longest spellings first; each maps to CMU phones. Crude English rules, no stress.
const RULES: [string, string][] = [
  ['tion', 'SH AH N'], ['sion', 'ZH AH N'], ['ough', 'AO'], ['igh', 'AY'], ['tch', 'CH'], ['dge', 'JH'],
  ['ch', 'CH'], ['sh', 'SH'], ['th', 'TH'], ['ph', 'F'], ['ck', 'K'], ['ng', 'NG'], ['qu', 'K W'], ['wh', 'W'],
  ['kn', 'N'], ['wr', 'R'], ['gh', 'G'], ['ee', 'IY'], ['ea', 'IY'], ['oo', 'UW'], ['ai', 'EY'], ['ay', 'EY'],
  ['oa', 'OW'], ['ou', 'AW'], ['ow', 'OW'], ['oi', 'OY'], ['oy', 'OY'], ['au', 'AO'], ['aw', 'AO'], ['ey', 'IY'],
  ['ie', 'IY'], ['ei', 'EY'], ['ue', 'UW'], ['er', 'ER'], ['ir', 'ER'], ['ur', 'ER'], ['ar', 'AA R'], ['or', 'AO R'],
  ['a', 'AE'], ['b', 'B'], ['c', 'K'], ['d', 'D'], ['e', 'EH'], ['f', 'F'], ['g', 'G'], ['h', 'HH'], ['i', 'IH'],
  ['j', 'JH'], ['k', 'K'], ['l', 'L'], ['m', 'M'], ['n', 'N'], ['o', 'AA'], ['p', 'P'], ['q', 'K'], ['r', 'R'],
  ['s', 'S'], ['t', 'T'], ['u', 'AH'], ['v', 'V'], ['w', 'W'], ['x', 'K S'], ['y', 'Y'], ['z', 'Z'],
];

/** Letter-to-sound by rules, for names no dictionary has. */
export function letterToSound(word: string): string {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length > 3 && /[^aeiou]e$/.test(w)) w = w.slice(0, -1); // silent final e
  const phones: string[] = [];
  let i = 0;
  while (i < w.length) {
    // A doubled consonant is said once.
    if (i > 0 && w[i] === w[i - 1] && !'aeiou'.includes(w[i]!)) {
      i++;
      continue;
    }
    let rule = RULES.find(([spelling]) => w.startsWith(spelling, i))!;
    if (w[i] === 'c' && 'eiy'.includes(w[i + 1] ?? '')) rule = ['c', 'S'];
    else if (w[i] === 'y') rule = ['y', i === 0 ? 'Y' : i === w.length - 1 ? 'IY' : 'IH'];
    phones.push(rule[1]);
    i += rule[0].length;
  }
  return phones.join(' ') || 'AH';
}
