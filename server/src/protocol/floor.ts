import { z } from 'zod';
import { Uuid } from './ids.js';
import type { CallState, SupervisorView } from './media.js';

// The floor board: every live call's summary comes from REST (GET /calls?status=...); what only
// the process carrying the call knows (its phone state, checklist progress, who supervises) is
// FloorLive, shared through Redis so any process can answer for any call.

export type ChecklistProgress = { done: number; partial: number; total: number };

export type FloorLive = {
  callId: string;
  /** The softphone's state (on hold, transferring, the caller's emotion); null before media starts. */
  state: CallState | null;
  checklist: ChecklistProgress | null;
  supervisors: SupervisorView[];
};

export const FloorWatchRequest = z.object({ callIds: z.array(Uuid).max(500) });
