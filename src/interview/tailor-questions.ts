import type {
  CandidateProfile,
  CompanyProfile,
  JobProfile,
  Persona,
  PersonaPhase,
} from '../domain/index.js';
import type { KnowledgeBase } from '../knowledge/index.js';
import { listWords, splitSentences } from './analyze-answer.js';
import type { InterviewVocabulary } from './interview-vocabulary.js';

/** What the director knows about the candidate and the job, all optional. */
export interface InterviewSubject {
  candidate?: CandidateProfile | undefined;
  job?: JobProfile | undefined;
  company?: CompanyProfile | undefined;
  knowledge?: KnowledgeBase | undefined;
}

/** A question the director plans to ask, with where it came from. */
export interface PlannedQuestion {
  text: string;
  /** A knowledge-base id or "persona". */
  source: string;
}

// Asking for code, a query or exact syntax: what a persona that forbids it
// must never say.
const codeRequest =
  /\b(?:write|type|dictate|show me)\b[^.?!]{0,30}\b(?:code|function|query|queries|sql|snippet|class|method|regex|script)\b|\bimplement (?:a|an|the)\s+(?:function|class|method|algorithm)\b|\b(?:exact )?syntax\b|\bpseudo-?code\b|\bcode (?:it|this|that) up\b|\bwhiteboard\b/i;

/** True when a line asks the candidate to produce code, a query or syntax. */
export function requestsCode(text: string): boolean {
  return codeRequest.test(text);
}

const placeholder = /\[([^\]]+)\]/g;

const workPatterns: Record<string, string> = {
  remote: 'fully remote work',
  hybrid: 'a hybrid pattern',
  onsite: 'on-site work',
};

/** The candidate's first name, when the resume gives one. */
function firstName(subject: InterviewSubject): string | undefined {
  return subject.candidate?.name.value?.split(/\s+/)[0] || undefined;
}

/** Technologies of a taxonomy category the candidate names, most recent role first. */
function candidateTechnologies(subject: InterviewSubject, categories: readonly string[]) {
  const taxonomy = subject.knowledge?.taxonomy;
  const earliestRole = (roles: readonly number[]) =>
    roles.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...roles);
  return [...(subject.candidate?.technologies ?? [])]
    .sort((a, b) => earliestRole(a.roles) - earliestRole(b.roles))
    .filter((technology) => {
      const category = taxonomy?.byId.get(technology.id)?.category;
      return category !== undefined && categories.includes(category);
    })
    .map((technology) => technology.name);
}

/**
 * Fills a persona line's placeholders from the candidate and the job:
 * [Name], [Your persona], [database], [language], [framework], [company].
 * Returns undefined when a placeholder stays unknown, so the line is skipped
 * rather than asked with a bracket in it.
 */
export function fillPlaceholders(text: string, subject: InterviewSubject): string | undefined {
  let unknown = false;
  const filled = text
    .replace(/,?\s*\[name\]/gi, (match) => {
      const name = firstName(subject);
      return name ? match.replace(/\[name\]/i, name) : '';
    })
    .replace(placeholder, (match, inner: string) => {
      const key = inner.toLowerCase();
      if (key.includes('persona')) return 'your interviewer today';
      if (key.includes('database')) {
        return (
          candidateTechnologies(subject, ['database'])[0] ??
          subject.job?.technologies.required.find(
            (technology) =>
              subject.knowledge?.taxonomy.byId.get(technology.id)?.category === 'database',
          )?.name ??
          'your main database'
        );
      }
      if (key.includes('language')) {
        return candidateTechnologies(subject, ['language'])[0] ?? 'your main language';
      }
      if (key.includes('framework')) {
        return candidateTechnologies(subject, ['framework'])[0] ?? 'the framework you use most';
      }
      if (key.includes('current company') || key.includes('current employer')) {
        return (
          subject.candidate?.roles.find((role) => role.company)?.company ?? 'your current company'
        );
      }
      if (key.includes('company')) return subject.job?.company.value ?? 'our company';
      if (key === 'team') return 'engineering';
      if (key.includes('location') && subject.job?.location.value)
        return subject.job.location.value;
      if (key.includes('work pattern') && subject.job?.remotePolicy.value) {
        return workPatterns[subject.job.remotePolicy.value] ?? match;
      }
      unknown = true;
      return match;
    })
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([,.?!])/g, '$1');
  return unknown ? undefined : filled;
}

/** The phase's questions a persona may ask here: placeholders filled, code requests dropped. */
export function usableQuestions(
  questions: readonly string[],
  persona: Persona,
  subject: InterviewSubject,
): string[] {
  return questions
    .map((question) => fillPlaceholders(question, subject))
    .filter((question): question is string => question !== undefined)
    .filter((question) => !(persona.forbidsCode && requestsCode(question)));
}

