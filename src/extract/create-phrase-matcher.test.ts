import { describe, expect, it } from 'vitest';
import { createPhraseMatcher } from './create-extract-context.js';
import { createTechnologyMatcher } from './create-technology-matcher.js';

describe('createPhraseMatcher', () => {
  const payroll = createPhraseMatcher(['payroll', 'payroll software', 'employer of record', 'HR']);

  it('counts whole words, case-insensitively, with spaces and hyphens interchangeable', () => {
    expect(payroll.count('Payroll for an Employer-of-Record')).toBe(2);
    expect(payroll.count('employer  of\trecord')).toBe(1);
    expect(payroll.count('payrolls and HRIS')).toBe(0);
    expect(payroll.count('the hr team')).toBe(1);
  });

  it('takes the longest phrase at a position and does not count overlaps twice', () => {
    expect(payroll.count('Payroll software, and more payroll')).toBe(2);
  });

  it('treats letters beyond ASCII as part of a word', () => {
    expect(payroll.count('payrollé')).toBe(0);
    expect(payroll.count('(payroll)')).toBe(1);
  });
});

describe('createTechnologyMatcher positions', () => {
  const matcher = createTechnologyMatcher({
    technologies: [
      {
        id: 'spring-boot',
        name: 'Spring Boot',
        category: 'framework',
        aliases: [],
        nameIsAmbiguous: false,
        nameIsCaseSensitive: false,
        implies: [],
        related: [],
        traits: [],
      },
    ],
    byId: new Map(),
  } as never);

  it('finds names after characters whose lower case is longer (İ)', () => {
    const mentions = matcher.matchLine('İstanbul team, Spring-Boot and SpringBoot');
    expect(mentions.map((mention) => mention.matchedText)).toEqual(['Spring-Boot', 'SpringBoot']);
  });
});
