import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findPackageRoot } from '../support/index.js';
import {
  type AnswerSignal,
  type InterviewVocabulary,
  loadInterviewVocabulary,
} from './interview-vocabulary.js';

const root = findPackageRoot();
const personaFolder = join(root, 'knowledge', 'personas');
// The persona the shipped format was modelled on, kept next to the repository
// when it is available; its criteria must be judged too.
const referencePersona = join(root, '..', 'shared', 'examples', '004_22abe47bbcdd513c.txt');

interface PersonaFile {
  name: string;
  markdown: string;
}

function readPersonaFiles(): PersonaFile[] {
  const shipped = readdirSync(personaFolder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ name, markdown: readFileSync(join(personaFolder, name), 'utf8') }));
  const reference = existsSync(referencePersona)
    ? [{ name: 'reference persona', markdown: readFileSync(referencePersona, 'utf8') }]
    : [];
  return [...shipped, ...reference];
}

/** The bullets under the "Strong Indicators" and "Red Flags" headings. */
function readCriteria(markdown: string): string[] {
  const labels: string[] = [];
  let inCriteria = false;
  for (const line of markdown.split('\n')) {
    if (/^#{1,6}\s/.test(line)) {
      inCriteria = /^#{1,6}\s*(?:strong indicators|red flags)\b/i.test(line);
      continue;
    }
    const bullet = /^\s*[-*]\s+(.+?)\s*$/.exec(line);
    if (inCriteria && bullet?.[1]) labels.push(bullet[1]);
  }
  return labels;
}

/** The X of every "If they mention X: ..." line. */
function readTriggers(markdown: string): string[] {
  return [...markdown.matchAll(/^\s*[-*]\s*If they mention (.+?):\s/gim)].map(
    (match) => match[1] as string,
  );
}

/** The evaluation's rule: a cue inside the lower-cased label, hyphens read as spaces. */
function judgingSignals(label: string, signals: readonly AnswerSignal[]): AnswerSignal[] {
  const normalized = label.toLowerCase().replace(/-/g, ' ');
  return signals.filter((signal) => signal.criterionCues.some((cue) => normalized.includes(cue)));
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[\s-]+/g, ' ');
}

const wordCharacter = /[\p{L}\p{N}]/u;

/** A phrase as whole words, case-insensitive, with spaces and hyphens interchangeable. */
function containsPhrase(text: string, phrase: string): boolean {
  const haystack = normalize(text);
  const needle = normalize(phrase);
  for (
    let start = haystack.indexOf(needle);
    start !== -1;
    start = haystack.indexOf(needle, start + 1)
  ) {
    const before = haystack[start - 1] ?? ' ';
    const after = haystack[start + needle.length] ?? ' ';
    if (!wordCharacter.test(before) && !wordCharacter.test(after)) return true;
  }
  return false;
}

/** The phrases and patterns of a signal that a sentence shows. */
function matchesOf(signal: AnswerSignal, sentence: string): string[] {
  return [
    ...signal.phrases.filter((phrase) => containsPhrase(sentence, phrase)),
    ...signal.patterns.filter((pattern) => new RegExp(pattern, 'iu').test(sentence)),
  ];
}

const requiredSignalIds = [
  'trade-offs',
  'security',
  'reasoning',
  'metrics',
  'real-experience',
  'failure-modes',
  'clarifying-questions',
  'admits-gaps',
  'scalability',
  'data-integrity',
  'observability',
  'testing',
  'ownership',
  'collaboration',
  'learning',
  'user-impact',
  'star-situation',
  'star-task',
  'star-action',
  'star-result',
  'blame',
  'defensive-or-dismissive',
  'overclaiming',
  'rewrite-first',
  'client-side-trust',
  'vague',
];

const negativeSignalIds = [
  'blame',
  'defensive-or-dismissive',
  'overclaiming',
  'rewrite-first',
  'client-side-trust',
  'vague',
];

