import {
  type FormEvent,
  type KeyboardEvent,
  type RefObject,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import {
  type CriterionJudgement,
  type Delivery,
  type Evaluation,
  type InterviewTurn,
  maxAnswerLength,
  type StarCheck,
  type Verdict,
} from '../../../src/domain/index.js';
import {
  answerInterview,
  describeError,
  endInterview,
  getApplication,
  getInterview,
  type InterviewProgress,
  type InterviewRecord,
  type InterviewView,
  interviewReportMarkdownUrl,
  isApiError,
} from '../api.js';
import { Link } from '../components/link.js';
import { LoadFailure } from '../components/load-failure.js';
import { LoadingMessage } from '../components/loading-message.js';
import { formatDateTime } from '../format.js';
import { useApiData } from '../use-api-data.js';
import { useDocumentTitle } from '../use-document-title.js';
import { NotFoundPage } from './not-found-page.js';

/** The application an interview practises for, as named in the breadcrumb. */
interface ApplicationName {
  id: string;
  company: string;
  roleTitle: string;
}

interface InterviewPageData {
  view: InterviewView;
  application: ApplicationName | null;
}

async function loadInterviewPageData(id: string, signal?: AbortSignal): Promise<InterviewPageData> {
  const view = await getInterview(id, signal);
  const applicationId = view.interview.applicationId;
  if (!applicationId) return { view, application: null };
  try {
    const application = await getApplication(applicationId, signal);
    return {
      view,
      application: {
        id: application.id,
        company: application.company,
        roleTitle: application.roleTitle,
      },
    };
  } catch (error) {
    // The breadcrumb is a convenience: an interview stays usable without it.
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return { view, application: null };
  }
}

/**
 * `/interviews/:id`: a text mock interview. While it runs: the conversation,
 * the phase and the time left, and the answer box. Once it has ended: the
 * report (rating, improvements, criteria with evidence, delivery, STAR
 * checks, phase notes) and the transcript. Reloading the page resumes the
 * interview where it stood.
 */
export function InterviewPage({ id }: { id: string }) {
  const load = useCallback((signal: AbortSignal) => loadInterviewPageData(id, signal), [id]);
  const { data, retry } = useApiData(`interview:${id}`, load);
  useDocumentTitle(
    data.state === 'ready'
      ? `Mock interview · ${data.value.view.interview.personaTitle}`
      : data.state === 'failed' && isApiError(data.error, 'NOT_FOUND')
        ? 'Interview not found'
        : 'Mock interview',
  );

  if (data.state === 'loading') return <LoadingMessage>Loading the interview…</LoadingMessage>;
  if (data.state === 'failed') {
    if (isApiError(data.error, 'NOT_FOUND')) {
      return (
        <NotFoundPage
          title="Interview not found"
          explanation="There is no mock interview at this address. It may have been deleted, or the link is incomplete."
        />
      );
    }
    return (
      <LoadFailure title="The interview could not be loaded." error={data.error} onRetry={retry} />
    );
  }
  return (
    <InterviewSession id={id} initial={data.value.view} application={data.value.application} />
  );
}

/** What the page knows of the interview, and when the progress was received. */
interface SessionState {
  interview: InterviewRecord;
  turns: InterviewTurn[];
  status: InterviewProgress | null;
  /** `performance.now()` when `status` arrived: the local countdown starts there. */
  receivedAt: number;
}

type Problem = { kind: 'conflict' } | { kind: 'failed'; message: string };

/** Adds the new turns of an answer or an end to the ones shown, replacing any with the same numbers. */
function mergeTurns(shown: InterviewTurn[], fresh: InterviewTurn[]): InterviewTurn[] {
  const first = fresh[0]?.turn;
  if (first === undefined) return shown;
  return [...shown.filter((turn) => turn.turn < first), ...fresh];
}

/** Below this, an answer's typing time is not a measurement (see `send`). */
const minTypedSeconds = 1;

/** Seconds between two `performance.now()` readings, to a tenth, kept within the API's limits. */
function secondsBetween(start: number, end: number, max: number): number {
  return Math.min(max, Math.max(0, Math.round((end - start) / 100) / 10));
}

function lastInterviewerTurn(turns: InterviewTurn[]): InterviewTurn | undefined {
  return turns.findLast((turn) => turn.speaker === 'interviewer');
}

function InterviewSession({
  id,
  initial,
  application,
}: {
  id: string;
  initial: InterviewView;
  application: ApplicationName | null;
}) {
  const [state, setState] = useState<SessionState>(() => ({
    interview: initial.interview,
    turns: initial.turns,
    status: initial.status,
    receivedAt: performance.now(),
  }));
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState<'sending' | 'ending' | 'reloading' | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [emptyAnswer, setEmptyAnswer] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  /** When the latest question appeared, and when the user first typed after it. */
  const questionShownAtRef = useRef(performance.now());
  const firstKeyAtRef = useRef<number | undefined>(undefined);
  const reportHeadingRef = useRef<HTMLHeadingElement>(null);
  const { interview, turns, status } = state;
  const ended = interview.status === 'ended';
  const latestQuestion = lastInterviewerTurn(turns);

  // A new interviewer line starts the pause the next answer reports. An
  // answer already typed (kept after a conflict) keeps its first keystroke.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the turn number marks a new line
  useEffect(() => {
    questionShownAtRef.current = performance.now();
  }, [latestQuestion?.turn]);

  // When the interview ends on this page, the report appears: take focus there.
  const endedBefore = useRef(ended);
  useEffect(() => {
    if (ended && !endedBefore.current) reportHeadingRef.current?.focus();
    endedBefore.current = ended;
  }, [ended]);

  const applyFresh = (view: InterviewView) => {
    setState((current) => ({
      interview: view.interview,
      turns: mergeTurns(current.turns, view.turns),
      status: view.status,
      receivedAt: performance.now(),
    }));
    const reply = lastInterviewerTurn(view.turns);
    if (view.interview.status === 'ended') {
      setAnnouncement(
        `${reply ? `Interviewer: ${reply.text} ` : ''}The interview has ended; the report follows.`,
      );
    } else if (reply) {
      setAnnouncement(`Interviewer: ${reply.text}`);
    }
  };

  const changeDraft = (text: string) => {
    // An emptied box starts over: the next keystroke begins the answer.
    if (text === '') firstKeyAtRef.current = undefined;
    else if (firstKeyAtRef.current === undefined) firstKeyAtRef.current = performance.now();
    setDraft(text);
    if (text.trim() !== '') setEmptyAnswer(false);
  };

  const send = async () => {
    if (busy || ended) return;
    const text = draft.trim();
    if (text === '') {
      setEmptyAnswer(true);
      return;
    }
    setBusy('sending');
    setProblem(undefined);
    const sentAt = performance.now();
    const firstKeyAt = firstKeyAtRef.current;
    const timing: { pauseSeconds?: number; durationSeconds?: number } = {};
    if (firstKeyAt !== undefined) {
      timing.pauseSeconds = secondsBetween(questionShownAtRef.current, firstKeyAt, 3600);
      const duration = secondsBetween(firstKeyAt, sentAt, 7200);
      // An answer that appeared in under a second was pasted, not typed: its
      // length is left to the server's clock rather than reported as instant.
      if (duration >= minTypedSeconds) timing.durationSeconds = duration;
    }
    try {
      const view = await answerInterview(id, { text, version: interview.version, ...timing });
      firstKeyAtRef.current = undefined;
      setDraft('');
      applyFresh(view);
    } catch (error) {
      setProblem(
        isApiError(error, 'CONFLICT')
          ? { kind: 'conflict' }
          : {
              kind: 'failed',
              message: `Your answer was not sent: ${describeError(error)} It is still in the box; send it again.`,
            },
      );
    } finally {
      setBusy(undefined);
    }
  };

  const end = async () => {
    if (busy || ended) return;
    setBusy('ending');
    setProblem(undefined);
    try {
      applyFresh(await endInterview(id, interview.version));
    } catch (error) {
      setProblem(
        isApiError(error, 'CONFLICT')
          ? { kind: 'conflict' }
          : {
              kind: 'failed',
              message: `The interview was not ended: ${describeError(error)} Try again.`,
            },
      );
    } finally {
      setBusy(undefined);
    }
  };

  /** Loads the interview as stored (after a conflict), keeping the typed answer. */
  const reload = async () => {
    setBusy('reloading');
    try {
      const view = await getInterview(id);
      setState({
        interview: view.interview,
        turns: view.turns,
        status: view.status,
        receivedAt: performance.now(),
      });
      setProblem(undefined);
      setAnnouncement(
        view.interview.status === 'ended'
          ? 'Reloaded: the interview has ended; the report follows.'
          : 'Reloaded the latest turns. Your answer is still in the box.',
      );
    } catch (error) {
      setProblem({
        kind: 'failed',
        message: `The interview could not be reloaded: ${describeError(error)} Copy your answer somewhere safe and reload the page.`,
      });
    } finally {
      setBusy(undefined);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send();
  };

  const sendWithKeyboard = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    }
  };

  const closing = !ended && (status?.closing ?? isClosingAct(latestQuestion?.act));

  return (
    <>
      <div className="page-heading interview-heading">
        <p className="breadcrumb">
          <Link to="/">Applications</Link>
          {application ? (
            <>
              {' › '}
              <Link to={`/applications/${encodeURIComponent(application.id)}`}>
                {application.company}
              </Link>
            </>
          ) : null}
        </p>
        <h1>{interview.personaTitle}</h1>
        <p className="lead">
          {'Mock interview'}
          {application ? ` for ${application.roleTitle} at ${application.company}` : ''}
          {' · started '}
          <time dateTime={interview.createdAt}>{formatDateTime(interview.createdAt)}</time>
        </p>
        <InterviewProgressBar interview={interview} status={status} receivedAt={state.receivedAt} />
      </div>

      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>

      {ended ? (
        <InterviewReportView interview={interview} turns={turns} headingRef={reportHeadingRef} />
      ) : (
        <>
          <section className="card section interview-chat" aria-labelledby="conversation-title">
            <h2 id="conversation-title" className="visually-hidden">
              Conversation
            </h2>
            <ChatLog turns={turns} />
          </section>

          <form className="card section answer-form" onSubmit={submit} noValidate>
            <div className={emptyAnswer ? 'field field-invalid' : 'field'}>
              <label htmlFor="answer" className="field-label">
                {closing ? 'Your question for the interviewer' : 'Your answer'}
              </label>
              <p id="answer-hint" className="field-hint">
                {closing
                  ? 'Ask what you want to know about the role or the team, or say you have no more questions to finish. '
                  : 'Answer as you would aloud: your reasoning, the trade-offs, what happened. '}
                Send with Ctrl+Enter (⌘+Enter on a Mac) or the Send button.
              </p>
              <textarea
                id="answer"
                className="answer-textarea"
                rows={6}
                spellCheck
                maxLength={maxAnswerLength}
                value={draft}
                readOnly={busy !== undefined}
                aria-busy={busy === 'sending'}
                aria-invalid={emptyAnswer || undefined}
                aria-describedby={emptyAnswer ? 'answer-hint answer-error' : 'answer-hint'}
                onChange={(event) => changeDraft(event.target.value)}
                onKeyDown={sendWithKeyboard}
              />
              {emptyAnswer ? (
                <p id="answer-error" className="field-error" role="alert">
                  Write your answer before sending it.
                </p>
              ) : null}
            </div>
            <ProblemNotice
              problem={problem}
              reloading={busy === 'reloading'}
              onReload={() => void reload()}
            />
            <div className="form-actions answer-actions">
              <button type="submit" className="button button-primary" disabled={busy !== undefined}>
                {busy === 'sending' ? 'Sending…' : 'Send'}
              </button>
              <button
                type="button"
                className="button"
                disabled={busy !== undefined}
                onClick={() => void end()}
              >
                {busy === 'ending' ? 'Ending…' : 'End interview'}
              </button>
              <p className="muted answer-end-hint">
                Ending now stops the interview and shows the report of what you have answered.
              </p>
            </div>
          </form>
        </>
      )}
    </>
  );
}

