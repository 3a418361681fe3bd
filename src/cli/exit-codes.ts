import type { ErrorCode } from '../domain/index.js';

/** Process exit codes of the `prepkit` command, documented in the README. */
export const exitCodes = {
  ok: 0,
  failure: 1,
  usage: 2,
} as const;

/** Exit code for each error code: 2 for what the user can fix in the command line. */
export const exitCodeForError: Record<ErrorCode, number> = {
  INVALID_CONFIG: 2,
  INVALID_INPUT: 2,
  INPUT_TOO_LARGE: 3,
  UNREADABLE_FILE: 3,
  // Unsupported, empty and unfetchable input are all "unreadable input" to the user.
  UNSUPPORTED_INPUT: 3,
  EMPTY_INPUT: 3,
  FETCH_FAILED: 3,
  NOT_FOUND: 4,
  CONFLICT: 5,
  STORAGE_UNAVAILABLE: 6,
  MODEL_UNAVAILABLE: 7,
  INTERNAL: 1,
};
