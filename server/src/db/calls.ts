import type { CallDetail, CallEventView, CallSummary, ChecklistMarkView, EntityView, MetricView, Page, RecordingView, TranscriptSegmentView } from '../protocol/api.js';
import { ScenarioInput } from '../protocol/scenario.js';
import { scenarioForCall } from '../scenarios/draw.js';
import { applyCallWrite, type CallWrite } from './call-writes.js';
import type { Prisma, PrismaClient } from './generated/client.js';
import type { CallEventType, CallMode, CallStatus } from './generated/enums.js';

export type StoredRecording = Omit<RecordingView, 'url'> & { storageKey: string };
/** A call as stored: recordings carry their storage key, to be turned into signed URLs. */
export type StoredCall = Omit<CallDetail, 'recordings'> & { recordings: StoredRecording[] };

export type TraineeRecordCall = {
  callId: string;
  startedAt: Date;
  mode: CallMode;
  score: number;
  scenario: { id: string; title: string; nature: string; version: number };
  items: { rubricItem: string; label: string; passed: boolean }[];
};

export type CallListFilter = {
  status?: CallStatus | undefined;
  traineeId?: string | undefined;
  scenarioId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
};

const summarySelect = {
  id: true,
  status: true,
  startedAt: true,
  answeredAt: true,
  endedAt: true,
  outcome: true,
  score: true,
  scenario: { select: { id: true, title: true, nature: true } },
  scenarioVersion: true,
  trainee: { select: { id: true, name: true } },
} as const satisfies Prisma.CallSelect;

type SummaryRow = Prisma.CallGetPayload<{ select: typeof summarySelect }>;

const detailSelect = {
  ...summarySelect,
  endReason: true,
  holdMs: true,
  mode: true,
  mediaStartedAt: true,
  seed: true,
  ranOn: { select: { content: true } },
  segments: { orderBy: { startMs: 'asc' } },
  entities: { orderBy: { atMs: 'asc' } },
  events: { orderBy: { at: 'asc' }, include: { actor: { select: { id: true, name: true } } } },
  recordings: { orderBy: { createdAt: 'asc' } },
  metrics: { orderBy: { rubricItem: 'asc' } },
} as const satisfies Prisma.CallSelect;

type DetailRow = Prisma.CallGetPayload<{ select: typeof detailSelect }>;

function toSummary(row: SummaryRow): CallSummary {
  return {
    id: row.id,
    status: row.status,
    scenario: { id: row.scenario.id, title: row.scenario.title, nature: row.scenario.nature, version: row.scenarioVersion },
    trainee: row.trainee,
    startedAt: row.startedAt.toISOString(),
    answeredAt: row.answeredAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    outcome: row.outcome,
    score: row.score,
  };
}

export function toEventView(row: DetailRow['events'][number]): CallEventView {
  return { id: row.id, type: row.type, at: row.at.toISOString(), actor: row.actor, data: row.data ?? null };
}

/** What the caller's network delivered on this call: the version it ran on, as this call drew it. */
function lineOf(row: DetailRow): Pick<StoredCall, 'ani' | 'ali'> {
  // A version's content is everything but the id.
  const { ani, ali } = scenarioForCall(ScenarioInput.parse({ ...(row.ranOn.content as object), id: row.scenario.id }), row.seed);
  return { ani, ali };
}

function toStoredCall(row: DetailRow): StoredCall {
  return {
    ...toSummary(row),
    endReason: row.endReason,
    holdMs: row.holdMs,
    mode: row.mode,
    mediaStartedAt: row.mediaStartedAt?.toISOString() ?? null,
    seed: row.seed,
    ...lineOf(row),
    transcript: row.segments.map((s) => ({
      id: s.id,
      speaker: s.speaker,
      text: s.text,
      startMs: s.startMs,
      endMs: s.endMs,
      confidence: s.confidence,
      isFinal: s.isFinal,
    })),
    entities: row.entities.map((e) => ({ id: e.id, type: e.type, raw: e.raw, normalized: e.normalized, atMs: e.atMs, segmentId: e.segmentId })),
    events: row.events.map(toEventView),
    recordings: row.recordings.map((r) => ({
      id: r.id,
      storageKey: r.storageKey,
      durationMs: r.durationMs,
      channels: r.channels,
      sampleRateHz: r.sampleRateHz,
      createdAt: r.createdAt.toISOString(),
    })),
    metrics: row.metrics.map((m) => ({ rubricItem: m.rubricItem, passed: m.passed, score: m.score, maxScore: m.maxScore, evidence: m.evidence })),
  };
}

