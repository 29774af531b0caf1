// The one reply shape for every socket request (and the error body of every REST route).

export const ErrorCode = {
  badRequest: 'bad_request',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  notFound: 'not_found',
  conflict: 'conflict',
  payloadTooLarge: 'payload_too_large',
  unsupportedMediaType: 'unsupported_media_type',
  /** A media limit of the participant or the call (README, "Limits"): trying again will not help. */
  limitExceeded: 'limit_exceeded',
  /** Too many requests on one connection: slow down and try again. */
  rateLimited: 'rate_limited',
  unavailable: 'unavailable',
  internal: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export type AckOk<T> = { ok: true; data: T };
export type AckError = { ok: false; code: ErrorCode; message: string };
export type Ack<T> = AckOk<T> | AckError;
export type AckCallback<T> = (reply: Ack<T>) => void;
