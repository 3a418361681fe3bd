import type { ReactNode } from 'react';
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
  notesStageId,
  onToggleNotes,
  renderNotes,
}: {
  stages: Stage[];
  /** The stage whose status is being saved, if any. */
  savingStageId: string | undefined;
  onChangeStatus: (stage: Stage, status: StageStatus) => void;
  /** The stage whose notes are open, if any. */
  notesStageId?: string | undefined;
  onToggleNotes?: (stage: Stage) => void;
  /** The notes editor of a stage; `label` names the round in a sentence. */
  renderNotes?: (stage: Stage, label: string) => ReactNode;
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
        const roundLabel = `round ${index + 1} (${kindLabel})`;
        const notesOpen = notesStageId === stage.id;
        const notesId = `stage-notes-panel-${stage.id}`;
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
              {onToggleNotes ? (
                <button
                  type="button"
                  className="button button-small stage-notes-toggle"
                  aria-expanded={notesOpen}
                  aria-controls={notesOpen ? notesId : undefined}
                  onClick={() => onToggleNotes(stage)}
                >
                  {notesOpen ? 'Close notes' : 'Notes'}
                  <span className="visually-hidden">{` for ${roundLabel}`}</span>
                </button>
              ) : null}
            </div>
            {notesOpen && renderNotes ? (
              <div id={notesId} className="stage-notes-panel">
                {renderNotes(stage, roundLabel)}
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
