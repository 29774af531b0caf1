import { Router } from 'express';
import type { Database } from '../../db/database.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import { INSTRUCTOR_ROLES } from '../../protocol/roles.js';
import { ScenarioInput, ScenarioRef, ScenarioUpdate } from '../../protocol/scenario.js';
import { scenarioAccess, scenarioShown } from '../../scenarios/visibility.js';
import { principalOf, requireRole } from '../auth.js';
import { parse } from '../validate.js';

// Anyone signed in may read scenarios, each as scenarios/visibility.ts lets their role see it
// (a trainee: the card only). Instructors write them.

export function scenarioRoutes(deps: { db: Database }): Router {
  const router = Router();
  const instructorsOnly = requireRole(INSTRUCTOR_ROLES);

  router.get('/', async (req, res) => {
    const access = scenarioAccess(principalOf(req).role);
    res.json((await deps.db.scenarios.list()).map((s) => scenarioShown(s, access)));
  });

  router.get('/:id', async (req, res) => {
    const { id } = parse(ScenarioRef, req.params);
    const scenario = await deps.db.scenarios.get(id);
    if (!scenario) throw new NotFoundError('scenario', id);
    res.json(scenarioShown(scenario, scenarioAccess(principalOf(req).role)));
  });

  router.post('/', instructorsOnly, async (req, res) => {
    const input = parse(ScenarioInput, req.body);
    const created = await deps.db.scenarios.create(input, principalOf(req).userId);
    if (!created) throw new ConflictError(`a scenario with id ${JSON.stringify(input.id)} exists already`);
    res.status(201).json(created);
  });

  router.patch('/:id', instructorsOnly, async (req, res) => {
    const { id } = parse(ScenarioRef, req.params);
    const input = parse(ScenarioUpdate, req.body);
    const updated = await deps.db.scenarios.update(id, input, principalOf(req).userId);
    if (!updated) throw new NotFoundError('scenario', id);
    res.json(updated);
  });

  return router;
}
