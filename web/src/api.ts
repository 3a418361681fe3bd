import { z } from 'zod';
import {
  type Application,
  type ApplicationPatch,
  ApplicationSchema,
  type ApplicationSummary,
  ApplicationSummarySchema,
  type ErrorCode,
  errorCodes,
  type FieldIssue,
  type NewApplication,
  type NewStage,
  type Stage,
  type StagePatch,
  StageSchema,
} from '../../src/domain/index.js';

/** Why a request failed: a server error code, or a failure before one could be read. */
export type ApiErrorCode = ErrorCode | 'NETWORK' | 'UNEXPECTED_RESPONSE';

/** A failed API call, with what the server said about it. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  /** The HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  /** Per-field problems of an invalid input, with dotted paths such as `company`. */
  readonly issues: FieldIssue[];
  /** For a conflict: the latest version in storage, when the server knows it. */
  readonly currentVersion: number | undefined;

  constructor(
    code: ApiErrorCode,
    status: number,
    message: string,
    options: { issues?: FieldIssue[]; currentVersion?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = status;
    this.issues = options.issues ?? [];
    this.currentVersion = options.currentVersion;
  }
}

/** True when `error` is an ApiError, optionally with the given code. */
export function isApiError(error: unknown, code?: ApiErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    currentVersion: z.number().optional(),
  }),
});

const knownCodes = new Set<string>(errorCodes);

const ApplicationListSchema = z.object({ applications: z.array(ApplicationSummarySchema) });
const StageListSchema = z.object({ stages: z.array(StageSchema) });

/**
 * Calls the prepkit API and validates the answer with `schema`: the response
 * is an edge like any other, so nothing unchecked reaches the pages.
 */
async function requestJson<Schema extends z.ZodType>(
  path: string,
  schema: Schema,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<z.output<Schema>> {
  const response = await sendRequest(path, init);
  const value = await readJson(response);
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ApiError(
      'UNEXPECTED_RESPONSE',
      response.status,
      'The server sent an answer this page does not understand. Reload the page; if it persists, update prepkit.',
      { cause: result.error },
    );
  }
  return result.data;
}

async function sendRequest(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal },
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: init.method ?? 'GET',
      headers:
        init.body === undefined
          ? { Accept: 'application/json' }
          : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: init.body === undefined ? null : JSON.stringify(init.body),
      signal: init.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(
      'NETWORK',
      0,
      'Could not reach the prepkit server. Check that it is still running, then retry.',
      { cause: error },
    );
  }
  if (!response.ok) throw await readApiError(response);
  return response;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch (error) {
    throw new ApiError(
      'UNEXPECTED_RESPONSE',
      response.status,
      'The server sent an answer that is not JSON.',
      { cause: error },
    );
  }
}

async function readApiError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const parsed = ErrorBodySchema.safeParse(body);
  if (!parsed.success) {
    return new ApiError(
      response.status >= 500 ? 'INTERNAL' : 'UNEXPECTED_RESPONSE',
      response.status,
      `The server answered with HTTP ${response.status}.`,
    );
  }
  const { code, message, issues, currentVersion } = parsed.data.error;
  const options: { issues?: FieldIssue[]; currentVersion?: number } = {};
  if (issues) options.issues = issues;
  if (currentVersion !== undefined) options.currentVersion = currentVersion;
  return new ApiError(
    knownCodes.has(code) ? (code as ErrorCode) : 'UNEXPECTED_RESPONSE',
    response.status,
    message,
    options,
  );
}

const applicationPath = (id: string) => `/applications/${encodeURIComponent(id)}`;

/** Every application, without long texts, with its stage count and next stage. */
export async function listApplications(signal?: AbortSignal): Promise<ApplicationSummary[]> {
  const body = await requestJson('/applications', ApplicationListSchema, { signal });
  return body.applications;
}

/** One application with its posting, resume and company notes. */
export function getApplication(id: string, signal?: AbortSignal): Promise<Application> {
  return requestJson(applicationPath(id), ApplicationSchema, { signal });
}

/** Creates an application; an invalid input is an ApiError with `issues`. */
export function createApplication(input: NewApplication): Promise<Application> {
  return requestJson('/applications', ApplicationSchema, { method: 'POST', body: input });
}

/** Updates an application; a stale `version` is an ApiError with code CONFLICT. */
export function updateApplication(id: string, patch: ApplicationPatch): Promise<Application> {
  return requestJson(applicationPath(id), ApplicationSchema, { method: 'PATCH', body: patch });
}

/** The interview rounds of an application, scheduled ones first, by date. */
export async function listStages(applicationId: string, signal?: AbortSignal): Promise<Stage[]> {
  const body = await requestJson(`${applicationPath(applicationId)}/stages`, StageListSchema, {
    signal,
  });
  return body.stages;
}

/** Adds an interview round to an application. */
export function createStage(applicationId: string, input: NewStage): Promise<Stage> {
  return requestJson(`${applicationPath(applicationId)}/stages`, StageSchema, {
    method: 'POST',
    body: input,
  });
}

/** Updates an interview round; a stale `version` is an ApiError with code CONFLICT. */
export function updateStage(
  applicationId: string,
  stageId: string,
  patch: StagePatch,
): Promise<Stage> {
  return requestJson(
    `${applicationPath(applicationId)}/stages/${encodeURIComponent(stageId)}`,
    StageSchema,
    { method: 'PATCH', body: patch },
  );
}

/** A sentence for the user about why a call failed. */
export function describeError(error: unknown): string {
  if (isApiError(error)) return error.message;
  return 'Something unexpected went wrong in this page. Reload it and try again.';
}
