import { z } from 'zod';
import { line } from './text.js';

// Classes and assignments: request bodies (validated on the server) and response shapes.

const when = z.coerce.date();

export const ClassBody = z.object({ name: line().trim().min(1).max(120) });

export const ClassRole = z.enum(['trainee', 'supervisor']);
export type ClassRole = z.infer<typeof ClassRole>;

/** A member is added by their sign-in email. */
export const MemberBody = z.object({ email: z.string().trim().toLowerCase().email().max(200), role: ClassRole });

export const AssignmentBody = z
  .object({
    scenarioId: line().min(1).max(64),
    /** practice: as many attempts as the trainee likes; exam: one, inside the window. */
    mode: z.enum(['practice', 'exam']),
    dueAt: when.optional(),
    opensAt: when.optional(),
    closesAt: when.optional(),
  })
  .refine((a) => !a.opensAt || !a.closesAt || a.opensAt < a.closesAt, { message: 'must be after opensAt', path: ['closesAt'] });
export type AssignmentBody = z.infer<typeof AssignmentBody>;
/** What a client sends: dates as ISO strings. */
export type AssignmentInput = z.input<typeof AssignmentBody>;

/** Where a trainee stands on one assignment. */
export type AssignmentStatus =
  | 'todo'
  | 'in_progress'
  | 'done'
  /** Due date passed without a scored call. */
  | 'overdue'
  /** An exam whose window has not opened yet. */
  | 'upcoming'
  /** An exam whose window closed without an attempt. */
  | 'closed';

export type AssignmentView = {
  id: string;
  classId: string;
  className: string;
  scenario: { id: string; title: string; nature: string };
  mode: 'practice' | 'exam';
  dueAt: string | null;
  opensAt: string | null;
  closesAt: string | null;
};

/** An assignment as one trainee sees it: where they stand, their best score and attempts. */
export type TraineeAssignment = AssignmentView & { status: AssignmentStatus; bestScore: number | null; attempts: number };

export type ClassSummary = { id: string; name: string; trainees: number; supervisors: number; assignments: number; createdAt: string };

export type ClassDetail = {
  id: string;
  name: string;
  createdAt: string;
  members: { userId: string; name: string; email: string; role: ClassRole }[];
  assignments: AssignmentView[];
};

/** One trainee's row of the class dashboard. */
export type DashboardRow = {
  trainee: { id: string; name: string };
  assignments: { assignmentId: string; status: AssignmentStatus; bestScore: number | null }[];
  /** Mean score of the trainee's scored calls in the class's assignments. */
  average: number | null;
  /** Per checklist (rubric) item: how often it was passed. */
  byItem: { rubricItem: string; label: string; passed: number; of: number }[];
  /** Per kind of call: mean score and how many calls. */
  byNature: { nature: string; average: number; calls: number }[];
  /** Scored calls over time, oldest first. */
  scores: { callId: string; startedAt: string; score: number; nature: string }[];
  /** Why the trainee is falling behind; empty when they are not. */
  behind: string[];
};

export type ClassDashboard = { class: { id: string; name: string }; assignments: AssignmentView[]; rows: DashboardRow[] };
