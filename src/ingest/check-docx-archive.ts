import JSZip from 'jszip';
import { PrepkitError } from '../domain/index.js';
import { hasZipSignature } from './has-zip-signature.js';
import { formatByteSize, ingestLimits } from './ingest-limits.js';

/** The sizes jszip reads from the central directory (a private field of JSZipObject). */
interface DeclaredSizes {
  compressedSize: number;
  uncompressedSize: number;
}

function readDeclaredSizes(entry: JSZip.JSZipObject): DeclaredSizes | undefined {
  const data: unknown = (entry as unknown as { _data?: unknown })._data;
  if (typeof data !== 'object' || data === null) return undefined;
  const { compressedSize, uncompressedSize } = data as Partial<DeclaredSizes>;
  if (typeof compressedSize !== 'number' || typeof uncompressedSize !== 'number') return undefined;
  return { compressedSize, uncompressedSize };
}

function refuse(name: string, reason: string, cause?: unknown): never {
  throw new PrepkitError('UNREADABLE_FILE', `${name} ${reason}`, { cause });
}

/**
 * Checks a DOCX archive before anything inflates it: a zip, with at most
 * 2,000 entries, 50 MiB uncompressed in total, no compression ratio over 200
 * (each of these read from the central directory), and a `word/document.xml`.
 * Throws UNREADABLE_FILE otherwise.
 */
export async function checkDocxArchive(bytes: Uint8Array, name: string): Promise<void> {
  if (!hasZipSignature(bytes)) {
    refuse(
      name,
      'is not a Word document (a .docx file is a zip archive; this one is not). If it is an old .doc file, save it as .docx or PDF.',
    );
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    refuse(name, 'is not a Word document: the zip archive is damaged or incomplete.', error);
  }
  const entries = Object.values(zip.files);
  if (entries.length > ingestLimits.maxDocxEntries) {
    refuse(
      name,
      `has ${entries.length} entries (at most ${ingestLimits.maxDocxEntries} are accepted): it looks like a zip bomb, not a Word document.`,
    );
  }
  let totalCompressed = 0;
  let totalUncompressed = 0;
  for (const entry of entries) {
    if (entry.dir) continue;
    const sizes = readDeclaredSizes(entry);
    if (sizes === undefined) refuse(name, 'is not a Word document: its zip entries have no sizes.');
    totalCompressed += sizes.compressedSize;
    totalUncompressed += sizes.uncompressedSize;
    const ratio = sizes.uncompressedSize / Math.max(1, sizes.compressedSize);
    // Small entries (XML full of repeated tags) may compress very well and are harmless.
    if (sizes.uncompressedSize > 1024 * 1024 && ratio > ingestLimits.maxDocxCompressionRatio) {
      refuse(
        name,
        `looks like a zip bomb: ${entry.name} would grow ${Math.round(ratio)} times when unpacked (the limit is ${ingestLimits.maxDocxCompressionRatio}).`,
      );
    }
  }
  if (totalUncompressed > ingestLimits.maxDocxUncompressedBytes) {
    refuse(
      name,
      `looks like a zip bomb: it would unpack to ${formatByteSize(totalUncompressed)} (the limit is ${formatByteSize(ingestLimits.maxDocxUncompressedBytes)}).`,
    );
  }
  if (
    totalUncompressed > 1024 * 1024 &&
    totalUncompressed / Math.max(1, totalCompressed) > ingestLimits.maxDocxCompressionRatio
  ) {
    refuse(name, 'looks like a zip bomb: it would grow more than 200 times when unpacked.');
  }
  if (zip.file('word/document.xml') === null) {
    refuse(name, 'is a zip archive but not a Word document (it has no word/document.xml).');
  }
}
