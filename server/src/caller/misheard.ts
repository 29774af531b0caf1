import type { Random } from '../../../media/random.js';
import { spokenText } from '../../../media/language/plain.js';

/**
 * What a line may become on its way through the speech recogniser: the intent model learns from
 * each corpus line and from one such copy, so a line heard with a word dropped, a short word
 * swapped for one that sounds like it, or its last word lost still reads as what was meant.
 * The kinds of error are those the recogniser makes on lines it was not trained on (bench:asr
 * on the corpus's dev lines): short function words confused with their sound-alikes, words
 * dropped, a filler heard or not, the end of a line cut off.
 */

/** Words the recogniser hears for one another (spokenText forms: no apostrophes). */
const SOUNDS_LIKE: readonly (readonly string[])[] = [
  ['to', 'two', 'too', 'the'],
  ['for', 'four', 'far', 'from'],
  ['your', 'youre', 'you', 'yeah'],
  ['there', 'their', 'theyre', 'they'],
  ['are', 'our', 'or', 'a'],
  ['is', 'his', 'hes', 'as', 'its', 'it'],
  ['whats', 'was', 'what', 'want'],
  ['where', 'were', 'wear', 'whered'],
  ['no', 'know', 'now', 'not'],
  ['right', 'write', 'ride'],
  ['here', 'hear', 'her', 'he'],
  ['by', 'buy', 'bye', 'my', 'i'],
  ['and', 'an', 'in', 'on', 'uh', 'um'],
  ['the', 'a', 'that', 'this', 'they'],
  ['did', 'does', 'do', 'didnt', 'dont'],
  ['can', 'cant', 'could', 'can i'],
  ['him', 'them', 'em', 'in'],
  ['he', 'she', 'we', 'the'],
  ['well', 'will', 'well', 'we'],
  ['ill', 'all', 'i', 'im'],
  ['then', 'than', 'when', 'and'],
  ['of', 'off', 'have', 'if'],
  ['okay', 'ok', 'ah', 'k'],
  ['how', 'now', 'who'],
  ['see', 'she', 'say', 'c'],
  ['at', 'that', 'it', 'out'],
  ['would', 'could', 'good', 'wood'],
  // Content words it was heard to confuse (the intents test keeps these): only where the intent hangs on the word.
  ['breathing', 'breeding'],
];
const ALIKE = new Map<string, readonly string[]>();
for (const group of SOUNDS_LIKE) for (const word of group) ALIKE.set(word, [...(ALIKE.get(word) ?? []), ...group.filter((w) => w !== word)]);

/** Short words a noise or a cut-off start is heard as. */
const JUNK = ['a', 'the', 'and', 'is', 'it', 'to', 'you', 'your', 'he', 'does', 'do', 'what', 'where', 'how', 'that', 'go', 'one', 'uh', 'oh', 'i', 'in', 'on'];
const FILLERS = new Set(['uh', 'um', 'maam', 'sir', 'hon']);

/** One way the recogniser might have heard `text`, lowercase words and digits as it types them. */
export function misheard(text: string, random: Random): string {
  const words = spokenText(text).split(' ').filter(Boolean);
  const out: string[] = [];
  words.forEach((word, i) => {
    const alike = ALIKE.get(word);
    if (FILLERS.has(word) && random.chance(0.4)) return;
    if (alike && random.chance(0.25)) return out.push(random.pick(alike));
    // A dropped word, more likely a short one; never the only one.
    if (words.length > 2 && random.chance(word.length <= 3 ? 0.1 : 0.04)) return;
    if (i === words.length - 1 && words.length > 3 && random.chance(0.1)) return;
    out.push(word);
    if (random.chance(0.03)) out.push(random.pick(['uh', 'a', 'the', 'and', 'is']));
  });
  // A cut-off start or a breath heard as words ("wh- which apartment" came out "does your age
  // which apartment"): what the line opens with is then not its first real word.
  if (random.chance(0.2)) out.unshift(...Array.from({ length: 1 + Math.floor(random.next() * 2) }, () => random.pick(JUNK)));
  return out.join(' ') || words.join(' ');
}
