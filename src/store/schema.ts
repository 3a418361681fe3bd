import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

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

/** Small facts about the installation itself, such as whether the demo was created. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
