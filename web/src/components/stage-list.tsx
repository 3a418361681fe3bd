import { type Stage, type StageStatus, stageStatuses } from '../../../src/domain/index.js';
import {
  formatDateTime,
  formatRelativeTime,
  formatStageKind,
  stageStatusLabels,
} from '../format.js';

/**
 * The interview rounds of an application, in the order the server gives
 * (by date, unscheduled last). Each round's status can be changed in place.
 */
export function StageList({
  stages,
  savingStageId,
  onChangeStatus,
}: {
  stages: Stage[];
  /** The stage whose status is being saved, if any. */
  savingStageId: string | undefined;
  onChangeStatus: (stage: Stage, status: StageStatus) => void;
}) {
  if (stages.length === 0) {
    return (
      <p className="empty-filter">
        No interview rounds yet. Add the first one below as soon as you hear from the company.
      </p>
    );
  }
  return (
    <ol className="stage-list">
      {stages.map((stage, index) => {
        const kindLabel = formatStageKind(stage.kind);
        const selectId = `stage-status-${stage.id}`;
        return (
          <li key={stage.id} className={`stage stage-${stage.status}`}>
            <div className="stage-main">
              <p className="stage-kind">{kindLabel}</p>
              <p className="stage-when">
                {stage.scheduledAt ? (
                  <>
                    <time dateTime={stage.scheduledAt}>{formatDateTime(stage.scheduledAt)}</time>
                    {stage.status === 'scheduled' || stage.status === 'planned' ? (
                      <span className="muted"> ({formatRelativeTime(stage.scheduledAt)})</span>
                    ) : null}
                  </>
                ) : (
                  <span className="muted">Not scheduled</span>
                )}
              </p>
              {stage.interviewer ? (
                <p className="stage-interviewer">
                  <span className="muted">Interviewer:</span> {stage.interviewer}
                </p>
              ) : null}
            </div>
            <div className="stage-status">
              <label htmlFor={selectId} className="visually-hidden">
                {`Status of round ${index + 1} (${kindLabel})`}
              </label>
              <select
                id={selectId}
                className={`status-select status-${stage.status}`}
                value={stage.status}
                disabled={savingStageId === stage.id}
                onChange={(event) => {
                  const status = stageStatuses.find((value) => value === event.target.value);
                  if (status) onChangeStatus(stage, status);
                }}
              >
                {stageStatuses.map((status) => (
                  <option key={status} value={status}>
                    {stageStatusLabels[status]}
                  </option>
                ))}
              </select>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
