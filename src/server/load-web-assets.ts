import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

/** One file of the built web app, held in memory. */
export interface WebAsset {
  body: Uint8Array;
  contentType: string;
  etag: string;
  /** Vite's hashed files never change under the same name. */
  immutable: boolean;
}

/** The built web app: URL path → file. Empty when the app has not been built. */
export type WebAssets = Map<string, WebAsset>;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Reads the built web app into memory once at start-up. Serving only paths
 * from this map means no request can reach a file outside the build folder.
 */
export function loadWebAssets(folder: string): WebAssets {
  const assets: WebAssets = new Map();
  if (!existsSync(folder)) return assets;
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      const body = readFileSync(path);
      const urlPath = `/${relative(folder, path).split(sep).join('/')}`;
      assets.set(urlPath, {
        body,
        contentType: contentTypes[extname(name)] ?? 'application/octet-stream',
        etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
        immutable: urlPath.startsWith('/assets/'),
      });
    }
  };
  walk(folder);
  return assets;
}
