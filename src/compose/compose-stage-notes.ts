import type {
  ComposedDocument,
  DocumentItem,
  DocumentSection,
  Source,
  StageKind,
} from '../domain/index.js';
import { stageKindLabels } from '../domain/index.js';
import { pickQuestions } from './compose-pack-question-sections.js';
import { mapKnowledgeLevel, type PrepPackInput } from './prep-pack-input.js';
import { knowledgeEntry, notesLines, postingLines, resumeLines } from './source-refs.js';

/** Notes the user kept from an earlier round, read back to feed the next one. */
export interface PreviousRound {
  /** A name for the link, e.g. "1-recruiter". */
  name: string;
  source: Source;
}

/** What stage notes are composed from. */
export interface StageNotesInput extends PrepPackInput {
  stage: StageKind;
  /** When the round takes place, as the user gave it. */
  scheduledAt?: string | undefined;
  interviewer?: string | undefined;
  previous?: PreviousRound[];
}

const categoryTitles: Record<string, string> = {
  language: 'Languages',
  framework: 'Frameworks',
  database: 'Databases',
  cache: 'Caches',
  'queue-streaming': 'Queues and streaming',
  'cloud-service': 'Cloud',
  infrastructure: 'Infrastructure',
  'ci-cd': 'CI/CD',
  observability: 'Observability',
  testing: 'Testing',
  'protocol-api': 'APIs and protocols',
  security: 'Security',
  'architecture-practice': 'Practices',
  'data-ml': 'Data and ML',
  frontend: 'Frontend',
  mobile: 'Mobile',
};

/**
 * Notes for one interview round: checklists, what the company does, its
 * ecosystem, ice breakers and numbered questions with Answer slots to fill in
 * during the meeting, and notes that carry over what earlier rounds said
 * (their discrepancies become questions to clarify).
 *
 * @example
 * const notes = composeStageNotes({ ...input, stage: 'hiring-manager', previous: [{ name: '1-recruiter', source }] });
 */
