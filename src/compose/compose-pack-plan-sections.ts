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

/** One block of study time. */
export interface StudyBlock {
  title: string;
  minutes: number;
  sources: DocumentItem['sources'];
}

/** One day of the preparation plan. */
export interface StudyDay {
  day: number;
  /** YYYY-MM-DD, counted from today. */
  date: string;
  blocks: StudyBlock[];
}

/**
 * The preparation plan as data: the blocks in priority order (concepts that
 * close gaps first), spread over the days until the interview.
 */
export function planStudyDays(
  input: PrepPackInput,
  concepts: Array<{ concept: KnowledgeConcept; technology: string }>,
): StudyDay[] {
  const days = countPlanDays(input.today, input.interviewDate);
  const blocks: StudyBlock[] = [
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
      title: 'Write out three STAR stories and time each at two to three minutes',
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
  const perDay = Math.max(
    120,
    Math.ceil(blocks.reduce((sum, block) => sum + block.minutes, 0) / days),
  );
  const start = Date.UTC(
    input.today.getUTCFullYear(),
    input.today.getUTCMonth(),
    input.today.getUTCDate(),
  );
  const plan: StudyDay[] = [];
  let current: StudyDay | undefined;
  let used = 0;
  for (const block of blocks) {
    if (!current || (used + block.minutes > perDay && plan.length < days)) {
      current = {
        day: plan.length + 1,
        date: new Date(start + plan.length * 86_400_000).toISOString().slice(0, 10),
        blocks: [],
      };
      plan.push(current);
      used = 0;
    }
    current.blocks.push(block);
    used += block.minutes;
  }
  return plan;
}

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/** 11. Preparation plan: day by day, with hours per block and deliverables. */
export function composePlan(input: PrepPackInput, plan: readonly StudyDay[]): DocumentSection {
  const subsections: DocumentSection[] = plan.map((day) => ({
    id: `day-${day.day}`,
    title: `Day ${day.day}, ${day.date} (about ${hours(day.blocks.reduce((sum, block) => sum + block.minutes, 0))} h)`,
    items: day.blocks.map((block) => ({
      label: `${block.title} (${hours(block.minutes)} h)`,
      text: '',
      sources: block.sources,
      checkbox: true,
    })),
  }));
  subsections.push({
    id: 'deliverables',
    title: 'Bring to the interview',
    items: [
      'Your pitch, rehearsed',
      'Three STAR stories with numbers',
      'Your questions for each interviewer',
      'A one-page cheat sheet of the gaps and how you address them',
    ].map((text) => ({ text, sources: [], checkbox: true })),
  });
  return {
    id: 'preparation-plan',
    title: 'Preparation plan',
    intro: input.interviewDate
      ? `${plan.length} day(s) until the interview on ${input.interviewDate}; the most important blocks come first.`
      : `A ${plan.length * 24}-hour sprint; the most important blocks come first.`,
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
