import { z } from 'zod';
import { Uuid } from './ids.js';
import type { Role } from './roles.js';
import type { ScenarioInput } from './scenario.js';
import { line } from './text.js';

// REST API v1: request bodies (validated on the server) and response shapes.

export const LoginBody = z.object({
  email: z.string().trim().toLowerCase().email().max(200),
  // Any characters: a password is only ever hashed, never stored or shown.
  password: z.string().min(1).max(200),
});

export const StartCallBody = z.object({
  /** The scenario to practise; not needed with an assignment, which decides it. */
  scenarioId: line().min(1).max(64).optional(),
  /** A class assignment: its scenario and mode are the call's. */
  assignmentId: Uuid.optional(),
  /** Instructors and admins may start a call for a trainee; trainees start their own. */
  traineeId: Uuid.optional(),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  /** practice: the trainee sees the live checklist; exam: only supervisors and instructors do. */
  mode: z.enum(['practice', 'exam']).default('practice'),
}).refine((b) => b.scenarioId !== undefined || b.assignmentId !== undefined, { message: 'needs a scenarioId or an assignmentId', path: ['scenarioId'] });

export const EndCallBody = z.object({
  outcome: z.enum(['completed', 'abandoned', 'transferred']).default('completed'),
  reason: line().max(500).optional(),
});

export const ListCallsQuery = z.object({
  status: z.enum(['ringing', 'active', 'ended', 'failed']).optional(),
  traineeId: Uuid.optional(),
  scenarioId: line().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Opaque cursor: the id of the last call of the previous page. */
  cursor: Uuid.optional(),
});

export type Me = { id: string; email: string; name: string; role: Role };

/** What a trainee is shown of a scenario before their call (server/src/scenarios/visibility.ts decides). */
export type ScenarioCard = Pick<ScenarioInput, 'id' | 'title' | 'nature' | 'difficulty' | 'brief'>;
/** A row of the library: staff also get the summary, which names the call's twist. */
export type ScenarioSummary = ScenarioCard & { summary?: string; archivedAt?: string };
/** A scenario at one version: the newest, or the one a call ran on. Archived: takes no new calls. */
export type ScenarioDetail = ScenarioInput & { version: number; createdAt: string; updatedAt: string; archivedAt: string | null };

export type CallStatus = 'ringing' | 'active' | 'ended' | 'failed';

/**
 * The outcome of a call whose trainee's audio never connected: a technical failure (status
 * failed), not scored and kept out of the trainee's history.
 */
export const MEDIA_FAILED_OUTCOME = 'media_failed';

export type CallSummary = {
  id: string;
  status: CallStatus;
  /** `version`: the scenario version the call ran on (its ground truth, script and rubric). */
  scenario: { id: string; title: string; nature: string; version: number };
  trainee: { id: string; name: string };
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  outcome: string | null;
  score: number | null;
};

export type TranscriptSegmentView = {
  id: string;
  speaker: 'trainee' | 'caller' | 'instructor' | 'agency';
  text: string;
  startMs: number;
  endMs: number;
  confidence: number | null;
  isFinal: boolean;
};

export type EntityView = { id: string; type: string; raw: string; normalized: string; atMs: number; segmentId: string | null };
export type CallEventView = { id: string; type: string; at: string; actor: { id: string; name: string } | null; data: unknown };
export type RecordingView = { id: string; durationMs: number; channels: number; sampleRateHz: number; createdAt: string; url: string };
export type MetricView = { rubricItem: string; passed: boolean; score: number; maxScore: number; evidence: unknown };
export type CallMode = 'practice' | 'exam';

/** Where a checklist tick or a score comes from: a transcript line, a time, a note. */
export type EvidenceView = { segmentId?: string; text?: string; atMs?: number; detail?: string };
/** One item of the NENA checklist: `partial` e.g. when the location was asked but not yet read back. */
export type ChecklistItemView = { id: string; label: string; status: 'open' | 'partial' | 'done'; atMs: number | null; evidence: EvidenceView[] };

/** One change of the live checklist as the trainee (in practice mode) and the floor saw it, in ms on the call's clock. */
export type ChecklistMarkView = { item: string; status: 'open' | 'partial' | 'done'; atMs: number };

/** A value the call established, and the values it corrected (earlier, different, said by the trainee or the caller). */
export type CapturedValueView = { normalized: string; atMs: number; segmentId: string | null };
/**
 * One fact as a CAD form holds it: the latest value, with the earlier values it replaced. Facts
 * that add up (injuries, hazards, weapons...) have one entry per value and correct nothing.
 */
export type CapturedFactView = CapturedValueView & { type: string; corrected: CapturedValueView[] };

/** The after-action review: the call, its checklist and score with evidence, and the truth beside what was captured. */
export type CallReview = {
  call: CallDetail;
  checklist: ChecklistItemView[];
  /** The live checklist as it changed during the call (what the trainee saw, when). */
  liveChecklist: ChecklistMarkView[];
  score: { total: number | null; items: (MetricView & { label: string })[] };
  /** What the call captured, as the live panel showed it (one rule: intelligence/captured.ts). */
  captured: CapturedFactView[];
  /** The scenario's truth beside what was captured, once the call is over (while live it would give the answers away). */
  truth: TruthRowView[] | null;
  /** The call's scenario: its card while a trainee's own call is live, with the summary once it is over (and always for staff). */
  scenario: ScenarioSummary;
};

/** yes: the captured value fits the truth; no: it does not; missing: nothing captured; none: nothing to capture. */
export type TruthRowView = { field: string; label: string; truth: string; captured: string; match: 'yes' | 'no' | 'missing' | 'none' };

/** One scored call in a trainee's history. */
export type HistoryEntry = { callId: string; scenario: { id: string; title: string; nature: string }; startedAt: string; score: number };
export type TraineeHistory = { trainee: { id: string; name: string }; calls: HistoryEntry[] };

export type CallDetail = CallSummary & {
  endReason: string | null;
  holdMs: number;
  mode: CallMode;
  /** Transcript, entity and recording times are ms from here. */
  mediaStartedAt: string | null;
  /** What the call's names, address, callback number and caller were drawn from: the same seed replays them. */
  seed: number;
  /** What the call-taker's screen shows when the call rings (ANI/ALI). */
  ani: string;
  ali: ScenarioInput['ali'];
  transcript: TranscriptSegmentView[];
  entities: EntityView[];
  events: CallEventView[];
  recordings: RecordingView[];
  metrics: MetricView[];
};

export type Page<T> = { items: T[]; nextCursor: string | null };
