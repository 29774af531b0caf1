import { describe, expect, it } from 'vitest';
import type { TraineeRecordCall } from '../db/calls.js';
import { traineeRecordPdf, type TraineeRecord } from './trainee-record.js';

/** The text of an uncompressed PDF's content streams, one string per text run, as a reader would see it. */
function textOf(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  return [...raw.matchAll(/\[(.*?)\]\s*TJ/g)].map((m) => [...m[1]!.matchAll(/<([0-9a-f]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''));
}

const call = (n: number, over: Partial<TraineeRecordCall> = {}): TraineeRecordCall => ({
  callId: `c${n}`,
  startedAt: new Date(Date.UTC(2026, 10, n)),
  mode: 'practice',
  score: 70 + n,
  scenario: { id: 's', title: 'Kitchen fire', nature: 'fire', version: 2 },
  items: [
    { rubricItem: 'location', label: 'Location read back', passed: n % 2 === 0 },
    { rubricItem: 'callback', label: 'Callback number', passed: true },
  ],
  ...over,
});

const record = (calls: TraineeRecordCall[]): TraineeRecord => ({
  trainee: { name: 'Tess Trainee', email: 'tess@centre.example' },
  generatedAt: new Date('2026-12-05T08:00:00Z'),
  calls,
  assignments: [
    { id: 'a', classId: 'k', className: 'Academy 12', scenario: { id: 's', title: 'Kitchen fire', nature: 'fire' }, mode: 'exam', dueAt: null, opensAt: null, closesAt: null, status: 'done', bestScore: 88, attempts: 1 },
  ],
});

describe('the printable trainee record', () => {
  it('lists who, the assignments, every scored call with its scenario version, and each checklist item', async () => {
    const pdf = await traineeRecordPdf(record([call(1), call(2, { mode: 'exam', score: 88 })]), { compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = textOf(pdf);
    expect(text).toContain('Tess Trainee <tess@centre.example>');
    expect(text).toContain('Scored calls: 2, mean score 79.5');
    expect(text).toContain('Exams: 1, mean score 88.0');
    expect(text).toContain('Assignments done: 1 of 1');
    expect(text).toContain('Kitchen fire (v2)');
    expect(text).toContain('2026-11-02');
    expect(text).toContain('Location read back');
    expect(text).toContain('1 of 2');
    expect(text.some((t) => t.startsWith('Instructor: ___'))).toBe(true);
  });

  it('says so when there is nothing yet, and runs onto more pages for a long record', async () => {
    const empty = textOf(await traineeRecordPdf({ ...record([]), assignments: [] }, { compress: false }));
    expect(empty).toContain('None yet.');
    const long = await traineeRecordPdf(record(Array.from({ length: 120 }, (_, i) => call((i % 28) + 1))), { compress: false });
    expect(long.toString('latin1').match(/\/Type \/Page\b/g)!.length).toBeGreaterThan(2);
  });
});
