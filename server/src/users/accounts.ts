import { createHash, randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from '../auth/password.js';
import type { Principal, SessionStore } from '../auth/sessions.js';
import type { Database } from '../db/database.js';
import { BadRequestError, ConflictError, NotFoundError } from '../errors.js';
import type { Me } from '../protocol/api.js';
import type { Role } from '../protocol/roles.js';
import { SsoRefused } from './sso.js';
import type { AuditEntryView, CreatedUser, InviteLink, UserView } from '../protocol/users.js';

// Everything done to an account, from the REST routes and from the command line alike: each
// change is written with its audit entry, and whatever takes a user's rights away (disabling,
// a new role, a reset) ends their sessions and live sockets at once.

/** Who is acting: an admin, or null for the command line on the server itself. */
export type Actor = Principal | null;

export type AccountsDeps = {
  db: Database;
  sessions: SessionStore;
  /** Disconnects the user's sockets in every process. */
  endSockets: (userId: string) => Promise<void>;
  inviteTtlMs: number;
  now?: () => Date;
};

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export class Accounts {
  readonly #now: () => Date;

  constructor(private readonly deps: AccountsDeps) {
    this.#now = deps.now ?? (() => new Date());
  }

  list(): Promise<UserView[]> {
    return this.deps.db.accounts.list();
  }

  audit(limit: number): Promise<AuditEntryView[]> {
    return this.deps.db.accounts.audit(limit);
  }

  /** A new account with a one-time link to set its password; with `password`, set now instead (the CLI's stdin). */
  async create(actor: Actor, input: { email: string; name: string; role: Role; password?: string }): Promise<CreatedUser | { user: UserView; invite: null }> {
    const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
    const user = await this.deps.db.accounts.create(
      { email: input.email.toLowerCase(), name: input.name, role: input.role, passwordHash },
      { actorId: actor?.userId ?? null, action: 'user_created', detail: { role: input.role } },
    );
    if (!user) throw new ConflictError(`a user with the email ${input.email.toLowerCase()} exists already`);
    if (passwordHash) return { user, invite: null };
    return { user, invite: await this.#invite(actor, user.id, 'invite_issued') };
  }

  /** A new one-time link; the old password stops working and the user's sessions end. */
  async resetPassword(actor: Actor, userId: string): Promise<InviteLink> {
    const user = await this.#update(userId, { passwordHash: null }, []);
    await this.#endSessions(user.id);
    return this.#invite(actor, user.id, 'password_reset');
  }

  async update(actor: Actor, userId: string, change: { role?: Role | undefined; disabled?: boolean | undefined; name?: string | undefined }): Promise<UserView> {
    const before = await this.#get(userId);
    if (actor?.userId === userId && (change.disabled === true || (change.role && change.role !== before.role))) {
      // An admin locking themselves out could leave the centre with no admin at all.
      throw new ConflictError('you cannot disable your own account or change your own role');
    }
    const data: { role?: Role; disabledAt?: Date | null; name?: string } = {};
    const audits: { actorId: string | null; action: 'role_changed' | 'user_disabled' | 'user_enabled' | 'user_renamed'; detail?: Record<string, unknown> }[] = [];
    const actorId = actor?.userId ?? null;
    if (change.role && change.role !== before.role) {
      data.role = change.role;
      audits.push({ actorId, action: 'role_changed', detail: { from: before.role, to: change.role } });
    }
    if (change.disabled !== undefined && change.disabled !== (before.disabledAt !== null)) {
      data.disabledAt = change.disabled ? this.#now() : null;
      audits.push({ actorId, action: change.disabled ? 'user_disabled' : 'user_enabled' });
    }
    if (change.name && change.name !== before.name) {
      data.name = change.name;
      audits.push({ actorId, action: 'user_renamed', detail: { from: before.name, to: change.name } });
    }
    if (audits.length === 0) return before;
    const after = await this.#update(userId, data, audits);
    // A session carries the role and name it was opened with: any change takes effect at the next sign-in.
    await this.#endSessions(userId);
    return after;
  }

  /** Changes the signed-in user's own password; their other sessions end. */
  async changePassword(principal: Principal, currentPassword: string, newPassword: string): Promise<void> {
    const stored = await this.deps.db.accounts.passwordHashOf(principal.userId);
    if (!stored || !(await verifyPassword(currentPassword, stored))) throw new BadRequestError('currentPassword: not your current password');
    await this.#update(principal.userId, { passwordHash: await hashPassword(newPassword) }, [
      { actorId: principal.userId, action: 'password_changed' },
    ]);
    await this.#endSessions(principal.userId);
  }

  /**
   * A person the sign-on provider vouched for: their account, made on first sign-in, with the
   * role and name the provider says now (the provider is the source of truth for both).
   */
  async signInWithProvider(person: { email: string; name: string; role: Role }): Promise<Me> {
    let user = await this.deps.db.accounts.findByEmail(person.email);
    if (user?.disabledAt) throw new SsoRefused('disabled', 'this account is disabled');
    if (!user) {
      // Signs in through the provider, so no link to set a password; a race with another first sign-in finds theirs.
      user =
        (await this.deps.db.accounts.create({ ...person, passwordHash: null }, { actorId: null, action: 'user_created', detail: { role: person.role, via: 'sso' } })) ??
        (await this.deps.db.accounts.findByEmail(person.email))!;
    } else if (user.role !== person.role || user.name !== person.name) user = await this.update(null, user.id, { role: person.role, name: person.name });
    await this.deps.db.accounts.record({ actorId: user.id, action: 'signed_in_sso', targetId: user.id });
    return { id: user.id, email: user.email, name: user.name, role: user.role };
  }

  /** Whose link this is, so the page can greet them; 404 once it is used, expired or revoked. */
  async checkInvite(token: string): Promise<{ email: string; name: string; expiresAt: string }> {
    const open = await this.deps.db.accounts.openInvite(hashToken(token), this.#now());
    if (!open) throw new NotFoundError('invitation', 'link');
    return { email: open.email, name: open.name, expiresAt: open.expiresAt.toISOString() };
  }

  async acceptInvite(token: string, password: string): Promise<void> {
    const userId = await this.deps.db.accounts.useInvite(hashToken(token), await hashPassword(password), this.#now());
    if (!userId) throw new NotFoundError('invitation', 'link');
  }

  async #invite(actor: Actor, userId: string, action: 'invite_issued' | 'password_reset'): Promise<InviteLink> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.#now().getTime() + this.deps.inviteTtlMs);
    await this.deps.db.accounts.issueInvite(userId, hashToken(token), expiresAt, { actorId: actor?.userId ?? null, action, detail: { expiresAt: expiresAt.toISOString() } });
    return { token, path: `/invite#${token}`, expiresAt: expiresAt.toISOString() };
  }

  async #get(userId: string): Promise<UserView> {
    const user = await this.deps.db.accounts.get(userId);
    if (!user) throw new NotFoundError('user', userId);
    return user;
  }

  async #update(userId: string, data: Parameters<Database['accounts']['update']>[1], audits: Parameters<Database['accounts']['update']>[2]): Promise<UserView> {
    const user = await this.deps.db.accounts.update(userId, data, audits);
    if (!user) throw new NotFoundError('user', userId);
    return user;
  }

  async #endSessions(userId: string): Promise<void> {
    await this.deps.sessions.revokeUser(userId);
    await this.deps.endSockets(userId);
  }
}
