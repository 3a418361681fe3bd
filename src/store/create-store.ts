import {
  type ApplicationsRepository,
  createApplicationsRepository,
} from './applications-repository.js';
import { createDocumentsRepository, type DocumentsRepository } from './documents-repository.js';
import { createInterviewsRepository, type InterviewsRepository } from './interviews-repository.js';
import {
  type DatabaseHandle,
  type OpenDatabaseOptions,
  openDatabase,
  pingDatabase,
  type StorageMode,
} from './open-database.js';
import { seedDemoApplication } from './seed-demo-application.js';
import { createStagesRepository, type StagesRepository } from './stages-repository.js';

/** Everything the rest of prepkit reads and writes, over one database. */
export interface Store {
  mode: StorageMode;
  location: string;
  applications: ApplicationsRepository;
  stages: StagesRepository;
  documents: DocumentsRepository;
  /** Mock interviews with their turns and reports. */
  interviews: InterviewsRepository;
  /** Creates the demo application on first start; returns its id, or null if not created. */
  seedDemo(options?: { folder?: string; now?: Date }): Promise<string | null>;
  /** Resolves when the database answers a query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Wraps an open database in the repositories. */
export function createStore(handle: DatabaseHandle): Store {
  return {
    mode: handle.mode,
    location: handle.location,
    applications: createApplicationsRepository(handle.db),
    stages: createStagesRepository(handle.db),
    documents: createDocumentsRepository(handle.db),
    interviews: createInterviewsRepository(handle.db),
    seedDemo: (options) => seedDemoApplication(handle.db, options),
    ping: () => pingDatabase(handle.db),
    close: () => handle.close(),
  };
}

/**
 * Opens storage, applies migrations and returns the store.
 *
 * @example
 * const store = await openStore({ mode: 'embedded', dataDir: '~/.prepkit' });
 */
export async function openStore(options: OpenDatabaseOptions): Promise<Store> {
  return createStore(await openDatabase(options));
}
