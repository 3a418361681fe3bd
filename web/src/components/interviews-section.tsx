import { type FormEvent, type ReactNode, useCallback, useState } from 'react';
import type { RatingLevel } from '../../../src/domain/index.js';
import {
  describeError,
  type InterviewListItem,
  listApplicationInterviews,
  listPersonas,
  type PersonaOption,
  startInterview,
} from '../api.js';
import { formatDateTime } from '../format.js';
import { navigate } from '../navigation.js';
import { useApiData } from '../use-api-data.js';
import { Link } from './link.js';
import { LoadFailure } from './load-failure.js';
import { LoadingMessage } from './loading-message.js';

/** The persona chosen first when the list has it: the most common technical round. */
const preferredPersonaId = 'backend-engineer';

/** Short labels of the overall rating, for the list. */
const ratingLabels: Record<RatingLevel, string> = {
  strong: 'Strong',
  solid: 'Solid',
  mixed: 'Mixed',
  'not-yet': 'Not yet',
};

interface InterviewsData {
  personas: PersonaOption[];
  interviews: InterviewListItem[];
}

async function loadInterviewsData(
  applicationId: string,
  signal?: AbortSignal,
): Promise<InterviewsData> {
  const [personas, interviews] = await Promise.all([
    listPersonas(signal),
    listApplicationInterviews(applicationId, signal),
  ]);
  return { personas, interviews };
}

/** "45–60 minutes", or nothing when the persona gives no length. */
function formatLength(persona: PersonaOption): string {
  const minutes = persona.totalMinutes;
  if (!minutes) return '';
  return minutes.min === minutes.max
    ? `${minutes.min} minutes`
    : `${minutes.min}–${minutes.max} minutes`;
}

/**
 * The mock interviews of an application: the ones practised so far (persona,
 * date, status, rating, each a link to its page) and a form to start a new one
 * with a chosen interviewer persona.
 */
export function InterviewsSection({ applicationId }: { applicationId: string }) {
  const load = useCallback(
    (signal: AbortSignal) => loadInterviewsData(applicationId, signal),
    [applicationId],
  );
  const { data, retry } = useApiData(`interviews:${applicationId}`, load);

  let body: ReactNode;
  if (data.state === 'loading') {
    body = <LoadingMessage>Loading the mock interviews…</LoadingMessage>;
  } else if (data.state === 'failed') {
    body = (
      <LoadFailure
        title="The mock interviews could not be loaded."
        error={data.error}
        onRetry={retry}
      />
    );
  } else {
    body = (
      <>
        <InterviewList interviews={data.value.interviews} />
        <StartInterviewForm applicationId={applicationId} personas={data.value.personas} />
      </>
    );
  }

  return (
    <section className="card section interviews" aria-labelledby="interviews-title">
      <h2 id="interviews-title">Mock interviews</h2>
      <p className="muted interviews-intro">
        Practise a round in writing. The interviewer follows a persona’s phases and time budget,
        asks about this posting and your resume, follows up on what you say, and ends with a report
        that quotes your answers.
      </p>
      {body}
    </section>
  );
}

function InterviewList({ interviews }: { interviews: InterviewListItem[] }) {
  if (interviews.length === 0) {
    return <p className="muted interviews-empty">No mock interviews for this application yet.</p>;
  }
  const newestFirst = [...interviews].sort(
    (first, second) => Date.parse(second.createdAt) - Date.parse(first.createdAt),
  );
  return (
    <div className="report-table-wrap">
      <table className="report-table interview-table">
        <caption className="visually-hidden">Mock interviews, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Interviewer</th>
            <th scope="col">Started</th>
            <th scope="col">Status</th>
            <th scope="col">Rating</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((interview) => (
            <tr key={interview.id}>
              <th scope="row">
                <Link to={`/interviews/${encodeURIComponent(interview.id)}`}>
                  {interview.personaTitle}
                </Link>
              </th>
              <td>
                <time dateTime={interview.createdAt}>{formatDateTime(interview.createdAt)}</time>
              </td>
              <td>
                {interview.status === 'ended'
                  ? 'Ended'
                  : `In progress (${interview.turnCount} ${interview.turnCount === 1 ? 'turn' : 'turns'})`}
              </td>
              <td>{interview.rating ? ratingLabels[interview.rating] : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StartInterviewForm({
  applicationId,
  personas,
}: {
  applicationId: string;
  personas: PersonaOption[];
}) {
  const [personaId, setPersonaId] = useState(
    () =>
      personas.find((persona) => persona.id === preferredPersonaId)?.id ?? personas[0]?.id ?? '',
  );
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | undefined>();

  if (personas.length === 0) {
    return <p className="muted">No interviewer persona is installed, so no interview can start.</p>;
  }
  const chosen = personas.find((persona) => persona.id === personaId);

  const start = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (starting || !chosen) return;
    setStarting(true);
    setError(undefined);
    try {
      const view = await startInterview({ applicationId, persona: chosen.id });
      navigate(`/interviews/${encodeURIComponent(view.interview.id)}`);
    } catch (failure) {
      setError(`The interview did not start: ${describeError(failure)}`);
      setStarting(false);
    }
  };

  const length = chosen ? formatLength(chosen) : '';
  return (
    <form className="start-interview" onSubmit={(event) => void start(event)}>
      <div className="field start-interview-field">
        <label htmlFor="interview-persona" className="field-label">
          Interviewer persona
        </label>
        <select
          id="interview-persona"
          aria-describedby="interview-persona-hint"
          value={personaId}
          disabled={starting}
          onChange={(event) => setPersonaId(event.target.value)}
        >
          {personas.map((persona) => (
            <option key={persona.id} value={persona.id}>
              {persona.title}
            </option>
          ))}
        </select>
        <p id="interview-persona-hint" className="field-hint">
          {chosen
            ? [chosen.position, length, chosen.phases.join(' → ')].filter(Boolean).join(' · ')
            : ''}
        </p>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={starting || !chosen}>
          {starting ? 'Starting…' : 'Start mock interview'}
        </button>
      </div>
      <p className="form-message form-message-error" role="alert">
        {error ?? ''}
      </p>
    </form>
  );
}