function isClosingAct(act: string | null | undefined): boolean {
  return act === 'closing-invite' || act === 'closing-answer';
}

/** A 409 or a failed call, said in the user's words; a conflict offers a Reload. */
function ProblemNotice({
  problem,
  reloading,
  onReload,
}: {
  problem: Problem | undefined;
  reloading: boolean;
  onReload: () => void;
}) {
  return (
    <div
      role="alert"
      className={problem ? 'notice notice-error answer-problem' : 'visually-hidden'}
    >
      {problem?.kind === 'conflict' ? (
        <>
          <p>
            This interview changed in another tab or window (an answer was sent there, or it was
            ended), so nothing was sent from here. Your answer is still in the box. Reload to see
            the latest turns, then send it again if it still fits.
          </p>
          <button
            type="button"
            className="button button-small"
            disabled={reloading}
            onClick={onReload}
          >
            {reloading ? 'Reloading…' : 'Reload'}
          </button>
        </>
      ) : problem?.kind === 'failed' ? (
        <p>{problem.message}</p>
      ) : null}
    </div>
  );
}

/** "Phase 2: Design Scenarios" → "Design Scenarios": the page numbers phases itself. */
function stripPhaseNumber(title: string): string {
  return title.replace(/^phase\s+\d+\s*[:.–—-]\s*/i, '');
}

