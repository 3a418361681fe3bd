import type {
  CandidateProfile,
  CompanyProfile,
  FitReport,
  JobProfile,
  Level,
} from '../domain/index.js';
import { PrepkitError } from '../domain/index.js';
import type { KnowledgeBase } from '../knowledge/index.js';
import type { Analysis } from '../match/index.js';

/** What a prep pack is composed from: the understood inputs and the knowledge base. */
export interface PrepPackInput {
  job: JobProfile;
  candidate: CandidateProfile;
  fit: FitReport;
  company?: CompanyProfile | undefined;
  knowledge: KnowledgeBase;
  /** The interview date (YYYY-MM-DD), when known: the plan is fitted to it. */
  interviewDate?: string | undefined;
  /** Today, for the plan; fixed in tests so the output is deterministic. */
  today: Date;
}

/** The knowledge base's three levels, from a posting's level. */
export function mapKnowledgeLevel(level: Level): 'junior' | 'mid' | 'senior' {
  if (level === 'intern' || level === 'junior') return 'junior';
  if (level === 'mid') return 'mid';
  return 'senior';
}

/** The prep-pack input from an analysis that had a resume. */
export function createPrepPackInput(
  analysis: Analysis,
  knowledge: KnowledgeBase,
  options: { today: Date; interviewDate?: string | undefined },
): PrepPackInput {
  if (!analysis.candidate || !analysis.fit) {
    throw new PrepkitError('INVALID_INPUT', 'A prep pack needs a resume: add one and try again');
  }
  return {
    job: analysis.job,
    candidate: analysis.candidate,
    fit: analysis.fit,
    company: analysis.company,
    knowledge,
    interviewDate: options.interviewDate,
    today: options.today,
  };
}
