import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import { INSTRUCTOR_ROLES } from '../../protocol/roles.js';
import { ScenarioInput, ScenarioRef, ScenarioUpdate } from '../../protocol/scenario.js';
import { ScenarioDuplicate, TryCaller } from '../../protocol/scenario-editor.js';
import { tryCaller } from '../../scenarios/try-caller.js';
import { scenarioAccess, scenarioShown } from '../../scenarios/visibility.js';
import { principalOf, requireRole } from '../auth.js';
import { parse } from '../validate.js';

// Anyone signed in may read scenarios, each as scenarios/visibility.ts lets their role see it
// (a trainee: the card only). Instructors write them, archive them and try their callers.

const ListQuery = z.object({ archived: z.enum(['true', 'false']).optional() });

export function scenarioRoutes(deps: { db: Database }): Router {
  const router = Router();
  const instructorsOnly = requireRole(INSTRUCTOR_ROLES);

  router.get('/', async (req, res) => {
    const access = scenarioAccess(principalOf(req).role);
    // What was taken out of the library is staff business: a trainee always gets the library.
    const archived = access === 'full' && parse(ListQuery, req.query).archived === 'true';
    res.json((await deps.db.scenarios.list({ archived })).map((s) => scenarioShown(s, access)));
  });

  // Before '/:id': "try" is not a scenario id.
  router.post('/try', instructorsOnly, async (req, res) => {
    const { scenario, seed, lines } = parse(TryCaller, req.body);
    res.json(await tryCaller(scenario, seed, lines));
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

  router.post('/:id/duplicate', instructorsOnly, async (req, res) => {
    const { id } = parse(ScenarioRef, req.params);
    const copy = parse(ScenarioDuplicate, req.body);
    if (!(await deps.db.scenarios.get(id))) throw new NotFoundError('scenario', id);
    const created = await deps.db.scenarios.duplicate(id, copy, principalOf(req).userId);
    if (!created) throw new ConflictError(`a scenario with id ${JSON.stringify(copy.id)} exists already`);
    res.status(201).json(created);
  });

  for (const [action, archived] of [['archive', true], ['restore', false]] as const) {
    router.post(`/:id/${action}`, instructorsOnly, async (req, res) => {
      const { id } = parse(ScenarioRef, req.params);
      const scenario = await deps.db.scenarios.setArchived(id, archived);
      if (!scenario) throw new NotFoundError('scenario', id);
      res.json(scenario);
    });
  }

  return router;
}
