import { sql } from 'drizzle-orm';
import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

// Statuses and kinds are text, validated by the zod schemas in src/domain when
// rows come back, so adding a kind needs no enum migration.

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
};

export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    company: text('company').notNull(),
    roleTitle: text('role_title').notNull(),
    postingText: text('posting_text').notNull(),
    postingSource: text('posting_source').notNull().default('pasted'),
    resumeText: text('resume_text').notNull().default(''),
    companyNotes: text('company_notes').notNull().default(''),
    status: text('status').notNull().default('saved'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [index('applications_updated_at_idx').on(table.updatedAt)],
);

export const stages = pgTable(
  'stages',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true, mode: 'date' }),
    interviewer: text('interviewer').notNull().default(''),
    status: text('status').notNull().default('planned'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [index('stages_application_id_idx').on(table.applicationId)],
);

export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    stageId: uuid('stage_id').references(() => stages.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    content: jsonb('content').notNull(),
    markdown: text('markdown').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  // The unique key is what makes saves safe: two saves from the same base
  // version both try to insert base + 1, and the database lets only one win.
  (table) => [
    unique('documents_version_key')
      .on(table.applicationId, table.kind, table.stageId, table.version)
      .nullsNotDistinct(),
  ],
);

/**
 * Mock interviews. The persona's Markdown is kept as it was at the start, so a
 * resumed interview asks the same questions even if the persona file changed.
 * An interview may stand alone, without an application.
 */
export const interviews = pgTable(
  'interviews',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    applicationId: uuid('application_id').references(() => applications.id, {
      onDelete: 'cascade',
    }),
    personaId: text('persona_id').notNull(),
    personaTitle: text('persona_title').notNull(),
    personaMarkdown: text('persona_markdown').notNull(),
    subject: jsonb('subject').notNull().default({}),
    clock: text('clock').notNull(),
    status: text('status').notNull().default('active'),
    evaluation: jsonb('evaluation'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [index('interviews_application_id_idx').on(table.applicationId)],
);

/** The turns of a mock interview, in the order they were spoken. */
export const interviewTurns = pgTable(
  'interview_turns',
  {
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    turn: integer('turn').notNull(),
    speaker: text('speaker').notNull(),
    phase: text('phase').notNull(),
    act: text('act'),
    text: text('text').notNull(),
    startedAtSeconds: doublePrecision('started_at_seconds').notNull(),
    durationSeconds: doublePrecision('duration_seconds').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  // The key is what makes appends safe: two appends from the same version
  // both try to insert the same turn numbers, and the database lets only one win.
  (table) => [
    primaryKey({ name: 'interview_turns_pkey', columns: [table.interviewId, table.turn] }),
  ],
);

/** Small facts about the installation itself, such as whether the demo was created. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
