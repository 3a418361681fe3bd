import type {
  CompanyProfile,
  ComposedDocument,
  DocumentItem,
  DocumentSection,
  JobProfile,
} from '../domain/index.js';
import type { KnowledgeBase } from '../knowledge/index.js';
import { listCompanyFacts } from './list-company-facts.js';
import { mapKnowledgeLevel } from './prep-pack-input.js';
import { knowledgeEntry, notesLines, postingLines } from './source-refs.js';

/** What a company brief is composed from; notes and posting are each optional. */
export interface CompanyBriefInput {
  /** The posting, when there is one: it adds role context and inferred facts. */
  job?: JobProfile | undefined;
  company?: CompanyProfile | undefined;
  knowledge: KnowledgeBase;
}

/**
 * The company brief: overview, mission and values, recent news, role context,
 * likely interview topics and questions to ask. Facts come from the notes;
 * what only the posting suggests is marked "(inferred)"; what nobody said
 * becomes a research checklist.
 *
 * @example
 * const brief = composeCompanyBrief({ job, company, knowledge });
 */
export function composeCompanyBrief({
  job,
  company,
  knowledge,
}: CompanyBriefInput): ComposedDocument {
  const required = job?.technologies.required ?? [];
  const cues = job?.cultureCues ?? [];
  const level = mapKnowledgeLevel(job?.level.value ?? 'mid');
  const name = company?.name.value ?? job?.company.value ?? 'the company';
  const research: DocumentItem[] = [];
  const todo = (text: string) => research.push({ text, sources: [], checkbox: true });

  const overview: DocumentItem[] = [
    {
      label: 'Company',
      text: name,
      sources: company?.name.value
        ? notesLines(company.name.lines)
        : postingLines(job?.company.lines ?? []),
    },
  ];
  const { facts, unknown } = listCompanyFacts(company);
  overview.push(...facts);
  research.push(...unknown);
  if (job?.domain.name) {
    overview.push({
      label: 'Industry (inferred)',
      text: job.domain.name,
      sources: postingLines(job.domain.lines.slice(0, 3)),
    });
  } else {
    todo('Work out which industry and customers the company serves.');
  }
  for (const product of company?.products.slice(0, 4) ?? []) {
    overview.push({ label: 'Offering', text: product.text, sources: notesLines([product.line]) });
  }
  if ((company?.products.length ?? 0) === 0) {
    if (required.length > 0) {
      overview.push({
        label: 'Core offering (inferred)',
        text: `not described in your notes; the posting's stack (${required
          .slice(0, 6)
          .map((technology) => technology.name)
          .join(', ')}) and responsibilities are the best clues until you confirm it.`,
        sources: postingLines(
          required.slice(0, 6).flatMap((technology) => technology.lines.slice(0, 1)),
        ),
      });
    }
    todo('Read the product pages and describe the core offering in one sentence.');
  }

  const values: DocumentItem[] = (company?.values ?? []).map((value) => ({
    text: value.text,
    sources: notesLines([value.line]),
  }));
  if (values.length === 0) {
    for (const cue of cues.slice(0, 6)) {
      values.push({
        label: `${cue.label} (inferred)`,
        text: 'from how the posting describes the work',
        sources: postingLines(cue.lines.slice(0, 2)),
      });
    }
    todo('Find the company’s stated mission and values (careers page, handbook, blog).');
  }

  const seen = new Set<string>();
  const news: DocumentItem[] = [
    ...(company?.funding ?? []).map((round) => ({
      text: round.text,
      sources: notesLines([round.line]),
    })),
    ...(company?.news ?? []).map((item) => ({
      text: item.text,
      sources: notesLines([item.line]),
    })),
  ].filter((item) => !seen.has(item.text) && seen.add(item.text));
  if (news.length === 0)
    todo(
      'Look for the last year of news: funding, launches, leadership changes, layoffs or acquisitions.',
    );

  const role: DocumentItem[] = job
    ? [
        {
          label: 'Role',
          text: [job.title.value, `${job.level.value} level`].filter(Boolean).join(', '),
          sources: postingLines(job.title.lines),
        },
        ...job.responsibilities
          .slice(0, 8)
          .map((item) => ({ text: item.text, sources: postingLines([item.line]) })),
      ]
    : [
        {
          text: 'Add the job posting (--job) to see the role’s context and likely topics.',
          sources: [],
        },
      ];
  if (required.length > 0) {
    role.push({
      label: 'Stack',
      text: required.map((technology) => technology.name).join(', '),
      sources: postingLines(
        required.slice(0, 6).flatMap((technology) => technology.lines.slice(0, 1)),
      ),
    });
  }

  const topics: DocumentSection[] = [];
  const technical: DocumentItem[] = [];
  for (const technology of required) {
    const content = knowledge.technologies.get(technology.id);
    if (!content || technical.length >= 6) continue;
    const atLevel = content.concepts.filter((concept) => concept.level === level);
    const concepts = (atLevel.length > 0 ? atLevel : content.concepts).slice(0, 3);
    technical.push({
      label: technology.name,
      text: concepts.map((concept) => concept.name).join('; '),
      sources: [
        ...postingLines(technology.lines.slice(0, 1)),
        ...concepts.map((concept) => knowledgeEntry(concept.id)),
      ],
    });
  }
  if (technical.length > 0)
    topics.push({ id: 'technical-topics', title: 'Technical', items: technical });
  const domain = knowledge.domains.find((entry) => entry.id === job?.domain.value);
  if (domain) {
    topics.push({
      id: 'domain-topics',
      title: `${domain.name}: what the work must get right`,
      items: domain.concerns
        .slice(0, 5)
        .map((concern) => ({ text: concern, sources: [knowledgeEntry(`domain-${domain.id}`)] })),
    });
  }
  const cueIds = new Set(cues.map((cue) => cue.id));
  const behavioral = knowledge.competencies
    .filter((competency) => competency.cultureCues.some((id) => cueIds.has(id)))
    .slice(0, 5);
  topics.push({
    id: 'behavioral-topics',
    title: 'Behavioral',
    items: (behavioral.length > 0 ? behavioral : knowledge.competencies.slice(0, 3)).map(
      (competency) => ({
        label: competency.name,
        text: competency.summary,
        sources: [knowledgeEntry(competency.id)],
      }),
    ),
  });

  const ask: DocumentItem[] = knowledge.questionsToAsk
    .filter(
      (question) =>
        ['team-and-roadmap', 'impact-and-metrics', 'culture-and-remote'].includes(
          question.category,
        ) && question.levels.includes(level),
    )
    .slice(0, 6)
    .map((question) => ({ text: question.text, sources: [knowledgeEntry(question.id)] }));

  return {
    kind: 'company-brief',
    title: `Company brief: ${name}`,
    sections: [
      { id: 'overview', title: 'Company overview', items: overview },
      { id: 'mission-and-values', title: 'Mission and values', items: values },
      news.length > 0
        ? { id: 'recent-news', title: 'Recent news or changes', items: news }
        : {
            id: 'recent-news',
            title: 'Recent news or changes',
            intro: 'Nothing in your notes yet.',
            items: [],
          },
      { id: 'role-context', title: 'Role context and product involvement', items: role },
      { id: 'interview-topics', title: 'Likely interview topics', items: [], subsections: topics },
      { id: 'questions-to-ask', title: 'Suggested questions to ask', items: ask },
      {
        id: 'research-checklist',
        title: 'Research checklist',
        items:
          research.length > 0
            ? research
            : [
                {
                  text: 'Your notes answer the basics; confirm anything marked (inferred) with the recruiter.',
                  sources: [],
                },
              ],
      },
    ],
  };
}
