import {
  type CandidateAnswer,
  type ClockMode,
  type InterviewerAct,
  type InterviewTurn,
  type Persona,
  type PersonaPhase,
  PrepkitError,
} from '../domain/index.js';
import {
  type AnswerAnalysis,
  type AnswerAnalyzer,
  countSharedStems,
  createAnswerAnalyzer,
  listWords,
  scoreAnswerSubstance,
  splitSentences,
} from './analyze-answer.js';
import type { InterviewVocabulary } from './interview-vocabulary.js';
import {
  fillPlaceholders,
  type InterviewSubject,
  type PlannedQuestion,
  planPhaseQuestions,
  requestsCode,
  usableQuestions,
} from './tailor-questions.js';

/** Speaking pace used to simulate the clock in scripted runs. */
export const wordsPerMinute = 150;

/** Answers shorter than this get a gentle rephrase instead of a new topic. */
const shortAnswerWords = 6;

/** Follow-ups, probes and rephrases allowed after one main question. */
const extraTurnsPerQuestion = 2;

/** Minutes one technical question takes with its follow-ups, to plan a phase from its budget. */
const minutesPerQuestion = 5;

/** Everything the director needs: the persona, the vocabulary and what it knows of the candidate. */
export interface DirectorOptions extends InterviewSubject {
  persona: Persona;
  vocabulary: InterviewVocabulary;
  clock: ClockMode;
  analyzer?: AnswerAnalyzer;
}

/** Where the interview stands, for a status line or the web page. */
export interface DirectorStatus {
  phase: { id: string; title: string; index: number; count: number };
  elapsedSeconds: number;
  /** Seconds left in the current phase's budget (may be negative when over). */
  phaseRemainingSeconds: number;
  /** Seconds left in the whole interview's budget. */
  totalRemainingSeconds: number;
  finished: boolean;
  /** The closing has begun: the candidate's questions are invited. */
  closing: boolean;
  /** The branch chosen for the deep dive, once chosen. */
  branch: 'strong' | 'fundamentals' | 'other' | null;
}

/**
 * The offline interviewer: a state machine over the persona's phases and a
 * clock. It asks the phase's questions, listens to each answer and decides
 * the next line: a follow-up when a trigger appears, a probe when trade-offs
 * or reasons are missing, a security probe in the design phase when security
 * has not come up, a rephrase after a very short answer, an acknowledgement
 * when the reasoning is good, and the closing when time or questions run out.
 */
export interface Director {
  /** The opening line. Call once. */
  start(): InterviewTurn[];
  /**
   * Records the candidate's answer and returns the new turns: the answer
   * itself, then the interviewer's reply. `nowSeconds` is the real clock
   * (seconds since the start) and is ignored by a simulated clock.
   */
  answer(answer: CandidateAnswer, nowSeconds?: number): InterviewTurn[];
  /**
   * Skips what is left of the phases and invites the candidate's questions
   * (a script that ran out of answers, or a candidate short of time).
   */
  inviteQuestions(nowSeconds?: number): InterviewTurn[];
  /** Ends the interview early (or after the closing): the goodbye line, once. */
  end(nowSeconds?: number): InterviewTurn[];
  readonly turns: readonly InterviewTurn[];
  status(): DirectorStatus;
  /** The analysis of each candidate turn, by turn number. */
  readonly analyses: ReadonlyMap<number, AnswerAnalysis>;
}

interface PhasePlan {
  phase: PersonaPhase;
  questions: PlannedQuestion[];
  /** How many main questions to ask, from the phase's minutes. */
  quota: number;
  budgetSeconds: number;
}

function spokenSeconds(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.round((words / wordsPerMinute) * 60 * 10) / 10;
}

function budgetSeconds(phase: PersonaPhase): number {
  if (!phase.minutes) return 5 * 60;
  return phase.minutes.max * 60;
}

function plannedQuota(phase: PersonaPhase, available: number, technical: boolean): number {
  if (phase.kind === 'opening' || phase.kind === 'closing') return Math.min(1, available);
  const minutes = phase.minutes ? (phase.minutes.min + phase.minutes.max) / 2 : 8;
  // Conversational rounds (recruiter, hiring manager) move faster than design ones.
  const perQuestion = technical ? minutesPerQuestion : 3;
  return Math.max(1, Math.min(available, Math.floor(minutes / perQuestion)));
}