/**
 * A question about the candidate's own work: the most recent role's employer
 * and a technology from it (one the job asks for, when there is a job).
 */
export function composeExperienceQuestion(
  subject: InterviewSubject,
  vocabulary: InterviewVocabulary,
): PlannedQuestion | undefined {
  const candidate = subject.candidate;
  if (!candidate) return undefined;
  const required = new Set(subject.job?.technologies.required.map((technology) => technology.id));
  for (const [index, role] of candidate.roles.entries()) {
    if (!role.company) continue;
    const used = candidate.technologies.filter((technology) => technology.roles.includes(index));
    const technology = used.find((item) => required.has(item.id)) ?? used[0];
    if (!technology) continue;
    return {
      text: vocabulary.experienceQuestion
        .replace('{technology}', technology.name)
        .replace('{employer}', role.company),
      source: 'resume',
    };
  }
  return undefined;
}

/**
 * A system-design scenario from the company's domain (and, among several,
 * the one sharing most technologies with the posting), introduced in the
 * interviewer's voice.
 */
export function composeDomainScenario(
  subject: InterviewSubject,
  persona: Persona,
  vocabulary: InterviewVocabulary,
): PlannedQuestion | undefined {
  const knowledge = subject.knowledge;
  const domain = subject.job?.domain.value;
  if (!knowledge || !domain) return undefined;
  const stack = new Set([
    ...(subject.job?.technologies.required.map((technology) => technology.id) ?? []),
    ...(subject.company?.techStack.map((technology) => technology.id) ?? []),
  ]);
  const scenarios = knowledge.scenarios
    .filter((scenario) => scenario.domains.includes(domain))
    .filter((scenario) => !(persona.forbidsCode && requestsCode(scenario.prompt)))
    .map((scenario, index) => ({
      scenario,
      index,
      shared: [...stack].filter((id) =>
        `${scenario.prompt} ${scenario.coreComponents.join(' ')}`
          .toLowerCase()
          .includes(knowledge.taxonomy.byId.get(id)?.name.toLowerCase() ?? `\u0000${id}`),
      ).length,
    }))
    .sort((a, b) => b.shared - a.shared || a.index - b.index);
  const chosen = scenarios[0]?.scenario;
  if (!chosen) return undefined;
  const company = subject.job?.company.value ?? subject.company?.name.value ?? undefined;
  const intro = (company ? vocabulary.scenarioIntro : vocabulary.scenarioIntroNoCompany).replace(
    '{company}',
    company ?? '',
  );
  return { text: `${intro} ${chosen.prompt}`, source: chosen.id };
}

/** True when a line's only question is a short check-in: "Sound good?", "Ready?". */
function onlyChecksIn(line: string): boolean {
  const questions = splitSentences(line).filter((sentence) => sentence.endsWith('?'));
  return questions.length === 1 && listWords(questions[0] as string).length <= 3;
}

/** The phase's main questions in the order the director asks them. */
export function planPhaseQuestions(
  phase: PersonaPhase,
  persona: Persona,
  subject: InterviewSubject,
  vocabulary: InterviewVocabulary,
): PlannedQuestion[] {
  const usable = usableQuestions(phase.questions, persona, subject);
  // An opening often greets first and asks next, as separate bullets: the
  // greeting alone would leave the candidate nothing to answer, so the lines
  // up to the first question are said as one turn. When no line asks
  // anything, the phase's follow-up is the question.
  // The same holds when the opening only checks in ("... Sound good?"): a
  // "Sounds good" is a full answer to that, and the follow-up is the question.
  if (phase.kind === 'opening' && usable.length > 0) {
    const firstQuestion = usable.findIndex((line) => line.includes('?'));
    const followUp = usableQuestions(phase.followUps, persona, subject)[0];
    if (firstQuestion === -1) {
      usable.splice(0, usable.length, [...usable, ...(followUp ? [followUp] : [])].join(' '));
    } else if (firstQuestion > 0) {
      usable.splice(0, firstQuestion + 1, usable.slice(0, firstQuestion + 1).join(' '));
    }
    const opening = usable[0] as string;
    if (followUp && !opening.includes(followUp) && onlyChecksIn(opening)) {
      usable[0] = `${opening} ${followUp}`;
    }
  }
  const fromPersona = usable.map((text) => ({ text, source: 'persona' }));
  if (phase.kind === 'experience') {
    const tailored = composeExperienceQuestion(subject, vocabulary);
    return tailored ? [tailored, ...fromPersona] : fromPersona;
  }
  if (phase.kind === 'design') {
    const scenario = composeDomainScenario(subject, persona, vocabulary);
    return scenario ? [scenario, ...fromPersona] : fromPersona;
  }
  return fromPersona;
}
