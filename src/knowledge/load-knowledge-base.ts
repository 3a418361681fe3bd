import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { isPrepkitError, PrepkitError } from '../domain/index.js';
// The persona parser imports nothing but src/domain, so the knowledge layer
// can use it to validate persona files without an import cycle; it is taken
// from its file rather than src/interview/index.ts, which imports src/knowledge.
import { parsePersona } from '../interview/parse-persona.js';
import { findPackageRoot } from '../support/index.js';
import {
  fingerprintKnowledgeFolder,
  readCompiledKnowledge,
  writeCompiledKnowledge,
} from './compile-knowledge-base.js';
import {
  type Advice,
  AdviceSchema,
  type Competency,
  CompetencySchema,
  type KnowledgeConcept,
  type KnowledgeQuestion,
  PlaybooksFileSchema,
  QuestionsToAskFileSchema,
  type QuestionToAsk,
  type Scenario,
  ScenarioSchema,
  type StagePlaybook,
  type TechnologyContent,
  TechnologyContentSchema,
  type Topic,
  TopicSchema,
} from './knowledge-schema.js';
import { loadTaxonomy, type Taxonomy } from './load-taxonomy.js';
import {
  type CultureCue,
  type DomainVocabulary,
  loadCultureCues,
  loadDomains,
} from './load-vocabularies.js';

/** Where an entry of the knowledge base came from, for messages and search results. */
export interface KnowledgeEntryRef {
  id: string;
  kind:
    | 'question'
    | 'concept'
    | 'topic'
    | 'scenario'
    | 'competency'
    | 'behavioral-question'
    | 'question-to-ask'
    | 'playbook'
    | 'domain'
    | 'advice';
  /** Short text to show: the question, the concept's name, the title. */
  text: string;
  /** File it came from, relative to its knowledge folder. */
  file: string;
}

/** The whole curated knowledge, validated and indexed. */
export interface KnowledgeBase {
  taxonomy: Taxonomy;
  domains: DomainVocabulary[];
  cultureCues: CultureCue[];
  /** Interview content by taxonomy id. */
  technologies: Map<string, TechnologyContent>;
  topics: Topic[];
  scenarios: Scenario[];
  competencies: Competency[];
  questionsToAsk: QuestionToAsk[];
  playbooks: StagePlaybook[];
  advice: Advice | undefined;
  /** Interviewer persona files: id (file name without .md) → Markdown. */
  personas: Map<string, string>;
  /** Every entry with an id, for citations and search. */
  entries: Map<string, KnowledgeEntryRef>;
}

/** The knowledge base and what is wrong with it, if anything. */
export interface LoadedKnowledge {
  knowledge: KnowledgeBase;
  /** One sentence per problem: invalid file, duplicate id, unknown reference, near-duplicate question. */
  problems: string[];
}

/**
 * Validates the shipped knowledge base and writes it as one file for fast
 * loading (run by the build). Throws with every problem when it is not valid.
 */
export function compileKnowledgeBase(path: string): void {
  const { knowledge, problems } = loadKnowledgeBase({ compiledPath: false });
  if (problems.length > 0) {
    throw new PrepkitError(
      'INTERNAL',
      `The knowledge base has ${problems.length} problem(s):\n${problems.join('\n')}`,
    );
  }
  writeCompiledKnowledge(knowledge, fingerprintKnowledgeFolder(knowledgeFolder()), path);
}

/** The folder of knowledge shipped with the package. */
export function knowledgeFolder(): string {
  return join(findPackageRoot(), 'knowledge');
}

/**
 * Reads the knowledge base from the package's `knowledge/` folder and, when
 * given, a user's own folder of the same layout (`PREPKIT_KNOWLEDGE`). A file
 * that fails validation is left out and reported, so one bad user file never
 * hides the rest.
 *
 * @example
 * const { knowledge, problems } = loadKnowledgeBase({ extraFolders: [process.env.PREPKIT_KNOWLEDGE] });
 */
