import { stringify } from 'csv-stringify/sync';
import type { Principal } from '../auth/sessions.js';
import type { Database } from '../db/database.js';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import { INSTRUCTOR_ROLES } from '../protocol/roles.js';
import type { AssignmentBody, AssignmentView, ClassDashboard, ClassDetail, ClassRole, ClassSummary, TraineeAssignment } from '../protocol/classes.js';
import { dashboardRow, isAttempt, statusOf } from './progress.js';

/**
 * What a person may do with a class, decided here only. Instructors and admins manage every
 * class; a supervisor follows the classes they are a member of (detail, dashboard, reports); a
 * trainee sees their own assignments. To anyone else a class does not exist (404, no leak).
 */
type Access = 'manage' | 'follow';

export class ClassService {
  constructor(private readonly db: Database) {}

  async #access(principal: Principal, classId: string, needed: Access): Promise<void> {
    if (INSTRUCTOR_ROLES.includes(principal.role)) return;
    const role = principal.role === 'supervisor' ? await this.db.classes.roleIn(classId, principal.userId) : null;
    if (role !== 'supervisor') throw new NotFoundError('class', classId);
    if (needed === 'manage') throw new ForbiddenError('supervisors follow classes; instructors manage them');
  }

  async list(principal: Principal): Promise<ClassSummary[]> {
    if (INSTRUCTOR_ROLES.includes(principal.role)) return this.db.classes.list();
    if (principal.role === 'supervisor') return this.db.classes.list(principal.userId);
    throw new ForbiddenError('trainees see their assignments, not classes');
  }

  async create(principal: Principal, name: string): Promise<ClassSummary> {
    if (!INSTRUCTOR_ROLES.includes(principal.role)) throw new ForbiddenError('only instructors and admins create classes');
    return this.db.classes.create(name, principal.userId);
  }

  async get(principal: Principal, classId: string): Promise<ClassDetail> {
    await this.#access(principal, classId, 'follow');
    return this.#found(classId);
  }

  /** The class, for a change: only who manages it gets this far. */
  async #managed(principal: Principal, classId: string): Promise<ClassDetail> {
    await this.#access(principal, classId, 'manage');
    return this.#found(classId);
  }

  async #found(classId: string): Promise<ClassDetail> {
    const found = await this.db.classes.get(classId);
    if (!found) throw new NotFoundError('class', classId);
    return found;
  }

  /** Adds a person by their sign-in email (or changes their role in the class). */
  async setMember(principal: Principal, classId: string, email: string, role: ClassRole): Promise<ClassDetail> {
    await this.#managed(principal, classId);
    const user = await this.db.users.findByEmail(email);
    if (!user) throw new NotFoundError('user', email);
    if (user.role !== role) throw new BadRequestError(`role: ${user.name} is a ${user.role}, not a ${role}`);
    await this.db.classes.setMember(classId, user.id, role);
    return (await this.db.classes.get(classId))!;
  }

  async removeMember(principal: Principal, classId: string, userId: string): Promise<ClassDetail> {
    await this.#managed(principal, classId);
    if (!(await this.db.classes.removeMember(classId, userId))) throw new NotFoundError('member', userId);
    return (await this.db.classes.get(classId))!;
  }

  async assign(principal: Principal, classId: string, body: AssignmentBody): Promise<AssignmentView> {
    await this.#managed(principal, classId);
    const scenario = await this.db.scenarios.get(body.scenarioId);
    if (!scenario) throw new NotFoundError('scenario', body.scenarioId);
    if (scenario.archivedAt) throw new ConflictError(`scenario ${JSON.stringify(body.scenarioId)} is archived: it cannot be assigned`);
    return this.db.classes.addAssignment(classId, body, principal.userId);
  }

  /** A trainee's assignments across their classes, with where they stand on each. */
  async assignmentsOf(traineeId: string, now = new Date()): Promise<TraineeAssignment[]> {
    const assignments = await this.db.classes.assignmentsOf(traineeId);
    const calls = await this.db.classes.calls(assignments.map((a) => a.id), { traineeId });
    return assignments.map((a) => ({ ...a, ...statusOf(a, calls.filter((c) => c.assignmentId === a.id), now) }));
  }

  async dashboard(principal: Principal, classId: string, now = new Date()): Promise<ClassDashboard> {
    const found = await this.get(principal, classId);
    const calls = await this.db.classes.calls(found.assignments.map((a) => a.id));
    const trainees = found.members.filter((m) => m.role === 'trainee');
    return {
      class: { id: found.id, name: found.name },
      assignments: found.assignments,
      rows: trainees.map((t) => dashboardRow({ id: t.userId, name: t.name }, found.assignments, calls, now)),
    };
  }

  /** The class's calls and scores as CSV: one row per call, for one trainee and one period when asked. */
  async csv(principal: Principal, classId: string, filter: { traineeId?: string | undefined; from?: Date | undefined; to?: Date | undefined }): Promise<string> {
    const found = await this.get(principal, classId);
    const byId = new Map(found.assignments.map((a) => [a.id, a]));
    const calls = await this.db.classes.calls([...byId.keys()], filter);
    const rows = calls.map((c) => [
      c.id,
      c.trainee.name,
      c.trainee.email,
      found.name,
      c.assignmentId,
      byId.get(c.assignmentId)?.dueAt ?? '',
      c.scenario.title,
      c.scenario.version,
      c.scenario.nature,
      c.mode,
      c.startedAt.toISOString(),
      c.endedAt?.toISOString() ?? '',
      c.status,
      c.outcome ?? '',
      c.score ?? '',
    ]);
    const header = ['call_id', 'trainee', 'email', 'class', 'assignment_id', 'due_at', 'scenario', 'scenario_version', 'nature', 'mode', 'started_at', 'ended_at', 'status', 'outcome', 'score'];
    return stringify([header, ...rows]);
  }
}

/**
 * What a call started for an assignment runs: its scenario and mode. Refused when the trainee
 * is not in the class (404), outside an exam's window, or for an exam already taken (409).
 */
export async function assignmentStart(
  db: Database,
  request: { assignmentId: string; scenarioId?: string | undefined },
  traineeId: string,
  now = new Date(),
): Promise<{ scenarioId: string; mode: 'practice' | 'exam' }> {
  const { assignmentId } = request;
  const assignment = await db.classes.assignment(assignmentId);
  if (!assignment || (await db.classes.roleIn(assignment.classId, traineeId)) !== 'trainee') throw new NotFoundError('assignment', assignmentId);
  if (request.scenarioId !== undefined && request.scenarioId !== assignment.scenario.id) {
    throw new BadRequestError('scenarioId: the assignment is for another scenario (leave it out to take the assignment)');
  }
  if (assignment.mode === 'exam') {
    if (assignment.opensAt && new Date(assignment.opensAt) > now) throw new ConflictError(`this exam opens at ${assignment.opensAt}`);
    if (assignment.closesAt && new Date(assignment.closesAt) < now) throw new ConflictError(`this exam closed at ${assignment.closesAt}`);
    const taken = (await db.classes.calls([assignmentId], { traineeId })).filter(isAttempt);
    if (taken.length > 0) throw new ConflictError('this exam has been taken: an exam has one attempt');
  }
  return { scenarioId: assignment.scenario.id, mode: assignment.mode };
}
