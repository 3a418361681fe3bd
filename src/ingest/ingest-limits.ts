/** Limits on what prepkit reads, from PRODUCT.md §1. */
export const ingestLimits = {
  /** Per file, and per fetched URL body. */
  maxBytes: 10 * 1024 * 1024,
  maxPdfPages: 200,
  /** Sum of the uncompressed sizes a DOCX archive declares. */
  maxDocxUncompressedBytes: 50 * 1024 * 1024,
  maxDocxEntries: 2_000,
  /** Uncompressed size divided by compressed size. */
  maxDocxCompressionRatio: 200,
  maxRedirects: 5,
  fetchTimeoutMs: 15_000,
} as const;

/**
 * Formats a byte count the way the limits are stated, e.g. `12.4 MiB`.
 *
 * @example
 * formatByteSize(10 * 1024 * 1024); // '10 MiB'
 */
export function formatByteSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${rounded} ${units[unit]}`;
}
