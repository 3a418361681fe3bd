/**
 * Every failure prepkit reports on purpose carries one of these codes. The
 * server maps them to HTTP statuses (`src/server/error-status.ts`), the CLI to
 * exit codes; nothing else branches on message text.
 */
export const errorCodes = [
  'INVALID_CONFIG',
  'INVALID_INPUT',
  'INPUT_TOO_LARGE',
  'UNREADABLE_FILE',
  'UNSUPPORTED_INPUT',
  'EMPTY_INPUT',
  'FETCH_FAILED',
  'NOT_FOUND',
  'CONFLICT',
  'STORAGE_UNAVAILABLE',
  'MODEL_UNAVAILABLE',
  'INTERNAL',
] as const;

/** One of the fixed error codes. */
export type ErrorCode = (typeof errorCodes)[number];

/** A problem in one field of an input, as reported to the user. */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `stages.0.kind`; empty for the whole value. */
  path: string;
  message: string;
}

/**
 * The one error type of prepkit. Subclass only to carry structured fields.
 *
 * @example
 * throw new PrepkitError('NOT_FOUND', `No application ${id}`);
 */
export class PrepkitError extends Error {
  override readonly name = 'PrepkitError';
  readonly code: ErrorCode;
  /** Per-field problems, for INVALID_INPUT and INVALID_CONFIG. */
  readonly issues: FieldIssue[];

  constructor(
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; issues?: FieldIssue[] } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.issues = options.issues ?? [];
  }
}

/** An update named a version that is no longer the latest. */
export class ConflictError extends PrepkitError {
  /** The version the caller edited. */
  readonly expectedVersion: number;
  /** The latest version in storage, when known. */
  readonly currentVersion: number | undefined;

  constructor(
    message: string,
    options: { expectedVersion: number; currentVersion?: number; cause?: unknown },
  ) {
    super('CONFLICT', message, { cause: options.cause });
    this.expectedVersion = options.expectedVersion;
    this.currentVersion = options.currentVersion;
  }
}

/** True when `error` is a PrepkitError, optionally with the given code. */
export function isPrepkitError(error: unknown, code?: ErrorCode): error is PrepkitError {
  return error instanceof PrepkitError && (code === undefined || error.code === code);
}
