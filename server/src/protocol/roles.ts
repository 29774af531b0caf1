import { z } from 'zod';

export const Role = z.enum(['trainee', 'supervisor', 'instructor', 'admin']);
export type Role = z.infer<typeof Role>;

/** Who may watch every live call (the floor board, silent monitoring). */
export const FLOOR_ROLES: readonly Role[] = ['supervisor', 'instructor', 'admin'];
/** Who may write scenarios, coach, barge and steer. */
export const INSTRUCTOR_ROLES: readonly Role[] = ['instructor', 'admin'];
/** Who manages accounts: creates, invites, disables and re-roles users, and reads the audit log. */
export const ADMIN_ROLES: readonly Role[] = ['admin'];
