import type { PreArrivalInstruction } from '../protocol/scenario.js';
import { hasPhrase, normalize } from './text.js';

/** One pre-arrival instruction and what the caller has done with it. */
export interface Instruction {
  spec: PreArrivalInstruction;
  stems: Set<string>;
  keywords: string[];
  resisted: boolean;
  followed: boolean;
}

const STOP = new Set([
  'with', 'your', 'that', 'this', 'them', 'then', 'they', 'their', 'there', 'what', 'when', 'where', 'will', 'into', 'onto', 'from', 'have', 'just', 'make', 'sure',
  'dont', 'until', 'about', 'each', 'every', 'other', 'before', 'after', 'come', 'back', 'right', 'okay', 'need', 'want', 'tell', 'while', 'again', 'some', 'once',
  'away', 'well', 'very', 'more', 'than', 'only', 'also', 'down', 'keep', 'going', 'like', 'still', 'over', 'under', 'here', 'think', 'going',
]);

/** A crude stem so "pushing", "pushes" and "push" meet; good enough for a dozen instructions. */
export function stem(word: string): string {
  return word.replace(/(?:ing|ed|es|s)$/, '').slice(0, 6);
}

function contentStems(text: string): Set<string> {
  return new Set(normalize(text).split(' ').filter((w) => w.length >= 4 && !STOP.has(w)).map(stem));
}

export function prepareInstruction(spec: PreArrivalInstruction): Instruction {
  return { spec, stems: contentStems(spec.text), keywords: spec.keywords.map(normalize), resisted: false, followed: false };
}

/**
 * The instruction a command means, if any: the one sharing the most content words with it
 * (two at least, all of a one-word command, or one authored keyword). "Get her flat on her back" meets "Get her flat on
 * her back on the floor"; "listen to me" meets nothing and gets a plain "okay".
 */
export function matchInstruction(instructions: readonly Instruction[], command: string): Instruction | null {
  const said = contentStems(command);
  const normalized = normalize(command);
  let best: Instruction | null = null;
  let bestScore = 0;
  for (const instruction of instructions) {
    let score = 0;
    for (const s of said) if (instruction.stems.has(s)) score += 1;
    for (const k of instruction.keywords) if (hasPhrase(normalized, k)) score += 2;
    // Two shared words, or every content word of a short command ("don't try to pull her out").
    if (score >= Math.min(2, said.size) && score > bestScore) {
      best = instruction;
      bestScore = score;
    }
  }
  return best;
}

const CPR = /\b(?:compress\w*|cpr|pump\w*|hard and fast|push\w* (?:hard|down|fast|on (?:her|his|the) chest))\b/;

/** Whether a command (or the instruction it matched) starts chest compressions. */
export function startsCompressions(command: string, instruction: Instruction | null): boolean {
  return CPR.test(normalize(command)) || (instruction !== null && CPR.test(normalize(instruction.spec.text)));
}
