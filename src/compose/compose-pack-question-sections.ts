import type { DocumentItem, DocumentSection } from '../domain/index.js';
import type { KnowledgeConcept, KnowledgeQuestion } from '../knowledge/index.js';
import { mapKnowledgeLevel, type PrepPackInput } from './prep-pack-input.js';
import { inSentence, joinNames, knowledgeEntry, postingLines } from './source-refs.js';

const levelOrder = ['junior', 'mid', 'senior'] as const;

/** Questions at the role's level first, then the nearest levels, in file order. */
export function pickQuestions(
  questions: readonly KnowledgeQuestion[],
  level: 'junior' | 'mid' | 'senior',
  count: number,
) {
  const distance = (question: KnowledgeQuestion) =>
    Math.abs(levelOrder.indexOf(question.level) - levelOrder.indexOf(level));
  return [...questions]
    .map((question, index) => ({ question, index }))
    .sort((a, b) => distance(a.question) - distance(b.question) || a.index - b.index)
    .slice(0, count)
    .map((entry) => entry.question);
}

function questionItem(question: KnowledgeQuestion): DocumentItem {
  return {
    text: question.text,
    sources: [knowledgeEntry(question.id)],
    children: [
      {
        label: 'A good answer covers',
        text: question.goodAnswer.slice(0, 3).join(' '),
        sources: [knowledgeEntry(question.id)],
      },
    ],
  };
}

/** 7. Predicted interview questions: by technology, system design in the domain, behavioral, gap probes. */
export function composePredictedQuestions(input: PrepPackInput): DocumentSection {
  const { job, knowledge, fit } = input;
  const level = mapKnowledgeLevel(job.level.value);
  const subsections: DocumentSection[] = [];

  const technical: DocumentSection[] = [];
  for (const technology of job.technologies.required) {
    const content = knowledge.technologies.get(technology.id);
    if (!content || technical.length >= 8) continue;
    technical.push({
      id: `questions-${technology.id}`,
      title: technology.name,
      items: pickQuestions(content.questions, level, 3).map(questionItem),
    });
  }
  const postingText = job.responsibilities
    .map((item) => item.text)
    .join(' ')
    .toLowerCase();
  // A required technology also brings what it implies: GitLab CI implies CI/CD,
  // so the deployment and rollback topic applies.
  const requiredIds = new Set(
    job.technologies.required.flatMap((technology) => [
      technology.id,
      ...(knowledge.taxonomy.byId.get(technology.id)?.implies ?? []),
    ]),
  );
  // Topics are chosen greedily to cover as many of the posting's technologies
  // as possible. A technology counts twice when it has no question section of
  // its own above (CI/CD, implied by GitLab CI, is only reached through the
  // rollback topic) and half once a chosen topic covers it; a word of the
  // topic's name in the responsibilities adds one.
  const nameBonus = new Map(
    knowledge.topics.map((topic) => [
      topic.id,
      topic.name
        .toLowerCase()
        .split(/\W+/)
        .some((word) => word.length > 5 && postingText.includes(word))
        ? 1
        : 0,
    ]),
  );
  const ownSection = new Set(technical.map((section) => section.id.replace(/^questions-/, '')));
  const covered = new Set<string>();
  const remaining = [...knowledge.topics];
  const topics: typeof remaining = [];
  while (topics.length < 5 && remaining.length > 0) {
    const scored = remaining
      .map((topic, index) => {
        const score = topic.technologies
          .filter((id) => requiredIds.has(id))
          .reduce(
            (sum, id) => sum + (ownSection.has(id) ? 1 : 2) * (covered.has(id) ? 0.5 : 1),
            nameBonus.get(topic.id) ?? 0,
          );
        return { topic, index, score };
      })
      .filter((entry) => entry.score > 0)
      // Ids are ASCII: code-unit order, without the cost of a locale collator.
      .sort((a, b) => b.score - a.score || (a.topic.id < b.topic.id ? -1 : 1));
    const best = scored[0];
    if (!best) break;
    topics.push(best.topic);
    remaining.splice(best.index, 1);
    for (const id of best.topic.technologies) if (requiredIds.has(id)) covered.add(id);
  }
  for (const topic of topics) {
    technical.push({
      id: `questions-${topic.id}`,
      title: topic.name,
      items: pickQuestions(topic.questions, level, 2).map(questionItem),
    });
  }
  subsections.push({
    id: 'technical-questions',
    title: 'Technical',
    items: [],
    subsections: technical,
  });

  const scenarios = knowledge.scenarios.filter(
    (scenario) => job.domain.value !== null && scenario.domains.includes(job.domain.value),
  );
  const designItems = (
    scenarios.length > 0
      ? scenarios
      : knowledge.scenarios.filter((scenario) => scenario.domains.includes('b2b-saas'))
  )
    .slice(0, 3)
    .map((scenario) => ({
      label: scenario.title,
      text: scenario.prompt,
      sources: [knowledgeEntry(scenario.id), ...postingLines(job.domain.lines.slice(0, 1))],
      children: [
        {
          label: 'Clarify first',
          text: scenario.requirementsToClarify.slice(0, 3).join(' '),
          sources: [knowledgeEntry(scenario.id)],
        },
        {
          label: 'Trade-offs to raise',
          text: scenario.tradeOffs.slice(0, 3).join(' '),
          sources: [knowledgeEntry(scenario.id)],
        },
      ],
    }));
  subsections.push({
    id: 'system-design-questions',
    title: `System design${job.domain.name ? ` in ${inSentence(job.domain.name)}` : ''}`,
    items: designItems,
  });

  const cueIds = new Set(job.cultureCues.map((cue) => cue.id));
  const competencies = knowledge.competencies
    .map((competency) => ({
      competency,
      shared: competency.cultureCues.filter((id) => cueIds.has(id)),
    }))
    .sort(
      (a, b) => b.shared.length - a.shared.length || a.competency.id.localeCompare(b.competency.id),
    )
    .slice(0, 5);
  subsections.push({
    id: 'behavioral-questions',
    title: 'Behavioral and culture',
    items: competencies.map(({ competency, shared }) => {
      const question =
        competency.questions.find((item) => item.level === level) ?? competency.questions[0];
      const cues = job.cultureCues.filter((cue) => shared.includes(cue.id));
      return {
        label: competency.name,
        text: question?.text ?? competency.summary,
        sources: [
          knowledgeEntry(question?.id ?? competency.id),
          ...postingLines(cues.flatMap((cue) => cue.lines.slice(0, 1))),
        ],
        ...(cues.length > 0
          ? {
              children: [
                {
                  text: `Likely because the posting stresses ${joinNames(cues.map((cue) => cue.label.toLowerCase()))}.`,
                  sources: postingLines(cues.flatMap((cue) => cue.lines.slice(0, 1))),
                },
              ],
            }
          : {}),
      };
    }),
  });

  const gapItems: DocumentItem[] = [];
  for (const gap of fit.gaps.filter((item) => item.severity !== 'low').slice(0, 5)) {
    const content = knowledge.technologies.get(gap.requirement.id);
    const question = content ? pickQuestions(content.questions, 'junior', 1)[0] : undefined;
    if (question) {
      gapItems.push({
        label: gap.requirement.name,
        text: question.text,
        sources: [knowledgeEntry(question.id), ...postingLines(gap.requirement.lines.slice(0, 1))],
      });
    }
  }
  if (gapItems.length > 0) {
    subsections.push({
      id: 'gap-questions',
      title: 'Questions that will probe your gaps',
      items: gapItems,
    });
  }
  return {
    id: 'predicted-questions',
    title: 'Predicted interview questions',
    items: [],
    subsections,
  };
}

