import { Hono } from 'hono';
import { z } from 'zod';
import {
  CandidateAnswerSchema,
  type ClockMode,
  ClockModeSchema,
  type Interview,
  type InterviewSubjectSnapshot,
  type InterviewTurn,
  isPrepkitError,
  type Persona,
  PrepkitError,
} from '../../domain/index.js';
import type { ExtractContext } from '../../extract/index.js';
import {
  type AnswerAnalyzer,
  createAnswerAnalyzer,
  createDirector,
  createReferenceFinder,
  type Director,
  evaluateInterview,
  type InterviewSubject,
  listPersonas,
  loadInterviewVocabulary,
  loadPersona,
  parsePersona,
  type ReferenceFinder,
  replayDirector,
} from '../../interview/index.js';
import type { KnowledgeBase } from '../../knowledge/index.js';
import { analyzeApplication } from '../../match/index.js';
import { renderInterviewMarkdown } from '../../render/index.js';
import type { Store } from '../../store/index.js';
import { readApplicationSources } from '../../workspace/index.js';
import { readJsonBody } from '../read-json-body.js';
import { readId } from '../route-params.js';

/** The largest persona file accepted from the web app. */
const maxPersonaLength = 200_000;

const StartInterviewSchema = z
  .object({
    applicationId: z.uuid().nullable().optional(),
    /** A built-in persona id. */
    persona: z.string().min(1).max(200).optional(),
    /** Or a persona file's Markdown, for a persona of the user's own. */
    personaMarkdown: z.string().min(1).max(maxPersonaLength).optional(),
    clock: ClockModeSchema.default('real'),
  })
  .refine((value) => (value.persona === undefined) !== (value.personaMarkdown === undefined), {
    message: 'give either persona (a built-in id) or personaMarkdown (your own persona file)',
  });

const AnswerBodySchema = CandidateAnswerSchema.extend({
  /** The interview version the answer replies to. */
  version: z.number().int().positive(),
});

const EndBodySchema = z.object({ version: z.number().int().positive() });

/**
 * Mock interviews over HTTP. `POST /api/interviews` starts one (for an
 * application, or on its own) and returns the opening; `POST
 * /api/interviews/:id/answers` records an answer and returns the
 * interviewer's reply; `POST .../end` ends it and stores the report; `GET
 * .../report[?format=md]` returns it. Every turn is saved as it happens, and
 * a later request rebuilds the interviewer by replaying the saved answers,
 * so an interview survives a restart. Each change names the version it
 * replies to: a stale one is refused with 409 and changes nothing.
 */
