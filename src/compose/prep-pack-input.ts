import type {
  CandidateProfile,
  CompanyProfile,
  FitReport,
  JobProfile,
  Level,
} from '../domain/index.js';
import type { KnowledgeBase } from '../knowledge/index.js';

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
