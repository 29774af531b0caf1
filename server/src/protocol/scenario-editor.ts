import { z } from 'zod';
import { Emotion, ScenarioInput, ScenarioRef } from './scenario.js';
import { line } from './text.js';

// What the scenario editor asks of the server besides reading and writing a scenario: a copy
// under a new id, and a text conversation with the caller of a draft ("try the caller").

/** A copy of a scenario: its new id, and a title (the original's with "(copy)" when left out). */
export const ScenarioDuplicate = z.object({ id: ScenarioRef.shape.id, title: line().trim().min(1).max(200).optional() });
export type ScenarioDuplicate = z.infer<typeof ScenarioDuplicate>;

/** One thing the instructor typed to the caller, at its time since the try began. */
export const TryLine = z.object({ text: line().trim().min(1).max(500), atMs: z.number().int().min(0).max(3_600_000) });

/**
 * The conversation so far with the caller of a draft. The server keeps nothing between turns:
 * each request replays the lines, so a try survives a reload and any server process answers it.
 */
export const TryCaller = z.object({
  scenario: ScenarioInput,
  /** Which draw of names, address and number the caller speaks with, as a call's seed. */
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
  lines: z
    .array(TryLine)
    .max(40)
    .refine((lines) => lines.every((l, i) => i === 0 || l.atMs >= lines[i - 1]!.atMs), 'lines must be in time order'),
});
export type TryCaller = z.input<typeof TryCaller>;

export type TryTurn = { speaker: 'trainee' | 'caller'; text: string; atMs: number; emotion?: Emotion; revealed?: string[] };
/** The whole conversation as the caller had it, and where the caller stands at its end. */
export type TryCallerReply = { turns: TryTurn[]; emotion: Emotion; revealed: string[] };
