import type { Achievement, DocumentItem, DocumentSection } from '../domain/index.js';
import { listCompanyFacts } from './list-company-facts.js';
import type { PrepPackInput } from './prep-pack-input.js';
import { joinNames, notesLines, postingLines, resumeLines } from './source-refs.js';

/** 1. Job overview: role, level, focus, must-haves, nice-to-haves, responsibilities, culture. */
export function composeJobOverview({ job }: PrepPackInput): DocumentSection {
  const items: DocumentItem[] = [];
  const role = [job.title.value, job.company.value ? `at ${job.company.value}` : '']
    .filter(Boolean)
    .join(' ');
  if (role) items.push({ label: 'Role', text: role, sources: postingLines(job.title.lines) });
  items.push({
    label: 'Level',
    text: `${job.level.value} (${job.level.reason})`,
    sources: postingLines(job.level.lines),
  });
  if (job.yearsRequired.value !== null) {
    items.push({
      label: 'Experience asked',
      text: `${job.yearsRequired.value}+ years`,
      sources: postingLines(job.yearsRequired.lines),
    });
  }
  if (job.location.value)
    items.push({
      label: 'Location',
      text: job.location.value,
      sources: postingLines(job.location.lines),
    });
  if (job.remotePolicy.value) {
    items.push({
      label: 'Work mode',
      text: job.remotePolicy.value,
      sources: postingLines(job.remotePolicy.lines.slice(0, 3)),
    });
  }
  if (job.domain.name)
    items.push({
      label: 'Domain',
      text: job.domain.name,
      sources: postingLines(job.domain.lines.slice(0, 3)),
    });
  if (job.technologies.required.length > 0) {
    items.push({
      label: 'Must-haves',
      text: job.technologies.required.map((technology) => technology.name).join(', '),
      sources: postingLines(
        [...new Set(job.technologies.required.flatMap((technology) => technology.lines))].slice(
          0,
          6,
        ),
      ),
    });
  }
  if (job.technologies.niceToHave.length > 0) {
    items.push({
      label: 'Nice-to-haves',
      text: job.technologies.niceToHave.map((technology) => technology.name).join(', '),
      sources: postingLines(
        [...new Set(job.technologies.niceToHave.flatMap((technology) => technology.lines))].slice(
          0,
          6,
        ),
      ),
    });
  }
  if (job.cultureCues.length > 0) {
    items.push({
      label: 'Culture',
      text: job.cultureCues.map((cue) => cue.label).join('; '),
      sources: postingLines([...new Set(job.cultureCues.flatMap((cue) => cue.lines))].slice(0, 6)),
    });
  }
  const subsections: DocumentSection[] = [];
  if (job.responsibilities.length > 0) {
    subsections.push({
      id: 'responsibilities',
      title: 'What the role does',
      items: job.responsibilities.map((item) => ({
        text: item.text,
        sources: postingLines([item.line]),
      })),
    });
  }
  return { id: 'job-overview', title: 'Job overview', items, subsections };
}

/** 2. Why this job is a fit: each requirement the resume shows, with its lines. */
export function composeWhyFit({ fit, candidate, job }: PrepPackInput): DocumentSection {
  const items: DocumentItem[] = fit.matches
    .filter((match) => match.kind === 'direct' && match.requirement.importance === 'required')
    .slice(0, 10)
    .map((match) => {
      const shown = match.evidence.slice(0, 3);
      const evidence = shown[0];
      const item: DocumentItem = {
        label: match.requirement.name,
        text: `asked on the posting; your resume shows ${joinNames(shown.map((entry) => entry.name))}.`,
        sources: [
          ...postingLines(match.requirement.lines.slice(0, 2)),
          ...resumeLines(shown.flatMap((entry) => entry.lines.slice(0, 1))),
        ],
        aboutCandidate: true,
      };
      if (evidence && evidence.reason !== 'named on the resume') {
        item.children = [{ label: 'Why it counts', text: `${evidence.reason}.`, sources: [] }];
      }
      return item;
    });
  if (
    fit.levelGap &&
    fit.levelGap.severity === 'none' &&
    candidate.yearsOfExperience.value !== null
  ) {
    items.push({
      label: 'Experience',
      text: fit.levelGap.summary,
      sources: [
        ...postingLines(fit.levelGap.postingLines),
        ...resumeLines(fit.levelGap.resumeLines),
      ],
      aboutCandidate: true,
    });
  }
  const transferable = fit.matches.filter(
    (match) => match.kind === 'transferable' && match.requirement.importance === 'required',
  );
  for (const match of transferable.slice(0, 4)) {
    const evidence = match.evidence[0];
    if (!evidence) continue;
    items.push({
      label: `${match.requirement.name} (transferable)`,
      text: `your ${evidence.name} experience carries over.`,
      sources: [
        ...postingLines(match.requirement.lines.slice(0, 1)),
        ...resumeLines(evidence.lines.slice(0, 1)),
      ],
      aboutCandidate: true,
      children: [{ label: 'Why', text: `${evidence.reason}.`, sources: [] }],
    });
  }
  const intro =
    items.length > 0
      ? `The ${job.title.value ?? 'role'} asks for ${job.technologies.required.length} technologies; your resume shows ${
          fit.matches.filter(
            (match) => match.kind === 'direct' && match.requirement.importance === 'required',
          ).length
        } of them directly. Fit score ${fit.score}/100: ${fit.breakdown.map((part) => `${part.label.toLowerCase()} ${part.points}/${part.maxPoints}`).join(', ')}.`
      : undefined;
  return intro === undefined
    ? { id: 'why-fit', title: 'Why this job is a fit', items }
    : { id: 'why-fit', title: 'Why this job is a fit', intro, items };
}

