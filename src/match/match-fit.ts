import type {
  CandidateProfile,
  Evidence,
  FitGap,
  FitMatch,
  FitReport,
  JobProfile,
  Requirement,
  ScoreComponent,
  TechnologyReference,
} from '../domain/index.js';
import type { Taxonomy, Technology, TechnologyTrait } from '../knowledge/index.js';

// Traits too broad to make one technology stand in for another.
const weakTraits = new Set<TechnologyTrait>([
  'static-typing',
  'dynamic-typing',
  'delivery-practice',
  'reliability-practice',
  'architecture-style',
  'application-security',
  'sql',
  'functional',
]);

// Practices share traits such as "delivery practice", but knowing code review
// says nothing about feature flags: no transfer by trait among them.
const noTraitTransfer = new Set(['architecture-practice', 'security']);

// Categories whose absence weighs most: a language or core framework is
// months of learning; a CI service is days.
const coreCategories = new Set(['language', 'framework', 'database', 'frontend', 'mobile']);

const points = { required: 60, niceToHave: 15, experience: 25 } as const;

/**
 * Matches a candidate to a job: each required and nice-to-have technology
 * with its resume evidence, direct or transferable (through the taxonomy's
 * implications, relations and shared traits), the gaps with their severity,
 * the level gap in years, and a 0–100 score with every point explained.
 *
 * @example
 * const fit = matchFit(job, candidate, taxonomy);
 * fit.breakdown.map((part) => `${part.label}: ${part.points}/${part.maxPoints}`);
 */
export function matchFit(
  job: JobProfile,
  candidate: CandidateProfile,
  taxonomy: Taxonomy,
): FitReport {
  const matches: FitMatch[] = [];
  const gaps: FitGap[] = [];
  const toRequirement = (
    reference: TechnologyReference,
    importance: Requirement['importance'],
  ): Requirement => ({
    id: reference.id,
    name: reference.name,
    category: taxonomy.byId.get(reference.id)?.category ?? 'unknown',
    importance,
    lines: reference.lines,
  });
  const requirements = [
    ...job.technologies.required.map((reference) => toRequirement(reference, 'required')),
    ...job.technologies.niceToHave.map((reference) => toRequirement(reference, 'nice-to-have')),
  ];
  const credit = new Map<string, number>();
  for (const requirement of requirements) {
    const direct = findDirectEvidence(requirement, candidate, taxonomy);
    if (direct.length > 0) {
      matches.push({ requirement, kind: 'direct', evidence: direct });
      credit.set(requirement.id, 1);
      continue;
    }
    const transferable = findTransferableEvidence(requirement, candidate, taxonomy);
    if (transferable.length > 0) {
      matches.push({ requirement, kind: 'transferable', evidence: transferable });
      credit.set(requirement.id, 0.5);
    }
    gaps.push(describeGap(requirement, transferable));
  }
  gaps.sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  // What a hiring manager reads first: required before nice-to-have, then
  // languages, frameworks and databases before tools and practices. The sort
  // is stable, so the posting's order stays within each group.
  const weightOf = (requirement: Requirement) =>
    (requirement.importance === 'required' ? 0 : 2) +
    (coreCategories.has(requirement.category) ? 0 : 1);
  matches.sort((a, b) => weightOf(a.requirement) - weightOf(b.requirement));

  const levelGap = compareYears(job, candidate);
  const breakdown = [
    scoreTechnologies(
      'Required technologies',
      requirements.filter((r) => r.importance === 'required'),
      credit,
      points.required,
    ),
    scoreTechnologies(
      'Nice-to-have technologies',
      requirements.filter((r) => r.importance === 'nice-to-have'),
      credit,
      points.niceToHave,
    ),
    scoreExperience(levelGap, candidate),
  ];
  const score = Math.round(breakdown.reduce((sum, part) => sum + part.points, 0));
  return { score: Math.min(100, Math.max(0, score)), breakdown, matches, gaps, levelGap };
}

