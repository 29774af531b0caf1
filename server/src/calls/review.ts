import { capturedFacts } from '../intelligence/captured.js';
import { buildChecklist } from '../intelligence/checklist.js';
import { recordOf } from '../intelligence/record.js';
import { scoreCall } from '../intelligence/scoring.js';
import { truthRows } from '../intelligence/truth.js';
import type { StoredCall } from '../db/calls.js';
import type { Database } from '../db/database.js';
import type { CallDetail, CallReview } from '../protocol/api.js';
import type { Role } from '../protocol/roles.js';
import { ScenarioInput } from '../protocol/scenario.js';
import { scenarioForCall } from '../scenarios/draw.js';
import { scenarioAccess, scenarioShown } from '../scenarios/visibility.js';

// The after-action view of a call and its scoring. Both are computed from what is stored (the
// transcript, entities and events), so a call lost half-way is reviewed and scored like any other.

/** The scenario as the call ran on it, with its own draw: a later edit changes neither its review nor its score. */
async function scenarioOf(db: Database, { scenario: { id, version }, seed }: Pick<CallDetail, 'scenario' | 'seed'>): Promise<ScenarioInput> {
  // Parsed, not cast: scenarios written in an older shape are upgraded on the way.
  return scenarioForCall(ScenarioInput.parse(await db.scenarios.atVersion(id, version)), seed);
}

function summaryOf({ id, title, nature, difficulty, brief, summary }: ScenarioInput) {
  return { id, title, nature, difficulty, brief, summary };
}

/** Scores an ended call against its scenario and stores the metrics and total; returns the total. */
export async function scoreStoredCall(db: Database, call: StoredCall): Promise<number> {
  const score = scoreCall(recordOf(call, await scenarioOf(db, call)));
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
  const scenario = await scenarioOf(db, call);
  const over = call.status === 'ended' || call.status === 'failed';
  const aids = over || call.mode === 'practice' || viewer === 'floor';
  const record = recordOf(call, scenario);
  const captured = capturedFacts(record.entities);
  const labels = new Map(scenario.rubric.map((r) => [r.id, r.label]));
  return {
    call,
    checklist: aids ? buildChecklist(record) : [],
    liveChecklist: aids ? await db.calls.checklistMarks(call.id) : [],
    score: {
      total: call.score,
      items: call.metrics.map((m) => {
        const stored = m.evidence as { label?: string; items?: unknown } | null;
        return { ...m, evidence: stored?.items ?? [], label: stored?.label ?? labels.get(m.rubricItem) ?? m.rubricItem };
      }),
    },
    captured,
    truth: over ? truthRows(scenario.groundTruth, captured, scenario.nature) : null,
    scenario: scenarioShown(summaryOf(scenario), scenarioAccess(role, { ownCallOver: over })),
  };
}
