// Regenerates the binary fixtures of src/ingest in fixtures/ingest/.
// Run: npx tsx scripts/make-ingest-fixtures.ts
// The same run always writes the same bytes: fixed dates, fixed zip
// timestamps and a seeded random generator. encrypted.pdf needs `qpdf`
// (Debian: `apt-get install -y qpdf`).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { PDFDocument, type PDFFont, rgb, StandardFonts } from 'pdf-lib';

const folder = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url));
const fixedDate = new Date('2024-01-01T00:00:00Z');

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

function write(name: string, bytes: Uint8Array | string): void {
  writeFileSync(join(folder, name), bytes);
  console.log(`wrote fixtures/ingest/${name}`);
}

async function createPdf(): Promise<PDFDocument> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setCreationDate(fixedDate);
  pdf.setModificationDate(fixedDate);
  pdf.setProducer('prepkit fixtures');
  pdf.setCreator('prepkit fixtures');
  return pdf;
}

const resumePages: string[][] = [
  [
    '# Demo Candidate',
    'Backend engineer · demo.candidate@example.com · Remote (EU)',
    '',
    '## Summary',
    'Backend engineer with 6 years building APIs and data pipelines in TypeScript and Go.',
    '',
    '## Experience',
    'Senior Backend Engineer, Example Payments Ltd — Mar 2021 to present',
    '• Cut p95 checkout API latency by 40% by moving hot reads to Redis.',
    '• Led the migration from MySQL 5.7 to PostgreSQL 15 with zero downtime.',
    '• Ran the on-call rotation for 8 engineers; halved pages per week.',
    '',
    'Backend Engineer, Sample Logistics GmbH — Jun 2018 to Feb 2021',
    '• Built a shipment-tracking service in Node.js handling 2M events a day.',
    '• Introduced contract tests between 5 services with Pact.',
  ],
  [
    '## Skills',
    'TypeScript, Node.js, Go, PostgreSQL, MySQL, Redis, Kafka, Docker, Kubernetes',
    '',
    '## Education',
    'BSc Computer Science, Example University — 2014 to 2018',
    '',
    '## Projects',
    '• Open-source rate limiter for Express, 300 stars.',
    '• Talk: "Zero-downtime database migrations", local meetup, Nov 2023.',
  ],
];

function drawLines(
  page: ReturnType<PDFDocument['addPage']>,
  lines: string[],
  font: PDFFont,
  bold: PDFFont,
): void {
  let y = 780;
  for (const line of lines) {
    if (line.startsWith('#')) {
      const text = line.replace(/^#+ /, '');
      page.drawText(text, { x: 50, y, size: line.startsWith('## ') ? 13 : 18, font: bold });
      y -= line.startsWith('## ') ? 20 : 26;
    } else if (line === '') {
      y -= 8;
    } else {
      // Bullets are drawn apart from their text, as word processors do.
      if (line.startsWith('• ')) {
        page.drawText('•', { x: 56, y, size: 11, font });
        page.drawText(line.slice(2), { x: 68, y, size: 11, font });
      } else {
        page.drawText(line, { x: 50, y, size: 11, font });
      }
      y -= 16;
    }
  }
}

async function makeResumePdf(): Promise<Uint8Array> {
  const pdf = await createPdf();
  pdf.setTitle('Demo Candidate — Resume');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  for (const lines of resumePages) {
    drawLines(pdf.addPage([595, 842]), lines, font, bold);
  }
  return pdf.save({ useObjectStreams: false });
}

async function makeScannedPdf(): Promise<Uint8Array> {
  const pdf = await createPdf();
  const page = pdf.addPage([595, 842]);
  // Grey bars where a scanner would have left an image of text.
  for (let row = 0; row < 20; row += 1) {
    page.drawRectangle({
      x: 50,
      y: 780 - row * 24,
      width: 300 + ((row * 37) % 180),
      height: 10,
      color: rgb(0.4, 0.4, 0.4),
    });
  }
  page.drawLine({ start: { x: 50, y: 260 }, end: { x: 545, y: 260 }, thickness: 2 });
  return pdf.save();
}

async function makeLongPdf(): Promise<Uint8Array> {
  const pdf = await createPdf();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let number = 1; number <= 201; number += 1) {
    pdf.addPage([200, 100]).drawText(`Page ${number} of 201`, { x: 20, y: 50, size: 10, font });
  }
  return pdf.save();
}

