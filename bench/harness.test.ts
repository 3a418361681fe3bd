import { describe, expect, it } from 'vitest';
import {
  type BenchCase,
  type CaseResult,
  computePercentile,
  formatResultsTable,
  parseBenchOptions,
  readChildCurrentRss,
  readChildPeakRss,
  runBenchmarks,
  selectCases,
  summarizeRuns,
} from './harness.js';

describe('computePercentile', () => {
  it('returns the only value of a single-value list for any percentile', () => {
    expect(computePercentile([7], 0)).toBe(7);
    expect(computePercentile([7], 50)).toBe(7);
    expect(computePercentile([7], 95)).toBe(7);
    expect(computePercentile([7], 100)).toBe(7);
  });

  it('returns the middle value as the median of an odd-length list', () => {
    expect(computePercentile([3, 1, 2], 50)).toBe(2);
  });

  it('interpolates between the two middle values for the median of an even-length list', () => {
    expect(computePercentile([4, 1, 3, 2], 50)).toBe(2.5);
  });

  it('returns the minimum at 0 and the maximum at 100', () => {
    const values = [5, -2, 9, 0.5];
    expect(computePercentile(values, 0)).toBe(-2);
    expect(computePercentile(values, 100)).toBe(9);
  });

  it('interpolates the p95 between the two nearest ranks', () => {
    // rank = 0.95 × 4 = 3.8, between 4 and 5.
    expect(computePercentile([1, 2, 3, 4, 5], 95)).toBeCloseTo(4.8, 10);
    // 1..20: rank = 0.95 × 19 = 18.05, between 19 and 20.
    const oneToTwenty = Array.from({ length: 20 }, (_, index) => index + 1);
    expect(computePercentile(oneToTwenty, 95)).toBeCloseTo(19.05, 10);
  });

  it('sorts numerically, not as text', () => {
    expect(computePercentile([100, 9, 20], 50)).toBe(20);
  });

  it('does not change the list it is given', () => {
    const values = [3, 1, 2];
    computePercentile(values, 95);
    expect(values).toEqual([3, 1, 2]);
  });

  it('agrees with a p95 that has no interpolation to do', () => {
    // 101 values 0..100: rank = 95 exactly.
    const values = Array.from({ length: 101 }, (_, index) => 100 - index);
    expect(computePercentile(values, 95)).toBe(95);
  });

  it('rejects an empty list, a percentile out of range and NaN values', () => {
    expect(() => computePercentile([], 50)).toThrow(RangeError);
    expect(() => computePercentile([1, 2], -1)).toThrow(RangeError);
    expect(() => computePercentile([1, 2], 101)).toThrow(RangeError);
    expect(() => computePercentile([1, 2], Number.NaN)).toThrow(RangeError);
    expect(() => computePercentile([1, Number.NaN], 50)).toThrow(RangeError);
  });
});

describe('summarizeRuns', () => {
  it('pools the durations of every run and divides operations by elapsed seconds', () => {
    const statistics = summarizeRuns([
      { durationsMs: [1, 2, 3], operations: 300, elapsedMs: 1000, peakRssBytes: 10 },
      { durationsMs: [4, 5], operations: 100, elapsedMs: 1000, peakRssBytes: 30 },
    ]);
    expect(statistics.medianMs).toBe(3);
    expect(statistics.p95Ms).toBeCloseTo(4.8, 10);
    expect(statistics.throughput).toBe(200);
    expect(statistics.peakRssBytes).toBe(30);
  });

  it('leaves the peak RSS undefined when no run measured it', () => {
    const statistics = summarizeRuns([{ durationsMs: [1], operations: 1, elapsedMs: 1 }]);
    expect(statistics.peakRssBytes).toBeUndefined();
  });
});

