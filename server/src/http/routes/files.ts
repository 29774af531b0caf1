import { Router, type Response } from 'express';
import { AppError, BadRequestError, ForbiddenError, NotFoundError } from '../../errors.js';
import { ErrorCode } from '../../protocol/ack.js';
import { isStorageKey, type LocalStorage, type UrlSigner } from '../../storage/storage.js';

// Serves local recordings to holders of a signed URL. The signature is the permission,
// as with an S3 presigned URL: it was issued to someone allowed to see the call.

export function fileRoutes(deps: { storage: LocalStorage; signer: UrlSigner }): Router {
  const router = Router();
  router.get('/*key', async (req, res) => {
    const key = ([] as string[]).concat(req.params.key ?? []).join('/');
    const verdict = deps.signer.verify(key, String(req.query.expires ?? ''), String(req.query.sig ?? ''));
    if (verdict === 'expired') throw new ForbiddenError('this link has expired: ask for a new one');
    if (verdict !== 'ok') throw new ForbiddenError('invalid signature');
    if (!isStorageKey(key)) throw new BadRequestError('invalid file key'); // signed, yet not a key storage makes
    if (!(await deps.storage.exists(key))) throw new NotFoundError('file', key);
    res.setHeader('Cache-Control', 'private, no-store');
    await send(res, key, deps.storage.root);
  });
  return router;
}

/**
 * Streams the file with Range support (the review page's player seeks). `root` keeps send's
 * dot-folder rule on the key alone: the default data folder is `./.data`, which send would
 * otherwise refuse with a 404 for every recording.
 */
function send(res: Response, key: string, root: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const contentType = key.endsWith('.wav') ? 'audio/wav' : 'application/octet-stream';
    res.sendFile(key, { root, headers: { 'Content-Type': contentType } }, (error?: Error & { code?: string; status?: number }) => {
      if (!error) return resolve();
      // The listener went away mid-file: nothing to answer.
      if (error.code === 'ECONNABORTED' || error.code === 'ECONNRESET' || res.headersSent) return resolve();
      if (error.code === 'ENOENT' || error.status === 404) return reject(new NotFoundError('file', key));
      if (error.status === 416) return reject(new AppError(ErrorCode.badRequest, 'range not satisfiable', 416));
      reject(error);
    });
  });
}
