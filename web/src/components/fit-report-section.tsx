import { type ReactNode, useCallback, useState } from 'react';
import type { FitReport } from '../../../src/domain/index.js';
import {
  type AnalysisJob,
  analyzeApplication,
  describeError,
  getLatestAnalysis,
  type StoredAnalysis,
} from '../api.js';
import { formatDateTime } from '../format.js';
import { useApiData } from '../use-api-data.js';
import { LoadFailure } from './load-failure.js';
import { LoadingMessage } from './loading-message.js';

type Match = FitReport['matches'][number];
type Gap = FitReport['gaps'][number];
type Evidence = Match['evidence'][number];
type Severity = Gap['severity'];

const severities: Severity[] = ['high', 'medium', 'low'];
const severityLabels: Record<Severity, string> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

const remoteLabels: Record<string, string> = {
  remote: 'Remote',
  hybrid: 'Hybrid',
  onsite: 'On-site',
};

/** "resume line 12", "resume lines 12, 18". */
function formatLines(where: string, lines: number[]): string {
  if (lines.length === 0) return '';
  return `${where} ${lines.length === 1 ? 'line' : 'lines'} ${lines.join(', ')}`;
}

/** 39.4 → "39.4", 25 → "25". */
function formatPoints(points: number): string {
  return Number.isInteger(points) ? String(points) : points.toFixed(1);
}

/** Capitalizes a sentence that starts with a plain word ("a required…"), never a name ("gRPC…"). */
function capitalize(text: string): string {
  return /^[a-z]+\b/.test(text) ? `${text[0]?.toUpperCase()}${text.slice(1)}` : text;
}

/** How many items of a long list show before "Show all". */
const shortListLength = 6;

/** A list that shows its first items and a button for the rest. */
function ShortList<Item>({
  items,
  what,
  renderItem,
}: {
  items: Item[];
  /** The items' name in a sentence: "matched requirements". */
  what: string;
  renderItem: (item: Item) => ReactNode;
}) {
  const [expanded, setExpanded] = useState(false);
  const long = items.length > shortListLength + 2;
  const shown = long && !expanded ? items.slice(0, shortListLength) : items;
  return (
    <>
      <ul className="fit-list">{shown.map(renderItem)}</ul>
      {long ? (
        <button
          type="button"
          className="link-button fit-show-all"
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? `Show fewer ${what}` : `Show all ${items.length} ${what}`}
        </button>
      ) : null}
    </>
  );
}

/**
 * The fit report of an application: the latest stored analysis (score,
 * breakdown, matches, gaps, job profile) and the button that analyses again.
 */
export function FitReportSection({
  applicationId,
  hasResume,
  textsSavedAt,
}: {
  applicationId: string;
  hasResume: boolean;
  /** When a text of the application was last saved on this page, to flag a stale report. */
  textsSavedAt: number | undefined;
}) {
  const load = useCallback(
    (signal: AbortSignal) => getLatestAnalysis(applicationId, signal),
    [applicationId],
  );
  const { data, retry, setValue } = useApiData(`analysis:${applicationId}`, load);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState('');

  const stored = data.state === 'ready' ? data.value : null;

  const analyze = async () => {
    if (running) return;
    setRunning(true);
    setError(undefined);
    setDone('');
    try {
      const result = await analyzeApplication(applicationId);
      setValue(result);
      const fit = result.analysis.fit;
      setDone(
        fit
          ? `Analysis done: ${fit.score} out of 100.`
          : 'Analysis done. Add your resume to see how it matches.',
      );
    } catch (failure) {
      setError(`The analysis did not run: ${describeError(failure)}`);
    } finally {
      setRunning(false);
    }
  };

  const stale =
    stored !== null &&
    textsSavedAt !== undefined &&
    textsSavedAt > new Date(stored.createdAt).getTime();

  return (
    <section className="card section fit-report" aria-labelledby="fit-report-title">
      <div className="fit-report-head">
        <h2 id="fit-report-title">Fit report</h2>
        {data.state === 'ready' ? (
          <div className="fit-report-actions">
            {stored ? (
              <p className="muted fit-report-date">
                Last analysed{' '}
                <time dateTime={stored.createdAt}>{formatDateTime(stored.createdAt)}</time>
              </p>
            ) : null}
            <button
              type="button"
              className={stored ? 'button' : 'button button-primary'}
              disabled={running}
              onClick={() => void analyze()}
            >
              {running ? 'Analyzing…' : stored ? 'Analyze again' : 'Analyze'}
            </button>
          </div>
        ) : null}
      </div>

      <p className="form-message" role="status">
        {running ? 'Analyzing the posting, your resume and company notes…' : done}
      </p>
      <p className="form-message form-message-error" role="alert">
        {error ?? ''}
      </p>

      {data.state === 'loading' ? <LoadingMessage>Loading the fit report…</LoadingMessage> : null}
      {data.state === 'failed' ? (
        <LoadFailure
          title="The fit report could not be loaded."
          error={data.error}
          onRetry={retry}
        />
      ) : null}
      {data.state === 'ready' && stored === null ? (
        <p className="empty-filter">
          {hasResume
            ? 'Not analysed yet. Analyze reads the posting, your resume and company notes, and shows how well you match: a score, the requirements you meet, and the gaps to prepare for.'
            : 'Not analysed yet. Analyze reads the posting and shows what it asks for; add your resume to see how you match.'}
        </p>
      ) : null}
      {stored ? <StoredAnalysisView stored={stored} stale={stale} /> : null}
    </section>
  );
}