/** Rotates through a list by a counter, so repeated lines vary. */
function pick<T>(items: readonly T[], counter: number): T | undefined {
  return items.length === 0 ? undefined : items[counter % items.length];
}

/** Fewer words than this and a question leans on the sentence before it ("How was it resolved?"). */
const selfContainedQuestionWords = 8;

/**
 * The last sentence that asks something: what a rephrase repeats. A short
 * question that leans on the sentence before it ("Two users request the same
 * alias at the same moment. What happens?") keeps that sentence.
 */
function coreQuestion(text: string): string {
  const sentences = splitSentences(text);
  const last = sentences.findLastIndex((sentence) => sentence.endsWith('?'));
  if (last === -1) return text.trim();
  const question = sentences[last] as string;
  const previous = sentences[last - 1];
  return previous && listWords(question).length < selfContainedQuestionWords
    ? `${previous} ${question}`
    : question;
}

/**
 * Creates a director for one interview.
 *
 * @example
 * const director = createDirector({ persona, vocabulary, clock: 'simulated', candidate, job, knowledge });
 * director.start(); // the opening question
 * director.answer({ text: 'I work on the payments API ...' }); // [candidate turn, interviewer turn]
 */
export function createDirector(options: DirectorOptions): Director {
  const { persona, vocabulary } = options;
  const analyzer = options.analyzer ?? createAnswerAnalyzer(vocabulary);
  const technical = persona.phases.some(
    (phase) => phase.kind === 'design' || phase.kind === 'deep-dive',
  );
  const plans: PhasePlan[] = persona.phases.map((phase) => {
    const questions =
      phase.kind === 'closing' ? [] : planPhaseQuestions(phase, persona, options, vocabulary);
    return {
      phase,
      questions,
      quota: plannedQuota(phase, questions.length, technical),
      budgetSeconds: budgetSeconds(phase),
    };
  });
  const totalBudget = persona.totalMinutes
    ? persona.totalMinutes.max * 60
    : plans.reduce((sum, plan) => sum + plan.budgetSeconds, 0);

  const turns: InterviewTurn[] = [];
  const analyses = new Map<number, AnswerAnalysis>();
  let elapsed = 0;
  let phaseIndex = 0;
  let phaseStartedAt = 0;
  let asked = 0; // main questions asked in this phase
  let extraTurns = 0; // follow-ups and probes since the last main question
  let currentQuestion = '';
  let rephrased = false;
  let probedTradeOffs = false;
  let securityRaised = false;
  let securityProbed = false;
  let branch: DirectorStatus['branch'] = null;
  let branchQuestions: PlannedQuestion[] | undefined;
  let branchPhase: string | undefined;
  let finished = false;
  let started = false;
  let inClosing = false;
  let closingQuestions = 0;
  let lineCounter = 0;
  let lastAnswer = '';
  const usedTriggers = new Set<string>();
  const answerScores: number[] = [];

  const currentPlan = () => plans[phaseIndex] as PhasePlan;

  const say = (act: InterviewerAct, text: string): InterviewTurn => {
    const turn: InterviewTurn = {
      turn: turns.length + 1,
      speaker: 'interviewer',
      phase: currentPlan().phase.id,
      act,
      text,
      startedAtSeconds: round(elapsed),
      durationSeconds: spokenSeconds(text),
    };
    elapsed += turn.durationSeconds;
    turns.push(turn);
    return turn;
  };

  const usedLines = new Set<string>();
  /**
   * The persona's line that fits what the candidate just said best (most
   * shared words; persona lines often name a topic, "duplicate webhooks ...")
   * and has not been said yet; undefined when none shares a word.
   */
  const fittingLine = (lines: readonly string[]): string | undefined => {
    let best: { line: string; shared: number } | undefined;
    for (const line of lines) {
      if (usedLines.has(line) || fillPlaceholders(line, options) !== line) continue;
      const shared = countSharedStems(line, lastAnswer);
      if (shared > 0 && (!best || shared > best.shared)) best = { line, shared };
    }
    if (best) usedLines.add(best.line);
    return best?.line;
  };

  const acknowledgement = () =>
    fittingLine(persona.techniques.rapport) ??
    pick(vocabulary.defaultAcknowledgements, lineCounter++) ??
    '';

  const wrapLine = () =>
    fittingLine(persona.techniques.wrapping) ?? pick(vocabulary.transitions, lineCounter++);

  /** A phase with branches takes the strong or fundamentals one, by how answers went so far. */
  const questionsFor = (plan: PhasePlan): PlannedQuestion[] => {
    if (plan.phase.branches.length === 0) return plan.questions;
    if (!branchQuestions || branchPhase !== plan.phase.id) {
      branchPhase = plan.phase.id;
      const average =
        answerScores.length === 0
          ? 0
          : answerScores.reduce((sum, score) => sum + score, 0) / answerScores.length;
      const wanted = average >= 2.5 ? 'strong' : 'fundamentals';
      // A persona without the wanted branch ("For candidates who have never
      // been on call") takes its other branch rather than the opposite one.
      const chosen =
        plan.phase.branches.find((item) => item.kind === wanted) ??
        plan.phase.branches.find((item) => item.kind === 'other') ??
        plan.phase.branches[0];
      branch = chosen?.kind ?? null;
      branchQuestions = [
        ...plan.questions,
        ...usableQuestions(chosen?.questions ?? [], persona, options).map((text) => ({
          text,
          source: 'persona',
        })),
      ];
      plan.quota = plannedQuota(plan.phase, branchQuestions.length, technical);
    }
    return branchQuestions;
  };

  const closingPlan = () => plans.findIndex((plan) => plan.phase.kind === 'closing');

  // Where security must have come up: the design phase, or for a persona
  // without one, the first phase past the opening and the experience talk.
  // Only personas with security points probe it.
  // Technical rounds only: a recruiter's or hiring manager's "security"
  // points are about discretion, not a probe about attacks.
  const probesSecurity =
    technical && persona.security.always.length + persona.security.ifMissed.length > 0;
  const designIndex = (() => {
    const design = plans.findIndex((plan) => plan.phase.kind === 'design');
    if (design !== -1) return design;
    const later = plans.findIndex(
      (plan) => !['opening', 'experience', 'behavioral', 'closing'].includes(plan.phase.kind),
    );
    return later === -1 ? Number.POSITIVE_INFINITY : later;
  })();

  const closingLines = () => {
    const index = closingPlan();
    const closing = index === -1 ? undefined : plans[index]?.phase;
    const lines = usableQuestions(closing?.questions ?? [], persona, options);
    const invite = lines.find((line) => line.includes('?')) ?? lines[0];
    const goodbye = [...lines].reverse().find((line) => line !== invite && !line.includes('?'));
    return { invite, goodbye };
  };

  const enterPhase = (index: number) => {
    phaseIndex = index;
    phaseStartedAt = elapsed;
    asked = 0;
    extraTurns = 0;
  };

  /** The next main question, moving through phases as quotas and budgets run out. */
  const nextMainQuestion = (prefix: string): InterviewTurn => {
    for (;;) {
      const plan = currentPlan();
      const questions = questionsFor(plan);
      const overBudget = elapsed - phaseStartedAt >= plan.budgetSeconds;
      const overTotal = elapsed >= totalBudget;
      if (plan.phase.kind === 'closing' || overTotal) return invite(prefix);
      if (asked < Math.min(plan.quota, questions.length) && !overBudget) {
        const question = questions[asked] as PlannedQuestion;
        asked += 1;
        extraTurns = 0;
        rephrased = false;
        probedTradeOffs = false;
        currentQuestion = question.text;
        const act: InterviewerAct = plan.phase.kind === 'opening' ? 'opening' : 'question';
        return say(act, joinLines([prefix, question.text]));
      }
      // Leaving the design phase: security must have come up.
      if (phaseIndex === designIndex && probesSecurity && !securityRaised && !securityProbed) {
        return securityProbe(prefix);
      }
      if (phaseIndex >= plans.length - 1) return invite(prefix);
      enterPhase(phaseIndex + 1);
      // The closing's invitation is its own transition.
      if (currentPlan().phase.kind !== 'closing') prefix = joinLines([prefix, wrapLine()]);
    }
  };

  const invite = (prefix: string): InterviewTurn => {
    const index = closingPlan();
    if (index !== -1) enterPhase(index);
    inClosing = true;
    const { invite: line } = closingLines();
    return say('closing-invite', joinLines([prefix, line ?? vocabulary.closingInvite]));
  };

  const securityProbe = (prefix: string): InterviewTurn => {
    securityProbed = true;
    extraTurns += 1;
    const lines = [...persona.security.ifMissed, ...persona.security.always]
      .map((line) => fillPlaceholders(line, options))
      .filter((line): line is string => line !== undefined)
      .filter((line) => !(persona.forbidsCode && requestsCode(line)));
    currentQuestion = lines[0] ?? vocabulary.defaultSecurityProbes[0] ?? '';
    return say('security-probe', joinLines([prefix, currentQuestion]));
  };

  const finish = (text: string): InterviewTurn => {
    finished = true;
    return say('closing', text);
  };

  const triggerFor = (analysis: AnswerAnalysis) => {
    for (const plan of plans) {
      for (const trigger of plan.phase.triggers) {
        const key = `${plan.phase.id}:${trigger.when}`;
        if (usedTriggers.has(key)) continue;
        const synonyms = vocabulary.triggerSynonyms
          .filter((entry) =>
            entry.keywords.some((keyword) => trigger.when.toLowerCase().includes(keyword)),
          )
          .flatMap((entry) => entry.synonyms);
        if (analyzer.mentions(analysis, [...trigger.keywords, ...synonyms])) {
          if (persona.forbidsCode && requestsCode(trigger.question)) continue;
          const question = fillPlaceholders(trigger.question, options);
          if (!question) continue;
          usedTriggers.add(key);
          return question;
        }
      }
    }
    return undefined;
  };

  const closingReply = (analysis: AnswerAnalysis, text: string): InterviewTurn => {
    const lower = text.toLowerCase();
    const matched = vocabulary.closingAnswers.find((entry) =>
      entry.cues.some((cue) => lower.includes(cue)),
    );
    const declines =
      /^\W*(?:no|nope|nothing|none|not really|i'm good|i am good|all good|that's (?:all|everything|it))\b/i.test(
        text,
      );
    const isQuestion = analysis.asksQuestion || (matched !== undefined && !declines);
    if (!isQuestion || closingQuestions >= 3 || analysis.words === 0) {
      const { goodbye } = closingLines();
      return finish(joinLines([vocabulary.closingFallback, goodbye]));
    }
    closingQuestions += 1;
    const answer = matched ? fillClosingAnswer(matched.answer) : vocabulary.closingUnknown;
    return say('closing-answer', `${answer} ${vocabulary.closingMore}`);
  };

  const fillClosingAnswer = (template: string): string => {
    const job = options.job;
    const technologies = job?.technologies.required.slice(0, 4).map((item) => item.name) ?? [];
    const remote: Record<string, string> = {
      remote: 'The posting describes the role as remote.',
      hybrid: 'The posting describes a hybrid arrangement.',
      onsite: 'The posting describes the role as on-site.',
    };
    const values: Record<string, string> = {
      position: persona.role.position || persona.title,
      expertise: persona.role.expertise.join(', ') || 'this area',
      title: job?.title.value ?? 'this role',
      company: job?.company.value ?? 'the company',
      technologies: technologies.length > 0 ? technologies.join(', ') : 'the stack in the posting',
      responsibility: job?.responsibilities[0]
        ? inlinePhrase(job.responsibilities[0].text)
        : 'the work described in the posting',
      remote:
        (job?.remotePolicy.value && remote[job.remotePolicy.value]) ??
        'Ask the recruiter how the team splits time between home and the office.',
    };
    return template.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);
  };

  const director: Director = {
    turns,
    analyses,
    start() {
      if (started) throw new PrepkitError('CONFLICT', 'This interview has already started');
      started = true;
      enterPhase(0);
      return [nextMainQuestion('')];
    },
    answer(answer, nowSeconds) {
      if (!started) throw new PrepkitError('CONFLICT', 'Start the interview before answering');
      if (finished) throw new PrepkitError('CONFLICT', 'This interview has ended');
      const text = answer.text.trim();
      const analysis = analyzer.analyze(text);
      const pause = answer.pauseSeconds ?? 0;
      const simulatedDuration = spokenSeconds(text);
      let startedAt = elapsed + pause;
      let duration = answer.durationSeconds ?? simulatedDuration;
      if (options.clock === 'real' && nowSeconds !== undefined) {
        duration = answer.durationSeconds ?? Math.max(0, nowSeconds - elapsed - pause);
        startedAt = Math.max(elapsed, nowSeconds - duration);
      }
      // The clock goes on from the times as saved (to a tenth), so a replay
      // of the saved turns meets every time limit exactly where this run did.
      startedAt = round(startedAt);
      duration = round(duration);
      const candidateTurn: InterviewTurn = {
        turn: turns.length + 1,
        speaker: 'candidate',
        phase: currentPlan().phase.id,
        act: null,
        text,
        startedAtSeconds: startedAt,
        durationSeconds: duration,
      };
      turns.push(candidateTurn);
      analyses.set(candidateTurn.turn, analysis);
      elapsed = startedAt + duration;
      lastAnswer = text;
      const reply = respond(analysis, text);
      return [candidateTurn, reply];
    },
    inviteQuestions(nowSeconds) {
      if (!started) throw new PrepkitError('CONFLICT', 'Start the interview first');
      if (finished || inClosing) return [];
      if (options.clock === 'real' && nowSeconds !== undefined)
        elapsed = Math.max(elapsed, nowSeconds);
      return [invite('')];
    },
    end(nowSeconds) {
      if (finished) return [];
      if (!started) throw new PrepkitError('CONFLICT', 'Start the interview before ending it');
      if (options.clock === 'real' && nowSeconds !== undefined)
        elapsed = Math.max(elapsed, nowSeconds);
      const { goodbye } = closingLines();
      return [
        finish(
          inClosing ? joinLines([vocabulary.closingFallback, goodbye]) : vocabulary.endedEarly,
        ),
      ];
    },
    status() {
      const plan = currentPlan();
      return {
        phase: {
          id: plan.phase.id,
          title: plan.phase.title,
          index: phaseIndex,
          count: plans.length,
        },
        elapsedSeconds: round(elapsed),
        phaseRemainingSeconds: round(plan.budgetSeconds - (elapsed - phaseStartedAt)),
        totalRemainingSeconds: round(totalBudget - elapsed),
        finished,
        closing: inClosing,
        branch,
      };
    },
  };

  function respond(analysis: AnswerAnalysis, text: string): InterviewTurn {
    const plan = currentPlan();
    if (inClosing) return closingReply(analysis, text);
    if (analysis.signals.has('security')) securityRaised = true;
    const inOpening = plan.phase.kind === 'opening';

    // A very short or empty answer: the same question, put more gently.
    if (analysis.words < shortAnswerWords) {
      if (!rephrased && currentQuestion && extraTurns < extraTurnsPerQuestion) {
        rephrased = true;
        extraTurns += 1;
        const template = pick(vocabulary.rephrases, lineCounter++) ?? '{question}';
        return say('rephrase', template.replace('{question}', coreQuestion(currentQuestion)));
      }
      answerScores.push(0);
      return nextMainQuestion(pick(vocabulary.movingOn, lineCounter++) ?? '');
    }
    // Blame, overclaiming or a rewrite-first answer count against the branch.
    const negative = ['blame', 'overclaiming', 'rewrite-first'].some((id) =>
      analysis.signals.has(id),
    );
    answerScores.push(scoreAnswerSubstance(analysis) - (negative ? 1 : 0));

    const timeLeft = elapsed - phaseStartedAt < plan.budgetSeconds && elapsed < totalBudget;
    if (timeLeft && extraTurns < extraTurnsPerQuestion) {
      if (inOpening && extraTurns === 0 && plan.phase.followUps.length > 0) {
        const followUp = usableQuestions(plan.phase.followUps, persona, options).find(
          (line) => !currentQuestion.includes(line),
        );
        if (followUp) {
          extraTurns += 1;
          currentQuestion = followUp;
          return say('follow-up', followUp);
        }
      }
      const triggered = inOpening ? undefined : triggerFor(analysis);
      if (triggered) {
        extraTurns += 1;
        currentQuestion = triggered;
        return say('follow-up', triggered);
      }
      if (phaseIndex >= designIndex && probesSecurity && !securityRaised && !securityProbed) {
        return securityProbe('');
      }
      // A probe follows the answer to a main question directly; after a
      // rephrase or a follow-up the director moves on rather than pile on.
      // Technical rounds probe for trade-offs; conversational ones for the
      // reasons and a concrete example, in the persona's own words only.
      const lacking = technical
        ? !analysis.signals.has('trade-offs')
        : !analysis.signals.has('reasoning') &&
          !analysis.signals.has('real-experience') &&
          !analysis.signals.has('metrics');
      const probing =
        extraTurns === 0 &&
        !['opening', 'closing', 'behavioral'].includes(plan.phase.kind) &&
        !probedTradeOffs &&
        lacking;
      const line = !probing
        ? undefined
        : technical
          ? (fittingLine([
              ...(analysis.signals.has('reasoning') ? [] : persona.techniques.probing),
              ...persona.techniques.tradeOffs,
            ]) ??
            pick(
              vocabulary.defaultProbes.filter((item) => !usedLines.has(item)),
              lineCounter++,
            ) ??
            pick(vocabulary.defaultProbes, lineCounter++))
          : (fittingLine(persona.techniques.probing) ??
            pick(
              persona.techniques.probing.filter((item) => !usedLines.has(item)),
              lineCounter++,
            ));
      if (line) {
        probedTradeOffs = true;
        extraTurns += 1;
        usedLines.add(line);
        currentQuestion = line;
        return say('probe', line);
      }
    }
    const good =
      analysis.signals.has('reasoning') &&
      (analysis.signals.has('trade-offs') || analysis.signals.has('failure-modes'));
    return nextMainQuestion(good ? acknowledgement() : '');
  }

  return director;
}

