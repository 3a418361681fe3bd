// The benchmark runner: `npm run bench` builds, then runs this from dist/.
// Progress goes to stderr; the results table to stdout.
import { createAnalysisCase } from './cases/create-analysis-case.js';
import { createApplicationsThroughputCase } from './cases/create-applications-throughput-case.js';
import { createDocumentsCase } from './cases/create-documents-case.js';
import { createInterviewCase } from './cases/create-interview-case.js';
import { createKnowledgeCase } from './cases/create-knowledge-case.js';
import { createServerColdStartCase } from './cases/create-server-cold-start-case.js';
import {
  benchUsage,
  formatResultsTable,
  parseBenchOptions,
  runBenchmarks,
  selectCases,
  writeResultsJson,
} from './harness.js';
import { removeAllTempDirs } from './support/create-temp-dir.js';
import { stopAllChildProcesses } from './support/start-child-process.js';

// On Ctrl+C or a kill: stop the servers first, then remove their data folders.
const stopOnSignal = (exitCode: number) => {
  process.stderr.write('bench: interrupted; stopping the servers it started\n');
  void stopAllChildProcesses().finally(() => {
    removeAllTempDirs();
    process.exit(exitCode);
  });
};
process.once('SIGINT', () => stopOnSignal(130));
process.once('SIGTERM', () => stopOnSignal(143));

try {
  const options = parseBenchOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${benchUsage}\n`);
  } else {
    const cases = selectCases(
      [
        createServerColdStartCase(),
        createAnalysisCase(),
        createKnowledgeCase(),
        createDocumentsCase(),
        createInterviewCase(),
        createApplicationsThroughputCase({
          connections: options.connections,
          durationSeconds: options.durationSeconds,
        }),
      ],
      options.only,
    );
    const results = await runBenchmarks(cases, {
      runs: options.runs,
      warmupRuns: options.warmupRuns,
      log: (line) => process.stderr.write(`${line}\n`),
    });
    process.stdout.write(`${formatResultsTable(results)}\n`);
    if (options.jsonPath !== undefined) {
      writeResultsJson(options.jsonPath, results);
      process.stderr.write(`bench: results written to ${options.jsonPath}\n`);
    }
  }
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
