/**
 * Renders some of the Markdown resumes in fixtures/resumes/ to the PDF and DOCX
 * files the extraction-quality fixtures read (the Markdown stays the source of
 * truth; each <slug>.gold.json names the file to read in its "file" field).
 *
 *   npx tsx scripts/make-resume-fixtures.ts
 *
 * Output is deterministic: fixed document dates, fixed zip timestamps, no
 * random ids, so re-running the script gives byte-identical files.
 *
 * Gold conventions used by the fixtures: months are YYYY-MM, a month range is
 * inclusive at both ends, "present" means 2026-11, "Summer YYYY" is YYYY-06 to
 * YYYY-08 and a bare year is YYYY-01 to YYYY-12; yearsOfExperience is the union
 * of all role months divided by 12, rounded to one decimal.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';

const folder = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'resumes');
const fixedDate = new Date('2026-11-01T09:00:00Z');

type Layout = 'pdf-single' | 'pdf-two-column' | 'docx';

const targets: ReadonlyArray<{ slug: string; layout: Layout }> = [
  { slug: 'mid-go-backend', layout: 'pdf-two-column' },
  { slug: 'senior-csharp-dotnet', layout: 'pdf-two-column' },
  { slug: 'senior-java-kotlin', layout: 'pdf-single' },
  { slug: 'senior-ml-engineer', layout: 'pdf-single' },
  { slug: 'staff-sre-platform', layout: 'docx' },
  { slug: 'career-changer-ruby', layout: 'docx' },
  { slug: 'mid-php-laravel', layout: 'docx' },
  { slug: 'mobile-kotlin-swift', layout: 'docx' },
];

// ---------------------------------------------------------------------------
// Markdown subset: "# name", header lines, "## section", "### role heading",
// "_italic line_", "- bullet", plain lines; inline **bold** and `code`.

type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'italic'; text: string }
  | { kind: 'line'; text: string }
  | { kind: 'bullet'; text: string };

interface Section {
  title: string;
  blocks: Block[];
}

interface Resume {
  name: string;
  header: string[];
  sections: Section[];
}

function parseResume(markdown: string): Resume {
  const resume: Resume = { name: '', header: [], sections: [] };
  let current: Section | undefined;
  for (const raw of markdown.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('# ')) {
      resume.name = line.slice(2).trim();
    } else if (line.startsWith('## ')) {
      current = { title: line.slice(3).trim(), blocks: [] };
      resume.sections.push(current);
    } else if (!current) {
      resume.header.push(line);
    } else if (line.startsWith('### ')) {
      current.blocks.push({ kind: 'heading', text: line.slice(4).trim() });
    } else if (line.startsWith('- ')) {
      current.blocks.push({ kind: 'bullet', text: line.slice(2).trim() });
    } else if (line.startsWith('_') && line.endsWith('_')) {
      current.blocks.push({ kind: 'italic', text: line.slice(1, -1) });
    } else {
      current.blocks.push({ kind: 'line', text: line });
    }
  }
  return resume;
}

interface Segment {
  text: string;
  bold: boolean;
}

/** Splits inline Markdown into plain and bold segments; backticks are dropped. */
function inlineSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  text
    .replaceAll('`', '')
    .split('**')
    .forEach((part, index) => {
      if (part !== '') segments.push({ text: part, bold: index % 2 === 1 });
    });
  return segments;
}

function plain(text: string): string {
  return inlineSegments(text)
    .map((segment) => segment.text)
    .join('');
}

// ---------------------------------------------------------------------------
// PDF (pdf-lib, standard fonts: WinAnsi only)

const winAnsiReplacements: Record<string, string> = {
  '→': '->',
  '←': '<-',
  '≈': '~',
  '≥': '>=',
  '≤': '<=',
  '−': '-',
  '‑': '-',
  '\u00a0': ' ',
  '\u202f': ' ',
};

function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text) out += winAnsiReplacements[char] ?? char;
  return out;
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

