import { spokenText } from '../../../media/language/plain.js';
import { understand, type Understanding } from '../caller/intents.js';
import { stem } from '../caller/instructions.js';
import { normalize } from '../caller/text.js';
import type { TraineeIntent } from '../protocol/scenario.js';
import type { CallRecord, Evidence, Segment } from './types.js';

// How the checklist and scoring read a line: its words, their roots, and what a trainee line
// asks or does. Pure functions of the text, worked out once per line.

// The checklist reruns on every line of a call: what a line says is worked out once.
function memo<T>(compute: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined) {
      if (cache.size >= 5000) cache.clear();
      value = compute(text);
      cache.set(text, value);
    }
    return value;
  };
}

/** ASR gives numbers as digits; a typed line or an LLM may not. Lowercase words, digits, no hyphens in a read-back number. */
export const spoken = memo((text: string): string => normalize(spokenText(text)));

export const STOP = new Set(
  ('the and you your her his him she are was for not but can get got has had out off one two any all our its too now how who why yes way say let may did see use put '
    + 'that this with have from they them then there their what when where will just like about been were would could should into onto some very okay yeah '
    + 'shes hes youre theyre dont wont cant didnt isnt thats whats here well also still only even much more really need want tell told said says going '
    + 'keep kept make sure give gave take caller').split(' '),
);
/** Content words reduced to a crude root ("pushing", "pushes" -> "push"), for comparing what was said with what was meant. */
const rootsOf = memo((text: string): ReadonlySet<string> => new Set(spoken(text).split(' ').filter((w) => (w.length >= 3 || /\d/.test(w)) && !STOP.has(w)).map((w) => stem(w).replace(/e$/, ''))));
/** A fresh set: callers may add to it. */
export const roots = (text: string): Set<string> => new Set(rootsOf(text));

export const understandLine = memo((text: string): Understanding => understand(spoken(text)));

/** One trainee line and what it does. */
export interface TraineeTurn {
  segment: Segment;
  understanding: Understanding;
  /** The intents the line has, as the intent model heard them. */
  intents: ReadonlySet<TraineeIntent>;
}

export function traineeTurns(record: CallRecord): TraineeTurn[] {
  return record.segments
    .filter((s) => s.speaker === 'trainee')
    .map((segment) => {
      const understanding = understandLine(segment.text);
      const intents = new Set(understanding.intents.map((m) => m.intent));
      return { segment, understanding, intents };
    });
}

export const evidenceOf = (segment: Segment, detail?: string): Evidence => ({ segmentId: segment.id, text: segment.text, atMs: segment.startMs, ...(detail ? { detail } : {}) });
