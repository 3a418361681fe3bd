import type { ComposedDocument, DocumentItem, DocumentSection } from '../domain/index.js';

const headingLevels = [
  'HEADING_1',
  'HEADING_2',
  'HEADING_3',
  'HEADING_4',
  'HEADING_5',
  'HEADING_6',
] as const;

/**
 * Renders a composed document as a Word file: headings, intros, bulleted or
 * numbered items with bold lead-ins, nested items, empty checkboxes (☐) and
 * Answer slots with room to write.
 *
 * @example
 * writeFileSync('prep-pack.docx', await renderDocx(pack));
 */
export async function renderDocx(document: ComposedDocument): Promise<Uint8Array> {
  // Loaded on first use: only DOCX exports need it.
  const { Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } = await import('docx');
  const paragraphs: InstanceType<typeof Paragraph>[] = [
    new Paragraph({ text: document.title, heading: HeadingLevel.HEADING_1 }),
  ];
  let numberedLists = 0;

  const addItem = (item: DocumentItem, level: number, numbering?: string) => {
    const runs: InstanceType<typeof TextRun>[] = [];
    if (item.checkbox) runs.push(new TextRun('☐ '));
    if (item.slot) {
      runs.push(new TextRun({ text: `${item.label ?? 'Notes'}: `, bold: true }));
      if (item.text) runs.push(new TextRun(item.text));
    } else if (item.label && item.text) {
      runs.push(new TextRun({ text: `${item.label}: `, bold: true }), new TextRun(item.text));
    } else {
      runs.push(new TextRun(item.label ?? item.text));
    }
    paragraphs.push(
      new Paragraph({
        children: runs,
        ...(numbering ? { numbering: { reference: numbering, level } } : { bullet: { level } }),
      }),
    );
    for (const child of item.children ?? []) addItem(child, Math.min(level + 1, 8));
  };

  const addSection = (section: DocumentSection, depth: number) => {
    paragraphs.push(
      new Paragraph({
        text: section.title,
        heading: HeadingLevel[headingLevels[Math.min(depth, 5)] as keyof typeof HeadingLevel],
      }),
    );
    if (section.intro) paragraphs.push(new Paragraph({ text: section.intro }));
    const numbering = section.numbered ? `numbered-${numberedLists++}` : undefined;
    for (const item of section.items) addItem(item, 0, numbering);
    for (const subsection of section.subsections ?? []) addSection(subsection, depth + 1);
  };
  for (const section of document.sections) addSection(section, 1);

  const word = new Document({
    creator: 'prepkit',
    title: document.title,
    numbering: {
      config: Array.from({ length: numberedLists }, (_, index) => ({
        reference: `numbered-${index}`,
        levels: [
          { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: 'left' as const },
        ],
      })),
    },
    sections: [{ children: paragraphs }],
  });
  return new Uint8Array(await Packer.toBuffer(word));
}
