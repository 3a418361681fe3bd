// Checks the knowledge base files while `prepkit kb check` is being built.
// Run: npx tsx scripts/check-knowledge.ts
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import {
  AdviceSchema,
  CompetencySchema,
  loadTaxonomy,
  PlaybooksFileSchema,
  QuestionsToAskFileSchema,
  ScenarioSchema,
  TechnologyContentSchema,
  TopicSchema,
} from '../src/knowledge/index.js';
import { findPackageRoot } from '../src/support/index.js';

const root = join(findPackageRoot(), 'knowledge');
const taxonomy = loadTaxonomy();
const ids = new Map<string, string>();
const problems: string[] = [];
const counts: Record<string, number> = {};

function check<S extends z.ZodType>(schema: S, file: string): z.output<S> | undefined {
  const result = schema.safeParse(JSON.parse(readFileSync(join(root, file), 'utf8')));
  if (!result.success) {
    for (const issue of result.error.issues)
      problems.push(`${file}: ${issue.path.join('.')}: ${issue.message}`);
    return undefined;
  }
  return result.data;
}
function claim(id: string, file: string) {
  const owner = ids.get(id);
  if (owner) problems.push(`${file}: id ${id} already used in ${owner}`);
  ids.set(id, file);
}
function folder(name: string): string[] {
  return existsSync(join(root, name))
    ? readdirSync(join(root, name))
        .filter((file) => file.endsWith('.json'))
        .sort()
    : [];
}

for (const file of folder('technologies')) {
  const content = check(TechnologyContentSchema, `technologies/${file}`);
  if (!content) continue;
  if (!taxonomy.byId.has(content.technology))
    problems.push(`technologies/${file}: unknown taxonomy id ${content.technology}`);
  if (file !== `${content.technology}.json`)
    problems.push(`technologies/${file}: file name must be ${content.technology}.json`);
  const levels = new Set(content.questions.map((question) => question.level));
  if (levels.size < 3)
    problems.push(`technologies/${file}: questions must span junior, mid and senior`);
  for (const item of [...content.questions, ...content.concepts])
    claim(item.id, `technologies/${file}`);
  counts.technologies = (counts.technologies ?? 0) + 1;
  counts.questions = (counts.questions ?? 0) + content.questions.length;
  counts.concepts = (counts.concepts ?? 0) + content.concepts.length;
}
for (const file of folder('topics')) {
  const topic = check(TopicSchema, `topics/${file}`);
  if (!topic) continue;
  claim(topic.id, `topics/${file}`);
  for (const id of topic.technologies)
    if (!taxonomy.byId.has(id)) problems.push(`topics/${file}: unknown taxonomy id ${id}`);
  for (const item of [...topic.questions, ...topic.concepts]) claim(item.id, `topics/${file}`);
  counts.topics = (counts.topics ?? 0) + 1;
  counts.questions = (counts.questions ?? 0) + topic.questions.length;
}
const domainIds = new Set(
  (
    JSON.parse(readFileSync(join(root, 'domains.json'), 'utf8')) as {
      domains: Array<{ id: string }>;
    }
  ).domains.map((d) => d.id),
);
for (const file of folder('scenarios')) {
  const scenario = check(ScenarioSchema, `scenarios/${file}`);
  if (!scenario) continue;
  claim(scenario.id, `scenarios/${file}`);
  for (const id of scenario.domains)
    if (!domainIds.has(id)) problems.push(`scenarios/${file}: unknown domain ${id}`);
  counts.scenarios = (counts.scenarios ?? 0) + 1;
}
const cueIds = new Set(
  (
    JSON.parse(readFileSync(join(root, 'culture-cues.json'), 'utf8')) as {
      cultureCues: Array<{ id: string }>;
    }
  ).cultureCues.map((c) => c.id),
);
for (const file of folder('behavioral')) {
  const competency = check(CompetencySchema, `behavioral/${file}`);
  if (!competency) continue;
  claim(competency.id, `behavioral/${file}`);
  for (const question of competency.questions) claim(question.id, `behavioral/${file}`);
  for (const id of competency.cultureCues)
    if (!cueIds.has(id)) problems.push(`behavioral/${file}: unknown culture cue ${id}`);
  counts.competencies = (counts.competencies ?? 0) + 1;
}
if (existsSync(join(root, 'questions-to-ask.json'))) {
  const file = check(QuestionsToAskFileSchema, 'questions-to-ask.json');
  for (const question of file?.questions ?? []) claim(question.id, 'questions-to-ask.json');
  counts.questionsToAsk = file?.questions.length ?? 0;
}
if (existsSync(join(root, 'playbooks.json')))
  counts.playbooks = check(PlaybooksFileSchema, 'playbooks.json')?.playbooks.length ?? 0;
if (existsSync(join(root, 'advice.json'))) {
  const advice = check(AdviceSchema, 'advice.json');
  for (const item of [
    ...(advice?.iceBreakers ?? []),
    ...(advice?.redFlags ?? []),
    ...(advice?.strategies ?? []),
  ])
    claim(item.id, 'advice.json');
}
for (const problem of problems) console.log(`problem: ${problem}`);
console.log(counts);
process.exitCode = problems.length > 0 ? 1 : 0;
