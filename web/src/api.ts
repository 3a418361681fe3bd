import { z } from 'zod';
import {
  type Application,
  type ApplicationPatch,
  ApplicationSchema,
  type ApplicationSummary,
  ApplicationSummarySchema,
  type DocumentVersion,
  DocumentVersionSchema,
  type ErrorCode,
  EvaluationSchema,
  errorCodes,
  type FieldIssue,
  FitReportSchema,
  InterviewSchema,
  InterviewTurnSchema,
  type JsonValue,
  MinutesSchema,
  type NewApplication,
  type NewStage,
  RatingLevelSchema,
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
  init: RequestOptions = {},
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

interface RequestOptions {
  method?: string;
  /** A JSON body. */
  body?: unknown;
  /** Raw bytes, sent as application/octet-stream (file uploads). */
  file?: Blob;
  signal?: AbortSignal | undefined;
}

function buildRequestInit(init: RequestOptions): RequestInit {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | null = null;
  if (init.file !== undefined) {
    headers['Content-Type'] = 'application/octet-stream';
    body = init.file;
  } else if (init.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  return { method: init.method ?? 'GET', headers, body, signal: init.signal ?? null };
}

async function sendRequest(path: string, init: RequestOptions): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, buildRequestInit(init));
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

const LineListSchema = z.array(z.number());

/** A technology a posting or resume names, with its lines. */
const TechnologySchema = z.looseObject({ id: z.string(), name: z.string(), lines: LineListSchema });

/**
 * The flattened job profile of an analysis (see src/render/render-analysis-json.ts):
 * only the fields the page shows are checked; the rest passes through.
 */
const AnalysisJobSchema = z.looseObject({
  title: z.string().nullable().optional(),
  level: z.string().nullable().optional(),
  levelReason: z.string().nullable().optional(),
  yearsRequired: z.number().nullable().optional(),
  location: z.string().nullable().optional(),
  remotePolicy: z.string().nullable().optional(),
  domain: z.string().nullable().optional(),
  domainName: z.string().nullable().optional(),
  technologies: z.looseObject({
    required: z.array(TechnologySchema),
    niceToHave: z.array(TechnologySchema),
  }),
  lines: z.record(z.string(), LineListSchema).optional(),
});

const AnalysisCandidateSchema = z.looseObject({
  name: z.string().nullable().optional(),
  yearsOfExperience: z.number().nullable().optional(),
  technologies: z.array(TechnologySchema).optional(),
});

const AnalysisSchema = z.looseObject({
  job: AnalysisJobSchema,
  candidate: AnalysisCandidateSchema.optional(),
  company: z.looseObject({}).optional(),
  fit: FitReportSchema.optional(),
});
export type Analysis = z.infer<typeof AnalysisSchema>;
export type AnalysisJob = z.infer<typeof AnalysisJobSchema>;

const StoredAnalysisSchema = z.object({
  version: z.number().int().positive(),
  createdAt: z.string(),
  analysis: AnalysisSchema,
});
/** One saved analysis of an application: the latest version of its fit report. */
export type StoredAnalysis = z.infer<typeof StoredAnalysisSchema>;

const DocumentListSchema = z.object({
  documents: z.array(z.looseObject({ kind: z.string(), stageId: z.string().nullable() })),
});

/**
 * The latest analysis of an application, or null when it was never analysed.
 * The document list is asked first, so a never-analysed application costs no
 * failed request (which the browser would log as an error).
 */
export async function getLatestAnalysis(
  id: string,
  signal?: AbortSignal,
): Promise<StoredAnalysis | null> {
  const { documents } = await requestJson(`${applicationPath(id)}/documents`, DocumentListSchema, {
    signal,
  });
  if (!documents.some((document) => document.kind === 'fit-report' && document.stageId === null)) {
    return null;
  }
  try {
    return await requestJson(`${applicationPath(id)}/analysis`, StoredAnalysisSchema, { signal });
  } catch (error) {
    if (isApiError(error, 'NOT_FOUND')) return null;
    throw error;
  }
}

/** Analyses the application's posting, resume and notes, and stores the result. */
export function analyzeApplication(id: string): Promise<StoredAnalysis> {
  return requestJson(`${applicationPath(id)}/analyze`, StoredAnalysisSchema, { method: 'POST' });
}

const IngestedFileSchema = z.object({
  name: z.string(),
  kind: z.string(),
  text: z.string(),
  lineCount: z.number().int().nonnegative(),
  pages: z.number().nullable().optional(),
});
/** A file read into text by the server. */
export type IngestedFile = z.infer<typeof IngestedFileSchema>;

/** Largest file the server reads (its own limit): checked before uploading. */
export const maxUploadBytes = 10 * 1024 * 1024;

/**
 * Sends a file (PDF, DOCX, Markdown, text, HTML) to the server, which reads it
 * into text; an unreadable file is an ApiError whose message is for the user.
 */
export function ingestFile(file: File): Promise<IngestedFile> {
  if (file.size > maxUploadBytes) {
    return Promise.reject(
      new ApiError(
        'INPUT_TOO_LARGE',
        413,
        `${file.name} is larger than 10 MiB. Save a smaller version (for example without images), or paste the text instead.`,
      ),
    );
  }
  return requestJson(`/ingest?name=${encodeURIComponent(file.name)}`, IngestedFileSchema, {
    method: 'POST',
    file,
  });
}

/** The documents the web app generates, views and edits. */
export type GeneratedDocumentKind = 'prep-pack' | 'company-brief' | 'stage-notes';

const LatestDocumentListSchema = z.object({
  documents: z.array(
    z.looseObject({
      kind: z.string(),
      stageId: z.string().nullable(),
      version: z.number().int().positive(),
      createdAt: z.string(),
    }),
  ),
});
/** The latest version of one document, as listed for an application. */
export type DocumentSummary = z.infer<typeof LatestDocumentListSchema>['documents'][number];

const VersionListSchema = z.object({
  versions: z.array(z.object({ version: z.number().int().positive(), createdAt: z.string() })),
});
/** One version of a document, as listed in its history (newest first). */
export type DocumentVersionSummary = z.infer<typeof VersionListSchema>['versions'][number];

function documentPath(
  applicationId: string,
  kind: GeneratedDocumentKind,
  suffix = '',
  stageId: string | null = null,
  query: Record<string, string> = {},
): string {
  const params = new URLSearchParams(query);
  if (stageId !== null) params.set('stage', stageId);
  const search = params.toString();
  return `${applicationPath(applicationId)}/documents/${kind}${suffix}${search ? `?${search}` : ''}`;
}

/** The latest version of every document of an application. */
export async function listDocuments(
  applicationId: string,
  signal?: AbortSignal,
): Promise<DocumentSummary[]> {
  const body = await requestJson(
    `${applicationPath(applicationId)}/documents`,
    LatestDocumentListSchema,
    { signal },
  );
  return body.documents;
}

/**
 * The latest version of a document, or null when there is none. The list is
 * asked first, so a missing document costs no failed request.
 */
export async function getLatestDocument(
  applicationId: string,
  kind: GeneratedDocumentKind,
  stageId: string | null = null,
  signal?: AbortSignal,
): Promise<DocumentVersion | null> {
  const documents = await listDocuments(applicationId, signal);
  if (!documents.some((document) => document.kind === kind && document.stageId === stageId)) {
    return null;
  }
  try {
    return await requestJson(
      documentPath(applicationId, kind, '', stageId),
      DocumentVersionSchema,
      { signal },
    );
  } catch (error) {
    if (isApiError(error, 'NOT_FOUND')) return null;
    throw error;
  }
}

/** Every version of a document, newest first. */
export async function listDocumentVersions(
  applicationId: string,
  kind: GeneratedDocumentKind,
  stageId: string | null = null,
  signal?: AbortSignal,
): Promise<DocumentVersionSummary[]> {
  const body = await requestJson(
    documentPath(applicationId, kind, '/versions', stageId),
    VersionListSchema,
    { signal },
  );
  return body.versions;
}

/** One saved version of a document. */
export function getDocumentVersion(
  applicationId: string,
  kind: GeneratedDocumentKind,
  version: number,
  stageId: string | null = null,
  signal?: AbortSignal,
): Promise<DocumentVersion> {
  return requestJson(
    documentPath(applicationId, kind, `/versions/${version}`, stageId),
    DocumentVersionSchema,
    { signal },
  );
}

/**
 * Composes a document from the application (stage notes need the stage) and
 * saves it as a new version; earlier versions, edited ones too, stay.
 */
export function generateDocument(
  applicationId: string,
  kind: GeneratedDocumentKind,
  stageId: string | null = null,
): Promise<DocumentVersion> {
  return requestJson(
    documentPath(applicationId, kind, '/generate', stageId),
    DocumentVersionSchema,
    {
      method: 'POST',
    },
  );
}

/**
 * Saves an edited document as a new version on top of `baseVersion`; when
 * someone saved since, an ApiError with code CONFLICT and `currentVersion`.
 */
export function saveDocument(
  applicationId: string,
  kind: GeneratedDocumentKind,
  input: { baseVersion: number; content: JsonValue; markdown: string; stageId: string | null },
): Promise<DocumentVersion> {
  return requestJson(documentPath(applicationId, kind), DocumentVersionSchema, {
    method: 'PUT',
    body: input,
  });
}

/** The address that downloads the latest version of a document as Markdown or DOCX. */
export function documentDownloadUrl(
  applicationId: string,
  kind: GeneratedDocumentKind,
  format: 'md' | 'docx',
  stageId: string | null = null,
): string {
  return `/api${documentPath(applicationId, kind, '/download', stageId, { format })}`;
}

/** The address of the application's preparation plan as a calendar file. */
export function planIcsUrl(applicationId: string): string {
  return `/api${applicationPath(applicationId)}/plan.ics`;
}

/** The address of the application's flashcards as CSV. */
export function cardsCsvUrl(applicationId: string): string {
  return `/api${applicationPath(applicationId)}/cards.csv`;
}

const PersonaOptionSchema = z.object({
  id: z.string(),
  title: z.string(),
  position: z.string(),
  totalMinutes: MinutesSchema.nullable(),
  phases: z.array(z.string()),
});
/** An interviewer persona as listed for choosing one: its id, title, role and phases. */
export type PersonaOption = z.infer<typeof PersonaOptionSchema>;

const PersonaListSchema = z.object({ personas: z.array(PersonaOptionSchema) });

/** A stored mock interview as the API sends it: without the persona's Markdown. */
const InterviewRecordSchema = InterviewSchema.omit({ personaMarkdown: true, subject: true });
/** A mock interview: persona, status, version and (once ended) its evaluation. */
export type InterviewRecord = z.infer<typeof InterviewRecordSchema>;

const InterviewProgressSchema = z.object({
  phase: z.object({
    id: z.string(),
    title: z.string(),
    index: z.number().int().nonnegative(),
    count: z.number().int().positive(),
  }),
  elapsedSeconds: z.number(),
  phaseRemainingSeconds: z.number(),
  totalRemainingSeconds: z.number(),
  finished: z.boolean(),
  closing: z.boolean(),
  branch: z.enum(['strong', 'fundamentals', 'other']).nullable(),
});
/**
 * Where an interview stands: its phase, the seconds used and left (negative
 * when over time), and whether the closing has begun or the interview is over.
 */
export type InterviewProgress = z.infer<typeof InterviewProgressSchema>;

const InterviewViewSchema = z.object({
  interview: InterviewRecordSchema,
  turns: z.array(InterviewTurnSchema),
  status: InterviewProgressSchema.nullable(),
});
/**
 * An interview with turns and progress. From `getInterview` the turns are all
 * the turns so far; from `answerInterview` and `endInterview` only the new ones.
 * `status` is null for an interview that had already ended.
 */
export type InterviewView = z.infer<typeof InterviewViewSchema>;

const InterviewListItemSchema = InterviewRecordSchema.omit({ evaluation: true }).extend({
  turnCount: z.number().int().nonnegative(),
  rating: RatingLevelSchema.nullable(),
});
/** A mock interview as listed: its persona, status, number of turns and rating. */
export type InterviewListItem = z.infer<typeof InterviewListItemSchema>;

const InterviewListSchema = z.object({ interviews: z.array(InterviewListItemSchema) });

const InterviewReportSchema = z.object({
  evaluation: EvaluationSchema,
  turns: z.array(InterviewTurnSchema),
});
/** The report of an ended interview with its whole transcript. */
export type InterviewReport = z.infer<typeof InterviewReportSchema>;

const interviewPath = (id: string) => `/interviews/${encodeURIComponent(id)}`;

/** The built-in interviewer personas. */
export async function listPersonas(signal?: AbortSignal): Promise<PersonaOption[]> {
  const body = await requestJson('/personas', PersonaListSchema, { signal });
  return body.personas;
}

/** The mock interviews practised for an application. */
export async function listApplicationInterviews(
  applicationId: string,
  signal?: AbortSignal,
): Promise<InterviewListItem[]> {
  const body = await requestJson(
    `${applicationPath(applicationId)}/interviews`,
    InterviewListSchema,
    { signal },
  );
  return body.interviews;
}

/**
 * Starts a mock interview with a built-in persona, tailored to the
 * application when one is given, on a real clock; the answer holds the
 * interviewer's opening line.
 */
export function startInterview(input: {
  applicationId: string | null;
  persona: string;
}): Promise<InterviewView> {
  return requestJson('/interviews', InterviewViewSchema, {
    method: 'POST',
    body: { applicationId: input.applicationId, persona: input.persona, clock: 'real' },
  });
}

/** A mock interview with every turn so far, to show it or resume it. */
export function getInterview(id: string, signal?: AbortSignal): Promise<InterviewView> {
  return requestJson(interviewPath(id), InterviewViewSchema, { signal });
}

/**
 * Sends the candidate's answer; the result holds the answer and the
 * interviewer's reply. A stale `version` (the interview moved on in another
 * tab, or ended) is an ApiError with code CONFLICT.
 */
export function answerInterview(
  id: string,
  answer: { text: string; version: number; pauseSeconds?: number; durationSeconds?: number },
): Promise<InterviewView> {
  return requestJson(`${interviewPath(id)}/answers`, InterviewViewSchema, {
    method: 'POST',
    body: answer,
  });
}

/**
 * Ends a mock interview now; the result holds the final turns and the
 * interview with its evaluation. A stale `version` is an ApiError with code CONFLICT.
 */
export function endInterview(id: string, version: number): Promise<InterviewView> {
  return requestJson(`${interviewPath(id)}/end`, InterviewViewSchema, {
    method: 'POST',
    body: { version },
  });
}

/** The report of an ended interview, with its transcript. */
export function getInterviewReport(id: string, signal?: AbortSignal): Promise<InterviewReport> {
  return requestJson(`${interviewPath(id)}/report`, InterviewReportSchema, { signal });
}

/** The address that downloads an ended interview's report and transcript as Markdown. */
export function interviewReportMarkdownUrl(id: string): string {
  return `/api${interviewPath(id)}/report?format=md`;
}

/** A sentence for the user about why a call failed. */
export function describeError(error: unknown): string {
  if (isApiError(error)) return error.message;
  return 'Something unexpected went wrong in this page. Reload it and try again.';
}