/**
 * Joins an acknowledgement, a transition and a question into one turn, each
 * ending as a sentence: "I like that. Good, let's change systems. Your resume ...".
 */
function joinLines(lines: ReadonlyArray<string | undefined>): string {
  return lines
    .map((line) => line?.trim() ?? '')
    .filter((line) => line !== '')
    .map((line, index, all) =>
      index < all.length - 1 && !/[.!?…:"”)]$/.test(line) ? `${line}.` : line,
    )
    .join(' ');
}

/** A posting line for use inside a sentence: no bullet, no final stop, no capital unless an acronym. */
function inlinePhrase(text: string): string {
  const trimmed = text
    .replace(/^[-*•\s]+/, '')
    .replace(/[.;:!\s]+$/, '')
    .trim();
  return /^[A-Z][a-z]/.test(trimmed) ? `${trimmed[0]?.toLowerCase()}${trimmed.slice(1)}` : trimmed;
}

function round(seconds: number): number {
  return Math.round(seconds * 10) / 10;
}

/**
 * Rebuilds a director from saved turns by replaying the candidate's answers
 * with their recorded times: the director is deterministic, so the replayed
 * state is the state that was saved. Throws CONFLICT when the replay does not
 * give the saved turns back (the interview was recorded by another version
 * of the interviewer and cannot be resumed; its record stays readable).
 */
export function replayDirector(
  options: DirectorOptions,
  saved: readonly InterviewTurn[],
): Director {
  const director = createDirector(options);
  if (saved.length === 0) return director;
  director.start();
  for (const turn of saved) {
    if (director.status().finished) break;
    if (turn.speaker === 'candidate') {
      const pauseSeconds = Math.max(0, turn.startedAtSeconds - director.status().elapsedSeconds);
      director.answer(
        { text: turn.text, durationSeconds: turn.durationSeconds, pauseSeconds },
        turn.startedAtSeconds + turn.durationSeconds,
      );
      continue;
    }
    // Interviewer turns no answer produced: the invitation asked for when a
    // script ran out, and the goodbye of an interview ended early.
    if (director.turns.length >= turn.turn) continue;
    if (turn.act === 'closing-invite') director.inviteQuestions(turn.startedAtSeconds);
    else if (turn.act === 'closing') director.end(turn.startedAtSeconds);
  }
  const same =
    director.turns.length === saved.length &&
    director.turns.every(
      (turn, index) => turn.speaker === saved[index]?.speaker && turn.text === saved[index]?.text,
    );
  if (!same) {
    throw new PrepkitError(
      'CONFLICT',
      'This interview was recorded by another version of the interviewer and cannot be resumed; its transcript and report stay available. Start a new one to keep practising.',
    );
  }
  return director;
}
