import type {
  CandidateProfile,
  CompanyProfile,
  FitReport,
  JobProfile,
  Source,
} from '../domain/index.js';
import {
  type ExtractContext,
  extractCandidateProfile,
  extractCompanyProfile,
  extractJobProfile,
} from '../extract/index.js';
import { matchFit } from './match-fit.js';

/** What prepkit understands of an application's inputs. */
export interface Analysis {
  job: JobProfile;
  candidate?: CandidateProfile;
  company?: CompanyProfile;
  fit?: FitReport;
}

/**
 * Extracts the job profile, and with a resume the candidate profile and the
 * fit report, and with notes the company profile.
 *
 * @example
 * const analysis = analyzeApplication({ job: postingSource, resume: resumeSource }, createExtractContext());
 * analysis.fit?.score; // 0–100
 */
export function analyzeApplication(
  inputs: { job: Source; resume?: Source | undefined; company?: Source | undefined },
  context: ExtractContext,
  options: { today?: Date } = {},
): Analysis {
  const job = extractJobProfile(inputs.job, context);
  const analysis: Analysis = { job };
  if (inputs.resume) {
    analysis.candidate = extractCandidateProfile(inputs.resume, context, options);
    analysis.fit = matchFit(job, analysis.candidate, context.taxonomy);
  }
  if (inputs.company) analysis.company = extractCompanyProfile(inputs.company, context);
  return analysis;
}
