import { Router } from 'express';
import { AppError, NotFoundError } from '../../errors.js';
import { ErrorCode } from '../../protocol/ack.js';
import type { LocalStorage, UrlSigner } from '../../storage/storage.js';

// Serves local recordings to holders of a signed URL. The signature is the permission,
// as with an S3 presigned URL: it was issued to someone allowed to see the call.

export function fileRoutes(deps: { storage: LocalStorage; signer: UrlSigner }): Router {
  const router = Router();
  router.get('/*key', async (req, res) => {
    const key = ([] as string[]).concat(req.params.key ?? []).join('/');
    const verdict = deps.signer.verify(key, String(req.query.expires ?? ''), String(req.query.sig ?? ''));
    if (verdict === 'expired') throw new AppError(ErrorCode.forbidden, 'this link has expired: ask for a new one', 403);
    if (verdict !== 'ok') throw new AppError(ErrorCode.forbidden, 'invalid signature', 403);
    if (!(await deps.storage.exists(key))) throw new NotFoundError('file', key);
    res.setHeader('Cache-Control', 'private, no-store');
    res.sendFile(deps.storage.pathOf(key), { headers: { 'Content-Type': key.endsWith('.wav') ? 'audio/wav' : 'application/octet-stream' } });
  });
  return router;
}