export function composeStageNotes(input: StageNotesInput): ComposedDocument {
  const { job, knowledge, company, stage } = input;
  const label = stageKindLabels[stage];
  const playbook = knowledge.playbooks.find((entry) => entry.stage === stage);
  const level = mapKnowledgeLevel(job.level.value);
  const companyName = company?.name.value ?? job.company.value ?? 'the company';

  const header: DocumentItem[] = [
    {
      label: 'Role',
      text: [job.title.value, companyName].filter(Boolean).join(' at '),
      sources: postingLines(job.title.lines),
    },
    { label: 'When', text: input.scheduledAt ?? 'not scheduled yet', sources: [] },
    { label: 'Interviewer', text: input.interviewer || 'not known yet', sources: [] },
  ];
  if (playbook)
    header.push({
      label: 'Goal of this round',
      text: playbook.goal,
      sources: [knowledgeEntry(`playbook-${stage}`)],
    });

  const checklist: DocumentSection = {
    id: 'checklist',
    title: 'Preparation checklist',
    items: [],
    subsections: [
      {
        id: 'checklist-general',
        title: 'General',
        items: [
          'Re-read the posting and your prep pack’s gaps section',
          'Rehearse your pitch and two STAR stories aloud',
          'Test audio, video and the meeting link; have water and a notepad',
          'Look up the interviewer’s role and team',
        ].map((text) => ({ text, sources: [], checkbox: true })),
      },
      {
        id: 'checklist-stage',
        title: `For the ${label.toLowerCase()} round`,
        items: [...(playbook?.checklist ?? []), ...(playbook?.prepare ?? [])].map((text) => ({
          text,
          sources: [knowledgeEntry(`playbook-${stage}`)],
          checkbox: true,
        })),
      },
    ],
  };

  const whatTheyDo: DocumentItem[] = [
    ...(company?.products ?? [])
      .slice(0, 4)
      .map((product) => ({ text: product.text, sources: notesLines([product.line]) })),
    ...job.responsibilities
      .slice(0, 4)
      .map((item) => ({ label: 'The role', text: item.text, sources: postingLines([item.line]) })),
  ];

  const byCategory = new Map<string, { names: string[]; lines: number[] }>();
  for (const technology of [...job.technologies.required, ...job.technologies.niceToHave]) {
    const category = knowledge.taxonomy.byId.get(technology.id)?.category ?? 'other';
    const entry = byCategory.get(category) ?? { names: [], lines: [] };
    entry.names.push(technology.name);
    entry.lines.push(...technology.lines.slice(0, 1));
    byCategory.set(category, entry);
  }
  const ecosystem: DocumentSection = {
    id: 'ecosystem',
    title: 'Ecosystem',
    items: [],
    subsections: [
      {
        id: 'stack',
        title: 'Stack',
        items: [...byCategory.entries()].map(([category, entry]) => ({
          label: categoryTitles[category] ?? category,
          text: entry.names.join(', '),
          sources: postingLines([...new Set(entry.lines)].slice(0, 4)),
        })),
      },
      {
        id: 'structure',
        title: 'Company and work environment',
        items: [
          ...(company?.size.value
            ? [{ label: 'Size', text: company.size.value, sources: notesLines(company.size.lines) }]
            : []),
          ...(company?.headquarters.value
            ? [
                {
                  label: 'Headquarters',
                  text: company.headquarters.value,
                  sources: notesLines(company.headquarters.lines),
                },
              ]
            : []),
          ...(job.remotePolicy.value
            ? [
                {
                  label: 'Work mode',
                  text: job.remotePolicy.value,
                  sources: postingLines(job.remotePolicy.lines.slice(0, 1)),
                },
              ]
            : []),
          ...(job.cultureCues.length > 0
            ? [
                {
                  label: 'Culture',
                  text: job.cultureCues.map((cue) => cue.label).join('; '),
                  sources: postingLines(
                    job.cultureCues.flatMap((cue) => cue.lines.slice(0, 1)).slice(0, 4),
                  ),
                },
              ]
            : []),
          {
            label: 'Environments',
            text: 'ask how code moves from a branch to production (staging, preview, feature flags)',
            sources: [],
          },
        ],
      },
    ],
  };

  const role = input.candidate.roles[0];
  const iceBreakers: DocumentItem[] = [
    {
      text: 'Tell me about yourself.',
      sources: [],
      children: [
        {
          label: 'Your answer',
          text: role
            ? `${role.title ?? 'your current role'} at ${role.company ?? 'your current employer'}, then the one result you are proudest of.`
            : 'your current role, then the one result you are proudest of.',
          sources: resumeLines(role?.lines.slice(0, 1) ?? []),
          aboutCandidate: role !== undefined,
          slot: true,
        },
      ],
    },
    ...(knowledge.advice?.iceBreakers ?? [])
      .filter((entry) => !/about yourself/i.test(entry.prompt))
      .slice(0, 2)
      .map((entry) => ({
        text: entry.prompt,
        sources: [knowledgeEntry(entry.id)],
        children: [{ label: 'Your answer', text: '', sources: [], slot: true }],
      })),
  ];

  const questions = composeStageQuestions(input, level).map((item) => ({
    ...item,
    children: [...(item.children ?? []), { label: 'Answer', text: '', sources: [], slot: true }],
  }));

  const toAsk: DocumentItem[] = knowledge.questionsToAsk
    .filter((question) => question.stages.includes(stage) && question.levels.includes(level))
    .slice(0, 5)
    .map((question) => ({
      text: question.text,
      sources: [knowledgeEntry(question.id)],
      children: [{ label: 'Answer', text: '', sources: [], slot: true }],
    }));

  const notes = composeCarryOver(input);

  return {
    kind: 'stage-notes',
    title: `${label} — ${companyName}`,
    sections: [
      { id: 'header', title: 'Round', items: header },
      checklist,
      { id: 'what-they-do', title: 'What they do', items: whatTheyDo },
      ecosystem,
      { id: 'ice-breakers', title: 'Ice breakers', items: iceBreakers },
      { id: 'questions', title: 'Questions they may ask', numbered: true, items: questions },
      { id: 'questions-to-ask', title: 'Questions to ask them', numbered: true, items: toAsk },
      notes,
    ],
  };
}

