import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The folder holding prepkit's package.json, whether the code runs from
 * `src/` (tests, tsx) or from `dist/src/` (built). Migrations, fixtures and the
 * built web app are found relative to it.
 */
export function findPackageRoot(): string {
  if (cached) return cached;
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && readPackageName(manifest) === 'prepkit') {
      cached = folder;
      return folder;
    }
    const parent = dirname(folder);
    if (parent === folder) throw new Error('prepkit package.json not found above the running code');
    folder = parent;
  }
}

function readPackageName(manifest: string): string | undefined {
  try {
    return readManifestString(manifest, 'name');
  } catch {
    // An unreadable manifest is not ours; keep walking up.
    return undefined;
  }
}

/** prepkit's own version, from its package.json. */
export function readPackageVersion(): string {
  return readManifestString(join(findPackageRoot(), 'package.json'), 'version') ?? '0.0.0';
}

function readManifestString(manifest: string, field: string): string | undefined {
  const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
  if (parsed && typeof parsed === 'object' && field in parsed) {
    const value = (parsed as Record<string, unknown>)[field];
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}
