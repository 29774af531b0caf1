import type { AssignedCall } from '../db/classes.js';
import type { AssignmentStatus, AssignmentView, DashboardRow } from '../protocol/classes.js';

// Where trainees stand on their assignments: pure functions of the assignment, the calls taken
// for it and the time, shared by the trainee's list, the class dashboard and the reports.

/** A trainee whose mean score is under this (over two scored calls or more) is falling behind. */
export const BEHIND_BELOW_SCORE = 70;

const live = (c: AssignedCall) => c.status === 'ringing' || c.status === 'active';
/** A call whose line never came up was not an attempt: it is not held against an exam. */
export const isAttempt = (c: Pick<AssignedCall, 'status' | 'outcome'>) => !(c.status === 'failed' && c.outcome === 'media_failed');

export function statusOf(assignment: AssignmentView, calls: AssignedCall[], now: Date): { status: AssignmentStatus; bestScore: number | null; attempts: number } {
  const attempts = calls.filter(isAttempt);
  const scores = attempts.flatMap((c) => (c.score === null ? [] : [c.score]));
  const bestScore = scores.length > 0 ? Math.max(...scores) : null;
  const at = (iso: string | null) => (iso === null ? null : new Date(iso));
  let status: AssignmentStatus;
  if (attempts.some(live)) status = 'in_progress';
  else if (bestScore !== null || (assignment.mode === 'exam' && attempts.length > 0)) status = 'done';
  else if (assignment.mode === 'exam' && at(assignment.opensAt)! > now) status = 'upcoming';
  else if (assignment.mode === 'exam' && at(assignment.closesAt) !== null && at(assignment.closesAt)! < now) status = 'closed';
  else if (at(assignment.dueAt) !== null && at(assignment.dueAt)! < now) status = 'overdue';
  else status = 'todo';
  return { status, bestScore, attempts: attempts.length };
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}

/** One trainee's dashboard row from their calls in the class's assignments. */
export function dashboardRow(trainee: { id: string; name: string }, assignments: AssignmentView[], calls: AssignedCall[], now: Date): DashboardRow {
  const own = calls.filter((c) => c.trainee.id === trainee.id);
  const scored = own.filter((c) => c.score !== null && isAttempt(c));
  const statuses = assignments.map((a) => ({ assignmentId: a.id, ...statusOf(a, own.filter((c) => c.assignmentId === a.id), now) }));

  const items = new Map<string, DashboardRow['byItem'][number]>();
  for (const m of scored.flatMap((c) => c.metrics)) {
    const label = (m.evidence as { label?: string } | null)?.label ?? m.rubricItem;
    const item = items.get(m.rubricItem) ?? { rubricItem: m.rubricItem, label, passed: 0, of: 0 };
    item.of += 1;
    if (m.passed) item.passed += 1;
    items.set(m.rubricItem, item);
  }
  const natures = new Map<string, number[]>();
  for (const c of scored) natures.set(c.scenario.nature, [...(natures.get(c.scenario.nature) ?? []), c.score!]);

  const average = mean(scored.map((c) => c.score!));
  const behind: string[] = [];
  const overdue = statuses.filter((s) => s.status === 'overdue').length;
  if (overdue > 0) behind.push(`${overdue} assignment${overdue === 1 ? '' : 's'} overdue`);
  const missed = statuses.filter((s) => s.status === 'closed').length;
  if (missed > 0) behind.push(`${missed} exam${missed === 1 ? '' : 's'} missed`);
  if (average !== null && scored.length >= 2 && average < BEHIND_BELOW_SCORE) behind.push(`average ${average} is under ${BEHIND_BELOW_SCORE}`);

  return {
    trainee,
    assignments: statuses.map(({ assignmentId, status, bestScore }) => ({ assignmentId, status, bestScore })),
    average,
    byItem: [...items.values()].sort((a, b) => a.passed / a.of - b.passed / b.of || a.rubricItem.localeCompare(b.rubricItem)),
    byNature: [...natures].map(([nature, scores]) => ({ nature, average: mean(scores)!, calls: scores.length })).sort((a, b) => a.nature.localeCompare(b.nature)),
    scores: scored.map((c) => ({ callId: c.id, startedAt: c.startedAt.toISOString(), score: c.score!, nature: c.scenario.nature })),
    behind,
  };
}
