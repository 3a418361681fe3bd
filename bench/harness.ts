import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';

/** What one run of a variant measured. */
export interface RunSample {
  /**
   * Durations of the timed operations in milliseconds: one value for a run that
   * times one thing (a cold start), one per request for a load run.
   */
  durationsMs: readonly number[];
  /** Operations the run completed; with `elapsedMs` this gives the throughput. */
  operations: number;
  /** Wall-clock time of the run in milliseconds. */
  elapsedMs: number;
  /** Peak resident set size in bytes, when the run could measure it. */
  peakRssBytes?: number;
}

/** One thing a case measures: the case itself or its baseline. */
export interface BenchVariant {
  /** Shown in the variant column, e.g. `fresh data dir`. */
  name: string;
  /**
   * True when the work runs inside the benchmark process: a run that reports
   * no peak RSS then gets this process's `maxRSS`.
   */
  inProcess?: boolean;
  measure(): Promise<RunSample>;
}

/** What a case's teardown can report once every run is over. */
export interface CaseTeardownResult {
  /** Peak RSS of one process that served every variant of the case. */
  sharedPeakRssBytes?: number;
  /** Notes known only once the runs are over, printed after the case's own. */
  notes?: readonly string[];
}

/** A named benchmark: variants measured against a baseline in the same run. */
export interface BenchCase {
  name: string;
  /** Unit of the throughput column, e.g. `req/s` or `ops/s`. */
  throughputUnit: string;
  baseline: BenchVariant;
  variants: readonly BenchVariant[];
  /** Measured runs per variant, unless `--runs` says otherwise. */
  runs: number;
  /** Runs per variant done first and discarded, unless `--warmup` says otherwise. */
  warmupRuns: number;
  /** Longest one run may take before the case fails (default 120 s). */
  runTimeoutMs?: number;
  /** Lines printed under the table: what the numbers of this case mean. */
  notes?: readonly string[];
  setup?(): Promise<void>;
  /** Undoes `setup`; always called once `setup` has succeeded. */
  teardown?(): Promise<CaseTeardownResult>;
}

/** The statistics of one variant over its measured runs. */
export interface VariantResult {
  caseName: string;
  variantName: string;
  isBaseline: boolean;
  runs: number;
  medianMs: number;
  p95Ms: number;
  /** Operations per second over all measured runs. */
  throughput: number;
  throughputUnit: string;
  /** Largest peak RSS seen, in bytes; undefined when it could not be measured. */
  peakRssBytes: number | undefined;
  /** True when the peak RSS belongs to a process shared with the other variants. */
  peakRssShared: boolean;
  /** This variant's median divided by the baseline's median. */
  ratioToBaseline: number;
  /** One line per measured run, for the JSON report. */
  runSummaries: RunSummary[];
}

/** A measured run, reduced to a few numbers. */
export interface RunSummary {
  operations: number;
  elapsedMs: number;
  medianMs: number;
  peakRssBytes: number | undefined;
}

/** Every variant of one case, baseline first. */
export interface CaseResult {
  caseName: string;
  notes: readonly string[];
  variants: VariantResult[];
}

/** Summary statistics of a set of runs. */
export interface RunStatistics {
  medianMs: number;
  p95Ms: number;
  throughput: number;
  peakRssBytes: number | undefined;
}

/** Command-line options of `node dist/bench/run.js`. */
export interface BenchOptions {
  /** Run only the cases whose name contains this text (case-insensitive). */
  only: string | undefined;
  /** Measured runs per variant for every case; undefined keeps each case's default. */
  runs: number | undefined;
  /** Warm-up runs per variant for every case; undefined keeps each case's default. */
  warmupRuns: number | undefined;
  /** Seconds of load per run in load cases. */
  durationSeconds: number;
  /** Concurrent connections in load cases. */
  connections: number;
  /** Where to write the results as JSON. */
  jsonPath: string | undefined;
  help: boolean;
}

