import { z } from 'zod';
import { Role } from './roles.js';

// Accounts: request bodies of /api/v1/users (validated on the server) and what it answers.

const Email = z.string().trim().toLowerCase().email().max(200);
const Name = z.string().trim().min(1).max(120);
/** The one rule for a new password, wherever one is set. */
export const NewPassword = z.string().min(8).max(200);
/** A one-time link's token as the link carries it (32 random bytes, base64url). */
const InviteToken = z.string().min(20).max(100);

export const CreateUserBody = z.object({ email: Email, name: Name, role: Role });

/** An admin's change to an account: its role, or whether it may sign in. */
export const UpdateUserBody = z
  .object({ role: Role.optional(), disabled: z.boolean().optional(), name: Name.optional() })
  .refine((b) => b.role !== undefined || b.disabled !== undefined || b.name !== undefined, { message: 'nothing to change', path: ['role'] });

export const ChangePasswordBody = z.object({ currentPassword: z.string().min(1).max(200), newPassword: NewPassword });
export const InviteCheckBody = z.object({ token: InviteToken });
export const AcceptInviteBody = z.object({ token: InviteToken, password: NewPassword });
export const AuditQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });

export type UserView = {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Null while the user may sign in. */
  disabledAt: string | null;
  /** False until they set a password through their link. */
  hasPassword: boolean;
  createdAt: string;
};

/**
 * A one-time link as the admin is shown it, once: the token goes after `#` in `/invite#<token>`,
 * so it stays out of server logs and Referer headers.
 */
export type InviteLink = { token: string; path: string; expiresAt: string };

export type CreatedUser = { user: UserView; invite: InviteLink };

export const AUDIT_ACTIONS = [
  'user_created',
  'invite_issued',
  'password_reset',
  'password_set',
  'password_changed',
  'user_disabled',
  'user_enabled',
  'role_changed',
  'user_renamed',
  'signed_in_sso',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditEntryView = {
  id: string;
  at: string;
  action: AuditAction;
  /** Null when done from the command line on the server. */
  actor: { id: string; name: string } | null;
  target: { id: string; name: string; email: string } | null;
  detail: Record<string, unknown> | null;
};
