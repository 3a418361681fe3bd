import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../domain/index.js';

/** The one table from error codes to HTTP statuses. */
export const errorStatus: Record<ErrorCode, ContentfulStatusCode> = {
  INVALID_CONFIG: 500,
  INVALID_INPUT: 400,
  INPUT_TOO_LARGE: 413,
  UNREADABLE_FILE: 422,
  UNSUPPORTED_INPUT: 415,
  EMPTY_INPUT: 422,
  FETCH_FAILED: 502,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STORAGE_UNAVAILABLE: 503,
  MODEL_UNAVAILABLE: 503,
  INTERNAL: 500,
};
