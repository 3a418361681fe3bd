import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSource, type InterviewTurn, type Persona } from '../domain/index.js';
import { createExtractContext } from '../extract/index.js';
import { type KnowledgeBase, loadKnowledgeBase } from '../knowledge/index.js';
import { analyzeApplication } from '../match/index.js';
import { findPackageRoot } from '../support/index.js';
import { createDirector, type DirectorOptions, replayDirector } from './create-director.js';
import { type InterviewVocabulary, loadInterviewVocabulary } from './interview-vocabulary.js';
import { parsePersona } from './parse-persona.js';
import { parseInterviewScript, runScriptedInterview } from './run-scripted-interview.js';
import { requestsCode } from './tailor-questions.js';

const root = findPackageRoot();
let knowledge: KnowledgeBase;
let vocabulary: InterviewVocabulary;
let backend: Persona;
let personas: Persona[];

beforeAll(() => {
  knowledge = loadKnowledgeBase({ compiledPath: false }).knowledge;
  vocabulary = loadInterviewVocabulary();
  personas = [...knowledge.personas].map(([id, markdown]) => parsePersona(markdown, id));
  backend = personas.find((persona) => persona.id === 'backend-engineer') as Persona;
});

function demoSubject() {
  const read = (file: string) =>
    createSource('markdown', file, readFileSync(join(root, 'fixtures', 'demo', file), 'utf8'));
  const analysis = analyzeApplication(
    {
      job: read('posting.md'),
      resume: read('resume.md'),
      company: read('company-notes.md'),
    },
    createExtractContext(knowledge),
  );
  return { job: analysis.job, candidate: analysis.candidate, company: analysis.company };
}

function director(overrides: Partial<DirectorOptions> = {}) {
  return createDirector({
    persona: backend,
    vocabulary,
    knowledge,
    clock: 'simulated',
    ...overrides,
  });
}

const interviewerTurns = (turns: readonly InterviewTurn[]) =>
  turns.filter((turn) => turn.speaker === 'interviewer');

/** Answers until the director reaches a phase of the given kind. */
function advanceTo(
  run: ReturnType<typeof director>,
  persona: Persona,
  kind: string,
  answer = 'I would keep the design simple at first because the team is small, and measure it before changing anything; the trade-off is some manual work early on, which we accepted.',
) {
  for (let index = 0; index < 40; index++) {
    const phase = persona.phases.find((item) => item.id === run.status().phase.id);
    if (phase?.kind === kind) return;
    run.answer({ text: answer });
  }
  throw new Error(`never reached ${kind}`);
}

const scriptFor = (name: string) => {
  const path = join(root, 'fixtures', 'interviews', `${name}.txt`);
  return existsSync(path) ? parseInterviewScript(readFileSync(path, 'utf8')) : undefined;
};

