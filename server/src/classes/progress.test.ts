import { describe, expect, it } from 'vitest';
import type { AssignedCall } from '../db/classes.js';
import type { AssignmentView } from '../protocol/classes.js';
import { dashboardRow, statusOf } from './progress.js';

const now = new Date('2026-12-05T12:00:00Z');
const assignment = (over: Partial<AssignmentView> = {}): AssignmentView => ({
  id: 'a1',
  classId: 'c1',
  className: 'Academy 12',
  scenario: { id: 'kitchen-fire', title: 'Kitchen fire', nature: 'fire' },
  mode: 'practice',
  dueAt: null,
  opensAt: null,
  closesAt: null,
  ...over,
});
let n = 0;
const call = (over: Partial<AssignedCall> = {}): AssignedCall => ({
  id: `call-${++n}`,
  assignmentId: 'a1',
  trainee: { id: 't1', name: 'Tess', email: 't@x' },
  scenario: { id: 'kitchen-fire', title: 'Kitchen fire', nature: 'fire', version: 1 },
  mode: 'practice',
  status: 'ended',
  outcome: 'completed',
  startedAt: new Date('2026-12-04T10:00:00Z'),
  endedAt: new Date('2026-12-04T10:05:00Z'),
  score: 80,
  metrics: [],
  ...over,
});

describe('statusOf', () => {
  it('is todo, then overdue once the due date passes without a scored call', () => {
    expect(statusOf(assignment({ dueAt: '2026-12-06T00:00:00Z' }), [], now).status).toBe('todo');
    expect(statusOf(assignment({ dueAt: '2026-12-01T00:00:00Z' }), [], now).status).toBe('overdue');
    expect(statusOf(assignment({ dueAt: '2026-12-01T00:00:00Z' }), [call({ score: null, status: 'failed', outcome: 'lost' })], now).status).toBe('overdue');
  });

  it('is done with the best score of the attempts, and in progress while a call is live', () => {
    expect(statusOf(assignment(), [call({ score: 60 }), call({ score: 85 })], now)).toEqual({ status: 'done', bestScore: 85, attempts: 2 });
    expect(statusOf(assignment(), [call({ score: 60 }), call({ status: 'active', score: null })], now).status).toBe('in_progress');
  });

  it('keeps an exam upcoming before its window and closed after it, and does not count a line that never came up', () => {
    const exam = assignment({ mode: 'exam', opensAt: '2026-12-06T09:00:00Z', closesAt: '2026-12-06T17:00:00Z' });
    expect(statusOf(exam, [], now).status).toBe('upcoming');
    expect(statusOf({ ...exam, opensAt: '2026-12-01T09:00:00Z', closesAt: '2026-12-02T09:00:00Z' }, [], now).status).toBe('closed');
    const noMedia = call({ mode: 'exam', status: 'failed', outcome: 'media_failed', score: null });
    expect(statusOf({ ...exam, opensAt: null }, [noMedia], now)).toMatchObject({ status: 'todo', attempts: 0 });
    expect(statusOf({ ...exam, opensAt: null }, [call({ mode: 'exam', status: 'failed', outcome: 'lost', score: null })], now).status).toBe('done');
  });
});

describe('dashboardRow', () => {
  it('sums checklist items and kinds of call, and says why a trainee is falling behind', () => {
    const metric = (rubricItem: string, passed: boolean) => ({ rubricItem, passed, evidence: { label: rubricItem.toUpperCase() } });
    const calls = [
      call({ score: 50, metrics: [metric('location', false), metric('callback', true)] }),
      call({ score: 60, scenario: { id: 'cpr', title: 'CPR', nature: 'medical', version: 2 }, metrics: [metric('location', true)] }),
      call({ score: 99, trainee: { id: 'other', name: 'O', email: 'o@x' } }),
    ];
    const overdue = assignment({ id: 'a2', dueAt: '2026-12-01T00:00:00Z' });
    const row = dashboardRow({ id: 't1', name: 'Tess' }, [assignment(), overdue], calls, now);
    expect(row.average).toBe(55);
    expect(row.byItem).toEqual([
      { rubricItem: 'location', label: 'LOCATION', passed: 1, of: 2 },
      { rubricItem: 'callback', label: 'CALLBACK', passed: 1, of: 1 },
    ]);
    expect(row.byNature).toEqual([
      { nature: 'fire', average: 50, calls: 1 },
      { nature: 'medical', average: 60, calls: 1 },
    ]);
    expect(row.assignments).toEqual([
      { assignmentId: 'a1', status: 'done', bestScore: 60 },
      { assignmentId: 'a2', status: 'overdue', bestScore: null },
    ]);
    expect(row.behind).toEqual(['1 assignment overdue', 'average 55 is under 70']);
  });
});
