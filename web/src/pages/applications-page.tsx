import {
  type ApplicationStatus,
  ApplicationStatusSchema,
  type ApplicationSummary,
  applicationStatuses,
} from '../../../src/domain/index.js';
import { listApplications } from '../api.js';
import { ApplicationCard } from '../components/application-card.js';
import { Link } from '../components/link.js';
import { LoadFailure } from '../components/load-failure.js';
import { LoadingMessage } from '../components/loading-message.js';
import { type StatusFilter, StatusPipeline } from '../components/status-pipeline.js';
import { applicationStatusLabels } from '../format.js';
import { navigate, useLocation } from '../navigation.js';
import { useApiData } from '../use-api-data.js';
import { useDocumentTitle } from '../use-document-title.js';

/** `/`: every application, grouped by status, with the pipeline bar as a filter. */
export function ApplicationsPage() {
  useDocumentTitle('Applications');
  const { search } = useLocation();
  const parsedFilter = ApplicationStatusSchema.safeParse(search.get('status'));
  const filter: StatusFilter = parsedFilter.success ? parsedFilter.data : 'all';
  const { data, retry } = useApiData('applications', (signal) => listApplications(signal));

  const selectFilter = (next: StatusFilter) =>
    navigate(next === 'all' ? '/' : `/?status=${next}`, { replace: true });

  return (
    <>
      <div className="page-heading">
        <h1>Applications</h1>
      </div>
      {data.state === 'loading' ? <LoadingMessage>Loading applications…</LoadingMessage> : null}
      {data.state === 'failed' ? (
        <LoadFailure
          title="The applications could not be loaded."
          error={data.error}
          onRetry={retry}
        />
      ) : null}
      {data.state === 'ready' ? (
        <ApplicationsOverview
          applications={data.value}
          filter={filter}
          onSelectFilter={selectFilter}
        />
      ) : null}
    </>
  );
}

function ApplicationsOverview({
  applications,
  filter,
  onSelectFilter,
}: {
  applications: ApplicationSummary[];
  filter: StatusFilter;
  onSelectFilter: (filter: StatusFilter) => void;
}) {
  if (applications.length === 0) {
    return (
      <section className="empty-state">
        <h2>No applications yet</h2>
        <p>
          Add the job you are preparing for: paste its posting, and optionally your resume and what
          you know about the company. prepkit keeps every interview round of it in one place.
        </p>
        <Link to="/applications/new" className="button button-primary">
          Add your first application
        </Link>
      </section>
    );
  }

  const groups = groupByStatus(applications);
  const counts = Object.fromEntries(
    applicationStatuses.map((status) => [status, groups.get(status)?.length ?? 0]),
  ) as Record<ApplicationStatus, number>;
  const shownStatuses = applicationStatuses.filter(
    (status) => (filter === 'all' || filter === status) && counts[status] > 0,
  );

  return (
    <>
      <StatusPipeline
        counts={counts}
        total={applications.length}
        selected={filter}
        onSelect={onSelectFilter}
      />
      {shownStatuses.length === 0 ? (
        <p className="empty-filter">
          No application is at “{applicationStatusLabels[filter as ApplicationStatus]}”.{' '}
          <button type="button" className="link-button" onClick={() => onSelectFilter('all')}>
            Show all applications
          </button>
        </p>
      ) : null}
      {shownStatuses.map((status) => (
        <section key={status} className="status-group" aria-labelledby={`group-${status}`}>
          <h2 id={`group-${status}`} className="status-group-title">
            {applicationStatusLabels[status]} <span className="muted">{counts[status]}</span>
          </h2>
          <ul className="application-list">
            {(groups.get(status) ?? []).map((application) => (
              <li key={application.id}>
                <ApplicationCard application={application} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/**
 * Groups applications by status; inside a group, the soonest scheduled next
 * round comes first, then the most recently updated.
 */
function groupByStatus(
  applications: ApplicationSummary[],
): Map<ApplicationStatus, ApplicationSummary[]> {
  const sorted = [...applications].sort((first, second) => {
    const firstTime = first.nextStage?.scheduledAt;
    const secondTime = second.nextStage?.scheduledAt;
    if (firstTime && secondTime && firstTime !== secondTime) {
      return Date.parse(firstTime) - Date.parse(secondTime);
    }
    if (firstTime && !secondTime) return -1;
    if (!firstTime && secondTime) return 1;
    return Date.parse(second.updatedAt) - Date.parse(first.updatedAt);
  });
  const groups = new Map<ApplicationStatus, ApplicationSummary[]>();
  for (const application of sorted) {
    const group = groups.get(application.status);
    if (group) group.push(application);
    else groups.set(application.status, [application]);
  }
  return groups;
}