const pageWidth = 595.28;
const pageHeight = 841.89;
const topMargin = 50;
const bottomMargin = 50;
const ink = rgb(0.1, 0.1, 0.1);
const muted = rgb(0.35, 0.35, 0.35);
const accent = rgb(0.12, 0.3, 0.5);

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (current !== '' && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

/** A column of text that flows over as many pages as it needs. */
class Column {
  private pageIndex = 0;
  private y: number;

  constructor(
    private readonly doc: PDFDocument,
    private readonly pages: PDFPage[],
    private readonly x: number,
    private readonly width: number,
    startY: number,
  ) {
    this.y = startY;
  }

  private page(): PDFPage {
    while (this.pages.length <= this.pageIndex) {
      this.pages.push(this.doc.addPage([pageWidth, pageHeight]));
    }
    const page = this.pages[this.pageIndex];
    if (!page) throw new Error('page missing');
    return page;
  }

  private ensure(height: number): void {
    if (this.y - height < bottomMargin) {
      this.pageIndex += 1;
      this.y = pageHeight - topMargin;
    }
  }

  space(points: number): void {
    this.y -= points;
  }

  text(
    text: string,
    font: PDFFont,
    size: number,
    options: { indent?: number; color?: ReturnType<typeof rgb>; bullet?: boolean } = {},
  ): void {
    const indent = options.indent ?? 0;
    const lineHeight = size * 1.35;
    const lines = wrap(toWinAnsi(text), font, size, this.width - indent);
    lines.forEach((line, index) => {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      const page = this.page();
      if (options.bullet && index === 0) {
        page.drawText('•', { x: this.x + indent - 9, y: this.y, size, font, color: ink });
      }
      page.drawText(line, {
        x: this.x + indent,
        y: this.y,
        size,
        font,
        color: options.color ?? ink,
      });
    });
  }

  sectionTitle(title: string, font: PDFFont, size: number): void {
    this.ensure(size * 3);
    this.space(size * 0.8);
    this.text(title.toUpperCase(), font, size, { color: accent });
    const page = this.page();
    page.drawLine({
      start: { x: this.x, y: this.y - 3 },
      end: { x: this.x + this.width, y: this.y - 3 },
      thickness: 0.6,
      color: accent,
    });
    this.space(6);
  }

  section(section: Section, fonts: Fonts, size: number): void {
    this.sectionTitle(section.title, fonts.bold, size + 1);
    for (const block of section.blocks) {
      switch (block.kind) {
        case 'heading':
          this.space(size * 0.5);
          this.text(plain(block.text), fonts.bold, size + 0.5);
          break;
        case 'italic':
          this.text(plain(block.text), fonts.italic, size - 0.5, { color: muted });
          break;
        case 'line':
          this.text(plain(block.text), fonts.regular, size);
          break;
        case 'bullet':
          this.text(plain(block.text), fonts.regular, size, { indent: 10, bullet: true });
          break;
      }
    }
  }
}

async function newPdf(title: string): Promise<{ doc: PDFDocument; fonts: Fonts }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(title);
  doc.setAuthor('Demo Candidate');
  doc.setCreator('make-resume-fixtures');
  doc.setProducer('pdf-lib');
  doc.setCreationDate(fixedDate);
  doc.setModificationDate(fixedDate);
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
  };
  return { doc, fonts };
}

async function renderSingleColumnPdf(resume: Resume): Promise<Uint8Array> {
  const { doc, fonts } = await newPdf(`${resume.name} — resume`);
  const pages: PDFPage[] = [];
  const column = new Column(doc, pages, 56, pageWidth - 112, pageHeight - topMargin);
  column.text(resume.name, fonts.bold, 20);
  column.space(4);
  for (const line of resume.header) column.text(plain(line), fonts.regular, 10, { color: muted });
  for (const section of resume.sections) column.section(section, fonts, 9.5);
  return doc.save({ useObjectStreams: false });
}

const sidebarSections = new Set(['skills', 'education', 'certifications', 'languages']);

