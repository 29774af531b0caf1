import { understand } from './intents.js';

/** A question that ends on one of these is not finished yet ("what is the address of..."). */
const DANGLING = new Set(['a', 'an', 'the', 'of', 'to', 'your', 'my', 'his', 'her', 'their', 'our', 'is', 'are', 'was', 'were', 'and', 'or', 'but', 'in', 'on', 'at', 'for', 'with', 'from', 'by', 'what', 'whats', 'where', 'wheres', 'who', 'how', 'when', 'which', 'any', 'did', 'does', 'do', 'can', 'could', 'has', 'have', 'had', 'that', 'this', 'there', 'if', 'so', 'um', 'uh']);
/** Subjects a clause-final "is"/"are" follows: "...from where you are", "do you know where he is". */
const SUBJECTS = new Set(['i', 'you', 'he', 'she', 'it', 'they', 'we']);
const BE = new Set(['is', 'are', 'was', 'were', 'am']);
const PREPOSITIONS = new Set(['from', 'to', 'with', 'for', 'in', 'on', 'at', 'by', 'of']);

/** A running transcript that already asks something whole: the trainee is done and waits. */
export function soundsComplete(text: string): boolean {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const last = words.at(-1);
  if (!last || words.length < 2 || (DANGLING.has(last) && !strandedEnd(words))) return false;
  const { primary } = understand(text);
  return primary.startsWith('ask_') || primary.startsWith('verify_');
}

/**
 * A question may end on a word that usually leads on, once what it belongs to came before
 * it: "...you are calling from" (a preposition after a verb in -ing), "...where you are"
 * (a verb of being after its subject).
 */
function strandedEnd(words: string[]): boolean {
  const [before, last] = words.slice(-2) as [string, string];
  if (PREPOSITIONS.has(last)) return before.length > 4 && before.endsWith('ing');
  return BE.has(last) && SUBJECTS.has(before);
}
