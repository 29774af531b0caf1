import type { Role } from '../protocol/roles.js';
import type { AuditAction, AuditEntryView, UserView } from '../protocol/users.js';
import { Prisma, type PrismaClient } from './generated/client.js';

// Account administration: the users as an admin sees them, their one-time links and the audit
// log. Tokens arrive here already hashed: the database never holds a usable link.

const userView = { id: true, email: true, name: true, role: true, disabledAt: true, passwordHash: true, createdAt: true } as const;
type UserRow = Prisma.UserGetPayload<{ select: typeof userView }>;

const toView = ({ passwordHash, disabledAt, createdAt, ...rest }: UserRow): UserView => ({
  ...rest,
  disabledAt: disabledAt?.toISOString() ?? null,
  hasPassword: passwordHash !== null,
  createdAt: createdAt.toISOString(),
});

export type AuditRecord = { actorId: string | null; action: AuditAction; targetId: string; detail?: Record<string, unknown> };

export class AccountRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async list(): Promise<UserView[]> {
    return (await this.prisma.user.findMany({ select: userView, orderBy: [{ name: 'asc' }, { email: 'asc' }] })).map(toView);
  }

  async get(id: string): Promise<UserView | null> {
    const row = await this.prisma.user.findUnique({ where: { id }, select: userView });
    return row && toView(row);
  }

  /** The account with this email, disabled or not. */
  async findByEmail(email: string): Promise<UserView | null> {
    const row = await this.prisma.user.findUnique({ where: { email: email.toLowerCase() }, select: userView });
    return row && toView(row);
  }

  /** The stored password hash, for checking a user's current password. */
  async passwordHashOf(id: string): Promise<string | null> {
    return (await this.prisma.user.findUnique({ where: { id }, select: { passwordHash: true } }))?.passwordHash ?? null;
  }

  /** Creates the user with its audit entry; null when the email is taken. */
  async create(user: { email: string; name: string; role: Role; passwordHash: string | null }, audit: Omit<AuditRecord, 'targetId'>): Promise<UserView | null> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const row = await tx.user.create({ data: user, select: userView });
        await tx.auditEntry.create({ data: { ...audit, targetId: row.id, detail: audit.detail as Prisma.InputJsonValue } });
        return toView(row);
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return null;
      throw error;
    }
  }

  /** Changes an account and writes its audit entries in one transaction; null when there is no such user. */
  async update(
    id: string,
    change: { role?: Role; disabledAt?: Date | null; name?: string; passwordHash?: string | null },
    audits: Omit<AuditRecord, 'targetId'>[],
  ): Promise<UserView | null> {
    return this.prisma.$transaction(async (tx) => {
      const found = await tx.user.findUnique({ where: { id }, select: { id: true } });
      if (!found) return null;
      const row = await tx.user.update({ where: { id }, data: change, select: userView });
      for (const a of audits) await tx.auditEntry.create({ data: { ...a, targetId: id, detail: a.detail as Prisma.InputJsonValue } });
      return toView(row);
    });
  }

  /** Issues a link; any earlier unused link of the user stops working, so only the newest one counts. */
  async issueInvite(userId: string, tokenHash: string, expiresAt: Date, audit: Omit<AuditRecord, 'targetId'>): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.userInvite.deleteMany({ where: { userId, usedAt: null } }),
      this.prisma.userInvite.create({ data: { userId, tokenHash, expiresAt } }),
      this.prisma.auditEntry.create({ data: { ...audit, targetId: userId, detail: audit.detail as Prisma.InputJsonValue } }),
    ]);
  }

  /** Whose link this is, while it is unused, unexpired and its user enabled; else null. */
  async openInvite(tokenHash: string, now: Date): Promise<{ userId: string; email: string; name: string; expiresAt: Date } | null> {
    const invite = await this.prisma.userInvite.findUnique({
      where: { tokenHash },
      select: { usedAt: true, expiresAt: true, user: { select: { id: true, email: true, name: true, disabledAt: true } } },
    });
    if (!invite || invite.usedAt || invite.expiresAt <= now || invite.user.disabledAt) return null;
    return { userId: invite.user.id, email: invite.user.email, name: invite.user.name, expiresAt: invite.expiresAt };
  }

  /**
   * Uses a link to set its user's password. The update claims the link only while it is unused
   * and unexpired, so two submissions of one link cannot both succeed.
   */
  async useInvite(tokenHash: string, passwordHash: string, now: Date): Promise<string | null> {
    return this.prisma.$transaction(async (tx) => {
      const invite = await tx.userInvite.findUnique({ where: { tokenHash }, select: { id: true, userId: true, user: { select: { disabledAt: true } } } });
      if (!invite || invite.user.disabledAt) return null;
      const claimed = await tx.userInvite.updateMany({ where: { id: invite.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
      if (claimed.count !== 1) return null;
      await tx.user.update({ where: { id: invite.userId }, data: { passwordHash } });
      await tx.auditEntry.create({ data: { actorId: invite.userId, action: 'password_set', targetId: invite.userId } });
      return invite.userId;
    });
  }

  async audit(limit: number): Promise<AuditEntryView[]> {
    const rows = await this.prisma.auditEntry.findMany({
      orderBy: [{ at: 'desc' }, { id: 'asc' }],
      take: limit,
      select: {
        id: true,
        at: true,
        action: true,
        detail: true,
        actor: { select: { id: true, name: true } },
        target: { select: { id: true, name: true, email: true } },
      },
    });
    return rows.map((r) => ({ ...r, at: r.at.toISOString(), action: r.action as AuditAction, detail: (r.detail as Record<string, unknown> | null) ?? null }));
  }

  async record(entry: AuditRecord): Promise<void> {
    await this.prisma.auditEntry.create({ data: { ...entry, detail: entry.detail as Prisma.InputJsonValue } });
  }
}