async function renderTwoColumnPdf(resume: Resume): Promise<Uint8Array> {
  const { doc, fonts } = await newPdf(`${resume.name} — resume`);
  const pages: PDFPage[] = [doc.addPage([pageWidth, pageHeight])];
  const first = pages[0];
  if (!first) throw new Error('no page');
  // Header band across both columns: name and headline only.
  const bandHeight = 78;
  first.drawRectangle({
    x: 0,
    y: pageHeight - bandHeight,
    width: pageWidth,
    height: bandHeight,
    color: rgb(0.93, 0.95, 0.97),
  });
  const [headline, ...contact] = resume.header;
  first.drawText(toWinAnsi(resume.name), {
    x: 40,
    y: pageHeight - 40,
    size: 20,
    font: fonts.bold,
    color: ink,
  });
  if (headline) {
    first.drawText(toWinAnsi(plain(headline)), {
      x: 40,
      y: pageHeight - 60,
      size: 10.5,
      font: fonts.regular,
      color: accent,
    });
  }
  // Left sidebar: contact, skills, education, certifications, languages.
  const sidebarWidth = 165;
  const startY = pageHeight - bandHeight - 12;
  first.drawRectangle({
    x: 0,
    y: 0,
    width: sidebarWidth + 55,
    height: pageHeight - bandHeight,
    color: rgb(0.97, 0.97, 0.97),
  });
  const sidebar = new Column(doc, pages, 30, sidebarWidth, startY);
  sidebar.sectionTitle('Contact', fonts.bold, 9.5);
  for (const line of contact) {
    for (const part of plain(line).split(' · ')) sidebar.text(part, fonts.regular, 8.5);
  }
  // Right column: summary, experience, projects.
  const main = new Column(doc, pages, 235, pageWidth - 235 - 36, startY);
  for (const section of resume.sections) {
    if (sidebarSections.has(section.title.toLowerCase())) sidebar.section(section, fonts, 8.5);
    else main.section(section, fonts, 9.5);
  }
  return doc.save({ useObjectStreams: false });
}

// ---------------------------------------------------------------------------
// DOCX (docx package), normalised afterwards for byte-identical output.

function runs(text: string, options: { italics?: boolean } = {}): TextRun[] {
  return inlineSegments(text).map(
    (segment) => new TextRun({ text: segment.text, bold: segment.bold, italics: options.italics }),
  );
}

async function renderDocx(resume: Resume): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: runs(resume.name) }),
    ...resume.header.map(
      (line) => new Paragraph({ alignment: AlignmentType.LEFT, children: runs(line) }),
    ),
  ];
  for (const section of resume.sections) {
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: runs(section.title) }),
    );
    for (const block of section.blocks) {
      switch (block.kind) {
        case 'heading':
          children.push(
            new Paragraph({ heading: HeadingLevel.HEADING_2, children: runs(block.text) }),
          );
          break;
        case 'italic':
          children.push(new Paragraph({ children: runs(block.text, { italics: true }) }));
          break;
        case 'line':
          children.push(new Paragraph({ children: runs(block.text) }));
          break;
        case 'bullet':
          children.push(new Paragraph({ bullet: { level: 0 }, children: runs(block.text) }));
          break;
      }
    }
  }
  const document = new Document({
    creator: 'make-resume-fixtures',
    title: `${resume.name} — resume`,
    description: 'Resume fixture',
    styles: { default: { document: { run: { font: 'Calibri', size: 21 } } } },
    sections: [{ children }],
  });
  return normaliseZip(await Packer.toBuffer(document));
}

/** Rewrites document dates and zip entry timestamps to fixed values. */
async function normaliseZip(buffer: Buffer): Promise<Buffer> {
  const source = await JSZip.loadAsync(buffer);
  const target = new JSZip();
  const iso = fixedDate.toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const name of Object.keys(source.files).sort()) {
    const entry = source.files[name];
    if (!entry || entry.dir) continue;
    let content: string | Uint8Array = await entry.async('uint8array');
    if (name === 'docProps/core.xml') {
      content = new TextDecoder()
        .decode(content)
        .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${iso}$2`)
        .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${iso}$2`);
    }
    target.file(name, content, { date: fixedDate, createFolders: false });
  }
  return target.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  });
}

// ---------------------------------------------------------------------------

for (const { slug, layout } of targets) {
  const resume = parseResume(readFileSync(join(folder, `${slug}.md`), 'utf8'));
  const gold = JSON.parse(readFileSync(join(folder, `${slug}.gold.json`), 'utf8')) as {
    file: string;
  };
  const extension = layout === 'docx' ? 'docx' : 'pdf';
  if (gold.file !== `${slug}.${extension}`) {
    throw new Error(`${slug}.gold.json names ${gold.file}, expected ${slug}.${extension}`);
  }
  const bytes =
    layout === 'docx'
      ? await renderDocx(resume)
      : layout === 'pdf-two-column'
        ? await renderTwoColumnPdf(resume)
        : await renderSingleColumnPdf(resume);
  writeFileSync(join(folder, gold.file), bytes);
  console.log(`wrote ${gold.file} (${layout}, ${bytes.length} bytes)`);
}
