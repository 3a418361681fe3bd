import { writeFile } from 'node:fs/promises';
import {
  composeFlashcards,
  composePrepPack,
  composeStageNotes,
  composeStudyPlan,
  createPrepPackInput,
  type PrepPackInput,
} from '../compose/index.js';
import { PrepkitError, type StageKind, StageKindSchema } from '../domain/index.js';
import { createExtractContext } from '../extract/index.js';
import { loadKnowledgeBase } from '../knowledge/index.js';
import { analyzeApplication } from '../match/index.js';
import { renderFlashcardsCsv, renderIcs, renderMarkdown } from '../render/index.js';
import { emitDocument, readDocumentFormat } from './emit-document.js';
import { exitCodes } from './exit-codes.js';
import { readLocation } from './read-location.js';
import type { CliIo } from './run-cli.js';

/** The flags shared by `prepkit pack`, `plan` and `cards`. */
export interface PackFlags {
  job: string;
  resume: string;
  company?: string | undefined;
  interviewDate?: string | undefined;
  format: string;
  cite: boolean;
  out?: string | undefined;
  allowPrivateUrls: boolean;
}

/** Which document a command writes, and the formats it accepts (the first is the default). */
const outputs = {
  pack: ['md', 'docx', 'json'],
  plan: ['md', 'ics', 'json'],
  cards: ['csv', 'json'],
} as const;
export type PackOutput = keyof typeof outputs;

/**
 * `prepkit pack | plan | cards`: reads the posting, resume and optional notes
 * and writes the prep pack (Markdown), the plan (Markdown or an .ics
 * calendar) or the flashcards (CSV for Anki); stdout unless `--out`.
 */
export async function runPack(
  output: PackOutput,
  flags: PackFlags,
  io: CliIo,
  today = new Date(),
): Promise<number> {
  const format = flags.format || outputs[output][0];
  if (!(outputs[output] as readonly string[]).includes(format)) {
    throw new PrepkitError(
      'INVALID_INPUT',
      `--format for ${output} must be one of ${outputs[output].join(', ')}, not ${JSON.stringify(format)}`,
    );
  }
  const input = await readPackInput(flags, io, today);
  let text: string;
  if (output === 'cards') {
    const cards = composeFlashcards(input);
    text = format === 'json' ? `${JSON.stringify(cards, null, 2)}\n` : renderFlashcardsCsv(cards);
  } else if (output === 'plan') {
    const plan = composeStudyPlan(input);
    const name = `Interview prep: ${input.job.title.value ?? 'plan'}`;
    if (format === 'ics') text = renderIcs(plan, { name, stamp: today });
    else if (format === 'json') text = `${JSON.stringify(plan, null, 2)}\n`;
    else {
      const section = composePrepPack(input).sections.find(
        (item) => item.id === 'preparation-plan',
      );
      text = renderMarkdown({
        kind: 'study-plan',
        title: name,
        sections: section ? [section] : [],
      });
    }
  } else {
    await emitDocument(
      composePrepPack(input),
      { format: readDocumentFormat(format), cite: flags.cite, out: flags.out },
      io,
    );
    return exitCodes.ok;
  }
  if (flags.out) {
    await writeFile(flags.out, text);
    io.stderr(`prepkit: ${output} written to ${flags.out}`);
  } else {
    io.stdout(text.trimEnd());
  }
  return exitCodes.ok;
}

async function readPackInput(flags: PackFlags, io: CliIo, today: Date): Promise<PrepPackInput> {
  if (flags.interviewDate !== undefined) {
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(flags.interviewDate) ||
      Number.isNaN(Date.parse(`${flags.interviewDate}T00:00:00Z`))
    ) {
      throw new PrepkitError(
        'INVALID_INPUT',
        `--interview-date must be YYYY-MM-DD, not ${JSON.stringify(flags.interviewDate)}`,
      );
    }
  }
  const read = (location: string) => readLocation(location, flags.allowPrivateUrls);
  const [job, resume, company] = await Promise.all([
    read(flags.job),
    read(flags.resume),
    flags.company ? read(flags.company) : undefined,
  ]);
  const knowledge = loadKnowledgeBase({ extraFolders: [io.env.PREPKIT_KNOWLEDGE] }).knowledge;
  const analysis = analyzeApplication({ job, resume, company }, createExtractContext(knowledge), {
    today,
  });
  return createPrepPackInput(analysis, knowledge, { today, interviewDate: flags.interviewDate });
}

/** The flags of `prepkit notes`. */
export interface NotesFlags extends PackFlags {
  stage: string;
  previous: string[];
}

/**
 * `prepkit notes --stage <kind>`: the notes for one interview round; earlier
 * rounds' notes (`--previous`) feed it, their discrepancies becoming
 * questions to clarify.
 */
export async function runNotes(flags: NotesFlags, io: CliIo, today = new Date()): Promise<number> {
  const stage = StageKindSchema.safeParse(flags.stage);
  if (!stage.success) {
    throw new PrepkitError(
      'INVALID_INPUT',
      `--stage must be one of ${StageKindSchema.options.join(', ')}, not ${JSON.stringify(flags.stage)}`,
    );
  }
  const format = readDocumentFormat(flags.format);
  const input = await readPackInput(flags, io, today);
  const previous = await Promise.all(
    flags.previous.map(async (path, index) => ({
      name: path.replace(/^.*\//, '').replace(/\.md$/i, '') || `round-${index + 1}`,
      source: await readLocation(path, false),
    })),
  );
  const notes = composeStageNotes({ ...input, stage: stage.data as StageKind, previous });
  await emitDocument(notes, { format, cite: flags.cite, out: flags.out }, io);
  return exitCodes.ok;
}
