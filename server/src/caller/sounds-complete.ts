import { understand } from './intents.js';

/** A question that ends on one of these is not finished yet ("what is the address of..."). */
const DANGLING = new Set(['a', 'an', 'the', 'of', 'to', 'your', 'my', 'his', 'her', 'their', 'our', 'is', 'are', 'was', 'were', 'and', 'or', 'but', 'in', 'on', 'at', 'for', 'with', 'from', 'by', 'what', 'whats', 'where', 'wheres', 'who', 'how', 'when', 'which', 'any', 'did', 'does', 'do', 'can', 'could', 'has', 'have', 'had', 'that', 'this', 'there', 'if', 'so', 'um', 'uh']);

/** A running transcript that already asks something whole: the trainee is done and waits. */
export function soundsComplete(text: string): boolean {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const last = words.at(-1);
  if (!last || words.length < 2 || DANGLING.has(last)) return false;
  const { primary } = understand(text);
  return primary.startsWith('ask_') || primary.startsWith('verify_');
}
