import { randomInt } from 'node:crypto';
import type { Principal } from '../auth/sessions.js';
import { ClassService, assignmentStart } from '../classes/service.js';
import type { StoredCall } from '../db/calls.js';
import type { Database } from '../db/database.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import type { CallDetail, CallEventView, CallMode, CallReview, CallSummary, Page, TraineeHistory } from '../protocol/api.js';
import { FLOOR_ROLES, INSTRUCTOR_ROLES } from '../protocol/roles.js';
import type { TraineeRecord } from '../reports/trainee-record.js';
import type { RecordingStorage } from '../storage/storage.js';
import { reviewOf } from './review.js';
import { traineeSees } from './visibility.js';

// Calls as the API sees them: who may start, see and end which call. Every path that
// reads or changes a call goes through here, for REST and socket events alike.

/** A trainee's progress chart shows their newest this many scored calls. */
const HISTORY_CALLS = 500;

export interface CallNotifier {
  callUpdated(call: CallSummary): void;
  callEvent(callId: string, event: CallEventView): void;
}

/** Ends a call for good (media, recording, storage, notifications): LiveCalls. */
export interface CallEnder {
  /** Resolves once what this process journalled has reached the database (or after a few seconds). */
  settled(): Promise<void>;
  finish(callId: string, end: { status: 'ended' | 'failed'; outcome: string; reason?: string; actorId: string | null }): Promise<void>;
}

/** A scenario to practise, or a class assignment (which then decides the scenario and mode). */
export type StartCall = {
  scenarioId?: string | undefined;
  assignmentId?: string | undefined;
  traineeId?: string | undefined;
  seed?: number | undefined;
  mode: CallMode;
};
export type EndCall = { outcome: string; reason?: string | undefined };
export type ListCalls = { status?: CallSummary['status'] | undefined; traineeId?: string | undefined; scenarioId?: string | undefined; limit: number; cursor?: string | undefined };

export class CallService {
  constructor(
    private readonly db: Database,
    private readonly storage: RecordingStorage,
    private readonly notifier: CallNotifier,
    private readonly ender: CallEnder,
    private readonly signedUrlTtlMs: number,
    /** The centre's policy: may a trainee see that they were monitored (SHOW_MONITORED)? */
    private readonly showMonitored = false,
  ) {}

  /** Trainees see their own calls; the floor roles see every call. */
  static canSee(principal: Principal, traineeId: string): boolean {
    return principal.userId === traineeId || FLOOR_ROLES.includes(principal.role);
  }

  async start(principal: Principal, request: StartCall): Promise<CallDetail> {
    const traineeId = await this.#traineeFor(principal, request.traineeId);
    const { assignmentId, scenarioId: asked } = request;
    const assigned = assignmentId ? await assignmentStart(this.db, { assignmentId, scenarioId: asked }, traineeId) : null;
    const scenarioId = assigned?.scenarioId ?? asked!;
    const scenario = await this.db.scenarios.get(scenarioId);
    if (!scenario) throw new NotFoundError('scenario', scenarioId);
    if (scenario.archivedAt) throw new ConflictError(`scenario ${JSON.stringify(scenarioId)} is archived: it takes no new calls`);
    // A call that ended while the database was away is written as ended first: no stale 409.
    await this.ender.settled();
    if (await this.db.calls.hasLiveCall(traineeId)) throw new ConflictError('this trainee already has a live call: end it first');
    const record = await this.db.calls.create({
      traineeId,
      scenarioId,
      scenarioVersion: scenario.version,
      assignmentId: request.assignmentId ?? null,
      seed: request.seed ?? randomInt(2 ** 31 - 1),
      mode: assigned?.mode ?? request.mode,
      actorId: principal.userId,
    });
    this.notifier.callUpdated(record);
    return this.#withUrls(record);
  }

  async get(principal: Principal, id: string): Promise<CallDetail> {
    // What this process acknowledged is read back: its journal reaches the database first.
    await this.ender.settled();
    return this.#withUrls(await this.#visible(principal, id));
  }

