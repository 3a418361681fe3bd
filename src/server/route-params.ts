import { z } from 'zod';
import { type DocumentKind, DocumentKindSchema, PrepkitError } from '../domain/index.js';

const uuid = z.uuid();

/** An id from the URL; one that is not a UUID cannot exist, so it is NOT_FOUND. */
export function readId(value: string | undefined, what: string): string {
  const result = uuid.safeParse(value);
  if (!result.success) throw new PrepkitError('NOT_FOUND', `No ${what} with id ${value ?? ''}`);
  return result.data;
}

/** A document kind from the URL. */
export function readDocumentKind(value: string | undefined): DocumentKind {
  const result = DocumentKindSchema.safeParse(value);
  if (!result.success) {
    throw new PrepkitError('NOT_FOUND', `No document kind ${JSON.stringify(value ?? '')}`);
  }
  return result.data;
}

/** An optional positive version number from the query string or URL. */
export function readVersion(value: string | undefined, name = 'version'): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,8}$/.test(value)) {
    throw new PrepkitError('INVALID_INPUT', `${name} must be a positive whole number`);
  }
  return Number(value);
}