/** For each signal: a sentence that shows it, and an ordinary one on a nearby topic that does not. */
const phraseExamples: Array<{ id: string; shows: string; plain: string }> = [
  {
    id: 'trade-offs',
    shows: 'The trade-off is extra memory in exchange for faster reads.',
    plain: 'I would add a status column and an index on it.',
  },
  {
    id: 'security',
    shows: 'Every query is parameterised, so the search text cannot change its meaning.',
    plain: 'The order page is safe to show for a minute and loads in one request.',
  },
  {
    id: 'reasoning',
    shows: 'I would put the email on a queue so that checkout never waits for it.',
    plain: "I would put the email on a queue, so that's the easy part.",
  },
  {
    id: 'metrics',
    shows: 'It cut checkout latency from 900 ms to 300 ms and errors fell by 40% after that.',
    plain: 'I joined the team 2 days ago and have met many people since.',
  },
  {
    id: 'real-experience',
    shows: 'At my last job we had an outage when the queue backed up.',
    plain: 'A queue could back up if the consumers were slow.',
  },
  {
    id: 'failure-modes',
    shows: 'If the partner times out, we fall back to sending the email later.',
    plain: 'The partner sends us a webhook after each order is placed.',
  },
  {
    id: 'clarifying-questions',
    shows: 'Before I design anything, how many orders a day are we expecting?',
    plain: 'I would store each order together with its line items.',
  },
  {
    id: 'admits-gaps',
    shows: "I haven't used Cassandra, but I would expect writes to be cheap.",
    plain: 'I have used Postgres for most of my projects.',
  },
  {
    id: 'scalability',
    shows: 'We added read replicas to scale the reads.',
    plain: 'We added a field to the orders endpoint.',
  },
  {
    id: 'data-integrity',
    shows: 'The idempotency key stops a resent request from charging the card twice.',
    plain: 'The payment form shows the total before the customer confirms.',
  },
  {
    id: 'testing',
    shows: 'I would write integration tests for the refund flow.',
    plain: 'I would build the refund flow as a separate endpoint.',
  },
  {
    id: 'ownership',
    shows: 'That was on me: I should have checked the migration on a copy first.',
    plain: 'The migration ran on a copy of the database first.',
  },
  {
    id: 'learning',
    shows: 'In hindsight I would do it differently, and since then I always start small.',
    plain: 'I usually start with the smallest change that works.',
  },
  {
    id: 'star-situation',
    shows: 'At my last job, the checkout team was losing orders every weekend.',
    plain: 'The checkout page lists the items and the total.',
  },
  {
    id: 'star-task',
    shows: 'I was responsible for bringing the error rate down before the sale.',
    plain: 'The error rate is shown on the main dashboard.',
  },
  {
    id: 'star-action',
    shows: 'I proposed a retry queue and wrote the design document.',
    plain: 'A retry queue is described in the design document.',
  },
  {
    id: 'star-result',
    shows: 'As a result, failed checkouts dropped by half within a month.',
    plain: 'Failed checkouts are listed in a separate report.',
  },
  {
    id: 'accessibility',
    shows: 'A native button gives keyboard support and a screen reader name for free.',
    plain: 'The button opens the dialog and saves the form.',
  },
  {
    id: 'web-performance',
    shows: 'Lighthouse can look fine while field data from low-end phones is poor.',
    plain: 'The page shows a spinner while the data loads.',
  },
  {
    id: 'state-management',
    shows: 'I keep the filter state in the URL so a shared link shows the same results.',
    plain: 'The database is the source of truth for orders.',
  },
  {
    id: 'mentoring',
    shows: 'I mentored two junior engineers through their first on-call weeks.',
    plain: 'Redesigning the user onboarding flow taught me a lot.',
  },
  {
    id: 'motivation',
    shows: 'What drew me to this role is the payments work.',
    plain: 'I am currently working on the payments API.',
  },
  {
    id: 'logistics',
    shows: 'My notice period is one month, so I could start in early spring.',
    plain: 'Customers pay by Visa, and we can start with a simple design.',
  },
  {
    id: 'blame',
    shows: 'The outage was not my fault; the other team messed up the config.',
    plain: 'The other team owned the config, and we fixed it together.',
  },
  {
    id: 'defensive-or-dismissive',
    shows: "Honestly, that doesn't matter; it has never been an issue.",
    plain: "That matters less at our size, but I'd revisit it at ten times the traffic.",
  },
  {
    id: 'overclaiming',
    shows: 'My design never fails and is 100% secure.',
    plain: 'That is a non-trivial change, so this design fails over to a standby.',
  },
  {
    id: 'rewrite-first',
    shows: 'I would rewrite it from scratch as a set of services.',
    plain: 'I would refactor the slow query first and measure again.',
  },
  {
    id: 'client-side-trust',
    shows: 'We just hide the button for people who are not admins.',
    plain: 'The server checks the role; the button is only hidden as a courtesy.',
  },
  {
    id: 'unsafe-rendering',
    shows: 'We just set innerHTML to whatever the user typed in the bio.',
    plain: 'The bio is set as text content, so markup in it shows as plain characters.',
  },
  {
    id: 'cors-misconception',
    shows: 'CORS protects the API, so other sites cannot call it.',
    plain: 'CORS decides which origins may read a response in the browser.',
  },
  {
    id: 'real-world-conditions',
    shows: 'On a cheap phone over a slow connection, that bundle takes seconds to parse.',
    plain: 'On my phone the page loads quickly.',
  },
  {
    id: 'vague',
    shows: 'We did some caching and stuff like that.',
    plain: 'We cached product pages for five minutes.',
  },
];

