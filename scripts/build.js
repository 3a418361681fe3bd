// Builds prepkit: the server and CLI with tsc into dist/, the knowledge base
// into dist/knowledge.json, the web app with Vite into dist/web/. Run by `npm start`, `npm test` and `npm run bench`.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`build: ${command} ${args.join(' ')} failed\n`);
    process.exit(result.status ?? 1);
  }
}

rmSync(join(root, 'dist'), { recursive: true, force: true });
run(bin('tsc'), ['-p', 'tsconfig.build.json']);

// The knowledge base is validated here, once, and written as one file that
// loads without re-validating; an invalid knowledge base fails the build.
const knowledge = await import(
  pathToFileURL(join(root, 'dist', 'src', 'knowledge', 'index.js')).href
);
try {
  knowledge.compileKnowledgeBase(join(root, 'dist', 'knowledge.json'));
} catch (error) {
  process.stderr.write(`build: ${error.message}\n`);
  process.exit(1);
}
run(bin('vite'), ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
