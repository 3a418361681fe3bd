import type { ApplicationSummary } from '../../../src/domain/index.js';
import {
  formatDateTime,
  formatRelativeTime,
  formatStageCount,
  formatStageKind,
} from '../format.js';
import { Link } from './link.js';
import { StatusBadge } from './status-badge.js';

/** One application in the list: who, what, where it stands and what comes next. */
export function ApplicationCard({ application }: { application: ApplicationSummary }) {
  const { nextStage } = application;
  return (
    <Link to={`/applications/${application.id}`} className="application-card">
      <span className="application-card-main">
        <span className="application-card-company">{application.company}</span>
        <span className="application-card-role">{application.roleTitle}</span>
      </span>
      <StatusBadge status={{ kind: 'application', value: application.status }} />
      <span className="application-card-meta">
        <span>{formatStageCount(application.stageCount)}</span>
        {nextStage ? (
          <span>
            Next: <strong>{formatStageKind(nextStage.kind)}</strong>
            {nextStage.scheduledAt ? (
              <>
                {' · '}
                <time dateTime={nextStage.scheduledAt}>
                  {formatDateTime(nextStage.scheduledAt)}
                </time>
                <span className="muted"> ({formatRelativeTime(nextStage.scheduledAt)})</span>
              </>
            ) : (
              <span className="muted"> · not scheduled</span>
            )}
          </span>
        ) : (
          <span className="muted">No upcoming stage</span>
        )}
      </span>
    </Link>
  );
}
