import type { AnalysisView } from './render-analysis-summary.js';

/**
 * The fit report as Markdown: score with its breakdown, level, matches with
 * their resume lines, and gaps by severity. Without a resume, the job profile
 * alone.
 *
 * @example
 * const markdown = renderFitReportMarkdown(analysis);
 */
export function renderFitReportMarkdown(analysis: AnalysisView): string {
  const { job, fit } = analysis;
  const out: string[] = [];
  const title = [job.title.value, job.company.value].filter(Boolean).join(' at ');
  out.push(`# Fit report${title ? `: ${title}` : ''}`, '');
  out.push(
    `- **Level:** ${job.level.value} (${job.level.reason})`,
    `- **Years asked:** ${job.yearsRequired.value === null ? 'not stated' : `${job.yearsRequired.value}+`}`,
    `- **Remote policy:** ${job.remotePolicy.value ?? 'not stated'}`,
    `- **Domain:** ${job.domain.name ?? 'not recognised'}`,
    `- **Required:** ${job.technologies.required.map((item) => item.name).join(', ') || 'none named'}`,
    `- **Nice to have:** ${job.technologies.niceToHave.map((item) => item.name).join(', ') || 'none named'}`,
    '',
  );
  if (!fit) {
    out.push('_Add a resume to see how it matches._', '');
    return out.join('\n');
  }
  out.push(`## Score: ${fit.score}/100`, '', '| part | points | how |', '| --- | ---: | --- |');
  for (const part of fit.breakdown)
    out.push(`| ${part.label} | ${part.points}/${part.maxPoints} | ${part.explanation} |`);
  out.push('');
  if (fit.levelGap) out.push(`**Experience:** ${fit.levelGap.summary}.`, '');
  out.push('## Matches', '');
  if (fit.matches.length === 0) out.push('None found.');
  for (const match of fit.matches) {
    const evidence = match.evidence
      .map(
        (item) =>
          `${item.name} (resume line${item.lines.length > 1 ? 's' : ''} ${item.lines.join(', ')}; ${item.reason})`,
      )
      .join('; ');
    out.push(`- **${match.requirement.name}** — ${match.kind}: ${evidence}`);
  }
  out.push('', '## Gaps', '');
  if (fit.gaps.length === 0) out.push('None.');
  for (const gap of fit.gaps)
    out.push(`- **${gap.requirement.name}** (${gap.severity}): ${gap.reason}`);
  out.push('');
  return out.join('\n');
}
