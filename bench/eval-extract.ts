// `npm run eval:extract`: measures extraction against the labelled fixtures in
// fixtures/postings and fixtures/resumes (each input with a .gold.json), and
// prints precision, recall and F1 for technologies, accuracy for level, remote
// policy and domain, and years within ±1. `--verbose` lists every miss.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LevelSchema, RemotePolicySchema } from '../src/domain/index.js';
import {
  createExtractContext,
  extractCandidateProfile,
  extractJobProfile,
} from '../src/extract/index.js';
import { readFile } from '../src/ingest/index.js';
import { findPackageRoot } from '../src/support/index.js';
import { type SetScore, scoreAccuracy, scoreSets } from './eval/score-sets.js';

const PostingGoldSchema = z.object({
  title: z.string(),
  company: z.string().nullable(),
  level: LevelSchema,
  yearsRequired: z.number().nullable(),
  remotePolicy: RemotePolicySchema.nullable(),
  domain: z.string().nullable(),
  required: z.array(z.string()),
  niceToHave: z.array(z.string()),
});

const ResumeGoldSchema = z.object({
  file: z.string(),
  yearsOfExperience: z.number(),
  technologies: z.array(z.string()),
});

// Resumes' "present" is read as this day, the day the gold files were written.
const today = new Date('2026-11-22T00:00:00Z');

const verbose = process.argv.includes('--verbose');
const root = findPackageRoot();
const context = createExtractContext();

async function evaluatePostings() {
  const folder = join(root, 'fixtures', 'postings');
  const files = readdirSync(folder);
  const cases = [];
  for (const goldFile of files.filter((name) => name.endsWith('.gold.json')).sort()) {
    const slug = goldFile.replace(/\.gold\.json$/, '');
    const input = files.find((name) => name.startsWith(`${slug}.`) && !name.endsWith('.gold.json'));
    if (!input) throw new Error(`no input for ${goldFile}`);
    const gold = PostingGoldSchema.parse(JSON.parse(readFileSync(join(folder, goldFile), 'utf8')));
    const job = extractJobProfile(await readFile(join(folder, input)), context);
    cases.push({ input, gold, job });
  }
  return cases;
}

async function evaluateResumes() {
  const folder = join(root, 'fixtures', 'resumes');
  const cases = [];
  for (const goldFile of readdirSync(folder)
    .filter((name) => name.endsWith('.gold.json'))
    .sort()) {
    const gold = ResumeGoldSchema.parse(JSON.parse(readFileSync(join(folder, goldFile), 'utf8')));
    const candidate = extractCandidateProfile(await readFile(join(folder, gold.file)), context, {
      today,
    });
    cases.push({ input: gold.file, gold, candidate });
  }
  return cases;
}

const ids = (references: ReadonlyArray<{ id: string }>) =>
  references.map((reference) => reference.id);
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const formatSet = (score: SetScore) =>
  `P ${score.precision.toFixed(3)}  R ${score.recall.toFixed(3)}  F1 ${score.f1.toFixed(3)}  (tp ${score.truePositives}, fp ${score.falsePositives}, fn ${score.falseNegatives})`;

function listDifferences(
  label: string,
  input: string,
  expected: readonly string[],
  predicted: readonly string[],
) {
  const missed = expected.filter((item) => !predicted.includes(item));
  const extra = predicted.filter((item) => !expected.includes(item));
  if (missed.length + extra.length > 0) {
    console.log(`  ${input} ${label}: missed [${missed.join(', ')}] extra [${extra.join(', ')}]`);
  }
}

const started = performance.now();
const postings = await evaluatePostings();
const resumes = await evaluateResumes();
const seconds = (performance.now() - started) / 1000;