function composeStageQuestions(
  input: StageNotesInput,
  level: 'junior' | 'mid' | 'senior',
): DocumentItem[] {
  const { job, knowledge, stage } = input;
  const competencyQuestions = (count: number) =>
    knowledge.competencies
      .filter((competency) =>
        competency.cultureCues.some((id) => job.cultureCues.some((cue) => cue.id === id)),
      )
      .slice(0, count)
      .map((competency) => {
        const question =
          competency.questions.find((item) => item.level === level) ?? competency.questions[0];
        return {
          text: question?.text ?? competency.summary,
          sources: [knowledgeEntry(question?.id ?? competency.id)],
        };
      });
  if (stage === 'recruiter') {
    return [
      'Why are you looking for a new role now, and why this company?',
      'What are your salary expectations?',
      'What is your notice period, and when could you start?',
      `Are you comfortable with the work mode${job.remotePolicy.value ? ` (${job.remotePolicy.value})` : ''} and location?`,
      'Are you interviewing elsewhere, and where are you in those processes?',
    ].map((text) => ({
      text,
      sources:
        job.remotePolicy.lines.length > 0 && text.includes('work mode')
          ? postingLines(job.remotePolicy.lines.slice(0, 1))
          : [],
    }));
  }
  if (stage === 'hiring-manager' || stage === 'behavioral' || stage === 'final') {
    return competencyQuestions(stage === 'final' ? 4 : 6);
  }
  if (stage === 'system-design') {
    return knowledge.scenarios
      .filter(
        (scenario) => job.domain.value !== null && scenario.domains.includes(job.domain.value),
      )
      .slice(0, 3)
      .map((scenario) => ({
        label: scenario.title,
        text: scenario.prompt,
        sources: [knowledgeEntry(scenario.id)],
        children: [
          {
            label: 'Clarify first',
            text: scenario.requirementsToClarify.slice(0, 2).join(' '),
            sources: [knowledgeEntry(scenario.id)],
          },
        ],
      }));
  }
  const items: DocumentItem[] = [];
  for (const technology of job.technologies.required) {
    const content = knowledge.technologies.get(technology.id);
    if (!content) continue;
    for (const question of pickQuestions(content.questions, level, 2)) {
      items.push({
        label: technology.name,
        text: question.text,
        sources: [knowledgeEntry(question.id), ...postingLines(technology.lines.slice(0, 1))],
      });
    }
    if (items.length >= 8) break;
  }
  return items;
}

/** Notes: agenda, links to earlier rounds and STAR stories, and what earlier rounds left open. */
function composeCarryOver(input: StageNotesInput): DocumentSection {
  const earlier = input.previous ?? [];
  const items: DocumentItem[] = [
    { label: 'Agenda', text: '', sources: [], slot: true },
    { label: 'STAR stories', text: '[[prep-pack#STAR stories]]', sources: [] },
  ];
  if (earlier.length > 0) {
    items.push({
      label: 'Earlier rounds',
      text: earlier.map((round) => `[[${round.name}]]`).join(', '),
      sources: [],
    });
  }
  const toClarify: DocumentItem[] = [];
  for (const round of earlier) {
    let inDiscrepancies = false;
    for (const line of round.source.lines) {
      const heading = /^#{1,6}\s+(.*)$/.exec(line.text.trim());
      if (heading?.[1]) {
        inDiscrepancies = /discrepanc|to clarify|inconsisten|open question/i.test(heading[1]);
        continue;
      }
      const text = line.text.replace(/^\s*(?:[-*]|\d+\.)\s+(\[[ xX]\]\s+)?/, '').trim();
      if (inDiscrepancies && text && !/^(answer|notes?):?\s*$/i.test(text)) {
        toClarify.push({
          text: `Clarify: ${text} (from ${round.name}, line ${line.number})`,
          sources: [],
          checkbox: true,
        });
      }
    }
  }
  items.push({
    label: 'Discrepancies',
    text: 'what this round says that differs from earlier ones',
    sources: [],
    slot: true,
  });
  const subsections: DocumentSection[] =
    toClarify.length > 0
      ? [{ id: 'to-clarify', title: 'To clarify from earlier rounds', items: toClarify }]
      : [];
  return {
    id: 'notes',
    title: 'Notes',
    intro:
      'Write down the agenda, and anything this round says that differs from the posting or earlier rounds under Discrepancies: the next round’s notes turn them into questions.',
    items,
    subsections,
  };
}

/** The file name of a round's notes in a vault: `2-hiring-manager.md`. */
export function nameStageNotes(position: number, stage: StageKind): string {
  return `${position}-${stage}`;
}