describe('createDirector', () => {
  it('opens with the persona’s opening line, addressed to the candidate by first name', () => {
    const subject = demoSubject();
    const [opening] = director(subject).start();
    expect(opening?.act).toBe('opening');
    expect(opening?.text).toContain('Which system have you spent the most hours inside recently');
    const firstName = subject.candidate?.name.value?.split(' ')[0] as string;
    expect(opening?.text).toContain(`Hi ${firstName},`);
    expect(opening?.text).not.toMatch(/\[|\]/);
  });

  it('asks about the candidate’s own employer and technology in the experience phase', () => {
    const subject = demoSubject();
    const run = director(subject);
    run.start();
    advanceTo(run, backend, 'experience');
    const question = run.turns[run.turns.length - 1] as InterviewTurn;
    const employers = subject.candidate?.roles.map((role) => role.company).filter(Boolean) ?? [];
    const technologies = subject.candidate?.technologies.map((item) => item.name) ?? [];
    expect(employers.some((employer) => question.text.includes(employer as string))).toBe(true);
    expect(technologies.some((name) => question.text.includes(name))).toBe(true);
  });

  it('sets a system-design scenario from the company’s domain', () => {
    const subject = demoSubject();
    const run = director(subject);
    run.start();
    advanceTo(run, backend, 'design');
    const question = run.turns[run.turns.length - 1] as InterviewTurn;
    const domainScenarios = knowledge.scenarios.filter((scenario) =>
      scenario.domains.includes(subject.job.domain.value as string),
    );
    expect(domainScenarios.some((scenario) => question.text.includes(scenario.prompt))).toBe(true);
  });

  it('follows up on a trigger: caching leads to the persona’s invalidation question', () => {
    const run = director();
    run.start();
    advanceTo(run, backend, 'design');
    const [, reply] = run.answer({
      text: 'I would put a Redis cache in front of the price lookups because reads outnumber writes a hundred to one, and check authorization on every request.',
    });
    const trigger = backend.phases
      .flatMap((phase) => phase.triggers)
      .find((item) => item.when.includes('caching'));
    expect(reply?.act).toBe('follow-up');
    expect(reply?.text).toBe(trigger?.question);
  });

  it('probes for the trade-offs when a substantial answer has none', () => {
    const run = director();
    run.start();
    advanceTo(run, backend, 'experience');
    const [, reply] = run.answer({
      text: 'We built an orders service on PostgreSQL with a REST API and deployed it on Kubernetes, and it handled all the checkout traffic for the web shop.',
    });
    expect(reply?.act).toBe('probe');
    expect([...backend.techniques.probing, ...backend.techniques.tradeOffs]).toContain(reply?.text);
  });

  it('acknowledges good reasoning before the next question', () => {
    const run = director();
    run.start();
    const [, reply] = run.answer({
      text: 'Mostly the billing API. I chose PostgreSQL over a document store because invoices need transactions, and the trade-off is harder horizontal scaling, which we handle with read replicas. When a partner times out we retry with an idempotency key so nothing is charged twice.',
    });
    // The opening's own follow-up comes first; the next answer then earns the acknowledgement.
    expect(reply?.act).toBe('follow-up');
    const [, next] = run.answer({
      text: 'I would warn you about the nightly export, because it holds locks for minutes; the trade-off we took was running it on a replica, which means the data can be a few seconds stale.',
    });
    expect(next?.act).toBe('question');
    expect(
      [...backend.techniques.rapport, ...vocabulary.defaultAcknowledgements].some((line) =>
        next?.text.startsWith(line),
      ),
    ).toBe(true);
  });

  it('rephrases the same question gently after a very short answer, then moves on', () => {
    const run = director();
    run.start();
    advanceTo(run, backend, 'experience');
    const asked = run.turns[run.turns.length - 1] as InterviewTurn;
    const [, rephrase] = run.answer({ text: 'Not sure.' });
    expect(rephrase?.act).toBe('rephrase');
    const core = asked.text
      .match(/[^.?!]*\?/g)
      ?.pop()
      ?.trim() as string;
    expect(rephrase?.text).toContain(core);
    const [, next] = run.answer({ text: '' });
    expect(next?.act).toBe('question');
    expect(next?.text).not.toContain(core);
  });

  it('probes security in the design phase when the candidate has not raised it', () => {
    const run = director();
    run.start();
    advanceTo(
      run,
      backend,
      'design',
      'We used some caching and stuff and it was fine I guess, nothing special about it really.',
    );
    for (
      let index = 0;
      index < 12 && !run.turns.some((turn) => turn.act === 'security-probe');
      index++
    ) {
      run.answer({
        text: 'I think we would use a queue and a database and it would be fine for most of the users most of the time.',
      });
    }
    const probe = run.turns.find((turn) => turn.act === 'security-probe');
    expect(probe).toBeDefined();
    const designPhases = new Set(
      backend.phases.filter((phase) => phase.kind === 'design').map((phase) => phase.id),
    );
    expect(designPhases.has(probe?.phase as string)).toBe(true);
    expect([...backend.security.ifMissed, ...backend.security.always]).toContain(probe?.text);
  });

  it('does not probe security when the candidate raised it unprompted', () => {
    const script = scriptFor('backend-engineer-strong');
    if (!script) return;
    const turns = runScriptedInterview(director(), script);
    expect(turns.some((turn) => turn.act === 'security-probe')).toBe(false);
  });

  it('closes by inviting questions, answers a common one, and ends after "no more questions"', () => {
    const run = director({ job: demoSubject().job });
    run.start();
    for (let index = 0; index < 60 && !run.status().closing; index++) {
      run.answer({
        text: 'I would measure first because guessing wastes time; the trade-off is a slower start, and I would check authorization on each request.',
      });
    }
    const invite = run.turns[run.turns.length - 1] as InterviewTurn;
    expect(invite.act).toBe('closing-invite');
    expect(invite.text).toContain('Your turn: ask me anything');
    const [, answer] = run.answer({ text: 'What does on-call look like for this team?' });
    expect(answer?.act).toBe('closing-answer');
    const onCall = vocabulary.closingAnswers.find((entry) => entry.cues.includes('on-call'));
    expect(onCall).toBeDefined();
    const [, goodbye] = run.answer({ text: 'No, that is everything, thank you.' });
    expect(goodbye?.act).toBe('closing');
    expect(run.status().finished).toBe(true);
    expect(() => run.answer({ text: 'one more' })).toThrow(/ended/);
  });

  it('chooses the deep-dive branch from how the candidate is doing', () => {
    const strong = scriptFor('backend-engineer-strong');
    const weak = scriptFor('backend-engineer-weak');
    if (!strong || !weak) return;
    const strongRun = director();
    runScriptedInterview(strongRun, strong);
    const weakRun = director();
    runScriptedInterview(weakRun, weak);
    expect(strongRun.status().branch).toBe('strong');
    expect(weakRun.status().branch).toBe('fundamentals');
  });

  it('never asks for code or syntax when the persona forbids it, with every built-in persona and script', () => {
    for (const persona of personas.filter((item) => item.forbidsCode)) {
      for (const kind of ['strong', 'weak']) {
        const script = scriptFor(`${persona.id}-${kind}`) ?? {
          answers: ['I built APIs.'],
          closing: [],
        };
        const turns = runScriptedInterview(
          createDirector({ persona, vocabulary, knowledge, clock: 'simulated', ...demoSubject() }),
          script,
        );
        const asked = interviewerTurns(turns).filter((turn) => requestsCode(turn.text));
        expect(asked.map((turn) => turn.text)).toEqual([]);
      }
    }
  });

  it('simulates the clock at 150 words a minute', () => {
    const run = director();
    const [opening] = run.start();
    const words = (opening?.text ?? '').split(/\s+/).length;
    expect(opening?.durationSeconds).toBeCloseTo((words / 150) * 60, 0);
    const text = Array.from({ length: 150 }, () => 'word').join(' ');
    const [answer] = run.answer({ text });
    expect(answer?.durationSeconds).toBe(60);
    expect(answer?.startedAtSeconds).toBeCloseTo(opening?.durationSeconds ?? 0, 1);
  });

  it('moves to the next phase when the phase’s time runs out', () => {
    const run = director({ clock: 'real' });
    run.start();
    const opening = backend.phases[0];
    const budget = (opening?.minutes?.max ?? 5) * 60;
    run.answer(
      { text: 'I have mostly worked on the billing API for the last two years.' },
      budget + 1,
    );
    expect(run.status().phase.id).not.toBe(opening?.id);
  });
});

