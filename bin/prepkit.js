#!/usr/bin/env node
// Runs the built CLI. `npm run build` (or `npm start`) produces dist/.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('prepkit: not built yet: run `npm run build` in the prepkit folder first\n');
  process.exit(1);
}
await import(entry.href);
