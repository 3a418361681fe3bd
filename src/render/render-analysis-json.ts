import type { AnalysisView } from './render-analysis-summary.js';

/** A profile with each traced field (`{ value, lines }`) flattened to its value. */
export type FlatProfile = Record<string, unknown> & { lines: Record<string, number[]> };

/** The JSON shape of an analysis, as `prepkit analyze --json` prints it and the API returns it. */
export interface AnalysisJson {
  job: FlatProfile;
  candidate?: FlatProfile;
  company?: FlatProfile;
  fit?: AnalysisView['fit'];
}

/**
 * Turns an analysis into plain JSON values: `job.level` is `"senior"`,
 * `job.yearsRequired` is `5` or null, and the lines each value came from move
 * to `job.lines.level`, `job.lines.yearsRequired` ... Extra facts of a traced
 * field keep a prefixed name (`level.reason` → `levelReason`).
 *
 * @example
 * JSON.stringify(renderAnalysisJson(analysis));
 */
export function renderAnalysisJson(analysis: AnalysisView): AnalysisJson {
  const json: AnalysisJson = { job: flattenTraced(analysis.job) };
  if (analysis.candidate) json.candidate = flattenTraced(analysis.candidate);
  if (analysis.company) json.company = flattenTraced(analysis.company);
  if (analysis.fit) json.fit = analysis.fit;
  return json;
}

function flattenTraced(profile: object): FlatProfile {
  const flat: FlatProfile = { lines: {} };
  for (const [key, field] of Object.entries(profile)) {
    if (isTraced(field)) {
      flat[key] = field.value;
      flat.lines[key] = field.lines;
      for (const [extraKey, extra] of Object.entries(field)) {
        if (extraKey !== 'value' && extraKey !== 'lines') {
          flat[`${key}${extraKey[0]?.toUpperCase()}${extraKey.slice(1)}`] = extra;
        }
      }
    } else {
      flat[key] = field;
    }
  }
  return flat;
}

function isTraced(
  field: unknown,
): field is { value: unknown; lines: number[] } & Record<string, unknown> {
  return (
    typeof field === 'object' &&
    field !== null &&
    'value' in field &&
    'lines' in field &&
    Array.isArray(field.lines)
  );
}
