import { Router } from 'express';
import type { CallService } from '../../calls/service.js';
import { traineeRecordPdf } from '../../reports/trainee-record.js';
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

  /** The printable trainee record (PDF) for certification files. */
  router.get('/:id/record.pdf', async (req, res) => {
    const { id } = parse(IdParam, req.params);
    const record = await deps.calls.record(principalOf(req), id);
    res.type('application/pdf').attachment(`trainee-record-${id}.pdf`).send(await traineeRecordPdf(record));
  });

  return router;
}