  async list(principal: Principal, query: ListCalls): Promise<Page<CallSummary>> {
    if (principal.role === 'trainee') {
      if (query.traineeId && query.traineeId !== principal.userId) throw new ForbiddenError('trainees see only their own calls');
      return this.db.calls.list({ ...query, traineeId: principal.userId });
    }
    return this.db.calls.list(query);
  }

  /** Ends a live call: its trainee, an instructor or an admin may. */
  async end(principal: Principal, id: string, request: EndCall): Promise<CallDetail> {
    const call = await this.#visible(principal, id);
    if (call.trainee.id !== principal.userId && !INSTRUCTOR_ROLES.includes(principal.role)) {
      throw new ForbiddenError('only the trainee on the call or an instructor may end it');
    }
    if (call.status !== 'ringing' && call.status !== 'active') throw new ConflictError(`call ${id} is not live (it is ${call.status})`);
    await this.ender.finish(id, { status: 'ended', outcome: request.outcome, reason: request.reason, actorId: principal.userId });
    return this.#withUrls((await this.db.calls.get(id))!);
  }

  async review(principal: Principal, id: string): Promise<CallReview> {
    const call = await this.get(principal, id);
    return reviewOf(this.db, call, call.trainee.id === principal.userId ? 'trainee' : 'floor', principal.role);
  }

  /** A trainee's scores over time: their own, or any trainee's for the floor roles. */
  async history(principal: Principal, traineeId: string): Promise<TraineeHistory> {
    const trainee = CallService.canSee(principal, traineeId) ? await this.db.users.get(traineeId) : null;
    if (!trainee || trainee.role !== 'trainee') throw new NotFoundError('trainee', traineeId);
    return {
      trainee: { id: trainee.id, name: trainee.name },
      calls: (await this.db.calls.scoredCalls(traineeId, HISTORY_CALLS)).map((c) => ({
        callId: c.callId,
        scenario: { id: c.scenario.id, title: c.scenario.title, nature: c.scenario.nature },
        startedAt: c.startedAt.toISOString(),
        score: c.score,
      })),
    };
  }

  /** What the printable trainee record holds; seen by whoever may see the trainee's history. */
  async record(principal: Principal, traineeId: string): Promise<TraineeRecord> {
    const trainee = CallService.canSee(principal, traineeId) ? await this.db.users.get(traineeId) : null;
    if (!trainee || trainee.role !== 'trainee') throw new NotFoundError('trainee', traineeId);
    return {
      trainee: { name: trainee.name, email: trainee.email },
      generatedAt: new Date(),
      calls: await this.db.calls.scoredCalls(traineeId),
      assignments: await new ClassService(this.db).assignmentsOf(traineeId),
    };
  }

  /**
   * The call, if it exists and `principal` may see it; otherwise a 404 that leaks nothing.
   * Its own trainee does not see silent monitoring (unless the centre's policy shows it), nor
   * how the caller is being steered while the call is live: steers show in the review after.
   */
  async #visible(principal: Principal, id: string): Promise<StoredCall> {
    const call = await this.db.calls.get(id);
    if (!call || !CallService.canSee(principal, call.trainee.id)) throw new NotFoundError('call', id);
    if (principal.userId !== call.trainee.id) return call;
    const policy = { showMonitored: this.showMonitored, live: call.status === 'ringing' || call.status === 'active' };
    return { ...call, events: call.events.filter((e) => traineeSees(e, policy)) };
  }

  async #traineeFor(principal: Principal, requested: string | undefined): Promise<string> {
    if (principal.role === 'trainee') {
      if (requested && requested !== principal.userId) throw new ForbiddenError('trainees start calls only for themselves');
      return principal.userId;
    }
    if (!INSTRUCTOR_ROLES.includes(principal.role)) throw new ForbiddenError('supervisors monitor calls; they do not start them');
    if (!requested) return principal.userId;
    const trainee = await this.db.users.get(requested);
    if (!trainee || trainee.role !== 'trainee') throw new NotFoundError('trainee', requested);
    return trainee.id;
  }

  async #withUrls(record: StoredCall): Promise<CallDetail> {
    const recordings = await Promise.all(
      record.recordings.map(async ({ storageKey, ...r }) => ({ ...r, url: await this.storage.signedUrl(storageKey, this.signedUrlTtlMs) })),
    );
    return { ...record, recordings };
  }
}
