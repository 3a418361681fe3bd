import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPrepkitError, type Persona, type PrepkitError } from '../domain/index.js';
import { findPackageRoot } from '../support/index.js';
import { describeMissingPersonaParts, parsePersona } from './parse-persona.js';

const root = findPackageRoot();
const personaFolder = join(root, 'knowledge', 'personas');
const builtIn = readdirSync(personaFolder)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => ({
    id: name.replace(/\.md$/, ''),
    markdown: readFileSync(join(personaFolder, name), 'utf8'),
  }));
const fixture = (name: string) => readFileSync(join(root, 'fixtures', 'personas', name), 'utf8');
const referencePath = '/work/shared/examples/004_22abe47bbcdd513c.txt';

function builtInPersona(id: string): Persona {
  const file = builtIn.find((item) => item.id === id);
  if (!file) throw new Error(`no built-in persona ${id}`);
  return parsePersona(file.markdown, id);
}

/** The error parsePersona throws, or a failure when it parses. */
function refusal(markdown: string, id: string): PrepkitError {
  try {
    parsePersona(markdown, id);
  } catch (error) {
    if (isPrepkitError(error)) return error;
    throw error;
  }
  throw new Error(`persona ${id} parsed, but it should have been refused`);
}

const phaseWithMinutes = (heading: string) =>
  parsePersona(
    ['# Interviewer', '## Interview flow', `### ${heading}`, '- "What do you run?"'].join('\n'),
    'minutes',
  ).phases[0];