/** The `--help` text. */
export const benchUsage = `Usage: node dist/bench/run.js [options]   (npm run bench builds first)

  --only <name>        run only the cases whose name contains <name>
  --runs <n>           measured runs per variant (default: per case)
  --warmup <n>         warm-up runs per variant, discarded (default: per case)
  --duration <s>       seconds of load per run in HTTP cases (default 5)
  --connections <n>    concurrent connections in HTTP cases (default 10)
  --json <file>        also write the results to <file> as JSON
  --help               show this help`;

/**
 * The value below which `percentile` percent of `values` fall, interpolating
 * linearly between the two nearest ranks (the method of numpy's default and
 * Excel's PERCENTILE.INC). `values` need not be sorted and is not changed.
 *
 * @example
 * computePercentile([4, 1, 3, 2], 50); // 2.5
 * computePercentile([1, 2, 3, 4, 5], 95); // 4.8
 */
export function computePercentile(values: readonly number[], percentile: number): number {
  if (values.length === 0) throw new RangeError('A percentile needs at least one value');
  if (!(percentile >= 0 && percentile <= 100)) {
    throw new RangeError(`Percentile must be between 0 and 100, not ${percentile}`);
  }
  if (values.some((value) => Number.isNaN(value))) {
    throw new RangeError('Cannot take a percentile of NaN');
  }
  // A typed array sorts numerically, and copying leaves `values` untouched.
  const sorted = Float64Array.from(values).sort();
  const rank = (percentile / 100) * (sorted.length - 1);
  const lowerRank = Math.floor(rank);
  const lower = readSorted(sorted, lowerRank);
  const upper = readSorted(sorted, Math.ceil(rank));
  return lower + (upper - lower) * (rank - lowerRank);
}

function readSorted(sorted: Float64Array, index: number): number {
  const value = sorted[index];
  if (value === undefined) throw new RangeError(`No value at rank ${index}`);
  return value;
}

/**
 * Pools the durations of `samples` into a median and p95, and divides their
 * operations by their elapsed time for the throughput (per second).
 */
export function summarizeRuns(samples: readonly RunSample[]): RunStatistics {
  const durations: number[] = [];
  let operations = 0;
  let elapsedMs = 0;
  let peakRssBytes: number | undefined;
  for (const sample of samples) {
    // A loop, not push(...spread): a load run holds tens of thousands of values.
    for (const duration of sample.durationsMs) durations.push(duration);
    operations += sample.operations;
    elapsedMs += sample.elapsedMs;
    if (sample.peakRssBytes !== undefined) {
      peakRssBytes = Math.max(peakRssBytes ?? 0, sample.peakRssBytes);
    }
  }
  return {
    medianMs: computePercentile(durations, 50),
    p95Ms: computePercentile(durations, 95),
    throughput: elapsedMs > 0 ? (operations / elapsedMs) * 1000 : 0,
    peakRssBytes,
  };
}

/**
 * Peak resident set size of a running child process, from `VmHWM` in
 * `/proc/<pid>/status` (Linux). Read it just before stopping the process;
 * undefined when the process is gone or the system has no /proc.
 */
export function readChildPeakRss(pid: number | undefined): number | undefined {
  return readProcessStatusKilobytes(pid, 'VmHWM');
}

/**
 * Current resident set size of a running child process, from `VmRSS` in
 * `/proc/<pid>/status` (Linux); undefined when it cannot be read.
 */
export function readChildCurrentRss(pid: number | undefined): number | undefined {
  return readProcessStatusKilobytes(pid, 'VmRSS');
}

