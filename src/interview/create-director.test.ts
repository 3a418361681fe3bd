import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSource, type InterviewTurn, type Persona } from '../domain/index.js';
import { createExtractContext } from '../extract/index.js';
import { type KnowledgeBase, loadKnowledgeBase } from '../knowledge/index.js';
import { analyzeApplication } from '../match/index.js';
import { findPackageRoot } from '../support/index.js';
import { createDirector, type DirectorOptions, replayDirector } from './create-director.js';
import { evaluateInterview } from './evaluate-interview.js';
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

describe('createDirector with any answers', () => {
  it('always replies once, numbers turns in order, and reaches the goodbye', () => {
    const samples = [
      '',
      '   ',
      '?',
      '¿Qué? 🤔 ☕ 🚀',
      'No.',
      'x'.repeat(20_000),
      Array.from({ length: 3000 }, (_, index) => `word${index}`).join(' '),
      'I would cache it in Redis, because reads dominate; the trade-off is staleness. And I hash passwords with Argon2.',
      'What does on-call look like?',
      'We used a queue, um, like, you know, Kafka, basically, and stuff.',
      '[closing]\n---\n[Name] [database] {question}',
    ];
    for (const persona of personas) {
      let seed = persona.id.length;
      const next = () => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return samples[seed % samples.length] as string;
      };
      const run = createDirector({ persona, vocabulary, knowledge, clock: 'simulated' });
      run.start();
      let answers = 0;
      while (!run.status().finished && answers < 200) {
        const before = run.turns.length;
        const produced = run.answer({ text: next() });
        expect(produced.map((turn) => turn.speaker)).toEqual(['candidate', 'interviewer']);
        expect(run.turns.length).toBe(before + 2);
        answers += 1;
      }
      expect(run.status().finished, persona.id).toBe(true);
      expect(run.turns.map((turn) => turn.turn)).toEqual(run.turns.map((_, index) => index + 1));
      for (const turn of run.turns.filter((item) => item.speaker === 'interviewer')) {
        expect(turn.text.trim().length, `${persona.id} turn ${turn.turn}`).toBeGreaterThan(0);
        expect(turn.text, `${persona.id} turn ${turn.turn}`).not.toMatch(
          /\[[A-Za-z ]+\]|\{[a-z]+\}/,
        );
      }
      const evaluation = evaluateInterview({
        persona,
        turns: run.turns,
        vocabulary,
        knowledge,
        clock: 'simulated',
      });
      expect(evaluation.criteria).toHaveLength(persona.criteria.length);
    }
  });
});

describe('createDirector follow-ups', () => {
  const reasoned =
    'I would keep the design simple at first because the team is small, and measure it before changing anything; the trade-off is some manual work early on, which we accepted.';

  it('puts no third follow-up, probe or rephrase after one main question', () => {
    const run = director();
    run.start();
    advanceTo(run, backend, 'design', reasoned);
    run.answer({
      text: 'I would put a Redis cache in front of the price lookups because reads dominate, and check authorization on every request; the trade-off is stale prices.',
    });
    run.answer({
      text: 'The cache entries expire after a minute, and writes go through a queue to the workers; the trade-off is a delay.',
    });
    const extras = run.turns.slice(-4).filter((turn) => turn.speaker === 'interviewer');
    expect(extras.map((turn) => turn.act)).toEqual(['follow-up', 'follow-up']);
    const [, reply] = run.answer({ text: 'Not sure.' });
    expect(reply?.act).toBe('question');
  });

  it('does not repeat a default probe while another one is unused', () => {
    const persona: Persona = {
      ...backend,
      techniques: { ...backend.techniques, probing: [], tradeOffs: [] },
    };
    const run = director({ persona });
    run.start();
    for (let index = 0; index < 40 && !run.status().closing; index++) {
      run.answer({
        text: `We run service number ${index} in Go on Kubernetes with a PostgreSQL database, and every request checks that the caller owns the record before anything is read.`,
      });
    }
    const probes = run.turns.filter((turn) => turn.act === 'probe').map((turn) => turn.text);
    expect(probes.length).toBeGreaterThan(2);
    expect(probes.length).toBeLessThanOrEqual(vocabulary.defaultProbes.length);
    expect(new Set(probes).size).toBe(probes.length);
  });

  it('rephrases a short question together with the sentence it leans on', () => {
    const persona = parsePersona(
      [
        '# Alias Interviewer',
        '## Interview flow',
        '### Phase 1: Design (10 minutes)',
        '- "Two users request the same alias at the same moment. What happens?"',
      ].join('\n'),
      'alias',
    );
    const run = director({ persona });
    run.start();
    const [, reply] = run.answer({ text: 'No idea.' });
    expect(reply?.act).toBe('rephrase');
    expect(reply?.text).toContain(
      'Two users request the same alias at the same moment. What happens?',
    );
  });

  it('asks the opening’s follow-up with an opening that only checks in, so "Sounds good" is an answer', () => {
    const recruiter = personas.find((persona) => persona.id === 'recruiter-screen') as Persona;
    const run = director({ persona: recruiter });
    const [opening] = run.start();
    expect(opening?.text).toMatch(
      /Sound good\? Before we begin, how did you come across this role\?$/,
    );
    const [, reply] = run.answer({ text: 'Sounds good, thanks.' });
    expect(reply?.text).not.toMatch(/Sound good\?$/);
    expect(reply?.text).toContain('how did you come across this role?');
  });

  it('takes a persona’s other branch, not the strong one, for a candidate who is struggling', () => {
    const persona = parsePersona(
      readFileSync(join(root, 'fixtures', 'personas', 'site-reliability-engineer.md'), 'utf8'),
      'site-reliability-engineer',
    );
    const phase = persona.phases.find((item) => item.branches.length > 0);
    expect(phase?.branches.map((branch) => branch.kind)).toEqual(['strong', 'other']);
    const run = director({ persona });
    run.start();
    for (let index = 0; index < 60 && run.status().phase.id !== phase?.id; index++) {
      run.answer({ text: 'Um, I guess we restart it, basically, and stuff.' });
    }
    expect(run.status().phase.id).toBe(phase?.id);
    expect(run.status().branch).toBe('other');
  });
});

describe('replayDirector with a real clock', () => {
  it('replays an answer that ended a few hundredths of a second before a time limit', () => {
    const options: DirectorOptions = { persona: backend, vocabulary, knowledge, clock: 'real' };
    const run = createDirector(options);
    run.start();
    const opening = backend.phases[0];
    const limit = (opening?.minutes?.max ?? 5) * 60;
    // The times are saved to a tenth of a second: 299.97 s is saved as 300.
    run.answer(
      {
        text: 'Mostly the billing API for merchants, which takes card payments in three countries and pays out daily.',
      },
      limit - 0.03,
    );
    const replayed = replayDirector(options, run.turns);
    expect(replayed.turns.map((turn) => turn.text)).toEqual(run.turns.map((turn) => turn.text));
    expect(replayed.status()).toEqual(run.status());
  });
});
