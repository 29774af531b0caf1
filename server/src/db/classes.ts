import type { AssignmentBody, AssignmentView, ClassDetail, ClassRole, ClassSummary } from '../protocol/classes.js';
import { Prisma, type PrismaClient } from './generated/client.js';

const assignmentSelect = {
  id: true,
  classId: true,
  class: { select: { name: true } },
  scenario: { select: { id: true, title: true, nature: true } },
  mode: true,
  dueAt: true,
  opensAt: true,
  closesAt: true,
} as const satisfies Prisma.AssignmentSelect;

function toAssignment(row: Prisma.AssignmentGetPayload<{ select: typeof assignmentSelect }>): AssignmentView {
  return {
    id: row.id,
    classId: row.classId,
    className: row.class.name,
    scenario: row.scenario,
    mode: row.mode,
    dueAt: row.dueAt?.toISOString() ?? null,
    opensAt: row.opensAt?.toISOString() ?? null,
    closesAt: row.closesAt?.toISOString() ?? null,
  };
}

/** A call taken for an assignment, with what the dashboard and the reports need of it. */
export type AssignedCall = {
  id: string;
  assignmentId: string;
  trainee: { id: string; name: string; email: string };
  scenario: { id: string; title: string; nature: string; version: number };
  mode: 'practice' | 'exam';
  status: string;
  outcome: string | null;
  startedAt: Date;
  endedAt: Date | null;
  score: number | null;
  metrics: { rubricItem: string; passed: boolean; evidence: unknown }[];
};

export class ClassRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async create(name: string, createdById: string): Promise<ClassSummary> {
    const row = await this.prisma.class.create({ data: { name, createdById } });
    return { id: row.id, name: row.name, trainees: 0, supervisors: 0, assignments: 0, createdAt: row.createdAt.toISOString() };
  }

  /** Every class, or only those `memberId` belongs to. */
  async list(memberId?: string): Promise<ClassSummary[]> {
    const rows = await this.prisma.class.findMany({
      where: memberId ? { members: { some: { userId: memberId } } } : {},
      orderBy: { createdAt: 'desc' },
      include: { members: { select: { role: true } }, _count: { select: { assignments: true } } },
    });
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      trainees: r.members.filter((m) => m.role === 'trainee').length,
      supervisors: r.members.filter((m) => m.role === 'supervisor').length,
      assignments: r._count.assignments,
      createdAt: r.createdAt.toISOString(),
    }));
  }

  async get(id: string): Promise<ClassDetail | null> {
    const row = await this.prisma.class.findUnique({
      where: { id },
      include: {
        members: { include: { user: { select: { name: true, email: true } } }, orderBy: { addedAt: 'asc' } },
        assignments: { select: assignmentSelect, orderBy: { createdAt: 'asc' } },
      },
    });
    if (!row) return null;
    return {
      id: row.id,
      name: row.name,
      createdAt: row.createdAt.toISOString(),
      members: row.members.map((m) => ({ userId: m.userId, name: m.user.name, email: m.user.email, role: m.role })),
      assignments: row.assignments.map(toAssignment),
    };
  }

  async roleIn(classId: string, userId: string): Promise<ClassRole | null> {
    const row = await this.prisma.classMember.findUnique({ where: { classId_userId: { classId, userId } }, select: { role: true } });
    return row?.role ?? null;
  }

  async setMember(classId: string, userId: string, role: ClassRole): Promise<void> {
    await this.prisma.classMember.upsert({ where: { classId_userId: { classId, userId } }, create: { classId, userId, role }, update: { role } });
  }

  /** False when the user was not a member. */
  async removeMember(classId: string, userId: string): Promise<boolean> {
    const { count } = await this.prisma.classMember.deleteMany({ where: { classId, userId } });
    return count > 0;
  }

  async addAssignment(classId: string, body: AssignmentBody, createdById: string): Promise<AssignmentView> {
    return toAssignment(await this.prisma.assignment.create({ data: { classId, ...body, createdById }, select: assignmentSelect }));
  }

  async assignment(id: string): Promise<AssignmentView | null> {
    const row = await this.prisma.assignment.findUnique({ where: { id }, select: assignmentSelect });
    return row && toAssignment(row);
  }

  /** The assignments of every class the trainee is a trainee in. */
  async assignmentsOf(traineeId: string): Promise<AssignmentView[]> {
    const rows = await this.prisma.assignment.findMany({
      where: { class: { members: { some: { userId: traineeId, role: 'trainee' } } } },
      select: assignmentSelect,
      orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }],
    });
    return rows.map(toAssignment);
  }

  /** Calls taken for these assignments, oldest first; only `traineeId`'s when given, only those started in the period. */
  async calls(assignmentIds: string[], filter: { traineeId?: string | undefined; from?: Date | undefined; to?: Date | undefined } = {}): Promise<AssignedCall[]> {
    const rows = await this.prisma.call.findMany({
      where: { assignmentId: { in: assignmentIds }, traineeId: filter.traineeId, startedAt: { gte: filter.from, lt: filter.to } },
      orderBy: { startedAt: 'asc' },
      select: {
        id: true,
        assignmentId: true,
        trainee: { select: { id: true, name: true, email: true } },
        scenario: { select: { id: true, title: true, nature: true } },
        scenarioVersion: true,
        mode: true,
        status: true,
        outcome: true,
        startedAt: true,
        endedAt: true,
        score: true,
        metrics: { select: { rubricItem: true, passed: true, evidence: true } },
      },
    });
    return rows.map(({ scenarioVersion, assignmentId, ...r }) => ({ ...r, assignmentId: assignmentId!, scenario: { ...r.scenario, version: scenarioVersion } }));
  }
}
