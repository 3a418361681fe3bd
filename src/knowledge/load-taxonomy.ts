import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PrepkitError, parseWith } from '../domain/index.js';
import { findPackageRoot } from '../support/index.js';
import {
  TaxonomyFileSchema,
  type Technology,
  type TechnologyAlias,
  type TechnologyCategory,
} from './taxonomy-schema.js';

/** The validated taxonomy, indexed by id. */
export interface Taxonomy {
  technologies: readonly Technology[];
  byId: ReadonlyMap<string, Technology>;
}

/** The folder of taxonomy data files shipped with the package. */
export function taxonomyFolder(): string {
  return join(findPackageRoot(), 'knowledge', 'taxonomy');
}

/**
 * Loads every `*.json` file of the taxonomy folder and checks it as a whole:
 * each file against the schema, ids unique, every `implies`/`related` id
 * defined, and no spelling claimed by two technologies. Any problem is one
 * PrepkitError listing all of them.
 *
 * @example
 * const taxonomy = loadTaxonomy();
 * taxonomy.byId.get('postgresql')?.name; // 'PostgreSQL'
 */
export function loadTaxonomy(folder = taxonomyFolder()): Taxonomy {
  const technologies: Technology[] = [];
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort();
  for (const file of files) {
    const path = join(folder, file);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new PrepkitError('INTERNAL', `Taxonomy file ${file} is not valid JSON`, {
        cause: error,
      });
    }
    technologies.push(
      ...parseWith(TaxonomyFileSchema, raw, `taxonomy file ${file}`, 'INTERNAL').technologies,
    );
  }
  const problems = findTaxonomyProblems(technologies);
  if (problems.length > 0) {
    throw new PrepkitError(
      'INTERNAL',
      `The taxonomy has ${problems.length} problem(s): ${problems.join('; ')}`,
      {
        issues: problems.map((message) => ({ path: 'knowledge/taxonomy', message })),
      },
    );
  }
  return {
    technologies,
    byId: new Map(technologies.map((technology) => [technology.id, technology])),
  };
}

/** Every cross-entry problem of a list of technologies, as sentences. */
export function findTaxonomyProblems(technologies: readonly Technology[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const technology of technologies) {
    if (ids.has(technology.id)) problems.push(`id ${technology.id} is defined twice`);
    ids.add(technology.id);
  }
  const spellings = new Map<string, string>();
  for (const technology of technologies) {
    for (const reference of [...technology.implies, ...technology.related]) {
      if (!ids.has(reference)) problems.push(`${technology.id} refers to unknown id ${reference}`);
      if (reference === technology.id) problems.push(`${technology.id} refers to itself`);
    }
    for (const spelling of listSpellings(technology)) {
      const key = spelling.caseSensitive ? spelling.text : spelling.text.toLowerCase();
      const owner = spellings.get(key);
      if (owner && owner !== technology.id) {
        problems.push(`"${spelling.text}" is claimed by both ${owner} and ${technology.id}`);
      }
      spellings.set(key, technology.id);
    }
  }
  return problems;
}

/** A spelling of a technology, as the matcher uses it. */
export interface Spelling {
  text: string;
  caseSensitive: boolean;
  ambiguous: boolean;
}

/** The name and every alias of a technology, normalised. */
export function listSpellings(technology: Technology): Spelling[] {
  const fromAlias = (alias: TechnologyAlias): Spelling =>
    typeof alias === 'string'
      ? { text: alias, caseSensitive: false, ambiguous: false }
      : { text: alias.text, caseSensitive: alias.caseSensitive, ambiguous: alias.ambiguous };
  return [
    {
      text: technology.name,
      caseSensitive: technology.nameIsCaseSensitive,
      ambiguous: technology.nameIsAmbiguous,
    },
    ...technology.aliases.map(fromAlias),
  ];
}

/** How many technologies each category holds. */
export function countByCategory(
  technologies: readonly Technology[],
): Record<TechnologyCategory, number> {
  const counts = {} as Record<TechnologyCategory, number>;
  for (const technology of technologies) {
    counts[technology.category] = (counts[technology.category] ?? 0) + 1;
  }
  return counts;
}
