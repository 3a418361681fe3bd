import { z } from 'zod';

/** The kinds of interview round prepkit knows, in their usual order. */
export const stageKinds = [
  'recruiter',
  'hiring-manager',
  'technical',
  'system-design',
  'behavioral',
  'final',
] as const;
export const StageKindSchema = z.enum(stageKinds);
export type StageKind = z.infer<typeof StageKindSchema>;

/** Human labels for stage kinds, for documents and the web app. */
export const stageKindLabels: Record<StageKind, string> = {
  recruiter: 'Recruiter screen',
  'hiring-manager': 'Hiring manager',
  technical: 'Technical',
  'system-design': 'System design',
  behavioral: 'Behavioral',
  final: 'Final / onsite',
};

export const stageStatuses = ['planned', 'scheduled', 'completed', 'cancelled'] as const;
export const StageStatusSchema = z.enum(stageStatuses);
export type StageStatus = z.infer<typeof StageStatusSchema>;

/** One interview round of an application. */
export const StageSchema = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  kind: StageKindSchema,
  /** When the round takes place (ISO 8601 with offset), if known. */
  scheduledAt: z.iso.datetime({ offset: true }).nullable(),
  /** Who interviews: a name or a role, as the candidate wrote it. */
  interviewer: z.string(),
  status: StageStatusSchema,
  version: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Stage = z.infer<typeof StageSchema>;

const interviewer = z.string().trim().max(200, 'Interviewer must be at most 200 characters');
const scheduledAt = z.iso
  .datetime({ offset: true, message: 'Scheduled time must be an ISO 8601 date and time' })
  .nullable();

/** What a user gives to add a stage. Without a status, a time makes it `scheduled`. */
export const NewStageSchema = z.strictObject({
  kind: StageKindSchema,
  scheduledAt: scheduledAt.default(null),
  interviewer: interviewer.default(''),
  status: StageStatusSchema.optional(),
});
export type NewStage = z.input<typeof NewStageSchema>;
export type NewStageValues = z.output<typeof NewStageSchema>;

/** A partial update of a stage; `version` is the version the user edited. */
export const StagePatchSchema = z.strictObject({
  version: z.number().int().positive(),
  kind: StageKindSchema.optional(),
  scheduledAt: scheduledAt.optional(),
  interviewer: interviewer.optional(),
  status: StageStatusSchema.optional(),
});
export type StagePatch = z.infer<typeof StagePatchSchema>;
