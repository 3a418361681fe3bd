import type { z } from 'zod';
import { type ErrorCode, PrepkitError } from './prepkit-error.js';

/**
 * Validates `value` at an edge (HTTP body, file, config, storage row) and turns
 * a failure into one PrepkitError listing every field at fault.
 *
 * @example
 * const input = parseWith(NewApplicationSchema, await c.req.json(), 'application');
 */
export function parseWith<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  what: string,
  code: ErrorCode = 'INVALID_INPUT',
): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const summary = issues
    .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
    .join('; ');
  throw new PrepkitError(code, `Invalid ${what}: ${summary}`, { issues, cause: result.error });
}
