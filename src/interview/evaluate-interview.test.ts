import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Evaluation, InterviewTurn, Persona, Verdict } from '../domain/index.js';
import { EvaluationSchema } from '../domain/index.js';
import { type KnowledgeBase, loadKnowledgeBase } from '../knowledge/index.js';
import { findPackageRoot } from '../support/index.js';
import { createDirector } from './create-director.js';
import { evaluateInterview, findCriterionSignals } from './evaluate-interview.js';
import { type InterviewVocabulary, loadInterviewVocabulary } from './interview-vocabulary.js';
import { parsePersona } from './parse-persona.js';
import { parseInterviewScript, runScriptedInterview } from './run-scripted-interview.js';

const root = findPackageRoot();
let knowledge: KnowledgeBase;
let vocabulary: InterviewVocabulary;
let personas: Persona[];

beforeAll(() => {
  knowledge = loadKnowledgeBase({ compiledPath: false }).knowledge;
  vocabulary = loadInterviewVocabulary();
  personas = [...knowledge.personas].map(([id, markdown]) => parsePersona(markdown, id));
});

function play(persona: Persona, kind: 'strong' | 'weak') {
  const script = parseInterviewScript(
    readFileSync(join(root, 'fixtures', 'interviews', `${persona.id}-${kind}.txt`), 'utf8'),
  );
  const turns = runScriptedInterview(
    createDirector({ persona, vocabulary, knowledge, clock: 'simulated' }),
    script,
  );
  return {
    turns,
    evaluation: evaluateInterview({ persona, turns, vocabulary, knowledge, clock: 'simulated' }),
  };
}

const weight: Record<Verdict, number> = { observed: 2, partial: 1, 'not-observed': 0 };
const ratingOrder = ['not-yet', 'mixed', 'solid', 'strong'];

const scriptsExist = existsSync(
  join(root, 'fixtures', 'interviews', 'backend-engineer-strong.txt'),
);