export function createInterviewsRoutes(
  store: Store,
  getContext: () => ExtractContext,
  getKnowledge: () => KnowledgeBase,
): Hono {
  const routes = new Hono();
  const vocabulary = () => loadInterviewVocabulary();
  // Built once per server, not per request: the answer analyzer compiles the
  // vocabulary's phrases, the reference finder indexes every knowledge-base question.
  let analyzer: AnswerAnalyzer | undefined;
  let references: ReferenceFinder | undefined;
  const directorTools = () => {
    analyzer ??= createAnswerAnalyzer(vocabulary());
    return { vocabulary: vocabulary(), analyzer };
  };
  const evaluate = (persona: Persona, turns: readonly InterviewTurn[], clock: ClockMode) => {
    references ??= createReferenceFinder(getKnowledge());
    return evaluateInterview({
      persona,
      turns,
      ...directorTools(),
      knowledge: getKnowledge(),
      references,
      clock,
    });
  };

  /** What the application says of the job, the candidate and the company, read once at the start. */
  const readSubject = async (applicationId: string | null): Promise<InterviewSubjectSnapshot> => {
    if (!applicationId) return {};
    const application = await store.applications.get(applicationId);
    const { job, candidate, company } = analyzeApplication(
      readApplicationSources(application),
      getContext(),
    );
    return {
      job,
      ...(candidate ? { candidate } : {}),
      ...(company ? { company } : {}),
    };
  };

  const directorFor = async (interview: Interview, turns: readonly InterviewTurn[]) => {
    const persona = parsePersona(interview.personaMarkdown, interview.personaId);
    // The stored snapshot, not the application as it is now: a later edit of
    // the resume must not change the questions of an interview under way.
    const subject: InterviewSubject = { ...interview.subject, knowledge: getKnowledge() };
    const director = replayDirector(
      { persona, ...directorTools(), clock: interview.clock, ...subject },
      turns,
    );
    return { persona, subject, director };
  };

  /**
   * The rebuilt director, or undefined when the saved turns no longer replay
   * (recorded by another version of the interviewer): such an interview cannot go on, but its
   * transcript stays readable and it can still be ended with a report.
   */
  const replayable = async (interview: Interview, turns: readonly InterviewTurn[]) => {
    try {
      return await directorFor(interview, turns);
    } catch (error) {
      if (isPrepkitError(error, 'CONFLICT')) return undefined;
      throw error;
    }
  };

  const nowSeconds = (interview: Interview) =>
    Math.max(0, (Date.now() - Date.parse(interview.createdAt)) / 1000);

  const view = (interview: Interview, turns: readonly InterviewTurn[], director?: Director) => ({
    interview: { ...interview, personaMarkdown: undefined, subject: undefined },
    turns,
    status: director?.status() ?? null,
  });

  routes.get('/personas', (c) => c.json({ personas: listPersonas(getKnowledge()) }));

  routes.get('/interviews', async (c) => {
    const applicationId = c.req.query('applicationId');
    return c.json({
      interviews: await store.interviews.list(
        applicationId ? { applicationId: readId(applicationId, 'application') } : {},
      ),
    });
  });

  routes.get('/applications/:id/interviews', async (c) => {
    const applicationId = readId(c.req.param('id'), 'application');
    await store.applications.get(applicationId);
    return c.json({ interviews: await store.interviews.list({ applicationId }) });
  });

  routes.post('/interviews', async (c) => {
    const body = await readJsonBody(c, StartInterviewSchema, 'interview to start');
    const knowledge = getKnowledge();
    const { persona, markdown } = body.persona
      ? await loadBuiltInPersona(body.persona, knowledge)
      : {
          persona: parsePersona(body.personaMarkdown ?? '', 'custom-persona'),
          markdown: body.personaMarkdown ?? '',
        };
    const applicationId = body.applicationId ?? null;
    const subject = await readSubject(applicationId);
    const director = createDirector({
      persona,
      ...directorTools(),
      clock: body.clock,
      knowledge,
      ...subject,
    });
    const opening = director.start();
    const { interview, turns } = await store.interviews.create(
      {
        applicationId,
        personaId: persona.id,
        personaTitle: persona.title,
        personaMarkdown: markdown,
        subject,
        clock: body.clock,
      },
      opening,
    );
    return c.json(view(interview, turns, director), 201);
  });

  routes.get('/interviews/:id', async (c) => {
    const id = readId(c.req.param('id'), 'interview');
    const interview = await store.interviews.get(id);
    const turns = await store.interviews.listTurns(id);
    if (interview.status === 'ended') return c.json(view(interview, turns));
    const opened = await replayable(interview, turns);
    return c.json(view(interview, turns, opened?.director));
  });

  /** Loads an active interview at `version` and rebuilds its director. */
  const openCurrent = async (id: string, version: number) => {
    const interview = await store.interviews.get(id);
    ensureCurrent(interview, version);
    const saved = await store.interviews.listTurns(id);
    return { interview, ...(await directorFor(interview, saved)) };
  };

  /** Evaluates the finished interview and stores its last turns and report. */
  const endWith = async (
    opened: Awaited<ReturnType<typeof openCurrent>>,
    version: number,
    fresh: InterviewTurn[],
  ) => {
    const evaluation = evaluate(opened.persona, opened.director.turns, opened.interview.clock);
    return store.interviews.end(opened.interview.id, version, evaluation, fresh);
  };

  routes.post('/interviews/:id/answers', async (c) => {
    const id = readId(c.req.param('id'), 'interview');
    const body = await readJsonBody(c, AnswerBodySchema, 'answer');
    const opened = await openCurrent(id, body.version);
    const { director, interview } = opened;
    const fresh = director.answer(
      {
        text: body.text,
        ...(body.pauseSeconds === undefined ? {} : { pauseSeconds: body.pauseSeconds }),
        ...(body.durationSeconds === undefined ? {} : { durationSeconds: body.durationSeconds }),
      },
      nowSeconds(interview),
    );
    const updated = director.status().finished
      ? await endWith(opened, body.version, fresh)
      : await store.interviews.appendTurns(id, body.version, fresh);
    return c.json(view(updated, fresh, director), 201);
  });

  routes.post('/interviews/:id/end', async (c) => {
    const id = readId(c.req.param('id'), 'interview');
    const body = await readJsonBody(c, EndBodySchema, 'interview to end');
    const interview = await store.interviews.get(id);
    ensureCurrent(interview, body.version);
    const saved = await store.interviews.listTurns(id);
    const replayed = await replayable(interview, saved);
    if (!replayed) {
      // It cannot go on: end it as it stands, so it gets its report.
      const persona = parsePersona(interview.personaMarkdown, interview.personaId);
      const evaluation = evaluate(persona, saved, interview.clock);
      return c.json(view(await store.interviews.end(id, body.version, evaluation, []), []));
    }
    const opened = { interview, ...replayed };
    const fresh = opened.director.end(nowSeconds(interview));
    const ended = await endWith(opened, body.version, fresh);
    return c.json(view(ended, fresh, opened.director));
  });

  routes.get('/interviews/:id/report', async (c) => {
    const id = readId(c.req.param('id'), 'interview');
    const interview = await store.interviews.get(id);
    if (!interview.evaluation) {
      throw new PrepkitError(
        'NOT_FOUND',
        'This interview has no report yet: end it first (POST /api/interviews/:id/end)',
      );
    }
    const turns = await store.interviews.listTurns(id);
    if (c.req.query('format') === 'md') {
      const persona = parsePersona(interview.personaMarkdown, interview.personaId);
      const markdown = renderInterviewMarkdown({
        personaTitle: interview.personaTitle,
        phaseTitles: new Map(persona.phases.map((phase) => [phase.id, phase.title])),
        turns,
        evaluation: interview.evaluation,
        date: interview.createdAt.slice(0, 16).replace('T', ' '),
      });
      return c.body(markdown, 200, {
        'content-type': 'text/markdown; charset=utf-8',
        'content-disposition': `attachment; filename="interview-${interview.personaId}-${interview.createdAt.slice(0, 10)}.md"`,
      });
    }
    return c.json({ evaluation: interview.evaluation, turns });
  });

  return routes;
}

async function loadBuiltInPersona(id: string, knowledge: KnowledgeBase) {
  // Only built-in ids over HTTP: a path would let a request read server files.
  if (!knowledge.personas.has(id)) {
    throw new PrepkitError(
      'NOT_FOUND',
      `No persona ${JSON.stringify(id)}; the built-in ones are ${[...knowledge.personas.keys()].join(', ')}`,
    );
  }
  return loadPersona(id, knowledge);
}

function ensureCurrent(interview: Interview, version: number): void {
  if (interview.status === 'ended') {
    throw new PrepkitError('CONFLICT', 'This interview has ended; its report is ready');
  }
  if (interview.version !== version) {
    throw new PrepkitError(
      'CONFLICT',
      `This interview changed since version ${version} (now ${interview.version}), probably in another tab: reload it to continue`,
    );
  }
}
