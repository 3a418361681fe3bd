import type { ComposedDocument, DocumentItem, DocumentSection } from '../domain/index.js';

/**
 * Reads Markdown the user edited back into a composed document, so an edited
 * note can still be exported: `#` is the title, `##`/`###` open sections,
 * list items (with `[ ]`/`[x]`, nesting by indentation) become items, other
 * lines become the section's intro.
 */
export function parseMarkdownDocument(
  markdown: string,
  kind: ComposedDocument['kind'],
): ComposedDocument {
  const document: ComposedDocument = { kind, title: '', sections: [] };
  let section: DocumentSection | undefined;
  const stack: Array<{ indent: number; item: DocumentItem }> = [];
  for (const raw of markdown.split(/\r?\n/)) {
    const heading = /^(#{1,6})\s+(.*)$/.exec(raw);
    if (heading?.[1] && heading[2] !== undefined) {
      if (heading[1].length === 1 && !document.title) {
        document.title = heading[2].trim();
        continue;
      }
      section = {
        id: `section-${document.sections.length + 1}`,
        title: heading[2].trim(),
        items: [],
      };
      document.sections.push(section);
      stack.length = 0;
      continue;
    }
    if (!raw.trim() || /^---+$/.test(raw.trim())) continue;
    const bullet = /^(\s*)(?:[-*+]|\d+[.)])\s+(?:\[([ xX])\]\s+)?(.*)$/.exec(raw);
    section ??= { id: 'section-1', title: '', items: [] };
    if (!document.sections.includes(section)) document.sections.push(section);
    if (bullet) {
      const indent = bullet[1]?.length ?? 0;
      const checked = bullet[2];
      const text = `${checked === 'x' || checked === 'X' ? '[x] ' : ''}${bullet[3] ?? ''}`.replace(
        /\*\*(.+?)\*\*/g,
        '$1',
      );
      const item: DocumentItem = {
        text,
        sources: [],
        ...(checked === ' ' ? { checkbox: true } : {}),
      };
      while (stack.length > 0 && (stack.at(-1)?.indent ?? 0) >= indent) stack.pop();
      const parent = stack.at(-1)?.item;
      if (parent) parent.children = [...(parent.children ?? []), item];
      else section.items.push(item);
      stack.push({ indent, item });
      continue;
    }
    section.intro = section.intro ? `${section.intro} ${raw.trim()}` : raw.trim();
    stack.length = 0;
  }
  document.title ||= kind;
  return document;
}