/** 754 → "12:34", 3725 → "1:02:05"; negative times are shown as "over by …". */
function formatClock(seconds: number): string {
  const whole = Math.floor(Math.abs(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  const text =
    hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
  return seconds < 0 ? `over by ${text}` : text;
}

/** An ISO 8601 duration for `<time dateTime>`: 754 → "PT12M34S". */
function isoDuration(seconds: number): string {
  const whole = Math.floor(Math.abs(seconds));
  return `PT${Math.floor(whole / 60)}M${whole % 60}S`;
}

/**
 * The phase of the interview and the time left in it and in total, counted
 * down locally from the last progress the server sent (a simulated clock
 * does not follow real time, so it is shown as sent).
 */
function InterviewProgressBar({
  interview,
  status,
  receivedAt,
}: {
  interview: InterviewRecord;
  status: InterviewProgress | null;
  receivedAt: number;
}) {
  const running = interview.status === 'active' && interview.clock === 'real' && !status?.finished;
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!running) return;
    setNow(performance.now());
    const timer = window.setInterval(() => setNow(performance.now()), 1000);
    return () => window.clearInterval(timer);
  }, [running]);

  if (interview.status === 'ended' || !status) {
    return (
      <p className="interview-progress">
        <span className="badge interview-ended">Ended</span>
      </p>
    );
  }
  const passed = running ? Math.max(0, (now - receivedAt) / 1000) : 0;
  const phaseLeft = status.phaseRemainingSeconds - passed;
  const totalLeft = status.totalRemainingSeconds - passed;
  return (
    <div className="interview-progress">
      <p className="interview-phase">
        {`Phase ${status.phase.index + 1} of ${status.phase.count}: ${stripPhaseNumber(status.phase.title)}`}
      </p>
      <dl className="interview-clock">
        <div className={phaseLeft < 0 ? 'interview-clock-over' : undefined}>
          <dt>Left in this phase</dt>
          <dd>
            <time dateTime={isoDuration(phaseLeft)}>{formatClock(phaseLeft)}</time>
          </dd>
        </div>
        <div className={totalLeft < 0 ? 'interview-clock-over' : undefined}>
          <dt>Left in total</dt>
          <dd>
            <time dateTime={isoDuration(totalLeft)}>{formatClock(totalLeft)}</time>
          </dd>
        </div>
      </dl>
    </div>
  );
}

