import type { DocumentItem, DocumentSection, Role } from '../domain/index.js';
import type { KnowledgeConcept } from '../knowledge/index.js';
import { classifyAchievement } from './compose-pack-profile-sections.js';
import type { PrepPackInput } from './prep-pack-input.js';
import { knowledgeEntry, resumeLines } from './source-refs.js';

/** How many days the plan covers: to the interview when known (1–14), else three (72 hours). */
export function countPlanDays(today: Date, interviewDate: string | undefined): number {
  if (!interviewDate) return 3;
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const days = Math.round((Date.parse(`${interviewDate}T00:00:00Z`) - start) / 86_400_000);
  return Math.min(14, Math.max(1, days));
}

/** 11. Preparation plan: day by day, with hours per block and deliverables. */
export function composePlan(
  input: PrepPackInput,
  concepts: Array<{ concept: KnowledgeConcept; technology: string }>,
): DocumentSection {
  const days = countPlanDays(input.today, input.interviewDate);
  const blocks: Array<{ title: string; minutes: number; sources: DocumentItem['sources'] }> = [
    ...concepts.map(({ concept, technology }) => ({
      title: `${technology}: ${concept.name} — ${concept.practice}`,
      minutes: concept.minutes,
      sources: [knowledgeEntry(concept.id)],
    })),
    {
      title: 'Research the company and fill in the “still to find out” list',
      minutes: 60,
      sources: [],
    },
    { title: 'Rehearse the pitch aloud until it takes under a minute', minutes: 30, sources: [] },
    {
      title:
        'Write out three STAR stories from the section below and time each at two to three minutes',
      minutes: 90,
      sources: [],
    },
    {
      title:
        'Talk through one system-design scenario from the predicted questions, out loud, in 40 minutes',
      minutes: 60,
      sources: [],
    },
    {
      title: 'Mock interview: answer five predicted questions aloud, then review what you missed',
      minutes: 60,
      sources: [],
    },
    { title: 'Pick the questions you will ask, two per interviewer', minutes: 20, sources: [] },
  ];
  // Spread the blocks over the days, about four hours a day, in priority order.
  const perDay = Math.max(
    120,
    Math.ceil(blocks.reduce((sum, block) => sum + block.minutes, 0) / days),
  );
  const subsections: DocumentSection[] = [];
  let day = 1;
  let used = 0;
  let current: DocumentItem[] = [];
  const flush = () => {
    if (current.length === 0) return;
    const hours = current.reduce(
      (sum, item) => sum + Number(/\((\d+(?:\.\d)?) h\)$/.exec(item.label ?? '')?.[1] ?? 0),
      0,
    );
    subsections.push({
      id: `day-${day}`,
      title: `Day ${day} (about ${Math.round(hours * 10) / 10} h)`,
      items: current,
    });
    current = [];
    day++;
    used = 0;
  };
  for (const block of blocks) {
    if (used + block.minutes > perDay && day < days) flush();
    current.push({
      label: `${block.title} (${Math.round((block.minutes / 60) * 10) / 10} h)`,
      text: '',
      sources: block.sources,
      checkbox: true,
    });
    used += block.minutes;
  }
  flush();
  const deliverables: DocumentItem[] = [
    { text: 'Your pitch, rehearsed', sources: [], checkbox: true },
    { text: 'Three STAR stories with numbers', sources: [], checkbox: true },
    { text: 'Your questions for each interviewer', sources: [], checkbox: true },
    {
      text: 'A one-page cheat sheet of the gaps and how you address them',
      sources: [],
      checkbox: true,
    },
  ];
  subsections.push({ id: 'deliverables', title: 'Bring to the interview', items: deliverables });
  return {
    id: 'preparation-plan',
    title: 'Preparation plan',
    intro: input.interviewDate
      ? `${days} day(s) until the interview on ${input.interviewDate}; the most important blocks come first.`
      : `A ${days * 24}-hour sprint; the most important blocks come first.`,
    items: [],
    subsections,
  };
}

const storyCompetencies: Record<string, string[]> = {
  incidents: ['incident-handling', 'ownership'],
  databases: ['ownership', 'influence'],
  apis: ['ownership', 'customer-focus'],
  delivery: ['prioritisation', 'ownership'],
  collaboration: ['mentoring', 'influence'],
  other: ['ownership'],
};

/** 12. STAR stories: outlines from the candidate's own achievements, mapped to questions. */
export function composeStarStories({ candidate, knowledge }: PrepPackInput): DocumentSection {
  const roleOf = (line: number): Role | undefined =>
    [...candidate.roles]
      .filter((role) => (role.lines[0] ?? 0) <= line)
      .sort((a, b) => (b.lines[0] ?? 0) - (a.lines[0] ?? 0))[0];
  const seenThemes = new Set<string>();
  const stories = [...candidate.achievements]
    .sort((a, b) => b.metrics.length - a.metrics.length || a.line - b.line)
    .filter((achievement) => {
      const theme = classifyAchievement(achievement);
      if (seenThemes.has(theme)) return false;
      seenThemes.add(theme);
      return true;
    })
    .slice(0, 5);
  const subsections: DocumentSection[] = stories.map((achievement, index) => {
    const role = roleOf(achievement.line);
    const theme = classifyAchievement(achievement);
    const competencies = (storyCompetencies[theme] ?? ['ownership'])
      .map((id) => knowledge.competencies.find((competency) => competency.id === id))
      .filter((competency) => competency !== undefined);
    const items: DocumentItem[] = [
      {
        label: 'Situation',
        text: role
          ? `${role.title ?? 'Your role'} at ${role.company ?? 'this employer'} (${role.start ?? '?'} to ${role.end ?? '?'}). Add the context: the team, the system and what was at stake.`
          : 'Add the context: the team, the system and what was at stake.',
        sources: resumeLines(role?.lines.slice(0, 1) ?? []),
        aboutCandidate: role !== undefined,
      },
      {
        label: 'Task',
        text: 'What you were responsible for, and why it mattered then. Fill this in from memory.',
        sources: [],
      },
      {
        label: 'Action',
        text: achievement.text,
        sources: resumeLines([achievement.line]),
        aboutCandidate: true,
      },
      {
        label: 'Result',
        text: `${achievement.metrics.map((metric) => metric.text).join(', ')}: say how you measured it and what changed for users or the team.`,
        sources: resumeLines([achievement.line]),
        aboutCandidate: true,
      },
      {
        label: 'Answers',
        text: competencies
          .map((competency) => competency.questions[0]?.text ?? competency.name)
          .join(' / '),
        sources: competencies.map((competency) =>
          knowledgeEntry(competency.questions[0]?.id ?? competency.id),
        ),
      },
    ];
    return {
      id: `story-${index + 1}`,
      title:
        `Story ${index + 1}: ${achievement.metrics[0]?.text ?? 'result'} ${theme === 'other' ? '' : `(${theme})`}`.trim(),
      items,
    };
  });
  return {
    id: 'star-stories',
    title: 'STAR stories',
    intro:
      'Outlines from your own resume bullets. Fill in the task and the context; keep each story to two or three minutes.',
    items: [],
    subsections,
  };
}
