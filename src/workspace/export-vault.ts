import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { nameStageNotes } from '../compose/index.js';
import { stageKindLabels } from '../domain/index.js';
import { parsePersona } from '../interview/index.js';
import { renderInterviewMarkdown } from '../render/index.js';
import { type GenerateContext, generateDocument } from './generate-documents.js';

/**
 * Writes one note per ended mock interview (transcript and report), named
 * `mock-interview-<date>-<persona>.md`, and returns their names and labels.
 */
async function writeInterviewReports(
  context: GenerateContext,
  applicationId: string,
  write: (name: string, markdown: string) => Promise<void>,
): Promise<Array<{ name: string; label: string }>> {
  const written: Array<{ name: string; label: string }> = [];
  const summaries = await context.store.interviews.list({ applicationId });
  for (const summary of [...summaries].reverse()) {
    if (summary.status !== 'ended') continue;
    const interview = await context.store.interviews.get(summary.id);
    if (!interview.evaluation) continue;
    const turns = await context.store.interviews.listTurns(summary.id);
    const persona = parsePersona(interview.personaMarkdown, interview.personaId);
    const date = interview.createdAt.slice(0, 10);
    const base = `mock-interview-${date}-${interview.personaId}`;
    const taken = written.filter((item) => item.name.startsWith(base)).length;
    const name = taken === 0 ? base : `${base}-${taken + 1}`;
    await write(
      name,
      renderInterviewMarkdown({
        personaTitle: interview.personaTitle,
        phaseTitles: new Map(persona.phases.map((phase) => [phase.id, phase.title])),
        turns,
        evaluation: interview.evaluation,
        date: interview.createdAt.slice(0, 16).replace('T', ' '),
      }),
    );
    written.push({ name, label: `${interview.personaTitle}, ${date}` });
  }
  return written;
}

/**
 * Writes an application as a folder of Markdown files that open well in
 * Obsidian: the prep pack, the company brief, one note per round named like
 * `2-hiring-manager.md` (their [[links]] resolve to these names), the fit
 * report when there is one, a note per ended mock interview, and an index. Documents never generated are
 * generated first; existing ones are exported as the user last saved them.
 *
 * @returns the folder written
 */
export async function exportVault(
  context: GenerateContext,
  applicationId: string,
  vault: string,
): Promise<string> {
  const { store } = context;
  const application = await store.applications.get(applicationId);
  const folder = join(
    vault,
    `${application.company} - ${application.roleTitle}`.replace(/[\\/:*?"<>|#^[\]]+/g, '-').trim(),
  );
  await mkdir(folder, { recursive: true });
  const latestOrGenerate = async (
    kind: 'prep-pack' | 'company-brief' | 'stage-notes',
    stageId?: string,
  ) =>
    store.documents
      .latest({ applicationId, kind, stageId: stageId ?? null })
      .catch(() => generateDocument(context, applicationId, kind, stageId));

  const files: string[] = [];
  const write = async (name: string, markdown: string) => {
    await writeFile(join(folder, `${name}.md`), markdown);
    files.push(name);
  };
  await write('prep-pack', (await latestOrGenerate('prep-pack')).markdown);
  await write('company-brief', (await latestOrGenerate('company-brief')).markdown);
  const stages = await store.stages.list(applicationId);
  for (const [index, stage] of stages.entries()) {
    // Generated in order, so each round's notes can read the rounds before it.
    await write(
      nameStageNotes(index + 1, stage.kind),
      (await latestOrGenerate('stage-notes', stage.id)).markdown,
    );
  }
  const fit = await store.documents
    .latest({ applicationId, kind: 'fit-report' })
    .catch(() => undefined);
  if (fit) await write('fit-report', fit.markdown);
  const interviews = await writeInterviewReports(context, applicationId, write);
  const index = [
    `# ${application.company} — ${application.roleTitle}`,
    '',
    `Status: ${application.status}`,
    '',
    '- [[prep-pack|Prep pack]]',
    '- [[company-brief|Company brief]]',
    ...(fit ? ['- [[fit-report|Fit report]]'] : []),
    '',
    '## Rounds',
    '',
    ...stages.map(
      (stage, position) =>
        `- [[${nameStageNotes(position + 1, stage.kind)}|${stageKindLabels[stage.kind]}]]${stage.scheduledAt ? ` — ${stage.scheduledAt}` : ''}`,
    ),
    '',
    ...(interviews.length > 0
      ? [
          '## Mock interviews',
          '',
          ...interviews.map((item) => `- [[${item.name}|${item.label}]]`),
          '',
        ]
      : []),
  ].join('\n');
  await write('index', index);
  return folder;
}