describe('replayDirector', () => {
  it('rebuilds the same interview from saved turns and continues as the original would', () => {
    const answers = [
      'Mostly the billing API, which takes card payments for about two thousand merchants.',
      'The nightly export: it locks tables because it runs in one transaction.',
      'Short.',
      'We cache prices in Redis because reads dominate, with a five minute expiry as the trade-off.',
    ];
    const original = director({ clock: 'real' });
    original.start();
    let now = 0;
    for (const text of answers) {
      now += 40;
      original.answer({ text, pauseSeconds: 3, durationSeconds: 30 }, now);
    }
    const replayed = replayDirector(
      { persona: backend, vocabulary, knowledge, clock: 'real' },
      original.turns,
    );
    expect(replayed.turns).toEqual(original.turns);
    expect(replayed.status()).toEqual(original.status());
    const next = 'Before designing it I would ask how many orders per second we expect.';
    expect(replayed.answer({ text: next, durationSeconds: 10 }, now + 30)).toEqual(
      original.answer({ text: next, durationSeconds: 10 }, now + 30),
    );
  });

  it('replays interviews whose invitation or goodbye no answer produced', () => {
    for (const name of ['backend-engineer-strong', 'backend-engineer-weak']) {
      const script = scriptFor(name);
      if (!script) continue;
      // Without its closing answers, the script ends by asking for the invitation.
      const original = director();
      runScriptedInterview(original, { answers: script.answers.slice(0, 5), closing: ['No.'] });
      expect(original.turns.some((turn) => turn.act === 'closing-invite')).toBe(true);
      const replayed = replayDirector(
        { persona: backend, vocabulary, knowledge, clock: 'simulated' },
        original.turns,
      );
      expect(replayed.turns).toEqual(original.turns);
      expect(replayed.status().finished).toBe(true);
      // Ended early, mid-phase.
      const early = director();
      early.start();
      early.answer({ text: script.answers[0] as string });
      early.end();
      expect(
        replayDirector({ persona: backend, vocabulary, knowledge, clock: 'simulated' }, early.turns)
          .turns,
      ).toEqual(early.turns);
    }
  });

  it('refuses to resume turns another version of the interviewer recorded', () => {
    const original = director();
    original.start();
    original.answer({ text: 'Mostly the billing API for merchants in three countries.' });
    const tampered = original.turns.map((turn) =>
      turn.speaker === 'interviewer' ? { ...turn, text: `${turn.text} (edited)` } : turn,
    );
    expect(() =>
      replayDirector({ persona: backend, vocabulary, knowledge, clock: 'simulated' }, tampered),
    ).toThrow(/another version of the interviewer/);
  });
});
