import { composeCompanyBrief } from '../compose/index.js';
import { PrepkitError } from '../domain/index.js';
import {
  createExtractContext,
  extractCompanyProfile,
  extractJobProfile,
} from '../extract/index.js';
import { loadKnowledgeBase } from '../knowledge/index.js';
import { type DocumentFormat, emitDocument } from './emit-document.js';
import { exitCodes } from './exit-codes.js';
import { readLocation } from './read-location.js';
import type { CliIo } from './run-cli.js';

/** The flags of `prepkit brief`. */
export interface BriefFlags {
  company?: string | undefined;
  job?: string | undefined;
  format: DocumentFormat;
  cite: boolean;
  out?: string | undefined;
  allowPrivateUrls: boolean;
}

/** `prepkit brief`: the company brief from company notes and/or the posting. */
export async function runBrief(flags: BriefFlags, io: CliIo): Promise<number> {
  if (!flags.company && !flags.job) {
    throw new PrepkitError(
      'INVALID_INPUT',
      'brief needs --company <file> (your notes), --job <file|url>, or both',
    );
  }
  const [notes, posting] = await Promise.all([
    flags.company ? readLocation(flags.company, flags.allowPrivateUrls) : undefined,
    flags.job ? readLocation(flags.job, flags.allowPrivateUrls) : undefined,
  ]);
  const knowledge = loadKnowledgeBase({ extraFolders: [io.env.PREPKIT_KNOWLEDGE] }).knowledge;
  const context = createExtractContext(knowledge);
  const brief = composeCompanyBrief({
    job: posting ? extractJobProfile(posting, context) : undefined,
    company: notes ? extractCompanyProfile(notes, context) : undefined,
    knowledge,
  });
  await emitDocument(brief, { format: flags.format, cite: flags.cite, out: flags.out }, io);
  return exitCodes.ok;
}