describe('parsePersona', () => {
  it('parses every built-in persona into an opening, timed phases with questions and a closing', () => {
    expect(builtIn.map((file) => file.id)).toEqual([
      'backend-engineer',
      'frontend-engineer',
      'hiring-manager',
      'recruiter-screen',
      'system-design',
    ]);
    for (const { id, markdown } of builtIn) {
      const persona = parsePersona(markdown, id);
      expect(persona.phases.length, id).toBeGreaterThanOrEqual(4);
      expect(persona.phases[0]?.kind, id).toBe('opening');
      expect(persona.phases.at(-1)?.kind, id).toBe('closing');
      expect(new Set(persona.phases.map((phase) => phase.id)).size, id).toBe(persona.phases.length);
      for (const phase of persona.phases) {
        expect(phase.minutes, `${id} ${phase.title}`).not.toBeNull();
        const asked = phase.questions.length + phase.branches.flatMap((b) => b.questions).length;
        expect(asked, `${id} ${phase.title}`).toBeGreaterThan(0);
        expect(phase.title, id).not.toMatch(/minutes|\(/);
      }
      expect(persona.totalMinutes, id).not.toBeNull();
      expect(persona.criteria.length, id).toBeGreaterThanOrEqual(12);
      expect(persona.role.position, id).not.toBe('');
      expect(persona.mission, id).not.toBe('');
      // The closing's first line hands the floor to the candidate.
      expect(persona.phases.at(-1)?.questions[0], id).toMatch(/ask me|tell you/i);
    }
  });

  it('reads the backend persona’s phases, triggers, branches and criteria as written', () => {
    const persona = builtInPersona('backend-engineer');
    expect(persona.title).toBe('Backend Engineering Interviewer');
    expect(persona.totalMinutes).toEqual({ min: 45, max: 60 });
    expect(persona.phases.map((phase) => [phase.id, phase.title, phase.kind])).toEqual([
      ['opening', 'Opening', 'opening'],
      ['phase-1-recent-work-and-experience', 'Phase 1: Recent Work and Experience', 'experience'],
      ['phase-2-design-scenarios', 'Phase 2: Design Scenarios', 'design'],
      ['phase-3-deep-dive', 'Phase 3: Deep Dive', 'deep-dive'],
      ['closing', 'Closing', 'closing'],
    ]);
    expect(persona.phases.map((phase) => phase.minutes)).toEqual([
      { min: 3, max: 5 },
      { min: 10, max: 12 },
      { min: 15, max: 20 },
      { min: 12, max: 15 },
      { min: 5, max: 8 },
    ]);
    const [opening, experience, design, deepDive] = persona.phases;
    expect(opening?.questions).toHaveLength(1);
    expect(opening?.followUps).toEqual([
      'If I joined that team tomorrow, what would you warn me about first?',
    ]);
    expect(experience?.questions).toHaveLength(4);
    expect(experience?.questions[0]).toBe(
      'Which service do you know best? Who depends on it, and which promise to those callers is hardest to keep?',
    );
    expect(design?.questions).toHaveLength(4);
    expect(design?.triggers.map((trigger) => trigger.when)).toEqual([
      'caching',
      'rate limiting',
      'queues',
      'idempotency keys',
      'retries',
    ]);
    expect(design?.triggers[0]).toEqual({
      when: 'caching',
      keywords: ['caching'],
      question:
        'A merchant changes a price and a customer still sees the old one. How long can that last in your design, and what shortens it?',
    });
    expect(design?.triggers[3]?.keywords).toEqual(['idempotency keys']);
    expect(deepDive?.questions).toEqual([]);
    expect(
      deepDive?.branches.map((branch) => [branch.kind, branch.label, branch.questions.length]),
    ).toEqual([
      ['strong', 'For strong candidates', 3],
      ['fundamentals', 'For candidates needing fundamentals', 3],
    ]);
    expect(persona.criteria.filter((item) => item.kind === 'strong')).toHaveLength(7);
    expect(persona.criteria.filter((item) => item.kind === 'red-flag')).toHaveLength(7);
    expect(persona.criteria[0]).toEqual({
      id: 'strong-asks-how-many-requests-rows-or-retries-are-involved-before-choosing-a-design',
      label: 'Asks how many requests, rows or retries are involved before choosing a design',
      kind: 'strong',
    });
    expect(persona.forbidsCode).toBe(true);
    expect(persona.starters).toHaveLength(4);
    expect(persona.starters[1]).toEqual({
      insteadOf: 'Implement OAuth',
      say: "A third-party app wants to read a user's orders from our API on that user's behalf. How would you allow that without the app ever seeing the user's password?",
    });
    for (const lines of Object.values(persona.techniques)) expect(lines.length).toBeGreaterThan(0);
    expect(persona.techniques.probing[0]).toBe(
      "What does that look like at ten times today's traffic?",
    );
    expect(persona.security.always).toHaveLength(4);
    expect(persona.security.ifMissed).toHaveLength(3);
    expect(persona.role.expertise).toHaveLength(5);
    expect(persona.communication[0]).toEqual({
      label: 'One line about your own systems',
      text: 'Mention what you run today, then hand the floor to the candidate',
    });
    expect(persona.never).toHaveLength(5);
    expect(persona.always).toHaveLength(5);
    expect(persona.questionTypes.map((type) => type.name)).toEqual([
      'Design Reasoning',
      'Weighing Options',
      'Debugging and Operations',
      'Lived Experience',
    ]);
    expect(persona.mission).toMatch(
      /^Find out how this candidate builds and runs backend services/,
    );
  });

  it('does not treat a persona that never mentions code as forbidding it', () => {
    expect(builtInPersona('hiring-manager').forbidsCode).toBe(false);
    expect(builtInPersona('frontend-engineer').forbidsCode).toBe(true);
  });

  it('puts the closing’s invitation to ask questions first, wherever the file has it', () => {
    const closing = builtInPersona('recruiter-screen').phases.at(-1);
    expect(closing?.questions[0]).toBe(
      'What would you like to ask me about the company, the team or the process?',
    );
    expect(closing?.questions).toHaveLength(4);
    expect(closing?.questions.at(-1)).toMatch(/^I'll share my notes/);
  });

  it.skipIf(!existsSync(referencePath))('parses the reference persona of the format', () => {
    const persona = parsePersona(readFileSync(referencePath, 'utf8'), 'reference');
    expect(persona.phases).toHaveLength(5);
    expect(persona.phases.map((phase) => phase.kind)).toEqual([
      'opening',
      'experience',
      'design',
      'deep-dive',
      'closing',
    ]);
    expect(persona.phases.flatMap((phase) => phase.triggers)).toHaveLength(3);
    expect(persona.criteria.filter((item) => item.kind === 'strong')).toHaveLength(7);
    expect(persona.criteria.filter((item) => item.kind === 'red-flag')).toHaveLength(7);
    expect(persona.totalMinutes).toEqual({ min: 30, max: 40 });
    expect(persona.starters).toHaveLength(5);
    expect(persona.criteria.map((item) => item.id)).toContain('red-flag-no-security-awareness');
    expect(persona.criteria.map((item) => item.id)).toContain('strong-explains-trade-offs-clearly');
  });

  it('parses a persona written only for the tests, with its own phases, headings and bullets', () => {
    const persona = parsePersona(
      fixture('site-reliability-engineer.md'),
      'site-reliability-engineer',
    );
    expect(persona.title).toBe('Site Reliability Interviewer');
    expect(persona.totalMinutes).toEqual({ min: 50, max: 50 });
    expect(
      persona.phases.map((phase) => [phase.id, phase.title, phase.kind, phase.minutes]),
    ).toEqual([
      ['warm-up', 'Warm-up', 'opening', { min: 5, max: 5 }],
      [
        'phase-1-on-call-experience',
        'Phase 1 — On-call experience',
        'experience',
        { min: 10, max: 15 },
      ],
      ['phase-2-incident-scenario', 'PHASE 2 — INCIDENT SCENARIO', 'design', { min: 15, max: 15 }],
      [
        'phase-3-reliability-targets-and-budgets',
        'Phase 3 — Reliability targets and budgets',
        'other',
        null,
      ],
      [
        'phase-4-postmortem-stories',
        'Phase 4 — Postmortem stories',
        'behavioral',
        { min: 8, max: 10 },
      ],
      ['wrap-up', 'Wrap up', 'closing', { min: 5, max: 5 }],
    ]);
    const [warmUp, onCall, incident, , postmortems, wrapUp] = persona.phases;
    expect(warmUp?.followUps).toEqual(['How often did it page you, and was that about right?']);
    // Curly quotes are stripped; an unquoted note for the interviewer is not a question.
    expect(onCall?.questions).toEqual([
      'Walk me through the last page you answered. What did the alert say, and what did you check first?',
      'How does your team decide whether an alert deserves to wake someone up?',
    ]);
    expect(incident?.questions).toHaveLength(2);
    expect(incident?.triggers.map((trigger) => [trigger.when, trigger.keywords])).toEqual([
      ['SLOs or error budgets', ['slos', 'error budgets']],
      ['alert fatigue, paging noise', ['alert fatigue', 'paging noise']],
      ['rollback/feature flags', ['rollback', 'feature flags']],
    ]);
    expect(incident?.triggers[2]?.question).toBe(
      'What makes a rollback unsafe, for example after a schema change?',
    );
    expect(postmortems?.questions).toEqual([]);
    expect(
      postmortems?.branches.map((branch) => [branch.kind, branch.label, branch.questions.length]),
    ).toEqual([
      ['strong', 'For strong candidates', 2],
      ['other', 'For candidates who have never been on call', 1],
    ]);
    expect(wrapUp?.questions).toEqual([
      'What questions do you have for me about on-call here?',
      "Before we finish, is there an answer from today you'd like to add to?",
      'Thanks for your time, [Name].',
    ]);
    expect(persona.role.expertise).toEqual([
      'Service level objectives',
      'Incident response',
      'Observability (metrics, logs, traces)',
      'Capacity planning',
      'Release safety',
    ]);
    expect(persona.never[1]).toBe('Mock a guess that turns out wrong');
    expect(persona.forbidsCode).toBe(true);
    expect(persona.communication.map((item) => item.label)).toEqual([
      'Start from a page',
      'Leave room to think',
      'Ask for numbers',
    ]);
    expect(persona.criteria.map((item) => item.id)).toEqual([
      'strong-checks-user-impact-before-digging-into-causes',
      'strong-prefers-mitigation-first-and-diagnosis-second-during-an-outage',
      'strong-ties-alerts-to-objectives-that-users-would-notice',
      'red-flag-restarts-things-repeatedly-without-forming-a-hypothesis',
      'red-flag-blames-a-person-for-an-incident-instead-of-the-process-that-allowed-it',
    ]);
    // Sections it leaves out come back empty rather than failing.
    expect(persona.techniques.rapport).toEqual(['That is a very familiar kind of page']);
    expect(persona.techniques.tradeOffs).toEqual([]);
    expect(persona.techniques.wrapping).toEqual([]);
    expect(persona.questionTypes).toEqual([]);
    expect(persona.starters).toEqual([]);
    expect(persona.security.ifMissed).toEqual([
      'Could an attacker hide their activity by triggering the noisy alerts you mentioned?',
    ]);
    expect(persona.mission).toMatch(/^Learn how the candidate keeps services reliable/);
  });

  it('reads a file with Windows line endings the same as one with Unix ones', () => {
    const markdown = fixture('site-reliability-engineer.md');
    expect(parsePersona(markdown.replace(/\n/g, '\r\n'), 'sre')).toEqual(
      parsePersona(markdown, 'sre'),
    );
  });

  it('reads minutes written with a hyphen, an en dash, a tilde, one number or not at all', () => {
    expect(phaseWithMinutes('Opening (2-3 minutes)')?.minutes).toEqual({ min: 2, max: 3 });
    expect(phaseWithMinutes('Phase 2 — Design (10–15 min)')?.minutes).toEqual({ min: 10, max: 15 });
    expect(phaseWithMinutes('Wrap-up (~5 minutes)')?.minutes).toEqual({ min: 5, max: 5 });
    expect(phaseWithMinutes('Deep dive (5 minutes)')?.minutes).toEqual({ min: 5, max: 5 });
    expect(phaseWithMinutes('Phase 1: Background — 8 to 10 minutes')).toMatchObject({
      title: 'Phase 1: Background',
      minutes: { min: 8, max: 10 },
    });
    expect(phaseWithMinutes('Phase 3: Stories')).toMatchObject({
      title: 'Phase 3: Stories',
      minutes: null,
    });
  });

  it('accepts headings of level 2 to 4 in any case, with emoji, bold and trailing colons', () => {
    const persona = parsePersona(
      [
        '# **Mobile Interviewer**',
        '## 📱 STRUCTURE:',
        '#### 🚀 **Intro:** (5 minutes)',
        '- "Which app of yours has the most users?"',
        '#### System design, offline first (20 minutes)',
        '**Questions to explore:**',
        '- How would the app behave when the network drops mid-upload?',
        '- Keep it conversational',
        'Follow-ups:',
        '- If they mention a local database: "How do you migrate its schema when users skip versions?"',
        '- If they seem stuck: "Shall we start from what the user sees?"',
        '#### close',
        '- "What would you like to ask me?"',
      ].join('\n'),
      'mobile',
    );
    expect(persona.title).toBe('Mobile Interviewer');
    expect(persona.phases.map((phase) => [phase.id, phase.kind])).toEqual([
      ['intro', 'opening'],
      ['system-design-offline-first', 'design'],
      ['close', 'closing'],
    ]);
    const design = persona.phases[1];
    expect(design?.questions).toEqual([
      'How would the app behave when the network drops mid-upload?',
    ]);
    expect(design?.triggers).toEqual([
      {
        when: 'a local database',
        keywords: ['local database'],
        question: 'How do you migrate its schema when users skip versions?',
      },
    ]);
    expect(design?.followUps).toEqual(['Shall we start from what the user sees?']);
  });

  it('takes phases written at the level of the flow heading', () => {
    const persona = parsePersona(
      [
        '# Interviewer',
        '## Interview flow (30 minutes)',
        '## Opening (5 minutes)',
        '- "Tell me about your team."',
        '## Closing (5 minutes)',
        '- "Any questions for me?"',
        '## Evaluation criteria',
        '### Red flags',
        '- Blames others',
      ].join('\n'),
      'flat',
    );
    expect(persona.phases.map((phase) => phase.title)).toEqual(['Opening', 'Closing']);
    expect(persona.criteria).toEqual([
      { id: 'red-flag-blames-others', label: 'Blames others', kind: 'red-flag' },
    ]);
  });

  it('keeps phase and criterion ids unique when titles or labels repeat', () => {
    const persona = parsePersona(
      [
        '# Interviewer',
        '## Interview flow',
        '### Deep dive (10 minutes)',
        '- "Tell me about an outage."',
        '### Deep dive (10 minutes)',
        '- "Tell me about a migration."',
        '## Evaluation',
        '### Strong indicators',
        '- Gives numbers',
        '- Gives numbers',
      ].join('\n'),
      'repeats',
    );
    expect(persona.phases.map((phase) => phase.id)).toEqual(['deep-dive', 'deep-dive-2']);
    expect(persona.criteria.map((item) => item.id)).toEqual([
      'strong-gives-numbers',
      'strong-gives-numbers-2',
    ]);
  });

  it('takes the title from the id when the file has no "#" title', () => {
    const persona = parsePersona(
      ['## Interview flow', '### Opening', '- "Hello, what do you work on?"'].join('\n'),
      'data-platform',
    );
    expect(persona.title).toBe('Data platform');
    expect(persona.phases[0]?.minutes).toBeNull();
    expect(persona.totalMinutes).toBeNull();
  });

  it('refuses a file without phases, naming the flow heading to add', () => {
    const error = refusal(fixture('broken-no-phases.md'), 'broken-no-phases');
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toBe(
      'persona broken-no-phases: no interview phases: add "## Interview flow" with "### Phase 1: ... (10 minutes)" headings and quoted questions as bullets',
    );
    expect(error.issues).toHaveLength(1);
  });

  it('refuses a file whose phases ask nothing, saying to quote the questions', () => {
    const error = refusal(fixture('broken-no-questions.md'), 'mobile');
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(
      /^persona mobile: no questions in any phase: .*bullets in quotes/,
    );
  });

  it('refuses an empty file and a JSON file, each with what to write instead', () => {
    const empty = refusal(fixture('broken-empty.md'), 'empty');
    expect(empty.code).toBe('INVALID_INPUT');
    expect(empty.message).toMatch(/^persona empty: the file is empty: start with a "# Title" line/);
    const json = refusal(fixture('broken-json.json'), 'broken-json');
    expect(json.code).toBe('INVALID_INPUT');
    expect(json.message).toMatch(/^persona broken-json: this is JSON, not Markdown/);
  });

  it('refuses a flow heading with nothing under it', () => {
    const error = refusal('# Interviewer\n## Interview flow (30 minutes)\n', 'bare');
    expect(error.message).toMatch(/no interview phases under "Interview flow \(30 minutes\)"/);
  });

  it('stays fast on hostile input of the largest size the web app accepts', () => {
    const hostile = `# ${'**[('.repeat(30_000)}\n${'- If they mention '.repeat(10_000)}\n`;
    const started = performance.now();
    expect(refusal(hostile.slice(0, 200_000), 'hostile').code).toBe('INVALID_INPUT');
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('describeMissingPersonaParts', () => {
  it('finds nothing missing in any built-in persona', () => {
    for (const { id, markdown } of builtIn)
      expect(describeMissingPersonaParts(markdown), id).toEqual([]);
  });

  it('names what a broken file lacks', () => {
    expect(describeMissingPersonaParts(fixture('broken-no-phases.md'))).toEqual([
      'no interview phases: add "## Interview flow" with "### Phase 1: ... (10 minutes)" headings and quoted questions as bullets',
    ]);
    expect(describeMissingPersonaParts(fixture('broken-no-questions.md'))[0]).toMatch(
      /^no questions in any phase/,
    );
    expect(describeMissingPersonaParts('')[0]).toMatch(/^the file is empty/);
  });
});
