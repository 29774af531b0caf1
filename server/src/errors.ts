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

type Issue = { readonly path: readonly PropertyKey[]; readonly message: string; readonly code?: string };

/**
 * One zod issue in words a person reads ("at most 200 characters"), not zod's own wording
 * ("Too big: expected string to have <=200 characters"). Codes it does not know keep zod's.
 */
function issueWords(issue: Issue): string {
  const { code, origin, maximum, minimum, expected, format, values } = issue as Issue & Record<string, unknown>;

  const count = (n: unknown, unit: string) => `${n as number} ${unit}${n === 1 ? '' : 's'}`;
  const unit = origin === 'string' ? 'character' : origin === 'array' || origin === 'set' ? 'item' : null;
  switch (code) {
    case 'too_big':
      return unit ? `at most ${count(maximum, unit)}` : `at most ${maximum as number}`;
    case 'too_small':
      if (origin === 'string' && minimum === 1) return 'required';
      return unit ? `at least ${count(minimum, unit)}` : `at least ${minimum as number}`;
    case 'invalid_type':
      // zod keeps the input out of the issue; its message still says when there was none.
      if (issue.message.endsWith('received undefined')) return 'required';
      return `must be ${expected === 'int' ? 'a whole number' : `a ${String(expected)}`}`;
    case 'invalid_format':
      return format === 'email' ? 'not an email address' : format === 'uuid' ? 'not a valid id' : issue.message;
    case 'invalid_value':
      return Array.isArray(values) ? `must be one of ${values.map(String).join(', ')}` : issue.message;
    default:
      return issue.message;
  }
}

/** Formats a zod error so the message names the bad field: `scenarioId: required`. */
export function describeZodIssues(issues: readonly Issue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${issueWords(i)}` : issueWords(i)))
    .join('; ');
}
