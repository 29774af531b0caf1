import { Router } from 'express';
import type { CallService } from '../../calls/service.js';
import { EndCallBody, ListCallsQuery, StartCallBody } from '../../protocol/api.js';
import { IdParam } from '../../protocol/ids.js';
import { principalOf } from '../auth.js';
import { parse } from '../validate.js';

export function callRoutes(deps: { calls: CallService }): Router {
  const router = Router();

  router.post('/start', async (req, res) => {
    const body = parse(StartCallBody, req.body);
    res.status(201).json(await deps.calls.start(principalOf(req), body));
  });

  router.get('/', async (req, res) => {
    res.json(await deps.calls.list(principalOf(req), parse(ListCallsQuery, req.query)));
  });

  router.get('/:id', async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json(await deps.calls.get(principalOf(req), id));
  });

  router.get('/:id/review', async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json(await deps.calls.review(principalOf(req), id));
  });

  router.post('/:id/end', async (req, res) => {
    const { id } = parse(IdParam, req.params);
    res.json(await deps.calls.end(principalOf(req), id, parse(EndCallBody, req.body ?? {})));
  });

  return router;
}