function findDirectEvidence(
  requirement: Requirement,
  candidate: CandidateProfile,
  taxonomy: Taxonomy,
): Evidence[] {
  const evidence: Evidence[] = [];
  for (const technology of candidate.technologies) {
    if (technology.id === requirement.id) {
      evidence.push({
        id: technology.id,
        name: technology.name,
        lines: technology.lines,
        reason: 'named on the resume',
      });
      continue;
    }
    if (listImplied(technology.id, taxonomy).has(requirement.id)) {
      evidence.push({
        id: technology.id,
        name: technology.name,
        lines: technology.lines,
        reason: `${technology.name} implies ${requirement.name}`,
      });
    }
  }
  return evidence;
}

function findTransferableEvidence(
  requirement: Requirement,
  candidate: CandidateProfile,
  taxonomy: Taxonomy,
): Evidence[] {
  const wanted = taxonomy.byId.get(requirement.id);
  if (!wanted) return [];
  const evidence: Evidence[] = [];
  for (const technology of candidate.technologies) {
    const known = taxonomy.byId.get(technology.id);
    if (!known) continue;
    if (wanted.related.includes(known.id) || known.related.includes(wanted.id)) {
      evidence.push({
        id: known.id,
        name: known.name,
        lines: technology.lines,
        reason: `${known.name} is closely related to ${wanted.name}`,
      });
      continue;
    }
    const shared = sharedTraits(wanted, known);
    if (
      shared.length > 0 &&
      known.category === wanted.category &&
      !noTraitTransfer.has(wanted.category)
    ) {
      evidence.push({
        id: known.id,
        name: known.name,
        lines: technology.lines,
        reason: `${known.name} and ${wanted.name} are both ${shared.map(describeTrait).join(', ')}`,
      });
    }
  }
  return evidence.slice(0, 4);
}

function sharedTraits(a: Technology, b: Technology): TechnologyTrait[] {
  return a.traits.filter((trait) => !weakTraits.has(trait) && b.traits.includes(trait));
}

function describeTrait(trait: TechnologyTrait): string {
  const names: Partial<Record<TechnologyTrait, string>> = {
    relational: 'relational databases',
    'backend-language': 'backend languages',
    'web-framework': 'web frameworks',
    'message-broker': 'message brokers',
    'event-streaming': 'event-streaming platforms',
    'document-store': 'document stores',
    'key-value': 'key-value stores',
    'container-orchestration': 'container orchestrators',
    'infrastructure-as-code': 'infrastructure-as-code tools',
    'ci-service': 'CI services',
    'frontend-framework': 'frontend frameworks',
    'unit-testing': 'unit-testing tools',
  };
  return names[trait] ?? trait.replace(/-/g, ' ');
}

const impliedCache = new WeakMap<Taxonomy, Map<string, Set<string>>>();

/** Every id a technology implies, transitively (Spring Boot → Spring → Java). */
function listImplied(id: string, taxonomy: Taxonomy): Set<string> {
  let cache = impliedCache.get(taxonomy);
  if (!cache) {
    cache = new Map();
    impliedCache.set(taxonomy, cache);
  }
  const cached = cache.get(id);
  if (cached) return cached;
  const result = new Set<string>();
  const queue = [...(taxonomy.byId.get(id)?.implies ?? [])];
  while (queue.length > 0) {
    const next = queue.shift() as string;
    if (result.has(next) || next === id) continue;
    result.add(next);
    queue.push(...(taxonomy.byId.get(next)?.implies ?? []));
  }
  cache.set(id, result);
  return result;
}

function describeGap(requirement: Requirement, offsetBy: Evidence[]): FitGap {
  const core = coreCategories.has(requirement.category);
  const kind =
    requirement.category === 'language'
      ? 'language'
      : core
        ? `core ${requirement.category}`
        : requirement.category;
  if (requirement.importance === 'nice-to-have') {
    return {
      requirement,
      severity: 'low',
      reason: `${requirement.name} is a nice-to-have`,
      offsetBy,
    };
  }
  if (core) {
    return offsetBy.length > 0
      ? {
          requirement,
          severity: 'medium',
          reason: `a required ${kind}, offset by ${offsetBy.map((e) => e.name).join(', ')}`,
          offsetBy,
        }
      : {
          requirement,
          severity: 'high',
          reason: `a required ${kind} with nothing close on the resume`,
          offsetBy,
        };
  }
  return offsetBy.length > 0
    ? {
        requirement,
        severity: 'low',
        reason: `required, offset by ${offsetBy.map((e) => e.name).join(', ')}`,
        offsetBy,
      }
    : {
        requirement,
        severity: 'medium',
        reason: `a required ${describeCategory(requirement.category)} not on the resume`,
        offsetBy,
      };
}

