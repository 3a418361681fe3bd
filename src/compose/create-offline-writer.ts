import type { ComposedDocument } from '../domain/index.js';
import { composePrepPack } from './compose-prep-pack.js';
import type { PrepPackInput } from './prep-pack-input.js';

/**
 * Writes prepkit's documents. The offline writer composes them from the
 * extracted profiles and the knowledge base; a model writer (later) fills
 * the same structures behind the same methods.
 */
export interface DocumentWriter {
  readonly name: string;
  writePrepPack(input: PrepPackInput): Promise<ComposedDocument>;
}

/**
 * The default writer: deterministic, offline, no model.
 *
 * @example
 * const pack = await createOfflineWriter().writePrepPack(input);
 */
export function createOfflineWriter(): DocumentWriter {
  return {
    name: 'offline',
    writePrepPack: (input) => Promise.resolve(composePrepPack(input)),
  };
}