function readProcessStatusKilobytes(
  pid: number | undefined,
  field: 'VmHWM' | 'VmRSS',
): number | undefined {
  if (pid === undefined) return undefined;
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB$`, 'm').exec(status);
  return match?.[1] === undefined ? undefined : Number(match[1]) * 1024;
}

/** Peak resident set size of this process so far, in bytes. */
export function readOwnPeakRss(): number {
  // resourceUsage reports maxRSS in kilobytes.
  return process.resourceUsage().maxRSS * 1024;
}

/**
 * Runs every case: setup, then warm-up and measured runs with the baseline
 * and the variants interleaved (so a noisy minute hits all of them alike),
 * then teardown.
 *
 * @example
 * const results = await runBenchmarks(cases, { log: (line) => console.error(line) });
 * console.log(formatResultsTable(results));
 */
export async function runBenchmarks(
  cases: readonly BenchCase[],
  options: { runs?: number; warmupRuns?: number; log?: (line: string) => void } = {},
): Promise<CaseResult[]> {
  const log = options.log ?? (() => {});
  const results: CaseResult[] = [];
  for (const benchCase of cases) {
    const runs = options.runs ?? benchCase.runs;
    const warmupRuns = options.warmupRuns ?? benchCase.warmupRuns;
    const timeoutMs = benchCase.runTimeoutMs ?? 120_000;
    const all = [benchCase.baseline, ...benchCase.variants];
    const samples = all.map((): RunSample[] => []);
    log(`bench: ${benchCase.name}: setting up`);
    await benchCase.setup?.();
    let teardown: CaseTeardownResult = {};
    try {
      for (let iteration = 0; iteration < warmupRuns + runs; iteration++) {
        const isWarmup = iteration < warmupRuns;
        for (const [index, variant] of all.entries()) {
          const label = isWarmup
            ? `warm-up ${iteration + 1}/${warmupRuns}`
            : `run ${iteration - warmupRuns + 1}/${runs}`;
          log(`bench: ${benchCase.name} / ${variant.name}: ${label}`);
          const sample = await measureWithTimeout(variant, timeoutMs);
          if (!isWarmup) samples[index]?.push(sample);
        }
      }
    } finally {
      teardown = (await benchCase.teardown?.()) ?? {};
    }
    results.push(summarizeCase(benchCase, all, samples, teardown));
  }
  return results;
}

async function measureWithTimeout(variant: BenchVariant, timeoutMs: number): Promise<RunSample> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${variant.name}: one run took longer than ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    const sample = await Promise.race([variant.measure(), timeout]);
    if (sample.peakRssBytes === undefined && variant.inProcess) {
      return { ...sample, peakRssBytes: readOwnPeakRss() };
    }
    return sample;
  } finally {
    clearTimeout(timer);
  }
}

function summarizeCase(
  benchCase: BenchCase,
  all: readonly BenchVariant[],
  samples: readonly RunSample[][],
  teardown: CaseTeardownResult,
): CaseResult {
  const baselineMedian = summarizeRuns(samples[0] ?? []).medianMs;
  const shared = teardown.sharedPeakRssBytes;
  return {
    caseName: benchCase.name,
    notes: [...(benchCase.notes ?? []), ...(teardown.notes ?? [])],
    variants: all.map((variant, index) => {
      const runSamples = samples[index] ?? [];
      const statistics = summarizeRuns(runSamples);
      return {
        caseName: benchCase.name,
        variantName: variant.name,
        isBaseline: index === 0,
        runs: runSamples.length,
        medianMs: statistics.medianMs,
        p95Ms: statistics.p95Ms,
        throughput: statistics.throughput,
        throughputUnit: benchCase.throughputUnit,
        peakRssBytes: shared ?? statistics.peakRssBytes,
        peakRssShared: shared !== undefined,
        ratioToBaseline: statistics.medianMs / baselineMedian,
        runSummaries: runSamples.map((sample) => ({
          operations: sample.operations,
          elapsedMs: sample.elapsedMs,
          medianMs: computePercentile(sample.durationsMs, 50),
          peakRssBytes: sample.peakRssBytes,
        })),
      };
    }),
  };
}

const tableHeader = [
  'case',
  'variant',
  'runs',
  'median',
  'p95',
  'throughput',
  'peak RSS',
  'ratio vs baseline',
] as const;
/** Columns holding numbers, right-aligned. */
const numericColumns = new Set([2, 3, 4, 5, 6, 7]);

/**
 * The results as one Markdown table with aligned columns, followed by the
 * notes of each case. The ratio is the variant's median over the baseline's.
 */
export function formatResultsTable(results: readonly CaseResult[]): string {
  const rows = results.flatMap((result) =>
    result.variants.map((variant) => [
      variant.caseName,
      `${variant.isBaseline ? 'baseline' : 'case'}: ${variant.variantName}`,
      String(variant.runs),
      formatMilliseconds(variant.medianMs),
      formatMilliseconds(variant.p95Ms),
      `${formatRate(variant.throughput)} ${variant.throughputUnit}`,
      variant.peakRssBytes === undefined
        ? 'n/a'
        : `${formatMebibytes(variant.peakRssBytes)}${variant.peakRssShared ? ' *' : ''}`,
      `${variant.ratioToBaseline.toFixed(2)}×`,
    ]),
  );
  const widths = tableHeader.map((title, column) =>
    Math.max(title.length, 3, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const formatRow = (cells: readonly string[]) =>
    `| ${cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return numericColumns.has(column) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join(' | ')} |`;
  const divider = `| ${widths
    .map((width, column) =>
      numericColumns.has(column) ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width),
    )
    .join(' | ')} |`;
  const lines = [formatRow(tableHeader), divider, ...rows.map(formatRow)];
  const notes = results.flatMap((result) =>
    result.notes.map((note) => `- ${result.caseName}: ${note}`),
  );
  if (results.some((result) => result.variants.some((variant) => variant.peakRssShared))) {
    notes.push('- \\* one process served every variant of the case: its peak RSS is shared.');
  }
  notes.push('- ratio vs baseline = median of the variant ÷ median of its baseline.');
  return [...lines, '', ...notes].join('\n');
}

function formatMilliseconds(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value < 10) return `${value.toFixed(2)} ms`;
  if (value < 100) return `${value.toFixed(1)} ms`;
  return `${Math.round(value)} ms`;
}

function formatRate(value: number): string {
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return String(Math.round(value));
}

/** A size in bytes as MiB with one decimal, as the table shows it. */
export function formatMebibytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/**
 * Reads the command line of the benchmark runner.
 *
 * @example
 * const options = parseBenchOptions(['--only', 'cold start', '--runs', '3']);
 */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      only: { type: 'string' },
      runs: { type: 'string' },
      warmup: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      json: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  return {
    only: values.only,
    runs: parseWholeNumber(values.runs, '--runs', 1, 1000),
    warmupRuns: parseWholeNumber(values.warmup, '--warmup', 0, 100),
    durationSeconds: parseWholeNumber(values.duration, '--duration', 1, 300) ?? 5,
    connections: parseWholeNumber(values.connections, '--connections', 1, 1000) ?? 10,
    jsonPath: values.json,
    help: values.help === true,
  };
}

function parseWholeNumber(
  value: string | undefined,
  flag: string,
  minimum: number,
  maximum: number,
): number | undefined {
  if (value === undefined) return undefined;
  const number = /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN;
  if (!(number >= minimum && number <= maximum)) {
    throw new RangeError(`${flag} must be a whole number from ${minimum} to ${maximum}`);
  }
  return number;
}

/**
 * The cases whose name contains `only` (case-insensitive), or all of them
 * without `only`. Naming no case is an error that lists the names.
 */
export function selectCases(cases: readonly BenchCase[], only: string | undefined): BenchCase[] {
  if (only === undefined) return [...cases];
  const wanted = only.toLowerCase();
  const selected = cases.filter((benchCase) => benchCase.name.toLowerCase().includes(wanted));
  if (selected.length === 0) {
    const names = cases.map((benchCase) => JSON.stringify(benchCase.name)).join(', ');
    throw new RangeError(`--only ${JSON.stringify(only)} matches no case; the cases are ${names}`);
  }
  return selected;
}

/** Writes the results, with the machine they ran on, to `path` as JSON. */
export function writeResultsJson(path: string, results: readonly CaseResult[]): void {
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpuCount: cpus().length,
    cases: results,
  };
  // null, not a dropped key, where a figure (a peak RSS) could not be measured.
  const json = JSON.stringify(report, (_key, value: unknown) => value ?? null, 2);
  writeFileSync(path, `${json}\n`);
}
