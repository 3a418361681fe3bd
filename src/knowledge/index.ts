export {
  countByCategory,
  findTaxonomyProblems,
  listSpellings,
  loadTaxonomy,
  type Spelling,
  type Taxonomy,
  taxonomyFolder,
} from './load-taxonomy.js';
export {
  TaxonomyFileSchema,
  type Technology,
  type TechnologyAlias,
  TechnologyAliasSchema,
  type TechnologyCategory,
  TechnologyCategorySchema,
  TechnologySchema,
  type TechnologyTrait,
  technologyCategories,
  technologyTraits,
} from './taxonomy-schema.js';
