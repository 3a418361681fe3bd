import { describe, expect, it } from 'vitest';
import { parseDateRange, sumYears } from './parse-date-range.js';

describe('parseDateRange', () => {
  it.each([
    ['Backend Engineer, Jan 2021 – Present', '2021-01', 'present'],
    ['January 2021 - present', '2021-01', 'present'],
    ['2019–2021', '2019-01', '2021-12'],
    ['03/2020 – 11/2022', '2020-03', '2022-11'],
    ['2020-03 to 2022-11', '2020-03', '2022-11'],
    ['Mar. 2017 — Jun. 2019', '2017-03', '2019-06'],
    ['Sept 2015 - Aug 2016', '2015-09', '2016-08'],
    ['2016 – now', '2016-01', 'present'],
    ['Since 2022', '2022-01', 'present'],
    ['Intern, Summer 2018', '2018-06', '2018-08'],
    ['Apr 2024 – Present · Remote (Lisbon)', '2024-04', 'present'],
  ])('reads %s', (line, start, end) => {
    expect(parseDateRange(line)).toMatchObject({ start, end });
  });

  it('ignores lines without a range, and ranges that end before they start', () => {
    expect(parseDateRange('Cut latency by 40% for 2 million users')).toBeUndefined();
    expect(parseDateRange('2022 – 2019')).toBeUndefined();
  });
});

describe('sumYears', () => {
  const today = new Date('2026-11-15T00:00:00Z');

  it('counts overlapping roles once', () => {
    expect(
      sumYears(
        [
          { start: '2020-01', end: '2021-12' },
          { start: '2021-01', end: '2022-12' },
        ],
        today,
      ),
    ).toBe(3);
  });

  it('counts a current role up to and including this month, and keeps gaps out', () => {
    expect(
      sumYears(
        [
          { start: '2018-01', end: '2018-12' },
          { start: '2025-11', end: 'present' },
        ],
        today,
      ),
    ).toBe(2.1);
  });
});
