import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, testStorageModes } from '../../test/support/open-test-store.js';
import {
  createSource,
  type Evaluation,
  EvaluationSchema,
  type InterviewTurn,
  isPrepkitError,
  NewApplicationSchema,
} from '../domain/index.js';
import { createExtractContext, extractJobProfile } from '../extract/index.js';
import type { NewInterviewValues, Store } from './index.js';

const missingId = '00000000-0000-4000-8000-00000000abcd';

const personaMarkdown = [
  '# Backend Engineering Interviewer',
  '',
  '## INTERVIEW FLOW (45-60 minutes)',
  '',
  '### Opening (5 minutes)',
  '- "Tell me about a service you own end to end."',
].join('\n');

function newInterview(applicationId: string | null): NewInterviewValues {
  return {
    applicationId,
    personaId: 'backend-engineer',
    personaTitle: 'Backend Engineering Interviewer',
    personaMarkdown,
    clock: 'simulated',
  };
}

const openingTurns: InterviewTurn[] = [
  {
    turn: 1,
    speaker: 'interviewer',
    phase: 'opening',
    act: 'opening',
    text: 'Thanks for joining. We will spend most of the hour on how you design services.',
    startedAtSeconds: 0,
    durationSeconds: 4.8,
  },
  {
    turn: 2,
    speaker: 'interviewer',
    phase: 'opening',
    act: 'question',
    text: 'Tell me about a service you own end to end.',
    startedAtSeconds: 4.8,
    durationSeconds: 3.6,
  },
];

function candidateTurn(turn: number, text: string, startedAtSeconds: number): InterviewTurn {
  return {
    turn,
    speaker: 'candidate',
    phase: 'opening',
    act: null,
    text,
    startedAtSeconds,
    durationSeconds: 12.25,
  };
}

function interviewerTurn(turn: number, text: string, startedAtSeconds: number): InterviewTurn {
  return {
    turn,
    speaker: 'interviewer',
    phase: 'opening',
    act: 'follow-up',
    text,
    startedAtSeconds,
    durationSeconds: 2.4,
  };
}

const evaluation: Evaluation = EvaluationSchema.parse({
  criteria: [
    {
      id: 'explains-trade-offs',
      label: 'Explains trade-offs between design choices',
      kind: 'strong',
      verdict: 'partial',
      evidence: [{ turn: 3, quote: 'we chose a queue so the checkout never waits on email' }],
      reason: 'Named one trade-off but did not say what the queue costs in latency.',
    },
    {
      id: 'ignores-failure-modes',
      label: 'Ignores what happens when a dependency fails',
      kind: 'red-flag',
      verdict: 'not-observed',
      evidence: [],
      reason: 'Retries and dead-letter handling came up without prompting.',
    },
  ],
  rating: {
    level: 'solid',
    label: 'Solid',
    reasons: ['Clear ownership story', 'Trade-offs named but not weighed'],
  },
  phases: [
    {
      phase: 'opening',
      title: 'Opening',
      notes: ['Gave scope and team size in the first answer.'],
    },
  ],
  improvements: [
    {
      title: 'Weigh the trade-off you name',
      turn: 3,
      why: 'Naming a queue shows the choice; the cost of the choice shows the judgement.',
      stronger:
        'We put email behind a queue: checkout got faster, and in exchange a receipt can arrive a minute late, which support agreed to.',
      sources: ['messaging.queues'],
    },
  ],
  delivery: {
    wordsPerMinute: 142.5,
    fillerWords: { total: 3, perHundredWords: 1.5, counts: { um: 2, basically: 1 } },
    longPauses: { thresholdSeconds: 5, count: 1, turns: [3] },
    talkRatio: 0.62,
    answerWords: { count: 200, mean: 100, min: 80, max: 120 },
  },
  star: [
    {
      turn: 3,
      situation: true,
      task: true,
      action: true,
      result: false,
      measurable: false,
      missing: ['result'],
    },
  ],
});

