import type { Me } from '../protocol/api.js';
import type { Role } from '../protocol/roles.js';
import type { PrismaClient } from './generated/client.js';

/** passwordHash is null until the user sets a password through their one-time link. */
export type UserWithSecret = Me & { passwordHash: string | null };

export class UserRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** The user who may sign in with this email: a disabled user is never found. */
  async findByEmail(email: string): Promise<UserWithSecret | null> {
    return this.prisma.user.findUnique({
      where: { email: email.toLowerCase(), disabledAt: null },
      select: { id: true, email: true, name: true, role: true, passwordHash: true },
    });
  }

  async get(id: string): Promise<Me | null> {
    return this.prisma.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true } });
  }

  async count(): Promise<number> {
    return this.prisma.user.count();
  }

  /** Creates the user, or leaves an existing one with that email as it is. */
  async ensure(user: { email: string; name: string; role: Role; passwordHash: string }): Promise<Me> {
    return this.prisma.user.upsert({
      where: { email: user.email.toLowerCase() },
      create: { ...user, email: user.email.toLowerCase() },
      update: {},
      select: { id: true, email: true, name: true, role: true },
    });
  }
}
