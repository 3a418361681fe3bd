import type { Source } from '../domain/index.js';
import { readFile, readUrl } from '../ingest/index.js';

/** Reads a file path or an http(s) URL given on the command line. */
export function readLocation(location: string, allowPrivateUrls: boolean): Promise<Source> {
  return /^https?:\/\//i.test(location)
    ? readUrl(location, { allowPrivateAddresses: allowPrivateUrls })
    : readFile(location);
}
