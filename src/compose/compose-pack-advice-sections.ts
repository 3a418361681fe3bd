import type { DocumentItem, DocumentSection, FitGap } from '../domain/index.js';
import type { PrepPackInput } from './prep-pack-input.js';
import { inSentence, joinNames, knowledgeEntry, postingLines, resumeLines } from './source-refs.js';

/** 3. Gaps and mitigation: severity, what offsets it, a ramp-up action and an honest script. */
export function composeGaps({ fit, knowledge }: PrepPackInput): DocumentSection {
  const items: DocumentItem[] = fit.gaps
    .filter((gap) => gap.requirement.importance === 'required' || gap.severity !== 'low')
    .slice(0, 8)
    .map((gap) => {
      const concept = knowledge.technologies.get(gap.requirement.id)?.concepts[0];
      const children: DocumentItem[] = [
        {
          label: 'How serious',
          text: `${gap.severity}: ${gap.reason}.`,
          sources: postingLines(gap.requirement.lines.slice(0, 2)),
        },
      ];
      if (gap.offsetBy.length > 0) {
        children.push({
          label: 'What offsets it',
          text: gap.offsetBy.map((item) => `${item.name} (${item.reason})`).join('; '),
          sources: resumeLines(gap.offsetBy.flatMap((item) => item.lines.slice(0, 2))),
          aboutCandidate: true,
          lacks: [gap.requirement.id],
        });
      }
      if (concept) {
        children.push({
          label: 'Ramp up',
          text: `${concept.practice} (${concept.minutes} min)`,
          sources: [knowledgeEntry(concept.id)],
        });
      }
      children.push(composeGapScript(gap));
      return {
        label: gap.requirement.name,
        text: `${gap.requirement.importance} on the posting`,
        sources: postingLines(gap.requirement.lines.slice(0, 1)),
        children,
      };
    });
  if (fit.levelGap && fit.levelGap.severity !== 'none') {
    items.push({
      label: 'Years of experience',
      text: `${fit.levelGap.summary} (${fit.levelGap.severity}).`,
      sources: [
        ...postingLines(fit.levelGap.postingLines),
        ...resumeLines(fit.levelGap.resumeLines),
      ],
      aboutCandidate: true,
      children: [
        {
          label: 'Say it like this',
          text: 'Lead with the scope of what you owned rather than the count of years: the systems, the scale and the decisions you made, each with a result.',
          sources: [knowledgeEntry('strategy-seniority-gap')],
        },
      ],
    });
  }
  return {
    id: 'gaps',
    title: 'Gaps and mitigation',
    intro:
      items.length === 0
        ? 'Your resume shows every required technology of the posting.'
        : 'Name each gap before they do, then show what carries over and how you are closing it.',
    items,
  };
}

function composeGapScript(gap: FitGap): DocumentItem {
  const offset = gap.offsetBy[0];
  const text = offset
    ? `“I haven’t used ${gap.requirement.name} in production. What I have done is ${offset.name}, and the ideas carry over; I’m closing the gap with a small project, and I can walk you through what I learned so far.”`
    : `“${gap.requirement.name} is new to me. Here is how I would get productive in it in my first weeks, and how I learned the last new tool I picked up.”`;
  return {
    label: 'Say it like this',
    text,
    sources: offset ? resumeLines(offset.lines.slice(0, 1)) : [],
    aboutCandidate: offset !== undefined,
    lacks: [gap.requirement.id],
  };
}

/** 4. Your pitch: two sentences from the resume's own facts. */
export function composePitch({ candidate, job, fit }: PrepPackInput): DocumentSection {
  const role = candidate.roles[0];
  const matched = fit.matches
    .filter((match) => match.kind === 'direct' && match.requirement.importance === 'required')
    .filter((match) => ['language', 'framework', 'database'].includes(match.requirement.category))
    .slice(0, 3);
  const best = [...candidate.achievements].sort(
    (a, b) => b.metrics.length - a.metrics.length || a.line - b.line,
  )[0];
  const first = [
    role?.title ? `${role.title}` : 'Engineer',
    candidate.yearsOfExperience.value !== null
      ? ` with ${candidate.yearsOfExperience.value} years of experience`
      : '',
    matched.length > 0
      ? ` working with ${joinNames(matched.map((match) => match.evidence[0]?.name ?? match.requirement.name))}`
      : '',
    role?.company ? `, currently at ${role.company}` : '',
    '.',
  ].join('');
  const items: DocumentItem[] = [
    {
      text: first,
      sources: resumeLines([
        ...(role?.lines.slice(0, 1) ?? []),
        ...candidate.yearsOfExperience.lines.slice(0, 1),
        ...matched.flatMap((match) => match.evidence[0]?.lines.slice(0, 1) ?? []),
      ]),
      aboutCandidate: true,
    },
  ];
  if (best) {
    items.push({
      text: `Recently: ${best.text}`,
      sources: resumeLines([best.line]),
      aboutCandidate: true,
    });
  }
  items.push({
    text: `Why this role: connect that to what the ${job.title.value ?? 'team'} will own${job.domain.name ? ` in ${inSentence(job.domain.name)}` : ''}, in your own words.`,
    sources: postingLines(job.title.lines),
  });
  return {
    id: 'pitch',
    title: 'Your pitch',
    intro: 'Two sentences for “tell me about yourself”, built only from your resume.',
    items,
  };
}

