import { Router } from 'express';
import { z } from 'zod';
import type { SessionStore } from '../../auth/sessions.js';
import { ADMIN_ROLES } from '../../protocol/roles.js';
import { AcceptInviteBody, AuditQuery, ChangePasswordBody, CreateUserBody, InviteCheckBody, UpdateUserBody } from '../../protocol/users.js';
import type { Accounts } from '../../users/accounts.js';
import { authenticate, principalOf, requireRole } from '../auth.js';
import { parse } from '../validate.js';

// /api/v1/users. Following a one-time link needs no session (its token is the credential);
// everything else does, and managing accounts is for admins alone. A signed-in user changes
// only their own password.

const UserId = z.object({ id: z.string().uuid() });

export function userRoutes(deps: { accounts: Accounts; sessions: SessionStore }): Router {
  const router = Router();
  const adminsOnly = requireRole(ADMIN_ROLES);

  router.post('/invites/check', async (req, res) => {
    const { token } = parse(InviteCheckBody, req.body);
    res.json(await deps.accounts.checkInvite(token));
  });

  router.post('/invites/accept', async (req, res) => {
    const body = parse(AcceptInviteBody, req.body);
    await deps.accounts.acceptInvite(body.token, body.password);
    res.status(204).end();
  });

  router.use(authenticate(deps.sessions));

  /** The caller's own password; their sessions end, so they sign in again with the new one. */
  router.post('/me/password', async (req, res) => {
    const body = parse(ChangePasswordBody, req.body);
    await deps.accounts.changePassword(principalOf(req), body.currentPassword, body.newPassword);
    res.status(204).end();
  });

  router.get('/', adminsOnly, async (_req, res) => void res.json(await deps.accounts.list()));

  router.get('/audit', adminsOnly, async (req, res) => {
    const { limit } = parse(AuditQuery, req.query);
    res.json(await deps.accounts.audit(limit));
  });

  router.post('/', adminsOnly, async (req, res) => {
    const input = parse(CreateUserBody, req.body);
    res.status(201).json(await deps.accounts.create(principalOf(req), input));
  });

  router.patch('/:id', adminsOnly, async (req, res) => {
    const { id } = parse(UserId, req.params);
    res.json(await deps.accounts.update(principalOf(req), id, parse(UpdateUserBody, req.body)));
  });

  router.post('/:id/reset', adminsOnly, async (req, res) => {
    const { id } = parse(UserId, req.params);
    res.json(await deps.accounts.resetPassword(principalOf(req), id));
  });

  return router;
}
