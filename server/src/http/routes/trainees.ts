import { Router } from 'express';
import { z } from 'zod';
import type { CallService } from '../../calls/service.js';
import { traineeRecordPdf } from '../../reports/trainee-record.js';
import { principalOf } from '../auth.js';
import { parse } from '../validate.js';

const TraineeId = z.object({ id: z.string().uuid('user ids are UUIDs') });

export function traineeRoutes(deps: { calls: CallService }): Router {
  const router = Router();

  /** Scores over time: a trainee's own, or any trainee's for supervisors and instructors. */
  router.get('/:id/history', async (req, res) => {
    const { id } = parse(TraineeId, req.params);
    res.json(await deps.calls.history(principalOf(req), id));
  });

  /** The printable trainee record (PDF) for certification files. */
  router.get('/:id/record.pdf', async (req, res) => {
    const { id } = parse(TraineeId, req.params);
    const record = await deps.calls.record(principalOf(req), id);
    res.type('application/pdf').attachment(`trainee-record-${id}.pdf`).send(await traineeRecordPdf(record));
  });

  return router;
}
