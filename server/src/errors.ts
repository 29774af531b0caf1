import { ErrorCode } from './protocol/ack.js';

// A few named errors with a code. Routes and socket handlers throw these; one express
// middleware and one socket wrapper turn them into `{code, message}` replies.

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: number,
    readonly retryable = false,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends AppError {
  constructor(message: string) {
    super(ErrorCode.badRequest, message, 400);
  }
}
export class UnauthorizedError extends AppError {
  constructor(message = 'log in first') {
    super(ErrorCode.unauthorized, message, 401);
  }
}
export class ForbiddenError extends AppError {
  constructor(message = 'your role may not do this') {
    super(ErrorCode.forbidden, message, 403);
  }
}
export class NotFoundError extends AppError {
  constructor(what: string, id: string) {
    super(ErrorCode.notFound, `${what} ${JSON.stringify(id)} not found`, 404);
  }
}
export class ConflictError extends AppError {
  constructor(message: string) {
    super(ErrorCode.conflict, message, 409);
  }
}

/** 429: the caller must wait `retryAfterMs` (sent as Retry-After) before trying again. */
export class TooManyRequestsError extends AppError {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(ErrorCode.rateLimited, message, 429, true);
  }
}

/** A participant or a call reached one of its media limits (transports, producers, consumers, people). */
export class LimitExceededError extends AppError {
  constructor(message: string) {
    super(ErrorCode.limitExceeded, message, 409);
  }
}

export class UnavailableError extends AppError {
  constructor(message: string) {
    super(ErrorCode.unavailable, message, 503, true);
  }
}

// The words of a validation message live with the schemas, so the scenario editor words its own as the server does.
export { describeZodIssues } from './protocol/issues.js';
