// Validation messages in words a person reads, the same on the server (a 400's message) and in
// the client (the scenario editor's field messages as you type).

export type Issue = { readonly path: readonly PropertyKey[]; readonly message: string; readonly code?: string };

/**
 * One zod issue in words a person reads ("at most 200 characters"), not zod's own wording
 * ("Too big: expected string to have <=200 characters"). Codes it does not know keep zod's.
 */
export function issueWords(issue: Issue): string {
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