describe('runBenchmarks', () => {
  it('discards warm-up runs, interleaves variants and computes the ratio to the baseline', async () => {
    const calls: string[] = [];
    const counter = (name: string, durationMs: number) => ({
      name,
      async measure() {
        calls.push(name);
        return { durationsMs: [durationMs], operations: 1, elapsedMs: durationMs };
      },
    });
    const benchCase: BenchCase = {
      name: 'example',
      throughputUnit: 'ops/s',
      runs: 2,
      warmupRuns: 1,
      baseline: counter('base', 10),
      variants: [counter('slow', 40)],
      teardown: async () => ({ sharedPeakRssBytes: 2048 }),
    };
    const [result] = await runBenchmarks([benchCase]);
    expect(calls).toEqual(['base', 'slow', 'base', 'slow', 'base', 'slow']);
    expect(result?.variants.map((variant) => variant.runs)).toEqual([2, 2]);
    expect(result?.variants[1]?.ratioToBaseline).toBe(4);
    expect(result?.variants[1]?.throughput).toBe(25);
    expect(result?.variants[0]?.peakRssBytes).toBe(2048);
    expect(result?.variants[0]?.peakRssShared).toBe(true);
  });

  it('tears the case down when a run fails', async () => {
    let tornDown = false;
    const failing: BenchCase = {
      name: 'failing',
      throughputUnit: 'ops/s',
      runs: 1,
      warmupRuns: 0,
      baseline: {
        name: 'broken',
        measure: () => Promise.reject(new Error('boom')),
      },
      variants: [],
      teardown: async () => {
        tornDown = true;
        return {};
      },
    };
    await expect(runBenchmarks([failing])).rejects.toThrow('boom');
    expect(tornDown).toBe(true);
  });

  it('fails a run that takes longer than the case allows', async () => {
    const slow: BenchCase = {
      name: 'slow',
      throughputUnit: 'ops/s',
      runs: 1,
      warmupRuns: 0,
      runTimeoutMs: 20,
      baseline: {
        name: 'never',
        measure: () =>
          new Promise((resolve) =>
            setTimeout(() => resolve({ durationsMs: [1], operations: 1, elapsedMs: 1 }), 1_000),
          ),
      },
      variants: [],
    };
    await expect(runBenchmarks([slow])).rejects.toThrow('longer than 20 ms');
  });

  it("gives an in-process variant this process's peak RSS", async () => {
    const inProcess: BenchCase = {
      name: 'in process',
      throughputUnit: 'ops/s',
      runs: 1,
      warmupRuns: 0,
      baseline: {
        name: 'work',
        inProcess: true,
        measure: async () => ({ durationsMs: [1], operations: 1, elapsedMs: 1 }),
      },
      variants: [],
    };
    const [result] = await runBenchmarks([inProcess]);
    expect(result?.variants[0]?.peakRssBytes).toBeGreaterThan(1024 * 1024);
  });
});

describe('formatResultsTable', () => {
  const results: CaseResult[] = [
    {
      caseName: 'cold start',
      notes: ['times are spawn to ready.'],
      variants: [
        {
          caseName: 'cold start',
          variantName: 'node -e 0',
          isBaseline: true,
          runs: 5,
          medianMs: 41.234,
          p95Ms: 48.9,
          throughput: 23.4,
          throughputUnit: 'ops/s',
          peakRssBytes: undefined,
          peakRssShared: false,
          ratioToBaseline: 1,
          runSummaries: [],
        },
        {
          caseName: 'cold start',
          variantName: 'fresh data dir',
          isBaseline: false,
          runs: 5,
          medianMs: 4321.6,
          p95Ms: 4500,
          throughput: 0.231,
          throughputUnit: 'ops/s',
          peakRssBytes: 150 * 1024 * 1024,
          peakRssShared: false,
          ratioToBaseline: 104.8,
          runSummaries: [],
        },
      ],
    },
  ];

  it('prints one aligned Markdown table with a row per variant, then the notes', () => {
    const text = formatResultsTable(results);
    const tableLines = text.split('\n').filter((line) => line.startsWith('|'));
    expect(tableLines).toHaveLength(4);
    expect(new Set(tableLines.map((line) => line.length)).size).toBe(1);
    expect(tableLines[0]).toMatch(
      /^\| case +\| variant +\| runs \| +median \| +p95 \| +throughput \| +peak RSS \| ratio vs baseline \|$/,
    );
    expect(tableLines[1]).toMatch(/^\| -+ \| -+ \| -+: \|/);
    expect(tableLines[2]).toContain('baseline: node -e 0');
    expect(tableLines[2]).toContain('41.2 ms');
    expect(tableLines[2]).toContain('n/a');
    expect(tableLines[3]).toContain('case: fresh data dir');
    expect(tableLines[3]).toContain('4322 ms');
    expect(tableLines[3]).toContain('0.23 ops/s');
    expect(tableLines[3]).toContain('150.0 MiB');
    expect(tableLines[3]).toContain('104.80×');
    expect(text).toContain('- cold start: times are spawn to ready.');
  });
});

