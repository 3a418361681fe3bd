import { createSource, PrepkitError, type Source, type SourceKind } from '../domain/index.js';

/**
 * Makes a Source with `createSource` and refuses one without any text, so an
 * empty document never reaches extraction as if it said something.
 */
export function createNonEmptySource(
  kind: SourceKind,
  name: string,
  text: string,
  pages?: number,
): Source {
  const source = createSource(kind, name, text, pages);
  if (source.text.trim() === '') {
    throw new PrepkitError('EMPTY_INPUT', `${name} is empty: it contains no text to read.`);
  }
  return source;
}
