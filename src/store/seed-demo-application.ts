import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  ApplicationStatusSchema,
  maxTextLength,
  NewApplicationSchema,
  parseWith,
  StageKindSchema,
  StageStatusSchema,
} from '../domain/index.js';
import { findPackageRoot } from '../support/index.js';
import type { Database } from './open-database.js';
import { applications, settings, stages } from './schema.js';

const DemoManifestSchema = z.object({
  company: z.string().min(1),
  roleTitle: z.string().min(1),
  status: ApplicationStatusSchema,
  postingFile: z.string().min(1),
  resumeFile: z.string().min(1),
  companyNotesFile: z.string().min(1),
  stages: z.array(
    z.object({
      kind: StageKindSchema,
      /** Days from the first start; the round is then at `atHourUtc` that day. */
      inDays: z.number().int().optional(),
      atHourUtc: z.number().int().min(0).max(23).default(10),
      interviewer: z.string().default(''),
      status: StageStatusSchema,
    }),
  ),
});

const demoSeededKey = 'demo-seeded';

/** The folder holding the demo application's files. */
export function demoFixturesFolder(): string {
  return join(findPackageRoot(), 'fixtures', 'demo');
}

/**
 * Creates the demo application once per database, the first time prepkit
 * starts, so a newcomer sees real content at once. A user who deletes it does
 * not get it back: the settings table remembers that the demo was created.
 *
 * @returns the demo application's id, or null when the database was already set up
 */
export async function seedDemoApplication(
  db: Database,
  options: { folder?: string; now?: Date } = {},
): Promise<string | null> {
  const folder = options.folder ?? demoFixturesFolder();
  const now = options.now ?? new Date();
  const manifestText = await readFile(join(folder, 'demo.json'), 'utf8');
  const manifest = parseWith(
    DemoManifestSchema,
    JSON.parse(manifestText) as unknown,
    'demo manifest',
    'INTERNAL',
  );
  const readText = async (file: string) => {
    const text = await readFile(join(folder, file), 'utf8');
    return text.slice(0, maxTextLength);
  };
  const input = parseWith(
    NewApplicationSchema,
    {
      company: manifest.company,
      roleTitle: manifest.roleTitle,
      status: manifest.status,
      postingText: await readText(manifest.postingFile),
      postingSource: manifest.postingFile,
      resumeText: await readText(manifest.resumeFile),
      companyNotes: await readText(manifest.companyNotesFile),
    },
    'demo application',
    'INTERNAL',
  );

  return db.transaction(async (tx) => {
    // Only one process wins this insert, so two servers starting together on
    // an empty database create one demo, not two.
    const claimed = await tx
      .insert(settings)
      .values({ key: demoSeededKey, value: { at: now.toISOString() } })
      .onConflictDoNothing()
      .returning({ key: settings.key });
    if (claimed.length === 0) return null;
    const existing = await tx.$count(applications);
    if (existing > 0) return null;

    const [application] = await tx
      .insert(applications)
      .values({ ...input, createdAt: now, updatedAt: now })
      .returning({ id: applications.id });
    if (!application) return null;
    const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    for (const [index, stage] of manifest.stages.entries()) {
      const scheduledAt =
        stage.inDays === undefined
          ? null
          : new Date(midnight + stage.inDays * 86_400_000 + stage.atHourUtc * 3_600_000);
      // Distinct creation times keep the order of unscheduled stages stable.
      const createdAt = new Date(now.getTime() + index);
      await tx.insert(stages).values({
        applicationId: application.id,
        kind: stage.kind,
        interviewer: stage.interviewer,
        status: stage.status,
        scheduledAt,
        createdAt,
        updatedAt: createdAt,
      });
    }
    await tx
      .update(settings)
      .set({ value: { at: now.toISOString(), applicationId: application.id } })
      .where(eq(settings.key, demoSeededKey));
    return application.id;
  });
}