const themes: Array<{ id: string; title: string; pattern: RegExp }> = [
  {
    id: 'incidents',
    title: 'Incidents and reliability',
    pattern: /incident|outage|on-call|postmortem|downtime|alert|recover|sla|slo|reliab/i,
  },
  {
    id: 'databases',
    title: 'Databases and performance',
    pattern:
      /latency|p9\d|query|queries|index|database|cache|sql|postgres|mysql|mongo|redis|throughput|n\+1|migrat/i,
  },
  {
    id: 'apis',
    title: 'APIs and integrations',
    pattern: /\bapi|endpoint|webhook|integration|idempoten|rest|graphql|grpc|contract/i,
  },
  {
    id: 'delivery',
    title: 'Delivery and CI/CD',
    pattern:
      /pipeline|deploy|ci\b|ci\/cd|release|docker|kubernetes|container|build|test coverage|tests?\b/i,
  },
  {
    id: 'collaboration',
    title: 'Collaboration and mentoring',
    pattern: /mentor|coach|pair|review|onboard|taught|promot|team|hired/i,
  },
];

/** Which resume theme an achievement belongs to. */
export function classifyAchievement(achievement: Achievement): string {
  return themes.find((theme) => theme.pattern.test(achievement.text))?.id ?? 'other';
}

/** 5. Resume highlights for this role: achievements grouped by theme, metrics first. */
export function composeResumeHighlights({ candidate, job }: PrepPackInput): DocumentSection {
  const required = new Set(job.technologies.required.map((technology) => technology.id));
  const relevance = (achievement: Achievement) =>
    candidate.technologies.filter(
      (technology) => technology.lines.includes(achievement.line) && required.has(technology.id),
    ).length;
  const subsections: DocumentSection[] = [];
  for (const theme of [...themes, { id: 'other', title: 'Other results', pattern: /./ }]) {
    const inTheme = candidate.achievements
      .filter((achievement) => classifyAchievement(achievement) === theme.id)
      .sort(
        (a, b) =>
          relevance(b) - relevance(a) || b.metrics.length - a.metrics.length || a.line - b.line,
      )
      .slice(0, 4);
    if (inTheme.length === 0) continue;
    subsections.push({
      id: `highlights-${theme.id}`,
      title: theme.title,
      items: inTheme.map((achievement) => ({
        text: achievement.text,
        sources: resumeLines([achievement.line]),
        aboutCandidate: true,
      })),
    });
  }
  return {
    id: 'resume-highlights',
    title: 'Resume highlights for this role',
    intro:
      'Your bullets with measurable results, grouped by theme; the ones that use the posting’s technologies first.',
    items: [],
    subsections,
  };
}

/** 6. Company summary: facts from the notes, what the posting implies (inferred), and what to find out. */
export function composeCompanySummary({ company, job }: PrepPackInput): DocumentSection {
  const items: DocumentItem[] = [];
  const checklist: DocumentItem[] = [];
  const name = company?.name.value ?? job.company.value;
  if (name) {
    items.push({
      label: 'Company',
      text: name,
      sources: company?.name.value
        ? notesLines(company.name.lines)
        : postingLines(job.company.lines),
    });
  } else {
    checklist.push({
      text: 'Confirm the company’s name and what it sells.',
      sources: [],
      checkbox: true,
    });
  }
  const { facts, unknown } = listCompanyFacts(company);
  items.push(...facts);
  checklist.push(...unknown);
  for (const round of company?.funding ?? [])
    items.push({ label: 'Funding', text: round.text, sources: notesLines([round.line]) });
  if ((company?.funding.length ?? 0) === 0)
    checklist.push({
      text: 'Look up funding rounds or revenue, and how long the runway is.',
      sources: [],
      checkbox: true,
    });
  for (const item of company?.news.slice(0, 5) ?? [])
    items.push({ label: 'News', text: item.text, sources: notesLines([item.line]) });
  if ((company?.news.length ?? 0) === 0)
    checklist.push({
      text: 'Read the last year of company news, releases and engineering blog posts.',
      sources: [],
      checkbox: true,
    });
  if (job.domain.name) {
    items.push({
      label: 'Industry (inferred)',
      text: `${job.domain.name}, from the posting’s wording`,
      sources: postingLines(job.domain.lines.slice(0, 3)),
    });
  }
  if (job.cultureCues.length > 0) {
    items.push({
      label: 'Values (inferred)',
      text: `${job.cultureCues
        .slice(0, 5)
        .map((cue) => cue.label.toLowerCase())
        .join(', ')}, from how the posting describes the work`,
      sources: postingLines(job.cultureCues.slice(0, 5).flatMap((cue) => cue.lines.slice(0, 1))),
    });
  }
  if (company && company.values.length > 0) {
    items.push({
      label: 'Stated values',
      text: company.values.map((value) => value.text).join(' · '),
      sources: notesLines(company.values.map((value) => value.line)),
    });
  }
  if ((company?.techStack.length ?? 0) > 0 && company) {
    items.push({
      label: 'Stack from the notes',
      text: company.techStack.map((technology) => technology.name).join(', '),
      sources: notesLines(company.techStack.flatMap((technology) => technology.lines).slice(0, 6)),
    });
  }
  checklist.push({
    text: 'Ask which team you would join, who you would work with, and what it ships next quarter.',
    sources: [],
    checkbox: true,
  });
  const subsections: DocumentSection[] = [
    { id: 'research-checklist', title: 'Still to find out', items: checklist },
  ];
  return { id: 'company-summary', title: 'Company summary', items, subsections };
}
