import type { Context } from 'hono';
import type { z } from 'zod';
import { PrepkitError, parseWith } from '../domain/index.js';

/**
 * Reads a JSON request body and validates it. Anything but a JSON object that
 * fits `schema` is an INVALID_INPUT error naming what is wrong.
 */
export async function readJsonBody<Schema extends z.ZodType>(
  c: Context,
  schema: Schema,
  what: string,
): Promise<z.output<Schema>> {
  const contentType = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    throw new PrepkitError(
      'INVALID_INPUT',
      `Send the ${what} as JSON with the header Content-Type: application/json`,
    );
  }
  const text = await c.req.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new PrepkitError('INVALID_INPUT', `The request body is not valid JSON`, {
      cause: error,
    });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new PrepkitError('INVALID_INPUT', `The ${what} must be a JSON object`);
  }
  return parseWith(schema, value, what);
}
