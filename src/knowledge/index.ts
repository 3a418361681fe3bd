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
  type CultureCue,
  CultureCueSchema,
  type DomainVocabulary,
  DomainVocabularySchema,
  loadCultureCues,
  loadDomains,
} from './load-vocabularies.js';
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
