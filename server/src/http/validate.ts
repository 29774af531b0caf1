import type { z } from 'zod';
import { BadRequestError, describeZodIssues } from '../errors.js';

/** Parses `value` with `schema` or throws a 400 whose message names the bad field. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new BadRequestError(describeZodIssues(result.error.issues));
  return result.data;
}
