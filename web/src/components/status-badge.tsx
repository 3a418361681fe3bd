import type { ApplicationStatus, StageStatus } from '../../../src/domain/index.js';
import { applicationStatusLabels, stageStatusLabels } from '../format.js';

/** A small coloured label for an application's or a stage's status. */
export function StatusBadge({
  status,
}: {
  status: { kind: 'application'; value: ApplicationStatus } | { kind: 'stage'; value: StageStatus };
}) {
  const label =
    status.kind === 'application'
      ? applicationStatusLabels[status.value]
      : stageStatusLabels[status.value];
  return <span className={`badge status-${status.value}`}>{label}</span>;
}
