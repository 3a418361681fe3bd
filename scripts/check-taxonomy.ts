// Checks the taxonomy data files and prints counts per category.
// Run: npx tsx scripts/check-taxonomy.ts

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Technology } from '../src/knowledge/index.js';
import {
  countByCategory,
  findTaxonomyProblems,
  TaxonomyFileSchema,
  taxonomyFolder,
} from '../src/knowledge/index.js';

const technologies: Technology[] = [];
let failed = false;
for (const file of readdirSync(taxonomyFolder())
  .filter((name) => name.endsWith('.json'))
  .sort()) {
  const result = TaxonomyFileSchema.safeParse(
    JSON.parse(readFileSync(join(taxonomyFolder(), file), 'utf8')),
  );
  if (!result.success) {
    failed = true;
    for (const issue of result.error.issues) {
      console.log(`${file}: ${issue.path.join('.')}: ${issue.message}`);
    }
    continue;
  }
  technologies.push(...result.data.technologies);
  console.log(`${file}: ${result.data.technologies.length} technologies`);
}
const problems = findTaxonomyProblems(technologies);
for (const problem of problems) console.log(`problem: ${problem}`);
console.log(`total: ${technologies.length}`, countByCategory(technologies));
process.exitCode = failed || problems.length > 0 ? 1 : 0;