describe('parseBenchOptions', () => {
  it('reads every flag', () => {
    expect(
      parseBenchOptions([
        '--only',
        'cold',
        '--runs',
        '3',
        '--warmup',
        '0',
        '--duration',
        '2',
        '--connections',
        '4',
        '--json',
        'out.json',
      ]),
    ).toEqual({
      only: 'cold',
      runs: 3,
      warmupRuns: 0,
      durationSeconds: 2,
      connections: 4,
      jsonPath: 'out.json',
      help: false,
    });
  });

  it('keeps the case defaults without flags', () => {
    const options = parseBenchOptions([]);
    expect(options.runs).toBeUndefined();
    expect(options.warmupRuns).toBeUndefined();
    expect(options.durationSeconds).toBe(5);
    expect(options.connections).toBe(10);
  });

  it('rejects counts that are not whole numbers in range, and unknown flags', () => {
    expect(() => parseBenchOptions(['--runs', '0'])).toThrow('--runs');
    expect(() => parseBenchOptions(['--runs', '2.5'])).toThrow('--runs');
    expect(() => parseBenchOptions(['--duration', '999'])).toThrow('--duration');
    expect(() => parseBenchOptions(['--fast'])).toThrow();
  });
});

describe('selectCases', () => {
  const named = (name: string): BenchCase => ({
    name,
    throughputUnit: 'ops/s',
    runs: 1,
    warmupRuns: 0,
    baseline: {
      name: 'b',
      measure: async () => ({ durationsMs: [1], operations: 1, elapsedMs: 1 }),
    },
    variants: [],
  });
  const cases = [named('server cold start'), named('GET /api/applications throughput')];

  it('keeps every case without --only', () => {
    expect(selectCases(cases, undefined)).toHaveLength(2);
  });

  it('keeps the cases whose name contains the text, ignoring case', () => {
    expect(selectCases(cases, 'COLD').map((benchCase) => benchCase.name)).toEqual([
      'server cold start',
    ]);
  });

  it('names the cases when none matches', () => {
    expect(() => selectCases(cases, 'nothing')).toThrow('"server cold start"');
  });
});

describe('readChildPeakRss', () => {
  it.runIf(process.platform === 'linux')('reads the peak RSS of a running process', () => {
    const peak = readChildPeakRss(process.pid);
    expect(peak).toBeGreaterThan(1024 * 1024);
  });

  it('returns undefined for a process that does not exist', () => {
    expect(readChildPeakRss(2 ** 30)).toBeUndefined();
    expect(readChildPeakRss(undefined)).toBeUndefined();
  });
});

describe('readChildCurrentRss', () => {
  it.runIf(process.platform === 'linux')('reads a current RSS no larger than the peak', () => {
    const current = readChildCurrentRss(process.pid);
    const peak = readChildPeakRss(process.pid);
    expect(current).toBeGreaterThan(1024 * 1024);
    expect(current).toBeLessThanOrEqual(peak ?? 0);
  });
});