function describeCategory(category: string): string {
  const names: Record<string, string> = {
    'architecture-practice': 'practice',
    'protocol-api': 'protocol or API style',
    'cloud-service': 'cloud service',
    'queue-streaming': 'queue or streaming platform',
    'ci-cd': 'CI/CD tool',
    infrastructure: 'infrastructure tool',
    observability: 'observability tool',
    testing: 'testing tool',
    security: 'security practice or tool',
    'data-ml': 'data or ML tool',
    cache: 'cache',
  };
  return names[category] ?? category;
}

function severityRank(severity: FitGap['severity']): number {
  return severity === 'high' ? 0 : severity === 'medium' ? 1 : 2;
}

function compareYears(job: JobProfile, candidate: CandidateProfile): FitReport['levelGap'] {
  const required = job.yearsRequired.value;
  if (required === null) return null;
  const years = candidate.yearsOfExperience.value;
  const shortfall = years === null ? required : Math.round((required - years) * 10) / 10;
  const severity =
    shortfall <= 0
      ? 'none'
      : shortfall >= 3 || (years ?? 0) < required / 2
        ? 'high'
        : shortfall >= 1
          ? 'medium'
          : 'low';
  const summary =
    years === null
      ? `the posting asks for ${required}+ years; the resume's dates could not be read`
      : shortfall <= 0
        ? `${years} years against ${required}+ asked: the experience bar is met`
        : `${years} years against ${required}+ asked: ${shortfall} short`;
  return {
    candidateYears: years,
    requiredYears: required,
    shortfall,
    severity,
    summary,
    postingLines: job.yearsRequired.lines,
    resumeLines: candidate.yearsOfExperience.lines,
  };
}

function scoreTechnologies(
  label: string,
  requirements: Requirement[],
  credit: ReadonlyMap<string, number>,
  maxPoints: number,
): ScoreComponent {
  if (requirements.length === 0) {
    return {
      label,
      points: maxPoints,
      maxPoints,
      explanation: 'the posting names none, so nothing is missing',
    };
  }
  const weight = (requirement: Requirement) => (coreCategories.has(requirement.category) ? 2 : 1);
  const total = requirements.reduce((sum, requirement) => sum + weight(requirement), 0);
  const earned = requirements.reduce(
    (sum, requirement) => sum + weight(requirement) * (credit.get(requirement.id) ?? 0),
    0,
  );
  const direct = requirements.filter((requirement) => credit.get(requirement.id) === 1).length;
  const transferable = requirements.filter(
    (requirement) => credit.get(requirement.id) === 0.5,
  ).length;
  return {
    label,
    points: Math.round((earned / total) * maxPoints * 10) / 10,
    maxPoints,
    explanation:
      `${direct} of ${requirements.length} shown directly, ${transferable} through a transferable skill ` +
      '(languages, frameworks and databases count double; a transferable match earns half)',
  };
}

function scoreExperience(
  levelGap: FitReport['levelGap'],
  candidate: CandidateProfile,
): ScoreComponent {
  const label = 'Years of experience';
  const maxPoints = points.experience;
  if (!levelGap) {
    const years = candidate.yearsOfExperience.value;
    return {
      label,
      points: maxPoints,
      maxPoints,
      explanation: `the posting asks for no number of years${years === null ? '' : `; the resume shows ${years}`}`,
    };
  }
  const ratio =
    levelGap.candidateYears === null
      ? 0
      : Math.min(1, levelGap.candidateYears / levelGap.requiredYears);
  return {
    label,
    points: Math.round(ratio * maxPoints * 10) / 10,
    maxPoints,
    explanation: levelGap.summary,
  };
}
