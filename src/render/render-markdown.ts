import type {
  ComposedDocument,
  DocumentItem,
  DocumentSection,
  SourceRef,
} from '../domain/index.js';

/**
 * Renders a composed document as Markdown. With `cite`, every item gets
 * footnotes naming its sources (posting, resume or notes line, knowledge-base
 * id), listed at the end.
 *
 * @example
 * process.stdout.write(renderMarkdown(pack, { cite: true }));
 */
export function renderMarkdown(
  document: ComposedDocument,
  options: { cite?: boolean } = {},
): string {
  const footnotes = new Map<string, number>();
  const cite = (sources: readonly SourceRef[]): string => {
    if (!options.cite || sources.length === 0) return '';
    const marks = sources.map((source) => {
      const key = describeSource(source);
      let number = footnotes.get(key);
      if (number === undefined) {
        number = footnotes.size + 1;
        footnotes.set(key, number);
      }
      return `[^${number}]`;
    });
    return [...new Set(marks)].join('');
  };
  const lines: string[] = [`# ${document.title}`, ''];
  // Children sit under their parent's text: two spaces under "- ", three under "1. ".
  const renderItem = (item: DocumentItem, indent: string, number?: number) => {
    const marker = number === undefined ? '-' : `${number}.`;
    const box = item.checkbox ? '[ ] ' : '';
    const head = item.slot
      ? `${item.label ?? 'Notes'}:${item.text ? ` ${item.text}` : ''}`
      : item.label
        ? item.text
          ? `**${item.label}:** ${item.text}`
          : item.label
        : item.text;
    lines.push(`${indent}${marker} ${box}${escapeAngles(head)}${cite(item.sources)}`);
    const childIndent = indent + ' '.repeat(marker.length + 1);
    for (const child of item.children ?? []) renderItem(child, childIndent);
  };
  const renderSection = (section: DocumentSection, level: number) => {
    lines.push(`${'#'.repeat(level)} ${section.title}`, '');
    if (section.intro) lines.push(section.intro, '');
    for (const [index, item] of section.items.entries())
      renderItem(item, '', section.numbered ? index + 1 : undefined);
    if (section.items.length > 0) lines.push('');
    for (const subsection of section.subsections ?? [])
      renderSection(subsection, Math.min(level + 1, 6));
  };
  for (const section of document.sections) renderSection(section, 2);
  if (footnotes.size > 0) {
    lines.push('---', '');
    for (const [key, number] of footnotes) lines.push(`[^${number}]: ${key}`);
    lines.push('');
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

/** A source as words: "posting line 12", "resume line 3", "knowledge base: go-slices-aliasing". */
export function describeSource(source: SourceRef): string {
  if (source.kind === 'knowledge') return `knowledge base: ${source.id}`;
  const name = source.kind === 'company-notes' ? 'company notes' : source.kind;
  return `${name} line ${source.line}`;
}

// "<nil>" in a question must show as text, not vanish as an HTML tag.
function escapeAngles(text: string): string {
  return text.replace(/</g, '\\<');
}
