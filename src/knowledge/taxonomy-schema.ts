import { z } from 'zod';

/** The categories of the technology taxonomy. */
export const technologyCategories = [
  'language',
  'framework',
  'database',
  'cache',
  'queue-streaming',
  'cloud-service',
  'infrastructure',
  'ci-cd',
  'observability',
  'testing',
  'protocol-api',
  'security',
  'architecture-practice',
  'data-ml',
  'frontend',
  'mobile',
] as const;
export const TechnologyCategorySchema = z.enum(technologyCategories);
export type TechnologyCategory = z.infer<typeof TechnologyCategorySchema>;

/**
 * Traits shared by technologies that can stand in for each other: MySQL and
 * PostgreSQL are both `relational`; experience with one is transferable to the
 * other. A closed list, so a typo fails validation.
 */
export const technologyTraits = [
  // languages
  'backend-language',
  'systems-language',
  'scripting-language',
  'jvm',
  'dotnet',
  'beam',
  'functional',
  'static-typing',
  'dynamic-typing',
  'javascript-runtime',
  // frameworks
  'web-framework',
  'orm',
  'frontend-framework',
  'css',
  'build-tool',
  'mobile-native',
  'cross-platform-mobile',
  // data
  'relational',
  'sql',
  'document-store',
  'key-value',
  'wide-column',
  'search-engine',
  'time-series',
  'graph-database',
  'data-warehouse',
  'in-memory',
  'message-broker',
  'event-streaming',
  'data-processing',
  'ml-framework',
  'workflow-orchestration',
  // infrastructure
  'container',
  'container-orchestration',
  'infrastructure-as-code',
  'configuration-management',
  'serverless',
  'object-storage',
  'compute',
  'managed-database',
  'cdn',
  'load-balancer',
  'service-mesh',
  'version-control',
  'ci-service',
  'gitops',
  // observability
  'metrics',
  'logging',
  'tracing',
  'error-tracking',
  'dashboards',
  'alerting',
  // testing
  'unit-testing',
  'integration-testing',
  'e2e-testing',
  'load-testing',
  'mocking',
  // protocols and practices
  'api-style',
  'rpc',
  'transport-protocol',
  'realtime',
  'authentication',
  'authorization',
  'cryptography',
  'application-security',
  'architecture-style',
  'delivery-practice',
  'reliability-practice',
] as const;
export const TechnologyTraitSchema = z.enum(technologyTraits);
export type TechnologyTrait = z.infer<typeof TechnologyTraitSchema>;

const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lowercase words joined by hyphens');

/**
 * One way a technology is written in postings and resumes. A plain string is
 * matched case-insensitively at word boundaries. The object form is for names
 * that are also ordinary words or letters (Go, R, C, Swift, Rust, Spring,
 * Express): `caseSensitive` keeps "go live" from matching Go, and `ambiguous`
 * makes the matcher require technical context around it.
 */
export const TechnologyAliasSchema = z.union([
  z.string().min(1),
  z.strictObject({
    text: z.string().min(1),
    caseSensitive: z.boolean().default(false),
    ambiguous: z.boolean().default(false),
  }),
]);
export type TechnologyAlias = z.infer<typeof TechnologyAliasSchema>;

/** One technology, practice or protocol of the taxonomy. */
export const TechnologySchema = z.strictObject({
  /** Stable id; documents and the knowledge base cite it. Never renamed once published. */
  id: idSchema,
  /** The display name, also matched like an alias. */
  name: z.string().min(1),
  category: TechnologyCategorySchema,
  /** Other spellings; the name itself need not be repeated. */
  aliases: z.array(TechnologyAliasSchema).default([]),
  /** When the name itself is an ordinary word (see TechnologyAliasSchema). */
  nameIsAmbiguous: z.boolean().default(false),
  nameIsCaseSensitive: z.boolean().default(false),
  /** Knowing this implies knowing those (Phoenix implies Elixir, Django implies Python). */
  implies: z.array(idSchema).default([]),
  /** Close relatives whose experience transfers (Aurora ↔ PostgreSQL, MySQL). */
  related: z.array(idSchema).default([]),
  traits: z.array(TechnologyTraitSchema).default([]),
  /** One sentence in this project's words: what it is. */
  summary: z.string().min(10).max(300),
});
export type Technology = z.infer<typeof TechnologySchema>;

/** The content of one taxonomy data file. */
export const TaxonomyFileSchema = z.strictObject({
  technologies: z.array(TechnologySchema).min(1),
});