/** 8. Questions to ask them, by category, with advice on whom to ask what. */
export function composeQuestionsToAsk({ job, knowledge }: PrepPackInput): DocumentSection {
  const level = mapKnowledgeLevel(job.level.value);
  const titles: Record<string, string> = {
    'team-and-roadmap': 'Team and roadmap',
    'technical-practices': 'Technical practices',
    'onboarding-and-growth': 'Onboarding and growth',
    'culture-and-remote': 'Culture and remote work',
    'impact-and-metrics': 'Impact and metrics',
    logistics: 'Logistics',
  };
  const subsections: DocumentSection[] = Object.entries(titles).map(([category, title]) => ({
    id: `ask-${category}`,
    title,
    items: knowledge.questionsToAsk
      .filter((question) => question.category === category && question.levels.includes(level))
      .slice(0, 3)
      .map((question) => ({
        text: question.text,
        sources: [knowledgeEntry(question.id)],
        children: [
          {
            label: 'Best asked in',
            text: question.stages.join(', '),
            sources: [knowledgeEntry(question.id)],
          },
        ],
      })),
  }));
  return {
    id: 'questions-to-ask',
    title: 'Questions to ask them',
    intro:
      'Ask the recruiter about logistics and process, the hiring manager about the team, roadmap and how success is measured, engineers about practices and on-call, and leadership about direction and culture. Two or three good questions per round beat a long list.',
    items: [],
    subsections: subsections.filter((section) => section.items.length > 0),
  };
}

/** 9. Concepts to review, gaps first, each with minutes and an exercise. */
export function composeConcepts({ job, fit, knowledge }: PrepPackInput): {
  section: DocumentSection;
  concepts: Array<{ concept: KnowledgeConcept; technology: string }>;
} {
  const level = mapKnowledgeLevel(job.level.value);
  const gapIds = fit.gaps
    .filter((gap) => gap.requirement.importance === 'required')
    .map((gap) => gap.requirement.id);
  const order = [
    ...gapIds,
    ...job.technologies.required
      .map((technology) => technology.id)
      .filter((id) => !gapIds.includes(id)),
  ];
  const chosen: Array<{ concept: KnowledgeConcept; technology: string }> = [];
  for (const id of order) {
    const content = knowledge.technologies.get(id);
    if (!content) continue;
    const perTechnology = gapIds.includes(id) ? 2 : 1;
    const concepts = [...content.concepts].sort(
      (a, b) =>
        Math.abs(levelOrder.indexOf(a.level) - levelOrder.indexOf(level)) -
        Math.abs(levelOrder.indexOf(b.level) - levelOrder.indexOf(level)),
    );
    for (const concept of concepts.slice(0, perTechnology)) {
      chosen.push({ concept, technology: knowledge.taxonomy.byId.get(id)?.name ?? id });
    }
    if (chosen.length >= 10) break;
  }
  const section: DocumentSection = {
    id: 'concepts',
    title: 'Concepts to review',
    intro: 'In priority order: what closes your gaps first, then the core of the posting.',
    items: chosen.map(({ concept, technology }, index) => ({
      label: `${index + 1}. ${concept.name} (${technology}, ${concept.minutes} min)`,
      text: concept.practice,
      sources: [knowledgeEntry(concept.id)],
      children: [
        { label: 'Why', text: concept.whyItMatters, sources: [knowledgeEntry(concept.id)] },
      ],
    })),
  };
  return { section, concepts: chosen };
}