// Red flags worth testing when the posting shows a culture cue.
const redFlagsByCue: Record<string, string[]> = {
  'on-call': ['red-flag-no-on-call-rotation', 'red-flag-hero-culture'],
  'blameless-postmortems': ['red-flag-blame-after-incidents'],
  async: ['red-flag-nothing-written', 'red-flag-always-online'],
  'remote-first': ['red-flag-remote-second-class'],
  'fast-paced': ['red-flag-priorities-churn', 'red-flag-debt-dismissed'],
  ownership: ['red-flag-unclear-ownership'],
  mentoring: ['red-flag-no-onboarding'],
  learning: ['red-flag-no-promotions'],
  quality: ['red-flag-manual-deploys'],
};

/** 10. Strategic advice: tone, focus, handling gaps, red flags to test, logistics. */
export function composeStrategicAdvice(input: PrepPackInput): DocumentSection {
  const { job, fit, knowledge } = input;
  const advice = knowledge.advice;
  const items: DocumentItem[] = [];
  const cues = job.cultureCues.map((cue) => cue.label.toLowerCase());
  items.push({
    label: 'Tone',
    text:
      cues.length > 0
        ? `Mirror what they value: ${cues.slice(0, 4).join(', ')}. Give concrete examples, say what you decided and why, and name trade-offs without being asked.`
        : 'Be concrete: what you built, what you decided and why, and what changed because of it.',
    sources: postingLines(job.cultureCues.slice(0, 4).flatMap((cue) => cue.lines.slice(0, 1))),
  });
  const focus = job.technologies.required.filter((technology) =>
    ['language', 'framework', 'database'].includes(
      knowledge.taxonomy.byId.get(technology.id)?.category ?? '',
    ),
  );
  if (focus.length > 0) {
    items.push({
      label: 'Focus areas',
      text: focus
        .slice(0, 5)
        .map((technology) => technology.name)
        .join(', '),
      sources: postingLines(
        focus.slice(0, 5).flatMap((technology) => technology.lines.slice(0, 1)),
      ),
    });
  }
  const strategies: string[] = [];
  if (fit.gaps.some((gap) => gap.severity === 'high' && gap.requirement.category === 'language'))
    strategies.push('strategy-missing-language');
  if (fit.levelGap && fit.levelGap.severity !== 'none') strategies.push('strategy-seniority-gap');
  if (job.cultureCues.some((cue) => cue.id === 'remote-first' || cue.id === 'async'))
    strategies.push('strategy-remote-first');
  for (const id of strategies) {
    const strategy = advice?.strategies.find((item) => item.id === id);
    if (strategy) {
      items.push({
        label: strategy.situation,
        text: strategy.advice.slice(0, 3).join(' '),
        sources: [knowledgeEntry(strategy.id)],
        children: [
          {
            label: 'Say it like this',
            text: strategy.sayItLikeThis,
            sources: [knowledgeEntry(strategy.id)],
          },
        ],
      });
    }
  }
  const flagIds = [
    ...new Set([
      ...job.cultureCues.flatMap((cue) => redFlagsByCue[cue.id] ?? []),
      'red-flag-inconsistent-story',
      'red-flag-high-turnover',
    ]),
  ];
  const flags = flagIds
    .map((id) => advice?.redFlags.find((flag) => flag.id === id))
    .filter((flag) => flag !== undefined)
    .slice(0, 6);
  const subsections: DocumentSection[] = [
    {
      id: 'red-flags',
      title: 'Red flags to watch for',
      items: flags.map((flag) => ({
        text: flag.flag,
        sources: [knowledgeEntry(flag.id)],
        children: [
          { label: 'Ask', text: flag.questionThatTestsIt, sources: [knowledgeEntry(flag.id)] },
        ],
      })),
    },
  ];
  const logistics: DocumentItem[] = [];
  if (job.location.value)
    logistics.push({
      text: `Location: ${job.location.value}. Confirm what it means for you (time zones, travel, relocation).`,
      sources: postingLines(job.location.lines),
    });
  if (job.remotePolicy.value)
    logistics.push({
      text: `Work mode: ${job.remotePolicy.value}. Set up a quiet space and test your audio and video before any call.`,
      sources: postingLines(job.remotePolicy.lines.slice(0, 1)),
    });
  logistics.push({
    text: 'Have your salary expectations and notice period ready for the recruiter; say a range you researched.',
    sources: [knowledgeEntry('strategy-compensation')],
  });
  subsections.push({ id: 'logistics', title: 'Logistics', items: logistics });
  return { id: 'strategic-advice', title: 'Strategic advice', items, subsections };
}

/** 13. Closing: how to end each interview well. */
export function composeClosing({ knowledge }: PrepPackInput): DocumentSection {
  const final = knowledge.playbooks.find((playbook) => playbook.stage === 'final');
  const items: DocumentItem[] = [
    {
      text: 'Summarise in two sentences why you want this role and what you would bring to it, tied to something you heard in the interview.',
      sources: [],
    },
    {
      text: 'Ask one question you prepared and one that came out of the conversation.',
      sources: [],
    },
    {
      text: 'Ask what the next step is and when you can expect to hear back; thank them by name for their time.',
      sources: [],
    },
    {
      text: 'Within a day, send a short note that picks up one topic from the conversation.',
      sources: [],
    },
  ];
  for (const pitfall of final?.pitfalls.slice(0, 2) ?? [])
    items.push({ label: 'Avoid', text: pitfall, sources: [knowledgeEntry('playbook-final')] });
  return { id: 'closing', title: 'Closing', items };
}
