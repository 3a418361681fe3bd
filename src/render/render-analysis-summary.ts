import type {
  CandidateProfile,
  CompanyProfile,
  FitReport,
  JobProfile,
  TechnologyReference,
} from '../domain/index.js';

/** What `renderAnalysisSummary` shows: the same shape as an analysis. */
export interface AnalysisView {
  job: JobProfile;
  candidate?: CandidateProfile | undefined;
  company?: CompanyProfile | undefined;
  fit?: FitReport | undefined;
}

/**
 * A readable plain-text summary of an analysis for the terminal, each fact
 * followed by the lines it came from (`L12` = line 12 of that input).
 *
 * @example
 * process.stdout.write(renderAnalysisSummary(analysis));
 */
export function renderAnalysisSummary(analysis: AnalysisView): string {
  const out: string[] = [];
  const { job } = analysis;
  out.push('JOB');
  out.push(`  Title          ${job.title.value ?? 'not found'}${at(job.title.lines)}`);
  out.push(`  Company        ${job.company.value ?? 'not stated'}${at(job.company.lines)}`);
  out.push(`  Level          ${job.level.value} (${job.level.reason})${at(job.level.lines)}`);
  out.push(
    `  Years asked    ${job.yearsRequired.value === null ? 'not stated' : `${job.yearsRequired.value}+`}${at(job.yearsRequired.lines)}`,
  );
  out.push(`  Location       ${job.location.value ?? 'not stated'}${at(job.location.lines)}`);
  out.push(
    `  Remote policy  ${job.remotePolicy.value ?? 'not stated'}${at(job.remotePolicy.lines)}`,
  );
  out.push(`  Domain         ${job.domain.name ?? 'not recognised'}${at(job.domain.lines)}`);
  out.push(`  Required       ${listTechnologies(job.technologies.required)}`);
  out.push(`  Nice to have   ${listTechnologies(job.technologies.niceToHave)}`);
  out.push(
    `  Culture        ${job.cultureCues.map((cue) => `${cue.label}${at(cue.lines)}`).join('; ') || 'none recognised'}`,
  );
  if (job.responsibilities.length > 0) {
    out.push('  Responsibilities');
    for (const item of job.responsibilities) out.push(`    - ${item.text} (L${item.line})`);
  }

  if (analysis.candidate) {
    const candidate = analysis.candidate;
    out.push('', 'CANDIDATE');
    out.push(`  Name           ${candidate.name.value ?? 'not found'}${at(candidate.name.lines)}`);
    out.push(
      `  Experience     ${candidate.yearsOfExperience.value === null ? 'dates not found' : `${candidate.yearsOfExperience.value} years`}`,
    );
    for (const role of candidate.roles) {
      out.push(
        `    ${role.title ?? 'role'} — ${role.company ?? 'company not found'}, ${role.start ?? '?'} to ${role.end ?? '?'}${at(role.lines)}`,
      );
    }
    out.push(`  Technologies   ${listTechnologies(candidate.technologies)}`);
    out.push(`  Achievements   ${candidate.achievements.length} with metrics`);
  }

  if (analysis.fit) {
    const fit = analysis.fit;
    out.push('', `FIT  ${fit.score}/100`);
    for (const part of fit.breakdown) {
      out.push(
        `  ${part.label.padEnd(28)} ${String(part.points).padStart(5)}/${part.maxPoints}  ${part.explanation}`,
      );
    }
    if (fit.levelGap) out.push(`  Level: ${fit.levelGap.summary}`);
    const direct = fit.matches.filter((match) => match.kind === 'direct');
    if (direct.length > 0) {
      out.push('  Matches');
      for (const match of direct) {
        const evidence = match.evidence
          .map((item) => `${item.name}${at(item.lines, 'resume')}`)
          .join(', ');
        out.push(
          `    ${match.requirement.name}${at(match.requirement.lines, 'posting')} ← ${evidence}`,
        );
      }
    }
    if (fit.gaps.length > 0) {
      out.push('  Gaps');
      for (const gap of fit.gaps) {
        const offset =
          gap.offsetBy.length > 0
            ? `; transferable: ${gap.offsetBy.map((item) => `${item.name}${at(item.lines, 'resume')}`).join(', ')}`
            : '';
        out.push(`    [${gap.severity}] ${gap.requirement.name}: ${gap.reason}${offset}`);
      }
    }
  }

  if (analysis.company) {
    const company = analysis.company;
    out.push('', 'COMPANY');
    out.push(`  Name           ${company.name.value ?? 'not found'}${at(company.name.lines)}`);
    out.push(
      `  Founded        ${company.founded.value ?? 'not found'}${at(company.founded.lines)}`,
    );
    out.push(`  Size           ${company.size.value ?? 'not found'}${at(company.size.lines)}`);
    out.push(
      `  Headquarters   ${company.headquarters.value ?? 'not found'}${at(company.headquarters.lines)}`,
    );
    for (const round of company.funding)
      out.push(`  Funding        ${round.text} (L${round.line})`);
    for (const item of company.news) out.push(`  News           ${item.text} (L${item.line})`);
    out.push(`  Tech stack     ${listTechnologies(company.techStack)}`);
  }
  return `${out.join('\n')}\n`;
}

function listTechnologies(references: readonly TechnologyReference[]): string {
  return (
    references.map((reference) => `${reference.name}${at(reference.lines)}`).join(', ') || 'none'
  );
}

function at(lines: readonly number[], label = ''): string {
  if (lines.length === 0) return '';
  const shown = lines
    .slice(0, 4)
    .map((line) => `L${line}`)
    .join(',');
  return ` (${label ? `${label} ` : ''}${shown}${lines.length > 4 ? ',…' : ''})`;
}
