import { PrepkitError } from '../domain/index.js';
import { loadKnowledgeBase, searchKnowledge, summarizeKnowledge } from '../knowledge/index.js';
import { exitCodes } from './exit-codes.js';
import type { CliIo } from './run-cli.js';

/**
 * `prepkit kb check | stats [--json] | search <words>`: validates the knowledge
 * base (with the user's own folder from PREPKIT_KNOWLEDGE), prints its counts,
 * or finds entries.
 */
export async function runKnowledge(
  subcommand: string | undefined,
  positionals: string[],
  flags: { json: boolean },
  io: CliIo,
): Promise<number> {
  const started = performance.now();
  const { knowledge, problems } = loadKnowledgeBase({
    extraFolders: [io.env.PREPKIT_KNOWLEDGE],
    findDuplicates: subcommand === 'check',
  });
  const loadMs = performance.now() - started;
  switch (subcommand) {
    case 'check': {
      // The mock interviewer's vocabulary lives in knowledge/interview/ too.
      try {
        const { loadInterviewVocabulary } = await import('../interview/index.js');
        loadInterviewVocabulary();
      } catch (error) {
        problems.push(error instanceof Error ? error.message : String(error));
      }
      for (const problem of problems) io.stderr(`problem: ${problem}`);
      const stats = summarizeKnowledge(knowledge);
      io.stdout(
        `${problems.length === 0 ? 'ok' : `${problems.length} problem(s)`}: ${stats.counts.technologiesWithContent} technologies, ` +
          `${stats.counts.topics} topics, ${stats.counts.technicalQuestions} technical questions, ${stats.counts.scenarios} scenarios, ` +
          `${stats.counts.competencies} competencies, ${stats.counts.questionsToAsk} questions to ask (loaded in ${loadMs.toFixed(0)} ms)`,
      );
      return problems.length === 0 ? exitCodes.ok : exitCodes.failure;
    }
    case 'stats': {
      const stats = summarizeKnowledge(knowledge);
      if (flags.json) {
        io.stdout(JSON.stringify(stats, null, 2));
        return exitCodes.ok;
      }
      for (const [label, count] of Object.entries(stats.counts))
        io.stdout(`${label.padEnd(26)}${count}`);
      io.stdout(`questions by level        ${formatTally(stats.questionsByLevel)}`);
      io.stdout(`questions by kind         ${formatTally(stats.questionsByKind)}`);
      io.stdout('\ntechnology                questions  concepts');
      for (const row of stats.technologies)
        io.stdout(
          `${row.name.padEnd(26)}${String(row.questions).padStart(9)}  ${String(row.concepts).padStart(8)}`,
        );
      io.stdout('\ntopic                     questions  concepts');
      for (const row of stats.topics)
        io.stdout(
          `${row.name.slice(0, 25).padEnd(26)}${String(row.questions).padStart(9)}  ${String(row.concepts).padStart(8)}`,
        );
      return exitCodes.ok;
    }
    case 'search': {
      const query = positionals.join(' ').trim();
      if (!query)
        throw new PrepkitError(
          'INVALID_INPUT',
          'kb search needs words to look for: prepkit kb search goroutine leak',
        );
      const results = searchKnowledge(knowledge, query);
      if (flags.json) io.stdout(JSON.stringify(results, null, 2));
      else if (results.length === 0) io.stdout(`nothing found for "${query}"`);
      else
        for (const entry of results)
          io.stdout(`${entry.id}  [${entry.kind}, ${entry.file}]\n  ${entry.text}`);
      return exitCodes.ok;
    }
    default:
      throw new PrepkitError(
        'INVALID_INPUT',
        'kb needs a subcommand: check, stats or search <words>',
      );
  }
}

function formatTally(tally: Record<string, number>): string {
  return Object.entries(tally)
    .map(([key, count]) => `${key} ${count}`)
    .join(', ');
}
