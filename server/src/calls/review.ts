import { buildChecklist } from '../intelligence/checklist.js';
import { recordOf } from '../intelligence/record.js';
import { scoreCall } from '../intelligence/scoring.js';
import { truthRows } from '../intelligence/truth.js';
import type { StoredCall } from '../db/calls.js';
import type { Database } from '../db/database.js';
import type { CallDetail, CallReview } from '../protocol/api.js';
import type { Role } from '../protocol/roles.js';
import { ScenarioInput } from '../protocol/scenario.js';
import { scenarioAccess, scenarioShown } from '../scenarios/visibility.js';

// The after-action view of a call and its scoring. Both are computed from what is stored (the
// transcript, entities and events), so a call lost half-way is reviewed and scored like any other.

async function scenarioOf(db: Database, scenarioId: string): Promise<ScenarioInput> {
  // Parsed, not cast: scenarios written in an older shape are upgraded on the way.
  return ScenarioInput.parse(await db.scenarios.get(scenarioId));
}

function summaryOf({ id, title, nature, difficulty, brief, summary }: ScenarioInput) {
  return { id, title, nature, difficulty, brief, summary };
}

/** Scores an ended call against its scenario and stores the metrics and total; returns the total. */
export async function scoreStoredCall(db: Database, call: StoredCall): Promise<number> {
  const score = scoreCall(recordOf(call, await scenarioOf(db, call.scenario.id)));
  await db.calls.saveScore(
    call.id,
    score.total,
    score.metrics.map(({ rubricItem, label, passed, score, maxScore, evidence }) => ({ rubricItem, passed, score, maxScore, evidence: { label, items: evidence } })),
  );
  return score.total;
}

/**
 * Ground truth is shown once the call is over: while it is live it would give the answers away.
 * So is an exam's checklist to the trainee taking it.
 */
export async function reviewOf(db: Database, call: CallDetail, viewer: 'trainee' | 'floor', role: Role): Promise<CallReview> {
  const scenario = await scenarioOf(db, call.scenario.id);
  const over = call.status === 'ended' || call.status === 'failed';
  const checklist = over || call.mode === 'practice' || viewer === 'floor' ? buildChecklist(recordOf(call, scenario)) : [];
  const labels = new Map(scenario.rubric.map((r) => [r.id, r.label]));
  // The trainee's read-back is what they captured; a value only the caller said counts until one exists.
  const byTrainee = new Set(call.transcript.filter((s) => s.speaker === 'trainee').map((s) => s.id));
  const captured = new Map<string, CallReview['captured'][number] & { fromTrainee: boolean }>();
  for (const e of call.entities) {
    const fromTrainee = e.segmentId !== null && byTrainee.has(e.segmentId);
    if (captured.get(e.type)?.fromTrainee && !fromTrainee) continue;
    captured.set(e.type, { type: e.type, normalized: e.normalized, atMs: e.atMs, segmentId: e.segmentId, fromTrainee });
  }
  return {
    call,
    checklist,
    score: {
      total: call.score,
      items: call.metrics.map((m) => {
        const stored = m.evidence as { label?: string; items?: unknown } | null;
        return { ...m, evidence: stored?.items ?? [], label: stored?.label ?? labels.get(m.rubricItem) ?? m.rubricItem };
      }),
    },
    captured: [...captured.values()].map(({ fromTrainee: _, ...c }) => c),
    truth: over ? truthRows(scenario.groundTruth, new Map([...captured.values()].map((c) => [c.type, c.normalized])), scenario.nature) : null,
    scenario: scenarioShown(summaryOf(scenario), scenarioAccess(role, { ownCallOver: over })),
  };
}