const required = scoreSets(
  postings.map((c) => ({ expected: c.gold.required, predicted: ids(c.job.technologies.required) })),
);
const niceToHave = scoreSets(
  postings.map((c) => ({
    expected: c.gold.niceToHave,
    predicted: ids(c.job.technologies.niceToHave),
  })),
);
const allPosting = scoreSets(
  postings.map((c) => ({
    expected: [...c.gold.required, ...c.gold.niceToHave],
    predicted: [...ids(c.job.technologies.required), ...ids(c.job.technologies.niceToHave)],
  })),
);
const resumeTechnologies = scoreSets(
  resumes.map((c) => ({ expected: c.gold.technologies, predicted: ids(c.candidate.technologies) })),
);
const level = scoreAccuracy(postings, (c) => c.job.level.value === c.gold.level);
const remote = scoreAccuracy(postings, (c) => c.job.remotePolicy.value === c.gold.remotePolicy);
const domain = scoreAccuracy(postings, (c) => c.job.domain.value === c.gold.domain);
const yearsRequired = scoreAccuracy(postings, (c) =>
  c.gold.yearsRequired === null || c.job.yearsRequired.value === null
    ? c.gold.yearsRequired === c.job.yearsRequired.value
    : Math.abs(c.gold.yearsRequired - c.job.yearsRequired.value) <= 1,
);
const resumeYears = scoreAccuracy(
  resumes,
  (c) =>
    c.candidate.yearsOfExperience.value !== null &&
    Math.abs(c.candidate.yearsOfExperience.value - c.gold.yearsOfExperience) <= 1,
);

console.log(
  `Extraction quality on ${postings.length} postings and ${resumes.length} resumes (${seconds.toFixed(2)} s)\n`,
);
console.log('| measure | result | target |');
console.log('| --- | --- | --- |');
console.log(`| posting technologies, all | ${formatSet(allPosting)} | F1 ≥ 0.95 |`);
console.log(`| posting technologies, required | ${formatSet(required)} | |`);
console.log(`| posting technologies, nice-to-have | ${formatSet(niceToHave)} | |`);
console.log(`| resume technologies | ${formatSet(resumeTechnologies)} | F1 ≥ 0.95 |`);
console.log(`| level accuracy | ${percent(level)} | ≥ 90% |`);
console.log(`| remote policy accuracy | ${percent(remote)} | |`);
console.log(`| domain accuracy | ${percent(domain)} | |`);
console.log(`| years asked within ±1 | ${percent(yearsRequired)} | ≥ 90% |`);
console.log(`| resume years within ±1 | ${percent(resumeYears)} | ≥ 90% |`);

if (verbose) {
  console.log('\nDifferences:');
  for (const c of postings) {
    listDifferences('required', c.input, c.gold.required, ids(c.job.technologies.required));
    listDifferences('nice', c.input, c.gold.niceToHave, ids(c.job.technologies.niceToHave));
    if (c.job.level.value !== c.gold.level)
      console.log(
        `  ${c.input} level: got ${c.job.level.value} (${c.job.level.reason}), want ${c.gold.level}`,
      );
    if (c.job.remotePolicy.value !== c.gold.remotePolicy)
      console.log(
        `  ${c.input} remote: got ${c.job.remotePolicy.value}, want ${c.gold.remotePolicy}`,
      );
    if (c.job.domain.value !== c.gold.domain)
      console.log(`  ${c.input} domain: got ${c.job.domain.value}, want ${c.gold.domain}`);
    if (c.job.yearsRequired.value !== c.gold.yearsRequired)
      console.log(
        `  ${c.input} years: got ${c.job.yearsRequired.value}, want ${c.gold.yearsRequired}`,
      );
  }
  for (const c of resumes) {
    listDifferences('technologies', c.input, c.gold.technologies, ids(c.candidate.technologies));
    if (c.candidate.yearsOfExperience.value !== c.gold.yearsOfExperience) {
      console.log(
        `  ${c.input} years: got ${c.candidate.yearsOfExperience.value}, want ${c.gold.yearsOfExperience}`,
      );
    }
  }
}
