import { z } from 'zod';

/** What a phase of the interview is for; read from its heading. */
export const phaseKinds = [
  'opening',
  'experience',
  'design',
  'deep-dive',
  'behavioral',
  'closing',
  'other',
] as const;
export const PhaseKindSchema = z.enum(phaseKinds);
export type PhaseKind = z.infer<typeof PhaseKindSchema>;

/** A span of minutes as a persona writes it: "(10-12 minutes)". */
export const MinutesSchema = z.object({
  min: z.number().nonnegative(),
  max: z.number().nonnegative(),
});
export type Minutes = z.infer<typeof MinutesSchema>;

/**
 * "If they mention caching: ..." — a follow-up the interviewer asks when the
 * candidate's answer contains one of the keywords.
 */
export const PersonaTriggerSchema = z.object({
  /** The trigger as the persona wrote it: "caching", "idempotency keys". */
  when: z.string().min(1),
  /** Lower-case words or phrases that fire it; matched on word stems. */
  keywords: z.array(z.string().min(1)).min(1),
  question: z.string().min(1),
});
export type PersonaTrigger = z.infer<typeof PersonaTriggerSchema>;

/** "For strong candidates:" / "For candidates needing fundamentals:". */
export const PersonaBranchSchema = z.object({
  kind: z.enum(['strong', 'fundamentals', 'other']),
  label: z.string(),
  questions: z.array(z.string().min(1)),
});
export type PersonaBranch = z.infer<typeof PersonaBranchSchema>;

export const PersonaPhaseSchema = z.object({
  /** A slug unique within the persona: "opening", "phase-2-design-scenarios". */
  id: z.string().min(1),
  /** The heading without its minutes: "Phase 2: Design Scenarios". */
  title: z.string().min(1),
  kind: PhaseKindSchema,
  minutes: MinutesSchema.nullable(),
  /** The phase's main questions (for the closing: its lines, invitation first). */
  questions: z.array(z.string().min(1)),
  /** "**Follow-up:** ..." lines: generic follow-ups for the phase. */
  followUps: z.array(z.string().min(1)),
  triggers: z.array(PersonaTriggerSchema),
  branches: z.array(PersonaBranchSchema),
});
export type PersonaPhase = z.infer<typeof PersonaPhaseSchema>;

export const PersonaCriterionSchema = z.object({
  /** A slug unique within the persona, from the label. */
  id: z.string().min(1),
  label: z.string().min(1),
  kind: z.enum(['strong', 'red-flag']),
});
export type PersonaCriterion = z.infer<typeof PersonaCriterionSchema>;

/**
 * An interviewer persona, parsed from Markdown in the format of the shipped
 * personas (knowledge/personas/*.md): who they are, how they talk, the timed
 * phases of the interview and how they judge it.
 */
export const PersonaSchema = z.object({
  /** The file name without `.md` for files; unique among loaded personas. */
  id: z.string().min(1),
  /** The document's title: "Backend Engineering Interviewer". */
  title: z.string().min(1),
  role: z.object({
    position: z.string(),
    expertise: z.array(z.string()),
    style: z.string(),
  }),
  /** "Communication style" bullets: a bold label and its explanation. */
  communication: z.array(z.object({ label: z.string(), text: z.string() })),
  never: z.array(z.string()),
  always: z.array(z.string()),
  /** "INTERVIEW FLOW (45-60 minutes)", when given. */
  totalMinutes: MinutesSchema.nullable(),
  phases: z.array(PersonaPhaseSchema).min(1),
  questionTypes: z.array(z.object({ name: z.string(), questions: z.array(z.string()) })),
  starters: z.array(z.object({ insteadOf: z.string(), say: z.string() })),
  criteria: z.array(PersonaCriterionSchema),
  techniques: z.object({
    rapport: z.array(z.string()),
    probing: z.array(z.string()),
    tradeOffs: z.array(z.string()),
    redirecting: z.array(z.string()),
    wrapping: z.array(z.string()),
  }),
  security: z.object({ always: z.array(z.string()), ifMissed: z.array(z.string()) }),
  mission: z.string(),
  /** True when the "never" list forbids asking for code or syntax. */
  forbidsCode: z.boolean(),
});
export type Persona = z.infer<typeof PersonaSchema>;

/** A persona as listed: enough to choose one. */
export interface PersonaSummary {
  id: string;
  title: string;
  position: string;
  totalMinutes: Minutes | null;
  phases: string[];
}