describe.skipIf(!scriptsExist)('evaluateInterview on the scripted candidates', () => {
  const results = new Map<
    string,
    { strong: ReturnType<typeof play>; weak: ReturnType<typeof play> }
  >();
  beforeAll(() => {
    for (const persona of personas) {
      results.set(persona.id, { strong: play(persona, 'strong'), weak: play(persona, 'weak') });
    }
  });

  it('rates every persona’s strong candidate above its weak one', () => {
    for (const persona of personas) {
      const { strong, weak } = results.get(persona.id) as {
        strong: ReturnType<typeof play>;
        weak: ReturnType<typeof play>;
      };
      expect(
        ratingOrder.indexOf(strong.evaluation.rating.level),
        `${persona.id}: strong ${strong.evaluation.rating.level}, weak ${weak.evaluation.rating.level}`,
      ).toBeGreaterThan(ratingOrder.indexOf(weak.evaluation.rating.level));
    }
  });

  it('never judges the weak candidate better than the strong one on any criterion', () => {
    for (const persona of personas) {
      const { strong, weak } = results.get(persona.id) as {
        strong: ReturnType<typeof play>;
        weak: ReturnType<typeof play>;
      };
      const worse: string[] = [];
      for (const criterion of strong.evaluation.criteria) {
        const other = weak.evaluation.criteria.find((item) => item.id === criterion.id);
        if (!other) continue;
        const strongScore = weight[criterion.verdict];
        const weakScore = weight[other.verdict];
        // A strong indicator should be seen at least as much in the strong set;
        // a red flag at most as much.
        if (criterion.kind === 'strong' ? strongScore < weakScore : strongScore > weakScore) {
          worse.push(`${criterion.label}: strong ${criterion.verdict}, weak ${other.verdict}`);
        }
      }
      expect(worse, persona.id).toEqual([]);
    }
  });

  it('flags the weak candidate, who never mentions security, for it — and not the strong one', () => {
    for (const persona of personas) {
      const securityFlags = persona.criteria.filter(
        (criterion) => criterion.kind === 'red-flag' && /security/i.test(criterion.label),
      );
      if (securityFlags.length === 0) continue;
      const { strong, weak } = results.get(persona.id) as {
        strong: ReturnType<typeof play>;
        weak: ReturnType<typeof play>;
      };
      for (const flag of securityFlags) {
        expect(
          weak.evaluation.criteria.find((item) => item.id === flag.id)?.verdict,
          persona.id,
        ).toBe('observed');
        expect(
          strong.evaluation.criteria.find((item) => item.id === flag.id)?.verdict,
          persona.id,
        ).toBe('not-observed');
      }
    }
  });

  it('backs every observed criterion with quotes that are the candidate’s own words at that turn', () => {
    for (const [id, pair] of results) {
      for (const { turns, evaluation } of [pair.strong, pair.weak]) {
        for (const criterion of evaluation.criteria) {
          if (criterion.verdict === 'not-observed' && criterion.kind === 'strong') continue;
          for (const evidence of criterion.evidence) {
            const turn = turns.find((item) => item.turn === evidence.turn) as InterviewTurn;
            expect(turn?.speaker, `${id} ${criterion.id}`).toBe('candidate');
            const quote = evidence.quote.replace(/…$/, '');
            expect(turn.text.replace(/\s+/g, ' '), `${id} ${criterion.id}`).toContain(quote);
          }
        }
      }
    }
  });

  it('gives three improvements, each with a stronger way to say it drawn from the knowledge base', () => {
    for (const [id, pair] of results) {
      for (const { evaluation } of [pair.strong, pair.weak]) {
        expect(EvaluationSchema.parse(evaluation)).toEqual(evaluation);
        expect(evaluation.improvements.length, id).toBeGreaterThanOrEqual(1);
        expect(evaluation.improvements.length, id).toBeLessThanOrEqual(3);
        for (const improvement of evaluation.improvements) {
          expect(improvement.stronger.length).toBeGreaterThan(40);
          for (const source of improvement.sources)
            expect(knowledge.entries.has(source), source).toBe(true);
        }
      }
      expect(pair.weak.evaluation.improvements, id).toHaveLength(3);
    }
    // Technical personas' weak candidates get at least one stronger answer
    // quoted from the knowledge base's good-answer points.
    for (const id of ['backend-engineer', 'frontend-engineer']) {
      const pair = results.get(id) as { weak: ReturnType<typeof play> };
      expect(
        pair.weak.evaluation.improvements.some((item) => item.sources.length > 0),
        id,
      ).toBe(true);
    }
  });

  it('notes each phase the candidate spoke in', () => {
    const { weak } = results.get('backend-engineer') as {
      strong: ReturnType<typeof play>;
      weak: ReturnType<typeof play>;
    };
    const spoken = new Set(
      weak.turns.filter((turn) => turn.speaker === 'candidate').map((turn) => turn.phase),
    );
    expect(weak.evaluation.phases.map((phase) => phase.phase).sort()).toEqual([...spoken].sort());
    expect(weak.evaluation.phases.every((phase) => phase.notes.length > 0)).toBe(true);
  });

  it('counts filler words and leaves timing figures out for a simulated clock', () => {
    const { strong, weak } = results.get('backend-engineer') as {
      strong: ReturnType<typeof play>;
      weak: ReturnType<typeof play>;
    };
    expect(weak.evaluation.delivery.fillerWords.total).toBeGreaterThan(
      strong.evaluation.delivery.fillerWords.total,
    );
    expect(weak.evaluation.delivery.wordsPerMinute).toBeNull();
    expect(weak.evaluation.delivery.longPauses).toBeNull();
    expect(strong.evaluation.delivery.answerWords.mean).toBeGreaterThan(
      weak.evaluation.delivery.answerWords.mean,
    );
  });

  it('checks behavioral answers for STAR and a measurable result', () => {
    const { strong, weak } = results.get('hiring-manager') as {
      strong: ReturnType<typeof play>;
      weak: ReturnType<typeof play>;
    };
    expect(strong.evaluation.star.length).toBeGreaterThan(0);
    expect(weak.evaluation.star.length).toBeGreaterThan(0);
    const complete = (evaluation: Evaluation) =>
      evaluation.star.filter((check) => check.missing.length === 0).length / evaluation.star.length;
    expect(complete(strong.evaluation)).toBeGreaterThan(complete(weak.evaluation));
    expect(weak.evaluation.star.some((check) => !check.measurable)).toBe(true);
  });
});

