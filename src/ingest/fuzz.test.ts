import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PrepkitError } from '../domain/index.js';
import { readDocx } from './read-docx.js';
import { readHtml } from './read-html.js';
import { readInput } from './read-input.js';
import { readPdf } from './read-pdf.js';
import { readText } from './read-text.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/ingest/${name}`, import.meta.url)));

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so a failure can be replayed. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = (bytes: Uint8Array, random: () => number) => Uint8Array;
const pick = (random: () => number, below: number) => Math.floor(random() * below);

const mutations: Record<string, Mutation> = {
  flipBytes: (bytes, random) => {
    const copy = bytes.slice();
    const count = 1 + pick(random, 16);
    for (let index = 0; index < count && copy.length > 0; index += 1) {
      copy[pick(random, copy.length)] = pick(random, 256);
    }
    return copy;
  },
  truncate: (bytes, random) => bytes.slice(0, pick(random, bytes.length + 1)),
  garbage: (_bytes, random) => {
    const garbage = new Uint8Array(pick(random, 4096));
    for (let index = 0; index < garbage.length; index += 1) garbage[index] = pick(random, 256);
    return garbage;
  },
  duplicateChunk: (bytes, random) => {
    const start = pick(random, bytes.length + 1);
    const end = Math.min(bytes.length, start + pick(random, 2048));
    const at = pick(random, bytes.length + 1);
    return new Uint8Array([
      ...bytes.subarray(0, at),
      ...bytes.subarray(start, end),
      ...bytes.subarray(at),
    ]);
  },
  keepHeadGarbageTail: (bytes, random) => {
    const head = bytes.slice(0, pick(random, Math.min(bytes.length, 512) + 1));
    return new Uint8Array([...head, ...(mutations.garbage?.(bytes, random) ?? [])]);
  },
};

interface FuzzTarget {
  fixture: string;
  name: string;
  cases: number;
  read: (bytes: Uint8Array, name: string) => unknown;
}

/** Text and HTML are cheap; pdf.js and zip parsing are slower, so fewer cases. */
const targets: FuzzTarget[] = [
  { fixture: 'notes.txt', name: 'notes.txt', cases: 400, read: readText },
  { fixture: 'posting.md', name: 'posting.md', cases: 300, read: readText },
  { fixture: 'binary.txt', name: 'binary.txt', cases: 200, read: readText },
  { fixture: 'posting.html', name: 'posting.html', cases: 500, read: readHtml },
  { fixture: 'resume.pdf', name: 'resume.pdf', cases: 500, read: readPdf },
  { fixture: 'encrypted.pdf', name: 'encrypted.pdf', cases: 100, read: readPdf },
  { fixture: 'scanned.pdf', name: 'scanned.pdf', cases: 100, read: readPdf },
  { fixture: 'resume.docx', name: 'resume.docx', cases: 400, read: readDocx },
  { fixture: 'zip-bomb.docx', name: 'zip-bomb.docx', cases: 100, read: readDocx },
  { fixture: 'resume.pdf', name: 'upload', cases: 200, read: readInput },
  { fixture: 'resume.docx', name: 'upload', cases: 200, read: readInput },
  { fixture: 'posting.html', name: 'upload', cases: 100, read: readInput },
];

const maxMillisecondsPerInput = 2_000;

describe('readers under fuzzing', () => {
  it('end every mutated input in a Source or a PrepkitError, each within 2 s', async () => {
    const random = createRandom(0x5eed);
    const names = Object.keys(mutations);
    const outcomes = { sources: 0, prepkitErrors: 0, inputs: 0 };
    let slowest = 0;
    const started = performance.now();
    for (const target of targets) {
      const original = fixture(target.fixture);
      for (let index = 0; index < target.cases; index += 1) {
        const mutationName = names[index % names.length] ?? 'flipBytes';
        const input = mutations[mutationName]?.(original, random) ?? original;
        const replay = `${target.fixture} #${index} (${mutationName}) via ${target.read.name}`;
        const inputStarted = performance.now();
        try {
          await target.read(input, target.name);
          outcomes.sources += 1;
        } catch (error) {
          if (!(error instanceof PrepkitError)) {
            throw new Error(`${replay} threw a non-PrepkitError: ${String(error)}`, {
              cause: error,
            });
          }
          outcomes.prepkitErrors += 1;
        }
        const elapsed = performance.now() - inputStarted;
        slowest = Math.max(slowest, elapsed);
        expect(elapsed, replay).toBeLessThan(maxMillisecondsPerInput);
        outcomes.inputs += 1;
      }
    }
    const total = performance.now() - started;
    console.log(
      `fuzz: ${outcomes.inputs} inputs, ${outcomes.sources} sources, ${outcomes.prepkitErrors} PrepkitErrors, slowest ${slowest.toFixed(0)} ms, total ${(total / 1000).toFixed(1)} s`,
    );
    expect(outcomes.inputs).toBe(targets.reduce((sum, target) => sum + target.cases, 0));
    expect(outcomes.sources).toBeGreaterThan(0);
    expect(outcomes.prepkitErrors).toBeGreaterThan(0);
  }, 120_000);
});
