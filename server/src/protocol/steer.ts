import { z } from 'zod';
import { Uuid } from './ids.js';
import { Emotion, FactKey } from './scenario.js';
import { line } from './text.js';

// An instructor steering the simulated caller mid-call, unheard by the trainee. Every steer is
// stored as a call event with who sent it and when, and shown in the after-action review.

export const BACKGROUND_NOISES = ['crowd', 'sirens', 'wind', 'tv'] as const;

export const SteerCommand = z.discriminatedUnion('action', [
  z.object({ action: z.literal('escalate') }),
  z.object({ action: z.literal('calm') }),
  /** The caller says this fact now. */
  z.object({ action: z.literal('reveal'), fact: FactKey }),
  /** The caller keeps this fact back until released. */
  z.object({ action: z.literal('withhold'), fact: FactKey }),
  z.object({ action: z.literal('release'), fact: FactKey }),
  /** The caller hangs up: the call ends. */
  z.object({ action: z.literal('hangUp') }),
  /** Noise behind the caller, or `none` to stop it. */
  z.object({ action: z.literal('noise'), noise: z.enum([...BACKGROUND_NOISES, 'none']) }),
  /** Something happens where the caller is ("shots fired"): they say it. */
  z.object({ action: z.literal('event'), say: line().trim().min(1).max(300), emotion: Emotion.optional() }),
]);
export type SteerCommand = z.infer<typeof SteerCommand>;

export const SteerRequest = z.object({ callId: Uuid, steer: SteerCommand });