async function expectError(promise: Promise<unknown>, code: string): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(isPrepkitError(error), `expected a PrepkitError ${code}, got ${String(error)}`).toBe(true);
  expect((error as { code: string }).code).toBe(code);
  return error as Error;
}

describe.each(testStorageModes())('createInterviewsRepository (%s)', (mode) => {
  let store: Store;

  beforeAll(async () => {
    store = await openTestStore(mode);
  });
  afterAll(async () => {
    await store?.close();
  });

  async function newApplicationId(company: string): Promise<string> {
    const application = await store.applications.create(
      NewApplicationSchema.parse({
        company,
        roleTitle: 'Backend Engineer',
        postingText: 'Backend Engineer\nRequirements: Go, PostgreSQL.',
      }),
    );
    return application.id;
  }

  describe('create', () => {
    it('stores the interview with its first turns and reads both back unchanged', async () => {
      const applicationId = await newApplicationId('Created Co');
      const { interview, turns } = await store.interviews.create(
        newInterview(applicationId),
        openingTurns,
      );
      expect(interview).toMatchObject({
        applicationId,
        personaId: 'backend-engineer',
        personaTitle: 'Backend Engineering Interviewer',
        personaMarkdown,
        clock: 'simulated',
        status: 'active',
        evaluation: null,
        version: 1,
      });
      expect(turns).toEqual(openingTurns);
      expect(await store.interviews.get(interview.id)).toEqual(interview);
      const read = await store.interviews.listTurns(interview.id);
      expect(read).toEqual(openingTurns);
      expect(read[1]?.startedAtSeconds).toBe(4.8);
    });

    it('keeps what the interviewer knew of the job and the candidate', async () => {
      const subject = {
        job: parseJobProfile(),
      };
      const { interview } = await store.interviews.create(
        { ...newInterview(null), subject },
        openingTurns,
      );
      expect((await store.interviews.get(interview.id)).subject).toEqual(subject);
      const plain = await store.interviews.create(newInterview(null), openingTurns);
      expect(plain.interview.subject).toEqual({});
    });

    it('keeps null acts, fractional seconds and turn order across reads', async () => {
      const reversed = [candidateTurn(3, 'I own the billing API.', 8.4), ...openingTurns].reverse();
      const { interview } = await store.interviews.create(newInterview(null), reversed);
      const read = await store.interviews.listTurns(interview.id);
      expect(read.map((turn) => turn.turn)).toEqual([1, 2, 3]);
      expect(read[2]).toEqual(candidateTurn(3, 'I own the billing API.', 8.4));
      expect(read[2]?.act).toBeNull();
      expect(read[2]?.durationSeconds).toBe(12.25);
    });

    it('stores an interview without an application', async () => {
      const { interview } = await store.interviews.create(newInterview(null), openingTurns);
      expect(interview.applicationId).toBeNull();
      const listed = await store.interviews.list();
      expect(listed.find((item) => item.id === interview.id)?.applicationId).toBeNull();
    });

    it('refuses an application that does not exist with NOT_FOUND and stores nothing', async () => {
      const before = (await store.interviews.list()).length;
      await expectError(
        store.interviews.create(newInterview(missingId), openingTurns),
        'NOT_FOUND',
      );
      expect(await store.interviews.list()).toHaveLength(before);
    });
  });

  describe('get', () => {
    it('reports NOT_FOUND for an unknown interview', async () => {
      await expectError(store.interviews.get(missingId), 'NOT_FOUND');
    });
  });

  describe('listTurns', () => {
    it('reports NOT_FOUND for an unknown interview', async () => {
      await expectError(store.interviews.listTurns(missingId), 'NOT_FOUND');
    });
  });

  describe('appendTurns', () => {
    it('adds turns at the current version and bumps the version and update time', async () => {
      const { interview } = await store.interviews.create(newInterview(null), openingTurns);
      const next = [
        candidateTurn(3, 'I own the billing API.', 8.4),
        interviewerTurn(4, 'How do you keep invoices consistent?', 20.65),
      ];
      const updated = await store.interviews.appendTurns(interview.id, 1, next);
      expect(updated.version).toBe(2);
      expect(updated.status).toBe('active');
      expect(Date.parse(updated.updatedAt)).toBeGreaterThan(Date.parse(interview.updatedAt));
      expect(await store.interviews.listTurns(interview.id)).toEqual([...openingTurns, ...next]);
      expect(await store.interviews.get(interview.id)).toEqual(updated);
    });

    it('refuses a stale version with CONFLICT and writes nothing', async () => {
      const { interview } = await store.interviews.create(newInterview(null), openingTurns);
      await store.interviews.appendTurns(interview.id, 1, [
        candidateTurn(3, 'Answer from the first tab.', 8.4),
      ]);
      const error = await expectError(
        store.interviews.appendTurns(interview.id, 1, [
          candidateTurn(4, 'Answer from a stale tab.', 9),
        ]),
        'CONFLICT',
      );
      expect(error).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
      const turns = await store.interviews.listTurns(interview.id);
      expect(turns.map((turn) => turn.text)).not.toContain('Answer from a stale tab.');
      expect(turns).toHaveLength(3);
      expect((await store.interviews.get(interview.id)).version).toBe(2);
    });

    it('lets exactly one of two concurrent appends from the same version win', async () => {
      const { interview } = await store.interviews.create(newInterview(null), openingTurns);
      const answers = ['Answer typed in tab A.', 'Answer typed in tab B.'];
      const results = await Promise.allSettled(
        answers.map((text) =>
          store.interviews.appendTurns(interview.id, 1, [
            candidateTurn(3, text, 8.4),
            interviewerTurn(4, `Follow-up to: ${text}`, 20.65),
          ]),
        ),
      );
      const fulfilled = results.filter((result) => result.status === 'fulfilled');
      const rejected = results.filter((result) => result.status === 'rejected');
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      expect((rejected[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
      const winner = answers[results.findIndex((result) => result.status === 'fulfilled')];
      const turns = await store.interviews.listTurns(interview.id);
      expect(turns.map((turn) => turn.text)).toEqual([
        ...openingTurns.map((turn) => turn.text),
        winner,
        `Follow-up to: ${winner}`,
      ]);
      expect((await store.interviews.get(interview.id)).version).toBe(2);
    });

    it('refuses turn numbers that are already saved with CONFLICT', async () => {
      const { interview } = await store.interviews.create(newInterview(null), openingTurns);
      await expectError(
        store.interviews.appendTurns(interview.id, 1, [candidateTurn(2, 'Renumbered.', 8.4)]),
        'CONFLICT',
      );
      expect(await store.interviews.listTurns(interview.id)).toEqual(openingTurns);
      expect((await store.interviews.get(interview.id)).version).toBe(1);
    });

    it('reports NOT_FOUND for an unknown interview', async () => {
      await expectError(
        store.interviews.appendTurns(missingId, 1, [candidateTurn(3, 'Hello?', 1)]),
        'NOT_FOUND',
      );
    });
  });

  describe('end', () => {
    it('adds the final turns, stores the evaluation and marks the interview ended', async () => {
      const { interview } = await store.interviews.create(newInterview(null), openingTurns);
      const finalTurns = [
        candidateTurn(3, 'We chose a queue so the checkout never waits on email.', 8.4),
        {
          ...interviewerTurn(4, 'Thanks, that is all the time we have today.', 20.65),
          act: 'closing' as const,
        },
      ];
      const ended = await store.interviews.end(interview.id, 1, evaluation, finalTurns);
      expect(ended).toMatchObject({ status: 'ended', version: 2 });
      expect(ended.evaluation).toEqual(evaluation);
      const read = await store.interviews.get(interview.id);
      expect(EvaluationSchema.parse(read.evaluation)).toEqual(evaluation);
      expect(read.evaluation?.delivery.fillerWords.counts).toEqual({ um: 2, basically: 1 });
      expect(await store.interviews.listTurns(interview.id)).toEqual([
        ...openingTurns,
        ...finalTurns,
      ]);
    });

    it('refuses appending to or ending an ended interview with CONFLICT', async () => {
      const { interview } = await store.interviews.create(newInterview(null), openingTurns);
      await store.interviews.end(interview.id, 1, evaluation, []);
      const appended = await expectError(
        store.interviews.appendTurns(interview.id, 2, [candidateTurn(3, 'One more thing.', 9)]),
        'CONFLICT',
      );
      expect(appended.message).toMatch(/has ended/);
      await expectError(store.interviews.end(interview.id, 2, evaluation, []), 'CONFLICT');
      expect(await store.interviews.listTurns(interview.id)).toEqual(openingTurns);
      expect((await store.interviews.get(interview.id)).version).toBe(2);
    });

    it('refuses a stale version with CONFLICT and leaves the interview active', async () => {
      const { interview } = await store.interviews.create(newInterview(null), openingTurns);
      await store.interviews.appendTurns(interview.id, 1, [candidateTurn(3, 'An answer.', 8.4)]);
      await expectError(store.interviews.end(interview.id, 1, evaluation, []), 'CONFLICT');
      const read = await store.interviews.get(interview.id);
      expect(read).toMatchObject({ status: 'active', evaluation: null, version: 2 });
    });
  });

  describe('list', () => {
    it("lists an application's interviews newest first with turn counts and ratings", async () => {
      const applicationId = await newApplicationId('Listed Co');
      const otherId = await newApplicationId('Other Co');
      const { interview: older } = await store.interviews.create(
        newInterview(applicationId),
        openingTurns,
      );
      await store.interviews.end(older.id, 1, evaluation, [
        candidateTurn(3, 'We chose a queue.', 8.4),
      ]);
      const { interview: newer } = await store.interviews.create(newInterview(applicationId), [
        openingTurns[0] as InterviewTurn,
      ]);
      await store.interviews.create(newInterview(otherId), openingTurns);

      const listed = await store.interviews.list({ applicationId });
      expect(listed.map((item) => item.id)).toEqual([newer.id, older.id]);
      expect(listed[0]).toMatchObject({ status: 'active', turnCount: 1, rating: null });
      expect(listed[1]).toMatchObject({ status: 'ended', turnCount: 3, rating: 'solid' });
      expect(listed[1]).not.toHaveProperty('personaMarkdown');
      expect(listed[1]).not.toHaveProperty('evaluation');
    });

    it('lists the interviews of every application and those without one when not filtered', async () => {
      const applicationId = await newApplicationId('Everything Co');
      const { interview: linked } = await store.interviews.create(
        newInterview(applicationId),
        openingTurns,
      );
      const { interview: alone } = await store.interviews.create(newInterview(null), []);
      const ids = (await store.interviews.list()).map((item) => item.id);
      expect(ids).toContain(linked.id);
      expect(ids.indexOf(alone.id)).toBeLessThan(ids.indexOf(linked.id));
    });
  });

  describe('remove', () => {
    it('deletes an interview with its turns', async () => {
      const { interview } = await store.interviews.create(newInterview(null), openingTurns);
      await store.interviews.remove(interview.id);
      await expectError(store.interviews.get(interview.id), 'NOT_FOUND');
      await expectError(store.interviews.remove(interview.id), 'NOT_FOUND');
    });
  });

  describe('deleting the application', () => {
    it('deletes its interviews and their turns', async () => {
      const applicationId = await newApplicationId('Cascade Co');
      const { interview } = await store.interviews.create(
        newInterview(applicationId),
        openingTurns,
      );
      await store.applications.remove(applicationId);
      await expectError(store.interviews.get(interview.id), 'NOT_FOUND');
      await expectError(store.interviews.listTurns(interview.id), 'NOT_FOUND');
      expect(await store.interviews.list({ applicationId })).toEqual([]);
    });
  });
});

function parseJobProfile() {
  return extractJobProfile(
    createSource(
      'markdown',
      'posting.md',
      '# Senior Backend Engineer at Harbor Payments\n## Requirements\n- Go and PostgreSQL',
    ),
    createExtractContext(),
  );
}
