import { writeFile } from 'node:fs/promises';
import { composePrepPack } from '../compose/index.js';
import { PrepkitError } from '../domain/index.js';
import { createExtractContext } from '../extract/index.js';
import { loadKnowledgeBase } from '../knowledge/index.js';
import { analyzeApplication } from '../match/index.js';
import { renderMarkdown } from '../render/index.js';
import { exitCodes } from './exit-codes.js';
import { readLocation } from './read-location.js';
import type { CliIo } from './run-cli.js';

/** The flags of `prepkit pack`. */
export interface PackFlags {
  job: string;
  resume: string;
  company?: string | undefined;
  interviewDate?: string | undefined;
  format: 'md' | 'json';
  cite: boolean;
  out?: string | undefined;
  allowPrivateUrls: boolean;
}

/**
 * `prepkit pack`: reads the posting, resume and optional company notes and
 * writes the prep pack, Markdown to stdout by default.
 */
export async function runPack(flags: PackFlags, io: CliIo, today = new Date()): Promise<number> {
  if (flags.interviewDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(flags.interviewDate)) {
    throw new PrepkitError(
      'INVALID_INPUT',
      `--interview-date must be YYYY-MM-DD, not ${JSON.stringify(flags.interviewDate)}`,
    );
  }
  if (
    flags.interviewDate !== undefined &&
    Number.isNaN(Date.parse(`${flags.interviewDate}T00:00:00Z`))
  ) {
    throw new PrepkitError(
      'INVALID_INPUT',
      `--interview-date ${flags.interviewDate} is not a calendar date`,
    );
  }
  const read = (location: string) => readLocation(location, flags.allowPrivateUrls);
  const [job, resume, company] = await Promise.all([
    read(flags.job),
    read(flags.resume),
    flags.company ? read(flags.company) : undefined,
  ]);
  const context = createExtractContext();
  const analysis = analyzeApplication({ job, resume, company }, context, { today });
  if (!analysis.candidate || !analysis.fit)
    throw new PrepkitError('INTERNAL', 'The resume was not analysed');
  const { knowledge } = loadKnowledgeBase({ extraFolders: [io.env.PREPKIT_KNOWLEDGE] });
  const pack = composePrepPack({
    job: analysis.job,
    candidate: analysis.candidate,
    fit: analysis.fit,
    company: analysis.company,
    knowledge,
    interviewDate: flags.interviewDate,
    today,
  });
  const output =
    flags.format === 'json'
      ? `${JSON.stringify(pack, null, 2)}\n`
      : renderMarkdown(pack, { cite: flags.cite });
  if (flags.out) {
    await writeFile(flags.out, output);
    io.stderr(`prepkit: prep pack written to ${flags.out}`);
  } else {
    io.stdout(output.trimEnd());
  }
  return exitCodes.ok;
}
