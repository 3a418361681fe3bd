import { createExtractContext } from '../extract/index.js';
import { analyzeApplication } from '../match/index.js';
import { renderAnalysisJson, renderAnalysisSummary } from '../render/index.js';
import { exitCodes } from './exit-codes.js';
import { readLocation } from './read-location.js';
import type { CliIo } from './run-cli.js';

/** The flags of `prepkit analyze`. */
export interface AnalyzeFlags {
  job: string;
  resume?: string | undefined;
  company?: string | undefined;
  json: boolean;
  allowPrivateUrls: boolean;
}

/**
 * `prepkit analyze`: reads the posting (file or URL), and optionally a resume
 * and company notes, and prints the job profile, candidate profile and fit
 * report — readable, or as one JSON object with `--json`.
 */
export async function runAnalyze(flags: AnalyzeFlags, io: CliIo): Promise<number> {
  const read = (location: string) => readLocation(location, flags.allowPrivateUrls);
  const [job, resume, company] = await Promise.all([
    read(flags.job),
    flags.resume ? read(flags.resume) : undefined,
    flags.company ? read(flags.company) : undefined,
  ]);
  const analysis = analyzeApplication({ job, resume, company }, createExtractContext());
  if (flags.json) io.stdout(JSON.stringify(renderAnalysisJson(analysis), null, 2));
  else io.stdout(renderAnalysisSummary(analysis).trimEnd());
  return exitCodes.ok;
}