/** One turn of the conversation, with the hooks tests and styles use. */
function ChatMessage({ turn, anchor = false }: { turn: InterviewTurn; anchor?: boolean }) {
  const interviewer = turn.speaker === 'interviewer';
  return (
    <li
      id={anchor ? `turn-${turn.turn}` : undefined}
      className={`chat-message ${interviewer ? 'chat-message-interviewer' : 'chat-message-candidate'}`}
      data-turn={turn.turn}
      data-speaker={turn.speaker}
      data-act={turn.act ?? undefined}
    >
      <p className="chat-speaker">
        {interviewer ? 'Interviewer' : 'You'}
        <span className="chat-turn"> · turn {turn.turn}</span>
      </p>
      <p className="chat-text">{turn.text}</p>
    </li>
  );
}

/** The conversation while it runs: oldest first, kept scrolled to the newest line. */
function ChatLog({ turns }: { turns: InterviewTurn[] }) {
  const listRef = useRef<HTMLOListElement>(null);
  const count = turns.length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll again whenever a turn is added
  useLayoutEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [count]);
  return (
    // The log scrolls on its own, so it must be reachable with the keyboard.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region needs focus to scroll
    <ol ref={listRef} className="chat-log" aria-label="Conversation so far" tabIndex={0}>
      {turns.map((turn) => (
        <ChatMessage key={turn.turn} turn={turn} />
      ))}
    </ol>
  );
}

