import { Router } from 'express';
import { z } from 'zod';
import { ClassService } from '../../classes/service.js';
import type { Database } from '../../db/database.js';
import { AssignmentBody, ClassBody, MemberBody } from '../../protocol/classes.js';
import { IdParam, Uuid } from '../../protocol/ids.js';
import { principalOf } from '../auth.js';
import { parse } from '../validate.js';

// Classes: who may do what is decided by ClassService (instructors manage, supervisors follow
// their classes); a trainee reads their own assignments at /assignments.

const MemberParams = IdParam.extend({ userId: Uuid });
const ReportQuery = z.object({
  traineeId: Uuid.optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});

export function classRoutes(deps: { db: Database }): Router {
  const router = Router();
  const classes = new ClassService(deps.db);

  router.get('/', async (req, res) => {
    res.json(await classes.list(principalOf(req)));
  });

  router.post('/', async (req, res) => {
    res.status(201).json(await classes.create(principalOf(req), parse(ClassBody, req.body).name));
  });

  router.get('/:id', async (req, res) => {
    res.json(await classes.get(principalOf(req), parse(IdParam, req.params).id));
  });

  router.post('/:id/members', async (req, res) => {
    const { email, role } = parse(MemberBody, req.body);
    res.json(await classes.setMember(principalOf(req), parse(IdParam, req.params).id, email, role));
  });

  router.delete('/:id/members/:userId', async (req, res) => {
    const { id, userId } = parse(MemberParams, req.params);
    res.json(await classes.removeMember(principalOf(req), id, userId));
  });

  router.post('/:id/assignments', async (req, res) => {
    res.status(201).json(await classes.assign(principalOf(req), parse(IdParam, req.params).id, parse(AssignmentBody, req.body)));
  });

  router.get('/:id/dashboard', async (req, res) => {
    res.json(await classes.dashboard(principalOf(req), parse(IdParam, req.params).id));
  });

  router.get('/:id/calls.csv', async (req, res) => {
    const { id } = parse(IdParam, req.params);
    const csv = await classes.csv(principalOf(req), id, parse(ReportQuery, req.query));
    res.type('text/csv').attachment(`class-${id}-calls.csv`).send(csv);
  });

  return router;
}

/** The signed-in trainee's assignments across their classes. */
export function assignmentRoutes(deps: { db: Database }): Router {
  const router = Router();
  const classes = new ClassService(deps.db);
  router.get('/', async (req, res) => {
    const principal = principalOf(req);
    res.json(principal.role === 'trainee' ? await classes.assignmentsOf(principal.userId) : []);
  });
  return router;
}