/** Triggers that no synonym could fire without also firing on unrelated answers. */
const triggersWithoutSynonyms = new Set(['only what "we" did']);

const closingPlaceholders = new Set([
  'position',
  'expertise',
  'title',
  'company',
  'technologies',
  'responsibility',
  'remote',
]);

/** What the director puts in when the persona or the job does not say. */
const closingFallbacks: Record<string, string> = {
  position: 'Backend Engineering Interviewer',
  expertise: 'this area',
  title: 'this role',
  company: 'the company',
  technologies: 'the stack in the posting',
  responsibility: 'the work described in the posting',
  remote: 'Ask the recruiter how the team splits time between home and the office.',
};

/** The first closing answer whose cue the question contains, as the director picks it. */
function routeClosingQuestion(vocabulary: InterviewVocabulary, question: string) {
  const lower = question.toLowerCase();
  return vocabulary.closingAnswers.find((entry) => entry.cues.some((cue) => lower.includes(cue)))
    ?.id;
}

describe('loadInterviewVocabulary', () => {
  let vocabulary: InterviewVocabulary;
  let personas: PersonaFile[];

  beforeAll(() => {
    vocabulary = loadInterviewVocabulary();
    personas = readPersonaFiles();
  });

  it('loads and validates the shipped vocabulary with unique ids and compiling patterns', () => {
    expect(vocabulary.signals.length).toBeGreaterThanOrEqual(25);
    const signalIds = vocabulary.signals.map((signal) => signal.id);
    expect(new Set(signalIds).size).toBe(signalIds.length);
    const answerIds = vocabulary.closingAnswers.map((answer) => answer.id);
    expect(new Set(answerIds).size).toBe(answerIds.length);
    for (const signal of vocabulary.signals) {
      for (const pattern of signal.patterns) {
        expect(() => new RegExp(pattern, 'iu'), `${signal.id}: ${pattern}`).not.toThrow();
      }
    }
  });

  it('has every signal the director and the evaluation look up by id, with the right polarity', () => {
    const byId = new Map(vocabulary.signals.map((signal) => [signal.id, signal]));
    const missing = requiredSignalIds.filter((id) => !byId.has(id));
    expect(missing).toEqual([]);
    for (const id of requiredSignalIds) {
      const expected = negativeSignalIds.includes(id) ? 'negative' : 'positive';
      expect(byId.get(id)?.polarity, id).toBe(expected);
    }
  });

  it('writes phrases and cues in lower case, without duplicates, and cues without hyphens', () => {
    const problems: string[] = [];
    for (const signal of vocabulary.signals) {
      if (signal.label !== signal.label.toLowerCase()) problems.push(`${signal.id}: label case`);
      if (new Set(signal.phrases).size !== signal.phrases.length)
        problems.push(`${signal.id}: duplicate phrases`);
      for (const phrase of signal.phrases) {
        if (phrase !== phrase.toLowerCase() || phrase !== phrase.trim())
          problems.push(`${signal.id}: phrase "${phrase}"`);
      }
      for (const cue of signal.criterionCues) {
        // Labels are compared with hyphens turned into spaces, so a hyphenated cue never matches.
        if (cue !== cue.toLowerCase() || cue.includes('-'))
          problems.push(`${signal.id}: cue "${cue}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('judges every criterion of the shipped personas and the reference persona by a signal', () => {
    expect(personas.filter((persona) => persona.name.endsWith('.md')).length).toBeGreaterThan(0);
    const unjudged: string[] = [];
    for (const persona of personas) {
      const criteria = readCriteria(persona.markdown);
      expect(criteria.length, persona.name).toBeGreaterThan(0);
      for (const label of criteria) {
        if (judgingSignals(label, vocabulary.signals).length === 0)
          unjudged.push(`${persona.name}: ${label}`);
      }
    }
    expect(unjudged, `criteria no signal judges:\n${unjudged.join('\n')}`).toEqual([]);
  });

  it('judges criteria worded as an absence by a positive signal, whose absence is the flag', () => {
    const absence =
      /^(?:no|not|never|cannot|can't|can not|unable|lacks?|lacking|doesn't|does not|don't|fails? to|without|little|limited|vague)\b/i;
    const wrong = personas
      .flatMap((persona) => readCriteria(persona.markdown))
      .filter((label) => absence.test(label))
      .filter((label) =>
        judgingSignals(label, vocabulary.signals).every((signal) => signal.polarity !== 'positive'),
      );
    expect(wrong).toEqual([]);
  });

  it('keeps cues specific: a criterion is not judged by a signal it does not talk about', () => {
    const ids = (label: string) => judgingSignals(label, vocabulary.signals).map(({ id }) => id);
    expect(ids('Checks ownership of a record on the server without being reminded')).toEqual([
      'security',
    ]);
    expect(ids('Owns their failures and names what they changed afterwards')).not.toContain(
      'failure-modes',
    );
    expect(ids('Places the blame for every failure on someone else')).toEqual(['blame']);
    expect(ids('Retries a payment or other side effect with no protection')).not.toContain(
      'conflict-handling',
    );
    expect(ids('Defensive about mistakes')).toEqual(['defensive-or-dismissive']);
  });

  it('finds each signal in a sentence that shows it and not in a plain one', () => {
    const byId = new Map(vocabulary.signals.map((signal) => [signal.id, signal]));
    for (const example of phraseExamples) {
      const signal = byId.get(example.id);
      expect(signal, example.id).toBeDefined();
      if (!signal) continue;
      expect(matchesOf(signal, example.shows), `${example.id} in: ${example.shows}`).not.toEqual(
        [],
      );
      expect(matchesOf(signal, example.plain), `${example.id} in: ${example.plain}`).toEqual([]);
    }
  });

  it('gives every trigger written in a shipped persona at least one synonym entry', () => {
    const triggers = personas.flatMap((persona) =>
      readTriggers(persona.markdown).map((when) => ({ persona: persona.name, when })),
    );
    expect(triggers.length).toBeGreaterThan(0);
    const bare = triggers.filter(
      ({ when }) =>
        !triggersWithoutSynonyms.has(when) &&
        !vocabulary.triggerSynonyms.some((entry) =>
          entry.keywords.some((keyword) => when.toLowerCase().includes(keyword)),
        ),
    );
    expect(
      bare.map(({ persona, when }) => `${persona}: ${when}`),
      'triggers without synonyms',
    ).toEqual([]);
    // The exceptions are real triggers, not leftovers.
    for (const when of triggersWithoutSynonyms) {
      expect(triggers.map((trigger) => trigger.when)).toContain(when);
    }
  });

  it('writes trigger keywords and synonyms in lower case', () => {
    for (const entry of vocabulary.triggerSynonyms) {
      for (const word of [...entry.keywords, ...entry.synonyms]) {
        expect(word, word).toBe(word.toLowerCase().trim());
      }
    }
  });

  it('lists lower-case fillers, warm rephrases of the question, and short default probes', () => {
    expect(vocabulary.fillers.length).toBeGreaterThanOrEqual(10);
    expect(vocabulary.fillers.length).toBeLessThanOrEqual(15);
    expect(new Set(vocabulary.fillers).size).toBe(vocabulary.fillers.length);
    for (const filler of vocabulary.fillers) expect(filler).toBe(filler.toLowerCase());
    expect(vocabulary.rephrases.length).toBeGreaterThanOrEqual(4);
    expect(vocabulary.rephrases.length).toBeLessThanOrEqual(6);
    for (const rephrase of vocabulary.rephrases) {
      expect(rephrase.match(/\{question\}/g), rephrase).toHaveLength(1);
    }
    expect(vocabulary.defaultProbes.length).toBeGreaterThanOrEqual(6);
    expect(vocabulary.defaultProbes.length).toBeLessThanOrEqual(8);
    expect(vocabulary.defaultSecurityProbes.length).toBeGreaterThanOrEqual(4);
    expect(vocabulary.defaultSecurityProbes.length).toBeLessThanOrEqual(6);
    for (const probe of [...vocabulary.defaultProbes, ...vocabulary.defaultSecurityProbes]) {
      expect(probe.endsWith('?'), probe).toBe(true);
    }
  });

  it('writes closing answers with the allowed placeholders only and cues no two answers share', () => {
    expect(vocabulary.closingAnswers.length).toBeGreaterThanOrEqual(10);
    expect(vocabulary.closingAnswers.length).toBeLessThanOrEqual(14);
    const owner = new Map<string, string>();
    const problems: string[] = [];
    for (const answer of vocabulary.closingAnswers) {
      for (const [, name] of answer.answer.matchAll(/\{(\w*)\}/g)) {
        if (!closingPlaceholders.has(name ?? '')) problems.push(`${answer.id}: {${name}}`);
      }
      for (const cue of answer.cues) {
        if (cue !== cue.toLowerCase())
          problems.push(`${answer.id}: cue "${cue}" is not lower case`);
        const other = owner.get(cue);
        if (other && other !== answer.id) problems.push(`"${cue}" in ${other} and ${answer.id}`);
        owner.set(cue, answer.id);
      }
    }
    expect(problems).toEqual([]);
  });

  it('reads every closing answer as whole sentences when the job and persona say nothing', () => {
    for (const answer of vocabulary.closingAnswers) {
      const filled = answer.answer.replace(
        /\{(\w+)\}/g,
        (_, name: string) => closingFallbacks[name] ?? '',
      );
      expect(filled, answer.id).not.toMatch(/[{}]|\s{2}/);
      for (const sentence of filled.split(/(?<=[.!?])\s+/)) {
        expect(sentence, `${answer.id}: ${sentence}`).toMatch(/^[A-Z]/);
      }
    }
    expect(vocabulary.closingFallback).toMatch(/^[A-Z].*[.!]$/);
  });

  it('routes the questions candidates ask most to the answer about them', () => {
    const expected: Record<string, string> = {
      'How does on-call work for the team?': 'on-call',
      'What are the next steps in the process?': 'next-steps',
      'What does success look like in the first three months?': 'success',
      'What does a typical week look like?': 'typical-week',
      "What's the tech stack?": 'tech-stack',
      'Is the role remote or hybrid?': 'remote-and-hours',
      'How often do you deploy, and how does code review work?': 'how-work-ships',
      'How do people grow here?': 'growth',
      "What's the biggest challenge right now?": 'challenges',
      "What's the culture like?": 'culture',
      "What's your favourite part of the job?": 'interviewer-view',
      'Who would I work with on the team?': 'team',
      'Why is this role open?': 'why-open',
      'How did I do?': 'how-did-i-do',
    };
    for (const [question, id] of Object.entries(expected)) {
      expect(routeClosingQuestion(vocabulary, question), question).toBe(id);
    }
  });
});