export function loadKnowledgeBase(
  options: {
    extraFolders?: Array<string | undefined>;
    /** Also compare every pair of questions for near-duplicates (slow; for `kb check`). */
    findDuplicates?: boolean;
    /**
     * The compiled knowledge base written at build time, used for the shipped
     * folder while it matches the sources; `false` always reads the sources.
     */
    compiledPath?: string | false;
  } = {},
): LoadedKnowledge {
  const problems: string[] = [];
  const compiledPath = options.compiledPath ?? join(findPackageRoot(), 'dist', 'knowledge.json');
  const compiled =
    compiledPath && !options.findDuplicates
      ? readCompiledKnowledge(compiledPath, fingerprintKnowledgeFolder(knowledgeFolder()))
      : undefined;
  if (compiled) {
    for (const folder of (options.extraFolders ?? []).filter((extra): extra is string => !!extra)) {
      if (!existsSync(folder) || !statSync(folder).isDirectory()) {
        problems.push(`knowledge folder ${folder} does not exist`);
        continue;
      }
      readFolder(folder, `${folder}: `, compiled, problems);
    }
    problems.push(...findReferenceProblems(compiled));
    return { knowledge: compiled, problems };
  }
  const taxonomy = loadTaxonomy();
  const knowledge: KnowledgeBase = {
    taxonomy,
    domains: loadDomains(),
    cultureCues: loadCultureCues(),
    technologies: new Map(),
    topics: [],
    scenarios: [],
    competencies: [],
    questionsToAsk: [],
    playbooks: [],
    advice: undefined,
    personas: new Map(),
    entries: new Map(),
  };
  const folders = [
    knowledgeFolder(),
    ...(options.extraFolders ?? []).filter((folder): folder is string => !!folder),
  ];
  for (const [index, folder] of folders.entries()) {
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
      problems.push(`knowledge folder ${folder} does not exist`);
      continue;
    }
    readFolder(folder, index === 0 ? '' : `${folder}: `, knowledge, problems);
  }
  for (const domain of knowledge.domains) {
    knowledge.entries.set(`domain-${domain.id}`, {
      id: `domain-${domain.id}`,
      kind: 'domain',
      text: domain.name,
      file: 'domains.json',
    });
  }
  problems.push(...findReferenceProblems(knowledge));
  if (options.findDuplicates) problems.push(...findNearDuplicateQuestions(knowledge));
  return { knowledge, problems };
}

function readFolder(
  folder: string,
  label: string,
  knowledge: KnowledgeBase,
  problems: string[],
): void {
  const read = <S extends z.ZodType>(schema: S, file: string): z.output<S> | undefined => {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(folder, file), 'utf8'));
    } catch (error) {
      problems.push(
        `${label}${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      );
      return undefined;
    }
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    for (const issue of result.error.issues.slice(0, 5)) {
      problems.push(`${label}${file}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
    }
    return undefined;
  };
  const claim = (entry: KnowledgeEntryRef): boolean => {
    const owner = knowledge.entries.get(entry.id);
    if (owner) {
      problems.push(`${label}${entry.file}: id ${entry.id} is already used in ${owner.file}`);
      return false;
    }
    knowledge.entries.set(entry.id, entry);
    return true;
  };
  const claimQuestionsAndConcepts = (
    file: string,
    questions: KnowledgeQuestion[],
    concepts: KnowledgeConcept[],
  ) => {
    for (const question of questions)
      claim({ id: question.id, kind: 'question', text: question.text, file });
    for (const concept of concepts)
      claim({ id: concept.id, kind: 'concept', text: concept.name, file });
  };
  const listJson = (sub: string) =>
    existsSync(join(folder, sub))
      ? readdirSync(join(folder, sub))
          .filter((name) => name.endsWith('.json'))
          .sort()
          .map((name) => `${sub}/${name}`)
      : [];

  for (const file of listJson('technologies')) {
    const content = read(TechnologyContentSchema, file);
    if (!content) continue;
    if (file !== `technologies/${content.technology}.json`) {
      problems.push(
        `${label}${file}: the file must be named after its technology (${content.technology}.json)`,
      );
    }
    const levels = new Set(content.questions.map((question) => question.level));
    if (levels.size < 3)
      problems.push(`${label}${file}: questions must span junior, mid and senior`);
    if (knowledge.technologies.has(content.technology)) {
      problems.push(`${label}${file}: content for ${content.technology} is defined twice`);
      continue;
    }
    knowledge.technologies.set(content.technology, content);
    claimQuestionsAndConcepts(file, content.questions, content.concepts);
  }
  for (const file of listJson('topics')) {
    const topic = read(TopicSchema, file);
    if (!topic || !claim({ id: topic.id, kind: 'topic', text: topic.name, file })) continue;
    knowledge.topics.push(topic);
    claimQuestionsAndConcepts(file, topic.questions, topic.concepts);
  }
  for (const file of listJson('scenarios')) {
    const scenario = read(ScenarioSchema, file);
    if (scenario && claim({ id: scenario.id, kind: 'scenario', text: scenario.title, file })) {
      knowledge.scenarios.push(scenario);
    }
  }
  for (const file of listJson('behavioral')) {
    const competency = read(CompetencySchema, file);
    if (
      !competency ||
      !claim({ id: competency.id, kind: 'competency', text: competency.name, file })
    )
      continue;
    knowledge.competencies.push(competency);
    for (const question of competency.questions) {
      claim({ id: question.id, kind: 'behavioral-question', text: question.text, file });
    }
  }
  if (existsSync(join(folder, 'questions-to-ask.json'))) {
    for (const question of read(QuestionsToAskFileSchema, 'questions-to-ask.json')?.questions ??
      []) {
      if (
        claim({
          id: question.id,
          kind: 'question-to-ask',
          text: question.text,
          file: 'questions-to-ask.json',
        })
      ) {
        knowledge.questionsToAsk.push(question);
      }
    }
  }
  if (existsSync(join(folder, 'playbooks.json'))) {
    for (const playbook of read(PlaybooksFileSchema, 'playbooks.json')?.playbooks ?? []) {
      const id = `playbook-${playbook.stage}`;
      if (claim({ id, kind: 'playbook', text: playbook.goal, file: 'playbooks.json' }))
        knowledge.playbooks.push(playbook);
    }
  }
  if (existsSync(join(folder, 'personas'))) {
    for (const name of readdirSync(join(folder, 'personas'))
      .filter((file) => file.endsWith('.md'))
      .sort()) {
      const id = name.replace(/\.md$/, '');
      const markdown = readFileSync(join(folder, 'personas', name), 'utf8');
      try {
        parsePersona(markdown, id);
      } catch (error) {
        if (!isPrepkitError(error, 'INVALID_INPUT')) throw error;
        problems.push(`${label}personas/${name}: ${error.message}`);
        continue;
      }
      if (knowledge.personas.has(id)) {
        problems.push(`${label}personas/${name}: a persona named ${id} already exists`);
        continue;
      }
      knowledge.personas.set(id, markdown);
    }
  }
  if (existsSync(join(folder, 'advice.json'))) {
    const advice = read(AdviceSchema, 'advice.json');
    if (advice) {
      knowledge.advice = advice;
      for (const item of advice.iceBreakers)
        claim({ id: item.id, kind: 'advice', text: item.prompt, file: 'advice.json' });
      for (const item of advice.redFlags)
        claim({ id: item.id, kind: 'advice', text: item.flag, file: 'advice.json' });
      for (const item of advice.strategies)
        claim({ id: item.id, kind: 'advice', text: item.situation, file: 'advice.json' });
    }
  }
}

