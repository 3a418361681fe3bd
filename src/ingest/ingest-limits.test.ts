import { describe, expect, it } from 'vitest';
import { formatByteSize } from './ingest-limits.js';

describe('formatByteSize', () => {
  it('states sizes in bytes, KiB and MiB, with one decimal only when needed', () => {
    expect(formatByteSize(512)).toBe('512 bytes');
    expect(formatByteSize(2048)).toBe('2 KiB');
    expect(formatByteSize(10 * 1024 * 1024)).toBe('10 MiB');
    expect(formatByteSize(12.34 * 1024 * 1024)).toBe('12.3 MiB');
  });
});