describe('evaluateInterview improvements and judgements', () => {
  const persona = () =>
    parsePersona(
      [
        '# Payments Interviewer',
        '## Interview flow',
        '### Phase 1: Design scenarios (10 minutes)',
        '- "How would you build an endpoint that lists a merchant\'s orders?"',
        '## Evaluation criteria',
        '### Strong indicators:',
        '- Raises security without being asked',
        '### Red flags:',
        '- Cannot explain the architecture of their current system',
      ].join('\n'),
      'payments',
    );
  const said = (
    items: Array<[InterviewTurn['speaker'], InterviewTurn['act'], string]>,
  ): InterviewTurn[] =>
    items.map(([speaker, act, text], index) => ({
      turn: index + 1,
      speaker,
      phase: 'phase-1-design-scenarios',
      act,
      text,
      startedAtSeconds: index * 30,
      durationSeconds: 20,
    }));
  const substantial =
    'The architecture of our current system is three services behind one gateway; I chose cursor pagination because offsets get slow past a million rows, the trade-off is no page numbers, and when the database times out we return the last cached page.';

  it('says security did not come up even when asked, when the reply to the probe has none', () => {
    const turns = said([
      [
        'interviewer',
        'question',
        'How would you build an endpoint that lists a merchant’s orders?',
      ],
      ['candidate', null, substantial],
      [
        'interviewer',
        'security-probe',
        'Who should be allowed to call this, and where is it checked?',
      ],
      ['candidate', null, 'Random letters in the address, a few of them, and we would try again.'],
    ]);
    const evaluation = evaluateInterview({
      persona: persona(),
      turns,
      vocabulary,
      knowledge,
      clock: 'simulated',
    });
    const security = evaluation.improvements.find((item) => /security/i.test(item.title));
    expect(security?.turn).toBe(4);
    expect(security?.why).toBe('Security did not come up, even when the interviewer asked for it.');
  });

  it('gives security one improvement, not a second one for a security indicator', () => {
    const turns = said([
      [
        'interviewer',
        'question',
        'How would you build an endpoint that lists a merchant’s orders?',
      ],
      ['candidate', null, substantial],
      [
        'interviewer',
        'security-probe',
        'Who should be allowed to call this, and where is it checked?',
      ],
      [
        'candidate',
        null,
        'Every request checks on the server that the merchant owns the orders, because the id in the address can be changed by anyone.',
      ],
    ]);
    const evaluation = evaluateInterview({
      persona: persona(),
      turns,
      vocabulary,
      knowledge,
      clock: 'simulated',
    });
    const titles = evaluation.improvements.map((item) => item.title);
    expect(titles).toContain('Raise security before you are asked');
    expect(titles.filter((title) => /security/i.test(title))).toHaveLength(1);
  });

  it('raises security for a persona whose criteria judge it, even when none says "security"', () => {
    const frontend = personas.find((item) => item.id === 'frontend-engineer') as Persona;
    expect(frontend.criteria.some((item) => /secur/i.test(item.label))).toBe(false);
    const turns = said([
      ['interviewer', 'question', 'Describe an app you’ve worked on and where its state lives.'],
      ['candidate', null, substantial],
      [
        'interviewer',
        'security-probe',
        'If a user typed a script tag into their display name, where would it end up?',
      ],
      [
        'candidate',
        null,
        'The page would just show it, and we would add a spinner so it looks nicer.',
      ],
    ]).map((turn) => ({ ...turn, phase: frontend.phases[1]?.id ?? turn.phase }));
    const evaluation = evaluateInterview({
      persona: frontend,
      turns,
      vocabulary,
      knowledge,
      clock: 'simulated',
    });
    expect(evaluation.improvements.map((item) => item.title)).toContain(
      'Raise security before you are asked',
    );
  });

  it('does not hold a red flag worded as an absence against answers on its topic', () => {
    const turns = said([
      [
        'interviewer',
        'question',
        'How would you build an endpoint that lists a merchant’s orders?',
      ],
      ['candidate', null, substantial],
    ]);
    const evaluation = evaluateInterview({
      persona: persona(),
      turns,
      vocabulary,
      knowledge,
      clock: 'simulated',
    });
    const flag = evaluation.criteria.find((item) => item.kind === 'red-flag');
    expect(flag?.evidence.map((item) => item.turn)).toEqual([2]);
    expect(flag?.verdict).toBe('not-observed');
  });

  it('checks the story told after a rephrase for STAR, not the too-short answer before it', () => {
    const hiringManager = personas.find((item) => item.id === 'hiring-manager') as Persona;
    const turns = said([
      ['interviewer', 'question', 'Tell me about a time you disagreed with a colleague.'],
      ['candidate', null, 'Hmm, not sure.'],
      [
        'interviewer',
        'rephrase',
        'No rush, take a moment. Here it is again: Tell me about a time you disagreed with a colleague.',
      ],
      [
        'candidate',
        null,
        'Last year a colleague and I disagreed about our release process, and it was my task to settle it. I wrote up both options and ran a two-week trial. Failed releases dropped from 6 a quarter to 1.',
      ],
    ]);
    const evaluation = evaluateInterview({
      persona: hiringManager,
      turns,
      vocabulary,
      knowledge,
      clock: 'simulated',
    });
    expect(evaluation.star.map((check) => check.turn)).toEqual([4]);
  });

  it('does not give one story both "go deeper" and the STAR improvement', () => {
    const hiringManager = personas.find((item) => item.id === 'hiring-manager') as Persona;
    const phase = hiringManager.phases.find((item) => item.kind === 'behavioral');
    const turns = said([
      ['interviewer', 'question', 'Tell me about a time you disagreed with your manager.'],
      ['candidate', null, 'We talked about it and it was fine in the end, I think.'],
    ]).map((turn) => ({ ...turn, phase: phase?.id ?? turn.phase }));
    const evaluation = evaluateInterview({
      persona: hiringManager,
      turns,
      vocabulary,
      knowledge,
      clock: 'simulated',
    });
    const onStory = evaluation.improvements.filter((item) => item.turn === 2);
    expect(onStory.map((item) => item.title)).toHaveLength(1);
  });
});