export class CallRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async create(input: {
    traineeId: string;
    scenarioId: string;
    scenarioVersion: number;
    assignmentId: string | null;
    seed: number;
    mode: CallMode;
    actorId: string;
  }): Promise<StoredCall> {
    const row = await this.prisma.call.create({
      data: {
        traineeId: input.traineeId,
        scenarioId: input.scenarioId,
        scenarioVersion: input.scenarioVersion,
        assignmentId: input.assignmentId,
        seed: input.seed,
        mode: input.mode,
        events: { create: { type: 'ring', actorId: input.actorId } },
      },
      select: detailSelect,
    });
    return toStoredCall(row);
  }

  async get(id: string): Promise<StoredCall | null> {
    const row = await this.prisma.call.findUnique({ where: { id }, select: detailSelect });
    return row && toStoredCall(row);
  }

  async getSummary(id: string): Promise<CallSummary | null> {
    const row = await this.prisma.call.findUnique({ where: { id }, select: summarySelect });
    return row && toSummary(row);
  }

  /** The trainee a call belongs to, or null when there is no such call. */
  async traineeOf(id: string): Promise<string | null> {
    const row = await this.prisma.call.findUnique({ where: { id }, select: { traineeId: true } });
    return row?.traineeId ?? null;
  }

  async hasLiveCall(traineeId: string): Promise<boolean> {
    return (await this.prisma.call.count({ where: { traineeId, status: { in: ['ringing', 'active'] } } })) > 0;
  }

  /** Newest first, paged by a cursor (the last id of the previous page). */
  async list(filter: CallListFilter): Promise<Page<CallSummary>> {
    const rows = await this.prisma.call.findMany({
      where: { status: filter.status, traineeId: filter.traineeId, scenarioId: filter.scenarioId },
      orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
      take: filter.limit + 1,
      ...(filter.cursor ? { cursor: { id: filter.cursor }, skip: 1 } : {}),
      select: summarySelect,
    });
    const items = rows.slice(0, filter.limit).map(toSummary);
    return { items, nextCursor: rows.length > filter.limit ? (items.at(-1)?.id ?? null) : null };
  }

  /** What the live call needs to run: who it belongs to, its state, its scenario and seed. */
  async liveContext(
    id: string,
  ): Promise<{
    traineeId: string;
    status: CallStatus;
    startedAt: Date;
    scenarioId: string;
    scenarioVersion: number;
    seed: number;
    mode: CallMode;
    carrier: string | null;
    leaseToken: number | null;
  } | null> {
    return this.prisma.call.findUnique({
      where: { id },
      select: { traineeId: true, status: true, startedAt: true, scenarioId: true, scenarioVersion: true, seed: true, mode: true, carrier: true, leaseToken: true },
    });
  }

  /**
   * A process takes a live call under its lease `token`, if the call's token is still `seen`
   * (what it judged the call by): from then on only writes made under `token` land (see
   * call-writes.ts). False: the call ended, or another process took it meanwhile.
   */
  async take(id: string, seen: number | null, token: number, carrier: string): Promise<boolean> {
    const { count } = await this.prisma.call.updateMany({ where: { id, status: { in: ['ringing', 'active'] }, leaseToken: seen }, data: { leaseToken: token, carrier } });
    return count === 1;
  }

  /** Lets go of a call taken under `token` whose media then failed to open: no process carries it, and it may be opened again. */
  async untake(id: string, token: number): Promise<void> {
    await this.prisma.call.updateMany({ where: { id, leaseToken: token }, data: { carrier: null } });
  }

  /** Records when the call's media began (the first time only: a resumed call keeps its clock); returns the time stored. */
  async markMediaStarted(id: string, at: Date): Promise<Date> {
    await this.prisma.call.updateMany({ where: { id, mediaStartedAt: null }, data: { mediaStartedAt: at } });
    const row = await this.prisma.call.findUniqueOrThrow({ where: { id }, select: { mediaStartedAt: true } });
    return row.mediaStartedAt ?? at;
  }

  /** The live checklist's changes in the order they happened. */
  async checklistMarks(callId: string): Promise<ChecklistMarkView[]> {
    const rows = await this.prisma.checklistMark.findMany({ where: { callId }, orderBy: [{ atMs: 'asc' }, { createdAt: 'asc' }] });
    return rows.map((r) => ({ item: r.item, status: r.status as ChecklistMarkView['status'], atMs: r.atMs }));
  }

  /**
   * A trainee's scored calls, oldest first, each with its checklist result: their progress over
   * time and their printable record. `limit` keeps the newest that many.
   */
  async scoredCalls(traineeId: string, limit?: number): Promise<TraineeRecordCall[]> {
    const rows = await this.prisma.call.findMany({
      where: { traineeId, score: { not: null } },
      orderBy: { startedAt: 'desc' },
      ...(limit === undefined ? {} : { take: limit }),
      select: {
        id: true,
        startedAt: true,
        mode: true,
        score: true,
        scenarioVersion: true,
        scenario: { select: { id: true, title: true, nature: true } },
        metrics: { select: { rubricItem: true, passed: true, evidence: true } },
      },
    });
    return rows.reverse().map((r) => ({
      callId: r.id,
      startedAt: r.startedAt,
      mode: r.mode,
      score: r.score!,
      scenario: { ...r.scenario, version: r.scenarioVersion },
      items: r.metrics.map((m) => ({ rubricItem: m.rubricItem, label: (m.evidence as { label?: string } | null)?.label ?? m.rubricItem, passed: m.passed })),
    }));
  }

  /** Stores a call's score: the total and one metric per rubric item, replacing an earlier scoring. */
  async saveScore(callId: string, total: number, metrics: MetricView[]): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.performanceMetric.deleteMany({ where: { callId } }),
      this.prisma.performanceMetric.createMany({ data: metrics.map((m) => ({ callId, ...m, evidence: m.evidence as Prisma.InputJsonValue })) }),
      this.prisma.call.update({ where: { id: callId }, data: { score: total } }),
    ]);
  }

  /** A write of a live call (see call-writes.ts): idempotent and fenced; true when it changed something. */
  apply(write: CallWrite): Promise<boolean> {
    return applyCallWrite(this.prisma, write);
  }

  /** Calls marked live that a process has carried, with the one that last did and its lease token. */
  async carriedLiveCalls(): Promise<{ id: string; carrier: string; leaseToken: number | null }[]> {
    const rows = await this.prisma.call.findMany({ where: { status: { in: ['ringing', 'active'] }, carrier: { not: null } }, select: { id: true, carrier: true, leaseToken: true } });
    return rows.map((r) => ({ id: r.id, carrier: r.carrier!, leaseToken: r.leaseToken }));
  }
}