function StoredAnalysisView({ stored, stale }: { stored: StoredAnalysis; stale: boolean }) {
  const { fit, job } = stored.analysis;
  return (
    <div className="fit-report-body">
      {stale ? (
        <p className="fit-report-stale">
          The texts changed since this analysis. Analyze again to bring the report up to date.
        </p>
      ) : null}
      {fit ? (
        <FitView fit={fit} />
      ) : (
        <p className="fit-report-no-resume">
          Add your resume to see how it matches. Until then, here is what the posting asks for.
        </p>
      )}
      <JobProfileView job={job} />
    </div>
  );
}

function FitView({ fit }: { fit: FitReport }) {
  const gapsBySeverity = severities
    .map((severity) => ({
      severity,
      gaps: fit.gaps.filter((gap) => gap.severity === severity),
    }))
    .filter((group) => group.gaps.length > 0);
  return (
    <>
      <div className="fit-score-row">
        <p className="fit-score">
          <span className="fit-score-number">{fit.score}</span>
          <span className="fit-score-max">/100</span>
          <span className="visually-hidden"> fit score</span>
        </p>
        <div className="fit-score-side">
          {fit.levelGap ? (
            <p className={`fit-experience severity-${fit.levelGap.severity}`}>
              <span className="fit-experience-label">Experience:</span> {fit.levelGap.summary}
            </p>
          ) : null}
          <table className="fit-breakdown">
            <caption className="visually-hidden">How the score is made up</caption>
            <thead>
              <tr>
                <th scope="col">Part</th>
                <th scope="col">Points</th>
                <th scope="col">How</th>
              </tr>
            </thead>
            <tbody>
              {fit.breakdown.map((component) => (
                <tr key={component.label}>
                  <th scope="row">{component.label}</th>
                  <td className="fit-breakdown-points">
                    {formatPoints(component.points)}/{formatPoints(component.maxPoints)}
                  </td>
                  <td className="fit-breakdown-explanation">{component.explanation}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      <div className="fit-columns">
        <div className="fit-column">
          <h3>
            Matched requirements <span className="muted">{fit.matches.length}</span>
          </h3>
          {fit.matches.length === 0 ? (
            <p className="empty-filter">The resume shows none of the posting's technologies yet.</p>
          ) : (
            <ShortList
              items={fit.matches}
              what="matched requirements"
              renderItem={(match) => <MatchItem key={match.requirement.id} match={match} />}
            />
          )}
        </div>
        <div className="fit-column">
          <h3>
            Gaps <span className="muted">{fit.gaps.length}</span>
          </h3>
          {gapsBySeverity.length === 0 ? (
            <p className="empty-filter">No gaps: the resume covers every requirement found.</p>
          ) : (
            gapsBySeverity.map((group) => (
              <div key={group.severity} className="fit-gap-group">
                <h4>
                  <span className={`badge severity-${group.severity}`}>
                    {severityLabels[group.severity]}
                  </span>{' '}
                  <span className="muted">{group.gaps.length}</span>
                </h4>
                <ShortList
                  items={group.gaps}
                  what={`${group.severity} gaps`}
                  renderItem={(gap) => <GapItem key={gap.requirement.id} gap={gap} />}
                />
              </div>
            ))
          )}
        </div>
      </div>
    </>
  );
}

function EvidenceLine({ evidence }: { evidence: Evidence }) {
  return (
    <li>
      <span className="fit-evidence-name">{evidence.name}</span>
      {evidence.lines.length > 0 ? (
        <span className="fit-lines"> · {formatLines('resume', evidence.lines)}</span>
      ) : null}
      <span className="muted"> · {evidence.reason}</span>
    </li>
  );
}

function MatchItem({ match }: { match: Match }) {
  const { requirement } = match;
  // The resume names the requirement itself: its lines say it all.
  const only = match.evidence.length === 1 ? match.evidence[0] : undefined;
  const sameName = only && only.id === requirement.id && only.lines.length > 0 ? only : undefined;
  return (
    <li className="fit-item">
      <p className="fit-item-head">
        <span className="fit-item-name">{requirement.name}</span>
        <span className={`badge match-${match.kind}`}>
          {match.kind === 'direct' ? 'Direct' : 'Transferable'}
        </span>
        {requirement.importance === 'nice-to-have' ? (
          <span className="badge importance-nice">Nice to have</span>
        ) : null}
      </p>
      {sameName ? (
        <p className="fit-lines">
          {formatLines('resume', sameName.lines)}
          <span className="muted"> · {sameName.reason}</span>
        </p>
      ) : (
        <ul className="fit-evidence">
          {match.evidence.map((evidence) => (
            <EvidenceLine key={evidence.id} evidence={evidence} />
          ))}
        </ul>
      )}
      {requirement.lines.length > 0 ? (
        <p className="fit-lines muted">Asked on {formatLines('posting', requirement.lines)}</p>
      ) : null}
    </li>
  );
}

function GapItem({ gap }: { gap: Gap }) {
  const { requirement } = gap;
  return (
    <li className="fit-item">
      <p className="fit-item-head">
        <span className="fit-item-name">{requirement.name}</span>
        {requirement.importance === 'nice-to-have' ? (
          <span className="badge importance-nice">Nice to have</span>
        ) : null}
      </p>
      <p className="fit-gap-reason">{capitalize(gap.reason)}.</p>
      {gap.offsetBy.length === 1 && gap.offsetBy[0] ? (
        <p className="fit-lines">
          <span className="fit-offset-label">Offset by </span>
          <span className="fit-evidence-name">{gap.offsetBy[0].name}</span>
          {gap.offsetBy[0].lines.length > 0
            ? ` · ${formatLines('resume', gap.offsetBy[0].lines)}`
            : null}
          <span className="muted"> · {gap.offsetBy[0].reason}</span>
        </p>
      ) : null}
      {gap.offsetBy.length > 1 ? (
        <>
          <p className="fit-offset-label">Offset by</p>
          <ul className="fit-evidence">
            {gap.offsetBy.map((evidence) => (
              <EvidenceLine key={evidence.id} evidence={evidence} />
            ))}
          </ul>
        </>
      ) : null}
      {requirement.lines.length > 0 ? (
        <p className="fit-lines muted">Asked on {formatLines('posting', requirement.lines)}</p>
      ) : null}
    </li>
  );
}

function TechnologyChips({
  label,
  items,
}: {
  label: string;
  items: { id: string; name: string }[];
}) {
  return (
    <div className="job-technologies">
      <h4>
        {label} <span className="muted">{items.length}</span>
      </h4>
      {items.length === 0 ? (
        <p className="muted">None found.</p>
      ) : (
        <ul className="chips">
          {items.map((item) => (
            <li key={item.id} className="chip">
              {item.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function JobProfileView({ job }: { job: AnalysisJob }) {
  const remote = job.remotePolicy ? (remoteLabels[job.remotePolicy] ?? job.remotePolicy) : null;
  const rows: { term: string; value: string }[] = [];
  rows.push({ term: 'Title', value: job.title ?? 'Not found in the posting' });
  rows.push({
    term: 'Level',
    value: job.level
      ? `${capitalize(job.level)}${job.levelReason ? ` — ${job.levelReason}` : ''}`
      : 'Not stated',
  });
  rows.push({
    term: 'Years asked',
    value:
      job.yearsRequired === null || job.yearsRequired === undefined
        ? 'Not stated'
        : `${job.yearsRequired}+ years`,
  });
  rows.push({
    term: 'Remote policy',
    value: remote ?? 'Not stated',
  });
  if (job.location) rows.push({ term: 'Location', value: job.location });
  rows.push({ term: 'Domain', value: job.domainName ?? job.domain ?? 'Not stated' });
  return (
    <div className="job-profile">
      <h3>Job profile</h3>
      <dl className="job-facts">
        {rows.map((row) => (
          <div key={row.term} className="job-fact">
            <dt>{row.term}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
      <TechnologyChips label="Required technologies" items={job.technologies.required} />
      <TechnologyChips label="Nice-to-have technologies" items={job.technologies.niceToHave} />
    </div>
  );
}
