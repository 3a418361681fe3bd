import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSource } from '../domain/index.js';
import { findPackageRoot } from '../support/index.js';
import { createExtractContext, type ExtractContext } from './create-extract-context.js';
import { extractCandidateProfile } from './extract-candidate-profile.js';
import { extractCompanyProfile } from './extract-company-profile.js';
import { extractJobProfile, readLevelFromTitle } from './extract-job-profile.js';

let context: ExtractContext;
beforeAll(() => {
  context = createExtractContext();
});

const demo = (file: string) =>
  createSource(
    'markdown',
    file,
    readFileSync(`${findPackageRoot()}/fixtures/demo/${file}`, 'utf8'),
  );
const ids = (references: ReadonlyArray<{ id: string }>) =>
  references.map((reference) => reference.id);
const text = (lines: string[]) => createSource('text', 'posting.txt', lines.join('\n'));

describe('extractJobProfile', () => {
  it('reads the demo posting: title, company, level, years, remote policy and domain, with their lines', () => {
    const job = extractJobProfile(demo('posting.md'), context);
    expect(job.title.value).toBe('Backend Engineer (Mid Level)');
    expect(job.company.value).toBe('Tidewater Payroll');
    expect(job.level.value).toBe('mid');
    expect(job.yearsRequired).toEqual({ value: 3, lines: [expect.any(Number)] });
    const source = demo('posting.md');
    const yearsLine = source.lines.find((line) => line.number === job.yearsRequired.lines[0]);
    expect(yearsLine?.text).toMatch(/3\+ years/);
    expect(job.remotePolicy.value).toBe('remote');
    expect(job.domain.value).toBe('hr-tech');
  });

  it('splits required from nice-to-have technologies by heading and wording', () => {
    const job = extractJobProfile(demo('posting.md'), context);
    const required = ids(job.technologies.required);
    const nice = ids(job.technologies.niceToHave);
    expect(required).toEqual(
      expect.arrayContaining(['go', 'postgresql', 'docker', 'aws', 'github-actions']),
    );
    expect(nice).toEqual(expect.arrayContaining(['kubernetes', 'grpc']));
    expect(required).not.toContain('kubernetes');
    expect(nice.filter((id) => required.includes(id))).toEqual([]);
  });

  it('marks a technology optional when its sentence says so, and keeps its lines', () => {
    const job = extractJobProfile(
      text([
        'Senior Python Engineer at Example Analytics',
        'You have 5+ years of Python and PostgreSQL experience.',
        'Experience with Kafka is a plus. We deploy on Kubernetes.',
      ]),
      context,
    );
    expect(job.technologies.required.map((item) => [item.id, item.lines])).toEqual([
      ['python', [1, 2]],
      ['postgresql', [2]],
      ['kubernetes', [3]],
    ]);
    expect(job.technologies.niceToHave.map((item) => [item.id, item.lines])).toEqual([
      ['kafka', [3]],
    ]);
    expect(job.company.value).toBe('Example Analytics');
    expect(job.level).toMatchObject({ value: 'senior', lines: [1] });
    expect(job.yearsRequired.value).toBe(5);
  });

  it('falls back on years for the level, and on mid when the posting gives neither', () => {
    expect(
      extractJobProfile(
        text(['Backend Developer', 'At least 6 years of experience with Java.']),
        context,
      ).level.value,
    ).toBe('senior');
    expect(
      extractJobProfile(text(['Backend Developer', 'Build APIs in Java.']), context).level,
    ).toMatchObject({
      value: 'mid',
      lines: [],
    });
  });

  it('reads hybrid and on-site policies, and ignores the on-site interview', () => {
    const hybrid = text(['Platform Engineer', 'Hybrid: two days a week in our Berlin office.']);
    expect(extractJobProfile(hybrid, context).remotePolicy.value).toBe('hybrid');
    const onsite = text([
      'Platform Engineer',
      'This role is based on-site in Austin.',
      'Remote interviews, then an onsite interview.',
    ]);
    expect(extractJobProfile(onsite, context).remotePolicy).toEqual({
      value: 'onsite',
      lines: [2],
    });
  });
});

describe('readLevelFromTitle', () => {
  it.each([
    ['Staff Software Engineer', 'staff'],
    ['Principal Engineer, Payments', 'principal'],
    ['Junior Frontend Developer', 'junior'],
    ['Software Engineer II', 'mid'],
    ['Engineering Manager, Platform', 'manager'],
    ['Tech Lead (Go)', 'lead'],
    ['Software Engineering Intern', 'intern'],
    ['Sr. Data Engineer', 'senior'],
  ])('reads %s as %s', (title, level) => {
    expect(readLevelFromTitle(title)?.level).toBe(level);
  });
});

describe('extractCandidateProfile', () => {
  const today = new Date('2026-11-22T00:00:00Z');

  it('reads the demo resume: name, contact lines, roles with dates, and merged years', () => {
    const candidate = extractCandidateProfile(demo('resume.md'), context, { today });
    expect(candidate.name.value).toBe('Demo Candidate');
    expect(candidate.contactLines.length).toBeGreaterThan(0);
    expect(candidate.roles.map((role) => [role.company, role.start, role.end])).toEqual([
      ['Brightcart', '2024-04', 'present'],
      ['Parcelhop', '2023-01', '2024-12'],
      ['Kestrel Digital', '2022-07', '2023-02'],
    ]);
    expect(candidate.yearsOfExperience.value).toBe(4.4);
  });

  it('links technologies to the roles whose lines name them, and counts achievements with metrics', () => {
    const candidate = extractCandidateProfile(demo('resume.md'), context, { today });
    const rabbit = candidate.technologies.find((technology) => technology.id === 'rabbitmq');
    expect(rabbit?.roles).toEqual(expect.arrayContaining([0, 1]));
    expect(candidate.achievements.length).toBeGreaterThanOrEqual(12);
    const latency = candidate.achievements.find((item) => /p95 latency/.test(item.text));
    expect(latency?.metrics.map((metric) => metric.kind)).toEqual(
      expect.arrayContaining(['duration', 'percent']),
    );
  });
});

describe('extractCompanyProfile', () => {
  it('reads founding year, size, headquarters, funding with amount and date, news and guesses', () => {
    const company = extractCompanyProfile(demo('company-notes.md'), context);
    expect(company.founded.value).toBe(2018);
    expect(company.size.value).toMatch(/140 people/i);
    expect(company.headquarters.value).toBe('Rotterdam, Netherlands');
    expect(company.funding[0]).toMatchObject({ round: 'Series B', amount: '€32M' });
    expect(company.news.map((item) => item.date)).toContain('Jun 2026');
    expect(company.guessLines.length).toBeGreaterThan(0);
    expect(ids(company.techStack)).toEqual(expect.arrayContaining(['go', 'postgresql', 'kafka']));
  });
});
