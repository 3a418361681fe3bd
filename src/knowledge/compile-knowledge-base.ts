import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { PrepkitError } from '../domain/index.js';
import type { KnowledgeBase, KnowledgeEntryRef } from './load-knowledge-base.js';

/**
 * A fingerprint of every file under a knowledge folder (path, size, change
 * time): a compiled knowledge base is used only while it still matches.
 */
export function fingerprintKnowledgeFolder(folder: string): string {
  const hash = createHash('sha256');
  const walk = (current: string) => {
    // Code-unit order: the same on every machine, and much cheaper than localeCompare.
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    )) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(json|md)$/.test(entry.name)) {
        const stats = statSync(path);
        hash.update(`${relative(folder, path)}\0${stats.size}\0${stats.mtimeMs}\n`);
      }
    }
  };
  walk(folder);
  return hash.digest('hex');
}

const CompiledFileSchema = z.object({
  format: z.literal(1),
  fingerprint: z.string(),
  knowledge: z.record(z.string(), z.unknown()),
});

/**
 * Writes the validated knowledge base as one JSON file, so later loads skip
 * reading and validating some two hundred files. Done at build time.
 */
export function writeCompiledKnowledge(
  knowledge: KnowledgeBase,
  fingerprint: string,
  path: string,
): void {
  const serialisable = {
    ...knowledge,
    taxonomy: knowledge.taxonomy.technologies,
    technologies: [...knowledge.technologies.values()],
    personas: [...knowledge.personas.entries()],
    entries: [...knowledge.entries.values()],
  };
  writeFileSync(path, JSON.stringify({ format: 1, fingerprint, knowledge: serialisable }));
}

/**
 * Reads a compiled knowledge base written by `writeCompiledKnowledge`, or
 * undefined when there is none or it no longer matches `fingerprint`. Its
 * content was validated when it was compiled, so it is not validated again.
 */
export function readCompiledKnowledge(
  path: string,
  fingerprint: string,
): KnowledgeBase | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  const file = CompiledFileSchema.safeParse(raw);
  if (!file.success || file.data.fingerprint !== fingerprint) return undefined;
  // Trusted: this file is written only by writeCompiledKnowledge from a validated base.
  const data = file.data.knowledge as unknown as Omit<
    KnowledgeBase,
    'taxonomy' | 'technologies' | 'personas' | 'entries'
  > & {
    taxonomy: KnowledgeBase['taxonomy']['technologies'];
    technologies: Array<
      KnowledgeBase['technologies'] extends Map<string, infer Value> ? Value : never
    >;
    personas: Array<[string, string]>;
    entries: KnowledgeEntryRef[];
  };
  if (!Array.isArray(data.taxonomy) || !Array.isArray(data.technologies)) {
    throw new PrepkitError(
      'INTERNAL',
      `The compiled knowledge base ${path} is damaged; run npm run build`,
    );
  }
  return {
    ...data,
    taxonomy: {
      technologies: data.taxonomy,
      byId: new Map(data.taxonomy.map((technology) => [technology.id, technology])),
    },
    technologies: new Map(data.technologies.map((content) => [content.technology, content])),
    personas: new Map(data.personas),
    entries: new Map(data.entries.map((entry) => [entry.id, entry])),
  };
}
