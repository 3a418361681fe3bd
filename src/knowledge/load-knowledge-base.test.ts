import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprintKnowledgeFolder, readCompiledKnowledge } from './compile-knowledge-base.js';
import { compileKnowledgeBase, knowledgeFolder, loadKnowledgeBase } from './load-knowledge-base.js';
import { searchKnowledge, summarizeKnowledge } from './summarize-knowledge.js';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function userFolder(files: Record<string, unknown>): string {
  const folder = mkdtempSync(join(tmpdir(), 'prepkit-knowledge-'));
  folders.push(folder);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(
      join(folder, path),
      typeof content === 'string' ? content : JSON.stringify(content),
    );
  }
  return folder;
}

const question = (id: string, text: string, level: 'junior' | 'mid' | 'senior') => ({
  id,
  text,
  level,
  kind: 'conceptual',
  goodAnswer: ['Names the mechanism and when it applies.', 'Explains the trade-off it makes.'],
  weakAnswers: ['Repeats the definition without saying when to use it.'],
  followUps: ['What would you measure to know it works?'],
});

const userTopic = {
  id: 'user-topic-feature-toggles',
  name: 'Feature toggles in practice',
  summary: 'How teams ship dark code safely and clean up old toggles.',
  technologies: [],
  questions: [
    question(
      'user-topic-toggle-cleanup',
      'How do you keep old feature toggles from piling up in a codebase?',
      'mid',
    ),
    question(
      'user-topic-toggle-testing',
      'How do you test code paths behind a toggle that is off in production?',
      'mid',
    ),
    question(
      'user-topic-toggle-kill',
      'When would you use a toggle as a kill switch rather than a rollback?',
      'senior',
    ),
    question(
      'user-topic-toggle-basics',
      'What problem does a feature toggle solve for a team that deploys daily?',
      'junior',
    ),
    question(
      'user-topic-toggle-ownership',
      'Who should own the decision to remove a release toggle, and when?',
      'senior',
    ),
  ],
  concepts: [1, 2, 3].map((index) => ({
    id: `user-topic-toggle-concept-${index}`,
    name: `Toggle concept ${index}`,
    whyItMatters: 'Toggles change what runs without a deploy, so they need owners.',
    practice: 'Add a toggle to a small service and remove it after the release.',
    minutes: 30,
    level: 'mid',
  })),
};

describe('loadKnowledgeBase', () => {
  it('loads the shipped knowledge base without a single problem', () => {
    const { knowledge, problems } = loadKnowledgeBase({ findDuplicates: true });
    expect(problems).toEqual([]);
    expect(knowledge.taxonomy.technologies.length).toBeGreaterThanOrEqual(400);
  });

  it('covers the technologies every prep pack leans on, with questions at every level', () => {
    const { knowledge } = loadKnowledgeBase();
    const expected = [
      'go',
      'python',
      'java',
      'kotlin',
      'typescript',
      'nodejs',
      'elixir',
      'ruby',
      'csharp',
      'rust',
      'php',
      'scala',
      'phoenix',
      'ecto',
      'otp',
      'fastapi',
      'django',
      'flask',
      'spring-boot',
      'nestjs',
      'express',
      'rails',
      'aspnet-core',
      'grpc',
      'graphql',
      'rest',
      'postgresql',
      'mysql',
      'mongodb',
      'redis',
      'elasticsearch',
      'kafka',
      'rabbitmq',
      'aws-sqs',
      'aws-sns',
      'dynamodb',
      'cassandra',
      'docker',
      'kubernetes',
      'helm',
      'terraform',
      'cloudformation',
      'aws-ec2',
      'aws-s3',
      'aws-rds',
      'aurora',
      'aws-lambda',
      'aws-ecs',
      'aws-fargate',
      'aws-eks',
      'aws-iam',
      'aws-elasticache',
      'aws-cloudwatch',
      'gcp',
      'azure',
      'gitlab-ci',
      'github-actions',
      'jenkins',
      'prometheus',
      'grafana',
      'opentelemetry',
      'sentry',
      'datadog',
      'pytest',
      'jest',
      'exunit',
      'junit',
      'react',
      'nextjs',
    ];
    expect(expected.filter((id) => !knowledge.technologies.has(id))).toEqual([]);
    expect(knowledge.technologies.size).toBeGreaterThanOrEqual(120);
    expect(knowledge.topics.length).toBeGreaterThanOrEqual(25);
    expect(knowledge.scenarios.length).toBeGreaterThanOrEqual(30);
    expect(knowledge.competencies.length).toBeGreaterThanOrEqual(12);
    expect(knowledge.questionsToAsk.length).toBeGreaterThanOrEqual(80);
    expect(knowledge.playbooks.map((playbook) => playbook.stage).sort()).toEqual([
      'behavioral',
      'final',
      'hiring-manager',
      'recruiter',
      'system-design',
      'technical',
    ]);
    expect(knowledge.advice?.redFlags.length).toBeGreaterThanOrEqual(20);
    expect(knowledge.personas.size).toBeGreaterThanOrEqual(5);
  });

  it("adds a user's own folder, and reports a bad or clashing file without losing the rest", () => {
    const folder = userFolder({
      'topics/user-topic-feature-toggles.json': userTopic,
      'topics/broken.json': '{ "id": ',
      'topics/clash.json': { ...userTopic },
    });
    const { knowledge, problems } = loadKnowledgeBase({ extraFolders: [folder] });
    expect(knowledge.topics.map((topic) => topic.id)).toContain('user-topic-feature-toggles');
    expect(problems.some((problem) => problem.includes('topics/broken.json: not valid JSON'))).toBe(
      true,
    );
    expect(
      problems.some((problem) =>
        /id user-topic-feature-toggles is already used in topics\/clash\.json/.test(problem),
      ),
    ).toBe(true);
  });

  it('flags near-duplicate questions and unknown references', () => {
    const folder = userFolder({
      'topics/user-duplicates.json': {
        ...userTopic,
        id: 'user-duplicates',
        technologies: ['not-a-technology'],
        questions: userTopic.questions.map((item, index) => ({
          ...item,
          id: `user-duplicates-${index}`,
          text:
            index === 0
              ? 'How do you keep old feature toggles from piling up in the codebase?'
              : `${item.text} Why?`,
        })),
        concepts: userTopic.concepts.map((item, index) => ({
          ...item,
          id: `user-duplicates-concept-${index}`,
        })),
      },
      'topics/user-topic-feature-toggles.json': userTopic,
    });
    const { problems } = loadKnowledgeBase({ extraFolders: [folder], findDuplicates: true });
    expect(problems).toContain(
      'questions user-duplicates-0 and user-topic-toggle-cleanup are near-duplicates',
    );
    expect(problems).toContain('topics/user-duplicates: unknown technology not-a-technology');
  });

  it("loads a user's persona written with emoji and any case, and reports one the parser refuses", () => {
    const folder = userFolder({
      'personas/data-platform.md': [
        '# Data Platform Interviewer',
        '## 🎯 your role',
        '**Position:** Data engineer who runs the nightly pipelines',
        '## 🧭 INTERVIEW FLOW',
        '### Phase 1 — Pipelines (10–15 min)',
        '* "How do you find out that last night\'s load was incomplete?"',
      ].join('\n'),
      'personas/notes-only.md': '# Interviewer notes\n## Your role\nAsks about data.\n',
    });
    const { knowledge, problems } = loadKnowledgeBase({ extraFolders: [folder] });
    expect(knowledge.personas.has('data-platform')).toBe(true);
    expect(knowledge.personas.has('notes-only')).toBe(false);
    expect(problems).toEqual([
      `${folder}: personas/notes-only.md: persona notes-only: no interview phases: add "## Interview flow" with "### Phase 1: ... (10 minutes)" headings and quoted questions as bullets`,
    ]);
  });

  it('reports a folder that does not exist', () => {
    const { problems } = loadKnowledgeBase({ extraFolders: ['/nonexistent/prepkit-knowledge'] });
    expect(problems).toEqual(['knowledge folder /nonexistent/prepkit-knowledge does not exist']);
  });
});

