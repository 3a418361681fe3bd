import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isPrepkitError } from '../domain/index.js';
import { type KnowledgeBase, loadKnowledgeBase } from '../knowledge/index.js';
import { findPackageRoot } from '../support/index.js';
import { listPersonas, loadPersona } from './load-persona.js';

const root = findPackageRoot();
const fixturePath = (name: string) => join(root, 'fixtures', 'personas', name);
const builtInIds = [
  'backend-engineer',
  'frontend-engineer',
  'hiring-manager',
  'recruiter-screen',
  'system-design',
];
let knowledge: KnowledgeBase;

beforeAll(() => {
  knowledge = loadKnowledgeBase({ compiledPath: false }).knowledge;
});

/** The error a promise rejects with, or a failure when it resolves. */
async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isPrepkitError(error)) return error;
    throw error;
  }
  throw new Error('expected the promise to reject');
}

describe('listPersonas', () => {
  it('lists the five built-in personas with their titles, minutes and phase names', () => {
    const personas = listPersonas(knowledge);
    expect(personas.map((persona) => persona.id)).toEqual(builtInIds);
    expect(personas.map((persona) => persona.title)).toEqual([
      'Backend Engineering Interviewer',
      'Frontend Engineering Interviewer',
      'Hiring Manager Interviewer',
      'Recruiter Screen Interviewer',
      'System Design Interviewer',
    ]);
    expect(personas[0]).toEqual({
      id: 'backend-engineer',
      title: 'Backend Engineering Interviewer',
      position:
        'Senior Backend Engineer who owns the payment and order services and has been on their on-call rota for years',
      totalMinutes: { min: 45, max: 60 },
      phases: [
        'Opening',
        'Phase 1: Recent Work and Experience',
        'Phase 2: Design Scenarios',
        'Phase 3: Deep Dive',
        'Closing',
      ],
    });
    expect(personas.find((persona) => persona.id === 'recruiter-screen')?.phases).toEqual([
      'Opening',
      'Phase 1: Background',
      'Phase 2: Motivation and Fit',
      'Phase 3: Logistics',
      'Closing',
    ]);
  });

  it('leaves out a persona that does not parse instead of failing the whole list', () => {
    const withBroken: KnowledgeBase = {
      ...knowledge,
      personas: new Map([...knowledge.personas, ['broken', '# Only a title\n']]),
    };
    expect(listPersonas(withBroken).map((persona) => persona.id)).toEqual(builtInIds);
  });
});

describe('loadPersona', () => {
  it('loads a built-in persona by id, with the Markdown it was parsed from', async () => {
    const { persona, markdown } = await loadPersona('system-design', knowledge);
    expect(persona.id).toBe('system-design');
    expect(persona.title).toBe('System Design Interviewer');
    expect(markdown).toBe(knowledge.personas.get('system-design'));
  });

  it('loads a persona file by path, named after the file', async () => {
    const path = fixturePath('site-reliability-engineer.md');
    const { persona, markdown } = await loadPersona(path, knowledge);
    expect(persona.id).toBe('site-reliability-engineer');
    expect(persona.title).toBe('Site Reliability Interviewer');
    expect(persona.phases).toHaveLength(6);
    expect(markdown).toContain('# 🛠️ Site Reliability Interviewer');
    expect(markdown.trim()).toBe(readFileSync(path, 'utf8').trim());
  });

  it('reports an unknown reference as not found, listing the built-in ids', async () => {
    const error = await rejection(loadPersona('data-platform', knowledge));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('No persona "data-platform"');
    for (const id of builtInIds) expect(error.message).toContain(id);
    const missingFile = await rejection(loadPersona(fixturePath('missing.md'), knowledge));
    expect(missingFile.code).toBe('NOT_FOUND');
    expect(missingFile.message).toContain('backend-engineer');
  });

  it('refuses a file that is not a usable persona, saying why', async () => {
    const json = await rejection(loadPersona(fixturePath('broken-json.json'), knowledge));
    expect(json.code).toBe('INVALID_INPUT');
    expect(json.message).toMatch(/^persona broken-json: this is JSON, not Markdown/);
    const noPhases = await rejection(loadPersona(fixturePath('broken-no-phases.md'), knowledge));
    expect(noPhases.code).toBe('INVALID_INPUT');
    expect(noPhases.message).toMatch(/^persona broken-no-phases: no interview phases/);
    const empty = await rejection(loadPersona(fixturePath('broken-empty.md'), knowledge));
    expect(empty.code).toBe('EMPTY_INPUT');
  });
});
