import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { createSource } from '../../src/domain/index.js';
import {
  createExtractContext,
  type ExtractContext,
  extractJobProfile,
} from '../../src/extract/index.js';
import { readFile } from '../../src/ingest/index.js';
import { analyzeApplication } from '../../src/match/index.js';
import { findPackageRoot } from '../../src/support/index.js';
import type { BenchCase, RunSample } from '../harness.js';
import { createTempDir, removeTempDir } from '../support/create-temp-dir.js';

const postingFile = 'a-spring-logistics-lead.md';
const resumeSourceFiles = ['staff-sre-platform.md', 'senior-java-kotlin.md'];

/**
 * `analysis`: ingest + extract + match in process. Case: a two-page posting
 * (Markdown) with a three-page resume (PDF) → fit report. Case: every labelled
 * posting through ingest + job extraction (postings per second). Baseline:
 * reading the same posting file and splitting it into numbered lines, the part
 * any reader pays before understanding anything.
 */
export function createAnalysisCase(): BenchCase {
  const root = findPackageRoot();
  const postingsFolder = join(root, 'fixtures', 'postings');
  const postingPath = join(postingsFolder, postingFile);
  let folder: string | undefined;
  let resumePath = '';
  let context: ExtractContext | undefined;
  let postingPaths: string[] = [];

  const timed = async (work: () => Promise<number>): Promise<RunSample> => {
    const started = performance.now();
    const operations = await work();
    const elapsedMs = performance.now() - started;
    return { durationsMs: [elapsedMs / operations], operations, elapsedMs };
  };

  return {
    name: 'analysis',
    throughputUnit: 'ops/s',
    runs: 15,
    warmupRuns: 3,
    notes: [
      `one operation = ${postingFile} (~1,700 words) and a three-page resume PDF through readFile, extraction and matching; for "all postings", one operation = one labelled posting read and extracted (median/p95 are per posting, averaged per run).`,
      'runs in the benchmark process; the taxonomy is loaded and compiled once in setup, as the server does.',
    ],
    async setup() {
      folder = createTempDir('prepkit-bench-analysis-');
      resumePath = join(folder, 'three-page-resume.pdf');
      writeFileSync(resumePath, await renderResumePdf(root));
      context = createExtractContext();
      postingPaths = readdirSync(postingsFolder)
        .filter((name) => !name.endsWith('.gold.json'))
        .sort()
        .map((name) => join(postingsFolder, name));
    },
    async teardown() {
      if (folder !== undefined) removeTempDir(folder);
      return {};
    },
    baseline: {
      name: 'read posting into numbered lines',
      inProcess: true,
      measure: () =>
        timed(async () => {
          createSource('markdown', postingFile, readFileSync(postingPath, 'utf8'));
          return 1;
        }),
    },
    variants: [
      {
        name: 'posting + 3-page resume PDF → fit report',
        inProcess: true,
        measure: () =>
          timed(async () => {
            if (!context) throw new Error('setup did not run');
            const [job, resume] = await Promise.all([readFile(postingPath), readFile(resumePath)]);
            const analysis = analyzeApplication({ job, resume }, context);
            if (!analysis.fit) throw new Error('no fit report');
            return 1;
          }),
      },
      {
        name: 'all labelled postings → job profile',
        inProcess: true,
        measure: () =>
          timed(async () => {
            if (!context) throw new Error('setup did not run');
            for (const path of postingPaths) extractJobProfile(await readFile(path), context);
            return postingPaths.length;
          }),
      },
    ],
  };
}

/** A three-page resume PDF with a text layer, from two labelled resumes' text. */
async function renderResumePdf(root: string): Promise<Uint8Array> {
  const text = resumeSourceFiles
    .map((file) => readFileSync(join(root, 'fixtures', 'resumes', file), 'utf8'))
    .join('\n')
    // The standard PDF fonts cover WinAnsi only.
    .replace(/[^\x20-\x7e\n\u00a0-\u00ff–—’“”•€]/g, ' ');
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const size = 10;
  const maxWidth = 500;
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let current = '';
    for (const word of paragraph.split(' ')) {
      const next = current ? `${current} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > maxWidth && current) {
        lines.push(current);
        current = word;
      } else {
        current = next;
      }
    }
    lines.push(current);
  }
  // Exactly three A4 pages, the lines spread to fit between the margins.
  const perPage = Math.ceil(lines.length / 3);
  const lineHeight = Math.min(12.5, 760 / perPage);
  for (let start = 0; start < lines.length; start += perPage) {
    const page = document.addPage([595, 842]);
    lines.slice(start, start + perPage).forEach((line, index) => {
      page.drawText(line, {
        x: 48,
        y: 800 - index * lineHeight,
        size: Math.min(size, lineHeight * 0.8),
        font,
      });
    });
  }
  return document.save({ useObjectStreams: false });
}
