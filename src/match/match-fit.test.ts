import { beforeAll, describe, expect, it } from 'vitest';
import { createSource } from '../domain/index.js';
import { createExtractContext, type ExtractContext } from '../extract/index.js';
import { analyzeApplication } from './analyze-application.js';

let context: ExtractContext;
beforeAll(() => {
  context = createExtractContext();
});

const source = (lines: string[]) => createSource('markdown', 'input.md', lines.join('\n'));
const today = new Date('2026-11-22T00:00:00Z');

function analyze(posting: string[], resume: string[]) {
  const analysis = analyzeApplication({ job: source(posting), resume: source(resume) }, context, {
    today,
  });
  if (!analysis.fit) throw new Error('expected a fit report');
  return analysis.fit;
}

const goPosting = [
  '# Senior Backend Engineer',
  '## Requirements',
  '- 5+ years of backend experience',
  '- Go and PostgreSQL in production',
  '## Nice to have',
  '- Kafka',
];

describe('matchFit', () => {
  it('pairs each requirement with the resume lines that show it', () => {
    const fit = analyze(goPosting, [
      'Backend Engineer, Acme — Jan 2018 – Present',
      '- Built Go services on PostgreSQL',
      '- Operated Kafka consumers',
    ]);
    const go = fit.matches.find((match) => match.requirement.id === 'go');
    expect(go).toMatchObject({ kind: 'direct', evidence: [{ id: 'go', lines: [2] }] });
    expect(go?.requirement.lines).toEqual([4]);
    expect(fit.gaps).toEqual([]);
    expect(fit.score).toBe(100);
  });

  it('counts MySQL as transferable for PostgreSQL and reports the gap it offsets', () => {
    const fit = analyze(goPosting, ['Engineer, Acme — 2015 – 2025', '- Go services on MySQL']);
    const postgres = fit.matches.find((match) => match.requirement.id === 'postgresql');
    expect(postgres?.kind).toBe('transferable');
    expect(postgres?.evidence[0]?.id).toBe('mysql');
    const gap = fit.gaps.find((item) => item.requirement.id === 'postgresql');
    expect(gap).toMatchObject({ severity: 'medium' });
    expect(gap?.offsetBy.map((item) => item.id)).toEqual(['mysql']);
  });

  it('counts Node.js/TypeScript backend work as transferable for a Go role, and a missing language as high without it', () => {
    const transferable = analyze(goPosting, [
      'Engineer, Acme — 2015 – 2025',
      '- Node.js and TypeScript APIs on PostgreSQL',
    ]);
    expect(transferable.gaps.find((gap) => gap.requirement.id === 'go')?.severity).toBe('medium');
    const missing = analyze(goPosting, [
      'Engineer, Acme — 2015 – 2025',
      '- Figma prototypes and PostgreSQL reports',
    ]);
    expect(missing.gaps[0]).toMatchObject({ requirement: { id: 'go' }, severity: 'high' });
  });

  it('reports the level gap in years and explains every point of the score', () => {
    const fit = analyze(goPosting, ['Engineer, Acme — Jan 2023 – Dec 2025', '- Go and PostgreSQL']);
    expect(fit.levelGap).toMatchObject({
      requiredYears: 5,
      candidateYears: 3,
      shortfall: 2,
      severity: 'medium',
    });
    expect(fit.levelGap?.summary).toBe('3 years against 5+ asked: 2 short');
    expect(fit.breakdown.map((part) => part.label)).toEqual([
      'Required technologies',
      'Nice-to-have technologies',
      'Years of experience',
    ]);
    const total = fit.breakdown.reduce((sum, part) => sum + part.points, 0);
    expect(fit.score).toBe(Math.round(total));
    expect(fit.breakdown[2]).toMatchObject({ points: 15, maxPoints: 25 });
    expect(fit.breakdown.every((part) => part.explanation.length > 10)).toBe(true);
  });
});