function findReferenceProblems(knowledge: KnowledgeBase): string[] {
  const problems: string[] = [];
  const domains = new Set(knowledge.domains.map((domain) => domain.id));
  const cues = new Set(knowledge.cultureCues.map((cue) => cue.id));
  for (const id of knowledge.technologies.keys()) {
    if (!knowledge.taxonomy.byId.has(id))
      problems.push(`technologies/${id}.json: ${id} is not in the taxonomy`);
  }
  for (const topic of knowledge.topics) {
    for (const id of topic.technologies) {
      if (!knowledge.taxonomy.byId.has(id))
        problems.push(`topics/${topic.id}: unknown technology ${id}`);
    }
  }
  for (const scenario of knowledge.scenarios) {
    for (const id of scenario.domains)
      if (!domains.has(id)) problems.push(`scenarios/${scenario.id}: unknown domain ${id}`);
  }
  for (const domain of knowledge.domains) {
    if (domain.concerns.length < 3)
      problems.push(`domains.json: ${domain.id} needs at least 3 concerns`);
    if (domain.vocabulary.length < 5)
      problems.push(`domains.json: ${domain.id} needs at least 5 vocabulary terms`);
    if (
      knowledge.scenarios.length > 0 &&
      !knowledge.scenarios.some((scenario) => scenario.domains.includes(domain.id))
    ) {
      problems.push(`domains.json: no scenario fits ${domain.id}`);
    }
  }
  for (const competency of knowledge.competencies) {
    for (const id of competency.cultureCues) {
      if (!cues.has(id)) problems.push(`behavioral/${competency.id}: unknown culture cue ${id}`);
    }
  }
  return problems;
}

const stopWords = new Set(
  'a an and are as at be by can do does for from how i in is it of on or that the this to was what when where which who why with would you your'.split(
    ' ',
  ),
);

/** Questions so alike in wording that one is probably a copy of the other. */
export function findNearDuplicateQuestions(knowledge: KnowledgeBase, threshold = 0.8): string[] {
  const questions = [...knowledge.entries.values()].filter(
    (entry) => entry.kind === 'question' || entry.kind === 'behavioral-question',
  );
  const words = questions.map(
    (entry) =>
      new Set(
        entry.text
          .toLowerCase()
          .match(/[a-z0-9#+.]+/g)
          ?.filter((word) => !stopWords.has(word)) ?? [],
      ),
  );
  const problems: string[] = [];
  for (let a = 0; a < questions.length; a++) {
    const first = words[a] as Set<string>;
    for (let b = a + 1; b < questions.length; b++) {
      const second = words[b] as Set<string>;
      const smaller = Math.min(first.size, second.size);
      const larger = Math.max(first.size, second.size);
      if (smaller === 0 || smaller / larger < threshold) continue;
      let shared = 0;
      for (const word of first) if (second.has(word)) shared++;
      if (shared / (first.size + second.size - shared) >= threshold) {
        problems.push(`questions ${questions[a]?.id} and ${questions[b]?.id} are near-duplicates`);
      }
    }
  }
  return problems;
}
