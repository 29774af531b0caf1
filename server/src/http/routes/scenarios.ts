import { Router } from 'express';
import type { Database } from '../../db/database.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import { INSTRUCTOR_ROLES } from '../../protocol/roles.js';
import { ScenarioInput, ScenarioUpdate } from '../../protocol/scenario.js';
import { principalOf, requireRole } from '../auth.js';
import { parse } from '../validate.js';

// Anyone signed in may list scenarios (the trainee's picker shows titles only). The full
// scenario holds the ground truth a trainee must find out on the call: instructors only.

export function scenarioRoutes(deps: { db: Database }): Router {
  const router = Router();
  const instructorsOnly = requireRole(INSTRUCTOR_ROLES);

  router.get('/', async (_req, res) => {
    res.json(await deps.db.scenarios.list());
  });

  router.get('/:id', instructorsOnly, async (req, res) => {
    const id = String(req.params.id);
    const scenario = await deps.db.scenarios.get(id);
    if (!scenario) throw new NotFoundError('scenario', id);
    res.json(scenario);
  });

  router.post('/', instructorsOnly, async (req, res) => {
    const input = parse(ScenarioInput, req.body);
    const created = await deps.db.scenarios.create(input, principalOf(req).userId);
    if (!created) throw new ConflictError(`a scenario with id ${JSON.stringify(input.id)} exists already`);
    res.status(201).json(created);
  });

  router.patch('/:id', instructorsOnly, async (req, res) => {
    const id = String(req.params.id);
    const input = parse(ScenarioUpdate, req.body);
    const updated = await deps.db.scenarios.update(id, input);
    if (!updated) throw new NotFoundError('scenario', id);
    res.json(updated);
  });

  return router;
}
