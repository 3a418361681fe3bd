import { type ApplicationStatus, applicationStatuses } from '../../../src/domain/index.js';
import { applicationStatusLabels } from '../format.js';

/** A filter of the list: one status, or every application. */
export type StatusFilter = ApplicationStatus | 'all';

/**
 * The pipeline bar: how many applications are at each status, in pipeline
 * order. Each count is a toggle button that filters the list.
 */
export function StatusPipeline({
  counts,
  total,
  selected,
  onSelect,
}: {
  counts: Record<ApplicationStatus, number>;
  total: number;
  selected: StatusFilter;
  onSelect: (filter: StatusFilter) => void;
}) {
  return (
    <fieldset className="pipeline">
      <legend className="visually-hidden">Filter applications by status</legend>
      <button
        type="button"
        className="pipeline-step"
        aria-pressed={selected === 'all'}
        onClick={() => onSelect('all')}
      >
        <span className="pipeline-label">All</span>
        <span className="pipeline-count">{total}</span>
      </button>
      {applicationStatuses.map((status) => (
        <button
          key={status}
          type="button"
          className={`pipeline-step status-${status}${counts[status] === 0 ? ' pipeline-step-empty' : ''}`}
          aria-pressed={selected === status}
          onClick={() => onSelect(selected === status ? 'all' : status)}
        >
          <span className="pipeline-label">{applicationStatusLabels[status]}</span>
          <span className="pipeline-count">{counts[status]}</span>
        </button>
      ))}
    </fieldset>
  );
}
