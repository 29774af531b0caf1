import express, { type RequestHandler } from 'express';
import { AppError } from '../errors.js';
import { ErrorCode } from '../protocol/ack.js';
import { changesState } from './origin.js';

// The API's request bodies: JSON only, UTF-8 that decodes. A form post (text/plain,
// urlencoded, multipart) is what another site's page can send without asking, so it is
// refused with 415 rather than read as an empty body.

const JSON_TYPE = /^application\/json\s*(;|$)/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

const jsonOnly: RequestHandler = (req, _res, next) => {
  if (!changesState(req.method)) return next();
  const type = req.headers['content-type'];
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length']) > 0;
  if (type === undefined ? hasBody : !JSON_TYPE.test(type.trim())) {
    throw new AppError(ErrorCode.unsupportedMediaType, 'request bodies must be JSON (Content-Type: application/json)', 415);
  }
  next();
};

export function jsonBody(limitBytes: number): RequestHandler[] {
  return [
    jsonOnly,
    express.json({
      limit: limitBytes,
      // body-parser would turn bytes that are not UTF-8 into U+FFFD and store them silently.
      verify: (_req, _res, buffer, encoding) => {
        if (encoding !== 'utf-8' && encoding !== 'utf8') return;
        try {
          utf8.decode(buffer);
        } catch {
          throw Object.assign(new Error('request body is not valid UTF-8'), { status: 400, type: 'entity.encoding.invalid' });
        }
      },
    }),
  ];
}

/** A body-parser failure in words, or undefined when `error` is not one. */
export function bodyError(error: unknown): { status: number; code: ErrorCode; message: string } | undefined {
  const { type, status } = error as { type?: string; status?: number };
  switch (type) {
    case 'entity.too.large':
      return { status: 413, code: ErrorCode.payloadTooLarge, message: 'request body too large' };
    case 'entity.parse.failed':
      return { status: 400, code: ErrorCode.badRequest, message: 'malformed JSON body' };
    case 'entity.encoding.invalid':
      return { status: 400, code: ErrorCode.badRequest, message: 'request body is not valid UTF-8' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, code: ErrorCode.unsupportedMediaType, message: 'unsupported body encoding' };
  }
  // The rest of body-parser's 4xx: a body that does not inflate (garbage under Content-Encoding:
  // gzip), a length that does not match, a request aborted mid-body.
  if (typeof status === 'number' && status >= 400 && status < 500 && (error as { expose?: boolean }).expose) {
    return { status: 400, code: ErrorCode.badRequest, message: 'malformed request body' };
  }
  return undefined;
}
