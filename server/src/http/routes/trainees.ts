import { Router } from 'express';
import type { CallService } from '../../calls/service.js';
import { IdParam } from '../../protocol/ids.js';
import { principalOf } from '../auth.js';
import { parse } from '../validate.js';

export function traineeRoutes(deps: { calls: CallService }): Router {
  const router = Router();

  /** Scores over time: a trainee's own, or any trainee's for supervisors and instructors. */
  router.get('/:id/history', async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json(await deps.calls.history(principalOf(req), id));
  });

  return router;
}