function makeEncryptedPdf(plain: Uint8Array): Uint8Array {
  const workFolder = mkdtempSync(join(tmpdir(), 'prepkit-fixtures-'));
  try {
    const input = join(workFolder, 'plain.pdf');
    const output = join(workFolder, 'encrypted.pdf');
    writeFileSync(input, plain);
    // --static-id and --static-aes-iv keep the output byte-identical between runs.
    execFileSync('qpdf', [
      '--static-id',
      '--static-aes-iv',
      '--encrypt',
      'demo-user-password',
      'demo-owner-password',
      '128',
      '--use-aes=y',
      '--',
      input,
      output,
    ]);
    return new Uint8Array(readFileSync(output));
  } finally {
    rmSync(workFolder, { recursive: true, force: true });
  }
}

/** Re-zips with fixed timestamps so the bytes do not depend on the clock. */
async function zipDeterministically(zip: JSZip): Promise<Uint8Array> {
  const fixed = new JSZip();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    let content = await entry.async('uint8array');
    if (entry.name === 'docProps/core.xml') {
      const xml = new TextDecoder()
        .decode(content)
        .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '2024-01-01T00:00:00Z');
      content = new TextEncoder().encode(xml);
    }
    fixed.file(entry.name, content, { date: fixedDate, createFolders: false });
  }
  return fixed.generateAsync({ type: 'uint8array', compression: 'DEFLATE', platform: 'UNIX' });
}

async function makeResumeDocx(): Promise<Uint8Array> {
  const paragraphs: Paragraph[] = [];
  for (const lines of resumePages) {
    for (const line of lines) {
      if (line === '') continue;
      if (line.startsWith('# ')) {
        paragraphs.push(new Paragraph({ text: line.slice(2), heading: HeadingLevel.HEADING_1 }));
      } else if (line.startsWith('## ')) {
        paragraphs.push(new Paragraph({ text: line.slice(3), heading: HeadingLevel.HEADING_2 }));
      } else if (line.startsWith('• ')) {
        paragraphs.push(new Paragraph({ text: line.slice(2), bullet: { level: 0 } }));
      } else {
        paragraphs.push(new Paragraph({ children: [new TextRun(line)] }));
      }
    }
  }
  const document = new Document({
    creator: 'prepkit fixtures',
    title: 'Demo Candidate — Resume',
    sections: [{ children: paragraphs }],
  });
  const zip = await JSZip.loadAsync(await Packer.toBuffer(document));
  return zipDeterministically(zip);
}

async function makeZipBombDocx(): Promise<Uint8Array> {
  const zip = new JSZip();
  const options = { date: fixedDate, createFolders: false };
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    options,
  );
  zip.file('word/document.xml', '<w:document/>', options);
  // 60 MiB of zeros: about 60 KB once deflated.
  zip.file('word/media/filler.bin', new Uint8Array(60 * 1024 * 1024), options);
  return zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
    platform: 'UNIX',
  });
}

function makeBinaryText(): Uint8Array {
  const random = createRandom(20240101);
  const bytes = new Uint8Array(4096);
  for (let index = 0; index < bytes.length; index += 1) {
    bytes[index] = Math.floor(random() * 256);
  }
  return bytes;
}

const resumePdf = await makeResumePdf();
write('resume.pdf', resumePdf);
write('resume.docx', await makeResumeDocx());
write('scanned.pdf', await makeScannedPdf());
write('encrypted.pdf', makeEncryptedPdf(resumePdf));
// Cut inside the first page's objects: no page tree survives.
write('corrupt.pdf', resumePdf.slice(0, 700));
write('over-200-pages.pdf', await makeLongPdf());
write('zip-bomb.docx', await makeZipBombDocx());
write('not-a-zip.docx', 'This file is named .docx but is plain text, not a Word document.\n');
write('binary.txt', makeBinaryText());
write('empty.txt', new Uint8Array(0));