const verdictLabels: Record<Verdict, string> = {
  observed: 'Observed',
  partial: 'Partly observed',
  'not-observed': 'Not observed',
};

/** Whether a verdict is good news: a strong indicator seen, or a red flag not seen. */
function verdictTone(criterion: CriterionJudgement): 'good' | 'mixed' | 'bad' | 'none' {
  if (criterion.verdict === 'partial') return 'mixed';
  if (criterion.kind === 'strong') return criterion.verdict === 'observed' ? 'good' : 'none';
  return criterion.verdict === 'observed' ? 'bad' : 'good';
}

/** The report of an ended interview, then its transcript. */
function InterviewReportView({
  interview,
  turns,
  headingRef,
}: {
  interview: InterviewRecord;
  turns: InterviewTurn[];
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const evaluation = interview.evaluation;
  const phaseTitles = new Map(
    (evaluation?.phases ?? []).map((phase) => [phase.phase, phase.title] as const),
  );
  return (
    <>
      <section className="card section interview-report" aria-labelledby="report-title">
        <div className="report-head">
          <h2 id="report-title" ref={headingRef} tabIndex={-1}>
            Report
          </h2>
          {evaluation ? (
            <a
              className="button button-small"
              href={interviewReportMarkdownUrl(interview.id)}
              download
            >
              Download Markdown
            </a>
          ) : null}
        </div>
        {evaluation ? (
          <ReportBody evaluation={evaluation} />
        ) : (
          <p className="muted">This interview has ended, but its report is not available.</p>
        )}
      </section>
      <section className="card section interview-transcript" aria-labelledby="transcript-title">
        <h2 id="transcript-title">Transcript</h2>
        <Transcript turns={turns} phaseTitles={phaseTitles} />
      </section>
    </>
  );
}

function ReportBody({ evaluation }: { evaluation: Evaluation }) {
  const strong = evaluation.criteria.filter((criterion) => criterion.kind === 'strong');
  const redFlags = evaluation.criteria.filter((criterion) => criterion.kind === 'red-flag');
  return (
    <div className="report-body">
      <section
        aria-labelledby="rating-title"
        className={`report-rating rating-${evaluation.rating.level}`}
      >
        <h3 id="rating-title" className="report-rating-title">
          Overall rating
        </h3>
        <p className="report-rating-label">{evaluation.rating.label}</p>
        {evaluation.rating.reasons.length > 0 ? (
          <ul className="report-reasons">
            {evaluation.rating.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="improvements-title">
        <h3 id="improvements-title">What to improve</h3>
        {evaluation.improvements.length === 0 ? (
          <p className="muted">Nothing stood out to improve in this interview.</p>
        ) : (
          <ol className="report-improvements">
            {evaluation.improvements.map((improvement) => (
              <li key={improvement.title} className="report-improvement">
                <p className="report-improvement-title">
                  {improvement.title}
                  {improvement.turn !== null ? (
                    <>
                      {' '}
                      <a className="report-turn-link" href={`#turn-${improvement.turn}`}>
                        (turn {improvement.turn})
                      </a>
                    </>
                  ) : null}
                </p>
                <p>{improvement.why}</p>
                <p className="report-stronger">
                  <strong>Stronger:</strong> {improvement.stronger}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>

      <div className="report-criteria">
        <CriteriaList
          id="strong-indicators"
          title="Strong indicators"
          criteria={strong}
          empty="This persona lists no strong indicators."
        />
        <CriteriaList
          id="red-flags"
          title="Red flags"
          criteria={redFlags}
          empty="This persona lists no red flags."
        />
      </div>

      <DeliveryFigures delivery={evaluation.delivery} />

      <StarChecks checks={evaluation.star} />

      <section aria-labelledby="phase-notes-title">
        <h3 id="phase-notes-title">Notes by phase</h3>
        {evaluation.phases.length === 0 ? (
          <p className="muted">No phase had an answer.</p>
        ) : (
          <div className="report-phases">
            {evaluation.phases.map((phase) => (
              <section key={phase.phase} aria-label={phase.title} className="report-phase">
                <h4>{phase.title}</h4>
                <ul>
                  {phase.notes.map((note) => (
                    <li key={note}>{note}</li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        )}
      </section>
    </div>
  );
}

function CriteriaList({
  id,
  title,
  criteria,
  empty,
}: {
  id: string;
  title: string;
  criteria: CriterionJudgement[];
  empty: string;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="report-criteria-group">
      <h3 id={`${id}-title`}>{title}</h3>
      {criteria.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="fit-list">
          {criteria.map((criterion) => (
            <li key={criterion.id} className="fit-item report-criterion">
              <div className="fit-item-head">
                <span className="fit-item-name">{criterion.label}</span>
                <span className={`badge verdict-${verdictTone(criterion)}`}>
                  {verdictLabels[criterion.verdict]}
                </span>
              </div>
              <p className="report-criterion-reason">{criterion.reason}</p>
              {criterion.evidence.length > 0 ? (
                <ul className="report-evidence" aria-label={`Evidence for “${criterion.label}”`}>
                  {criterion.evidence.map((evidence) => (
                    <li key={`${evidence.turn}:${evidence.quote}`}>
                      <a href={`#turn-${evidence.turn}`}>Turn {evidence.turn}</a>
                      {`: “${evidence.quote}”`}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** 12.5 → "12.5", 3 → "3". */
function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function DeliveryFigures({ delivery }: { delivery: Delivery }) {
  const fillers = Object.entries(delivery.fillerWords.counts)
    .sort((first, second) => second[1] - first[1])
    .slice(0, 5)
    .map(([word, count]) => `“${word}” ${count}×`);
  const { answerWords, longPauses } = delivery;
  return (
    <section aria-labelledby="delivery-title">
      <h3 id="delivery-title">Delivery</h3>
      <dl className="job-facts report-delivery">
        <div className="job-fact">
          <dt>Pace</dt>
          <dd>
            {delivery.wordsPerMinute === null
              ? 'Not measured: the answers have no timings.'
              : `${delivery.wordsPerMinute} words a minute while answering`}
          </dd>
        </div>
        <div className="job-fact">
          <dt>Filler words</dt>
          <dd>
            {`${delivery.fillerWords.total} (${formatNumber(delivery.fillerWords.perHundredWords)} per 100 words)`}
            {fillers.length > 0 ? `: ${fillers.join(', ')}` : ''}
          </dd>
        </div>
        <div className="job-fact">
          <dt>Long pauses</dt>
          <dd>
            {longPauses === null
              ? 'Not measured: the answers have no timings.'
              : `${longPauses.count} longer than ${formatNumber(longPauses.thresholdSeconds)} seconds before answering${
                  longPauses.turns.length > 0
                    ? ` (${longPauses.turns.length === 1 ? 'turn' : 'turns'} ${longPauses.turns.join(', ')})`
                    : ''
                }`}
          </dd>
        </div>
        <div className="job-fact">
          <dt>Your share of the talking</dt>
          <dd>
            {delivery.talkRatio === null
              ? 'Not measured.'
              : `${Math.round(delivery.talkRatio * 100)}%`}
          </dd>
        </div>
        <div className="job-fact">
          <dt>Answer length</dt>
          <dd>
            {answerWords.count === 0
              ? 'No answers.'
              : `${answerWords.count} ${answerWords.count === 1 ? 'answer' : 'answers'}, ${answerWords.mean} words on average (shortest ${answerWords.min}, longest ${answerWords.max})`}
          </dd>
        </div>
      </dl>
    </section>
  );
}

const starParts: Array<{ key: keyof Omit<StarCheck, 'turn' | 'missing'>; label: string }> = [
  { key: 'situation', label: 'Situation' },
  { key: 'task', label: 'Task' },
  { key: 'action', label: 'Action' },
  { key: 'result', label: 'Result' },
  { key: 'measurable', label: 'A number' },
];

/** The STAR check of each story the candidate told. */
function StarChecks({ checks }: { checks: StarCheck[] }) {
  return (
    <section aria-labelledby="star-title">
      <h3 id="star-title">STAR checks</h3>
      {checks.length === 0 ? (
        <p className="muted">
          No answer was a story to check for situation, task, action and result.
        </p>
      ) : (
        <div className="report-table-wrap">
          <table className="report-table report-star">
            <caption className="visually-hidden">
              Which parts of a STAR story each answer had
            </caption>
            <thead>
              <tr>
                <th scope="col">Answer</th>
                {starParts.map((part) => (
                  <th key={part.key} scope="col">
                    {part.label}
                  </th>
                ))}
                <th scope="col">Missing</th>
              </tr>
            </thead>
            <tbody>
              {checks.map((check) => (
                <tr key={check.turn}>
                  <th scope="row">
                    <a href={`#turn-${check.turn}`}>Turn {check.turn}</a>
                  </th>
                  {starParts.map((part) => (
                    <td key={part.key} className={check[part.key] ? 'star-yes' : 'star-no'}>
                      {check[part.key] ? 'Yes' : 'No'}
                    </td>
                  ))}
                  <td>{check.missing.length === 0 ? 'Nothing' : check.missing.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** "phase-2-design-scenarios" → "Phase 2 design scenarios", for a phase the report does not name. */
function describePhaseId(id: string): string {
  const words = id.replace(/-/g, ' ');
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

/** Every turn of an ended interview, grouped by phase, each with an anchor for the report's links. */
function Transcript({
  turns,
  phaseTitles,
}: {
  turns: InterviewTurn[];
  phaseTitles: Map<string, string>;
}) {
  const groups: Array<{ phase: string; turns: InterviewTurn[] }> = [];
  for (const turn of turns) {
    const last = groups[groups.length - 1];
    if (last && last.phase === turn.phase) last.turns.push(turn);
    else groups.push({ phase: turn.phase, turns: [turn] });
  }
  return (
    <div className="transcript">
      {groups.map((group) => {
        const title = phaseTitles.get(group.phase) ?? describePhaseId(group.phase);
        const first = group.turns[0]?.turn ?? 0;
        return (
          <section key={`${group.phase}:${first}`} aria-labelledby={`transcript-${first}`}>
            <h3 id={`transcript-${first}`} className="transcript-phase">
              {title}
            </h3>
            <ol className="chat-log chat-log-full">
              {group.turns.map((turn) => (
                <ChatMessage key={turn.turn} turn={turn} anchor />
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
