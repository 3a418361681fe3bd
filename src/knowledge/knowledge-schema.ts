import { z } from 'zod';
import { StageKindSchema } from '../domain/index.js';

const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lowercase words joined by hyphens');
const sentence = z.string().min(8).max(600);

/** Levels a question or concept is pitched at. */
export const knowledgeLevels = ['junior', 'mid', 'senior'] as const;
export const KnowledgeLevelSchema = z.enum(knowledgeLevels);

export const questionKinds = [
  'conceptual',
  'practical',
  'design',
  'debugging',
  'experience',
] as const;

/** An interview question with what a good answer covers. */
export const KnowledgeQuestionSchema = z.strictObject({
  /** Stable id, unique in the whole knowledge base; documents cite it. */
  id: idSchema,
  text: z.string().min(15).max(400),
  level: KnowledgeLevelSchema,
  kind: z.enum(questionKinds),
  /** The points a good answer covers. */
  goodAnswer: z.array(sentence).min(2).max(8),
  /** Answers that sound plausible but fall short, and why. */
  weakAnswers: z.array(sentence).min(1).max(5),
  followUps: z.array(z.string().min(10).max(300)).min(1).max(5),
});
export type KnowledgeQuestion = z.infer<typeof KnowledgeQuestionSchema>;

/** Something to review before an interview, with how to practise it. */
export const KnowledgeConceptSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(3).max(120),
  whyItMatters: sentence,
  /** A concrete exercise: "build a GenServer with a supervisor". */
  practice: sentence,
  minutes: z.number().int().min(10).max(480),
  level: KnowledgeLevelSchema,
});
export type KnowledgeConcept = z.infer<typeof KnowledgeConceptSchema>;

/** Interview content for one taxonomy technology (`knowledge/technologies/<id>.json`). */
export const TechnologyContentSchema = z.strictObject({
  /** The taxonomy id this content is about. */
  technology: idSchema,
  questions: z.array(KnowledgeQuestionSchema).min(8),
  concepts: z.array(KnowledgeConceptSchema).min(5),
});
export type TechnologyContent = z.infer<typeof TechnologyContentSchema>;

/** A cross-cutting topic: caching, idempotency, OWASP risks ... (`knowledge/topics/<id>.json`). */
export const TopicSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(3).max(120),
  summary: sentence,
  /** Taxonomy ids this topic is most asked with. */
  technologies: z.array(idSchema).default([]),
  questions: z.array(KnowledgeQuestionSchema).min(5),
  concepts: z.array(KnowledgeConceptSchema).min(3),
});
export type Topic = z.infer<typeof TopicSchema>;

/** A system-design exercise (`knowledge/scenarios/<id>.json`). */
export const ScenarioSchema = z.strictObject({
  id: idSchema,
  title: z.string().min(5).max(160),
  prompt: sentence,
  /** Domain ids of knowledge/domains.json where this scenario fits. */
  domains: z.array(idSchema).min(1),
  level: KnowledgeLevelSchema,
  requirementsToClarify: z.array(sentence).min(3),
  coreComponents: z.array(sentence).min(3),
  tradeOffs: z.array(sentence).min(3),
  followUps: z.array(sentence).min(3),
  redFlags: z.array(sentence).min(2),
});
export type Scenario = z.infer<typeof ScenarioSchema>;

/** A behavioral competency with its questions (`knowledge/behavioral/<id>.json`). */
export const CompetencySchema = z.strictObject({
  id: idSchema,
  name: z.string().min(3).max(120),
  summary: sentence,
  questions: z
    .array(
      z.strictObject({
        id: idSchema,
        text: z.string().min(15).max(400),
        level: KnowledgeLevelSchema,
      }),
    )
    .min(5),
  /** What interviewers listen for in the answers. */
  listenFor: z.array(sentence).min(3),
  /** Culture cue ids (knowledge/culture-cues.json) that make this competency likely to be probed. */
  cultureCues: z.array(idSchema).default([]),
});
export type Competency = z.infer<typeof CompetencySchema>;

export const askCategories = [
  'team-and-roadmap',
  'technical-practices',
  'onboarding-and-growth',
  'culture-and-remote',
  'impact-and-metrics',
  'logistics',
] as const;

/** A question for the candidate to ask the interviewer. */
export const QuestionToAskSchema = z.strictObject({
  id: idSchema,
  text: z.string().min(15).max(300),
  category: z.enum(askCategories),
  /** Rounds where it fits best. */
  stages: z.array(StageKindSchema).min(1),
  levels: z.array(KnowledgeLevelSchema).min(1),
  /** What the answer tells the candidate. */
  whyAsk: sentence,
});
export type QuestionToAsk = z.infer<typeof QuestionToAskSchema>;

/** How to approach one kind of interview round. */
export const StagePlaybookSchema = z.strictObject({
  stage: StageKindSchema,
  goal: sentence,
  whoInterviews: sentence,
  checklist: z.array(sentence).min(4),
  prepare: z.array(sentence).min(3),
  pitfalls: z.array(sentence).min(3),
});
export type StagePlaybook = z.infer<typeof StagePlaybookSchema>;

/** Ice breakers, red flags about a team and strategies for situations (`knowledge/advice.json`). */
export const AdviceSchema = z.strictObject({
  iceBreakers: z.array(z.strictObject({ id: idSchema, prompt: sentence, tip: sentence })).min(5),
  redFlags: z
    .array(z.strictObject({ id: idSchema, flag: sentence, questionThatTestsIt: sentence }))
    .min(20),
  strategies: z
    .array(
      z.strictObject({
        id: idSchema,
        situation: z.string().min(5).max(160),
        advice: z.array(sentence).min(3),
        sayItLikeThis: sentence,
      }),
    )
    .min(9),
});
export type Advice = z.infer<typeof AdviceSchema>;

export const QuestionsToAskFileSchema = z.strictObject({
  questions: z.array(QuestionToAskSchema).min(1),
});
export const PlaybooksFileSchema = z.strictObject({
  playbooks: z.array(StagePlaybookSchema).min(1),
});