describe('evaluateInterview delivery with a real clock', () => {
  it('measures pace, long pauses and talk ratio from the timings', () => {
    const persona = personas.find((item) => item.id === 'backend-engineer') as Persona;
    const turns: InterviewTurn[] = [
      {
        turn: 1,
        speaker: 'interviewer',
        phase: 'opening',
        act: 'opening',
        text: 'Tell me about your work.',
        startedAtSeconds: 0,
        durationSeconds: 2,
      },
      {
        turn: 2,
        speaker: 'candidate',
        phase: 'opening',
        act: null,
        text: Array.from({ length: 120 }, () => 'um').join(' '),
        startedAtSeconds: 10,
        durationSeconds: 60,
      },
      {
        turn: 3,
        speaker: 'interviewer',
        phase: 'opening',
        act: 'follow-up',
        text: 'What was hardest?',
        startedAtSeconds: 70,
        durationSeconds: 2,
      },
      {
        turn: 4,
        speaker: 'candidate',
        phase: 'opening',
        act: null,
        text: 'The migration, because it locked the orders table for minutes.',
        startedAtSeconds: 73,
        durationSeconds: 5,
      },
    ];
    const { delivery } = evaluateInterview({
      persona,
      turns,
      vocabulary,
      knowledge,
      clock: 'real',
    });
    expect(delivery.wordsPerMinute).toBe(Math.round(((120 + 10) / 65) * 60));
    expect(delivery.longPauses).toEqual({ thresholdSeconds: 5, count: 1, turns: [2] });
    expect(delivery.fillerWords.counts.um).toBe(120);
    expect(delivery.talkRatio).toBeCloseTo(65 / 69, 2);
  });
});

describe('findCriterionSignals', () => {
  it('judges every criterion of every built-in persona with at least one signal', () => {
    const unjudged = personas.flatMap((persona) =>
      persona.criteria
        .filter((criterion) => findCriterionSignals(criterion, vocabulary.signals).length === 0)
        .map((criterion) => `${persona.id}: ${criterion.label}`),
    );
    expect(unjudged).toEqual([]);
  });
});
