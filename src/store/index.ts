export type { ApplicationsRepository } from './applications-repository.js';
export { createStore, openStore, type Store } from './create-store.js';
export { readDataDirLockOwner } from './data-dir-lock.js';
export type {
  DocumentAddress,
  DocumentInfo,
  DocumentsRepository,
  DocumentVersionInfo,
} from './documents-repository.js';
export type { InterviewsRepository, NewInterviewValues } from './interviews-repository.js';
export {
  type DatabaseHandle,
  describeDatabaseUrl,
  migrationsFolder,
  type OpenDatabaseOptions,
  openDatabase,
  type StorageMode,
} from './open-database.js';
export { demoFixturesFolder } from './seed-demo-application.js';
export type { StagesRepository } from './stages-repository.js';
