import { z } from 'zod';
import { CorruptDocumentError, ValidationError } from './errors';

/** One readable line per zod issue: `role: must be one of student, volunteer, counselor, admin`. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'input';
    return `${where}: ${describeIssue(issue)}`;
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `at most ${String(issue.maximum)} characters`
        : issue.origin === 'array'
          ? `at most ${String(issue.maximum)} items`
          : `at most ${String(issue.maximum)}`;
    case 'too_small':
      return issue.origin === 'string'
        ? Number(issue.minimum) === 1
          ? 'must not be empty'
          : `at least ${String(issue.minimum)} characters`
        : issue.origin === 'array'
          ? `at least ${String(issue.minimum)} items`
          : `at least ${String(issue.minimum)}`;
    default:
      return issue.message;
  }
}

/** Parse caller input; throws `ValidationError` (→ `invalid-argument`) with a readable message. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown, what = 'request'): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = formatIssues(result.error);
  throw new ValidationError(`Invalid ${what}: ${issues.join('; ')}`, issues);
}

/** Parse a stored document; a mismatch is a `CorruptDocumentError` (internal), never silently cast. */
export function parseStored<S extends z.ZodType>(schema: S, data: unknown, path: string): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw new CorruptDocumentError(path, formatIssues(result.error));
}