describe('compileKnowledgeBase', () => {
  it('writes one file that loads to the same knowledge, used only while it matches the sources', () => {
    const folder = mkdtempSync(join(tmpdir(), 'prepkit-compiled-'));
    folders.push(folder);
    const path = join(folder, 'knowledge.json');
    compileKnowledgeBase(path);
    const fromSources = loadKnowledgeBase({ compiledPath: false }).knowledge;
    const fingerprint = fingerprintKnowledgeFolder(knowledgeFolder());
    const compiled = readCompiledKnowledge(path, fingerprint);
    expect(compiled?.entries.size).toBe(fromSources.entries.size);
    expect(compiled?.technologies.get('go')).toEqual(fromSources.technologies.get('go'));
    expect(compiled?.taxonomy.byId.get('postgresql')).toEqual(
      fromSources.taxonomy.byId.get('postgresql'),
    );
    expect(readCompiledKnowledge(path, 'an older fingerprint')).toBeUndefined();
    expect(readCompiledKnowledge(join(folder, 'missing.json'), fingerprint)).toBeUndefined();
  });

  it("adds a user's folder on top of the compiled knowledge", () => {
    const folder = mkdtempSync(join(tmpdir(), 'prepkit-compiled-'));
    folders.push(folder);
    const path = join(folder, 'knowledge.json');
    compileKnowledgeBase(path);
    const extra = userFolder({ 'topics/user-topic-feature-toggles.json': userTopic });
    const { knowledge, problems } = loadKnowledgeBase({
      compiledPath: path,
      extraFolders: [extra],
    });
    expect(problems).toEqual([]);
    expect(knowledge.entries.get('user-topic-toggle-kill')?.file).toBe(
      'topics/user-topic-feature-toggles.json',
    );
  });
});

describe('searchKnowledge', () => {
  it('finds entries containing every word, and nothing for unknown words', () => {
    const folder = userFolder({ 'topics/user-topic-feature-toggles.json': userTopic });
    const { knowledge } = loadKnowledgeBase({ extraFolders: [folder] });
    expect(searchKnowledge(knowledge, 'toggle kill switch').map((entry) => entry.id)).toEqual([
      'user-topic-toggle-kill',
    ]);
    expect(searchKnowledge(knowledge, 'zzzz-no-such-word')).toEqual([]);
  });
});

describe('summarizeKnowledge', () => {
  it('counts questions by level across topics', () => {
    const folder = userFolder({ 'topics/user-topic-feature-toggles.json': userTopic });
    const { knowledge } = loadKnowledgeBase({ extraFolders: [folder] });
    const stats = summarizeKnowledge(knowledge);
    const row = stats.topics.find((topic) => topic.id === 'user-topic-feature-toggles');
    expect(row).toEqual({
      id: 'user-topic-feature-toggles',
      name: 'Feature toggles in practice',
      questions: 5,
      concepts: 3,
    });
    expect(stats.questionsByLevel.senior).toBeGreaterThanOrEqual(2);
  });
});
