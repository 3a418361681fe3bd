import type { ReactNode } from 'react';

/** One block of a text: a heading, a list, or a paragraph of lines. */
type TextBlock =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'paragraph'; lines: string[] };

const headingPattern = /^(#{1,6})\s+(.*)$/;
const bulletPattern = /^\s*[-*•]\s+(.*)$/;
const numberedPattern = /^\s*\d+[.)]\s+(.*)$/;

/**
 * Splits a posting, resume or notes into blocks. The common Markdown shapes
 * (`#` headings, `-` and `1.` lists, blank lines between paragraphs) are
 * recognised; anything else stays as the user wrote it, line by line.
 */
function splitIntoBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const last = blocks.at(-1);
    const heading = headingPattern.exec(line);
    const bullet = bulletPattern.exec(line);
    const numbered = bullet ? null : numberedPattern.exec(line);
    if (line.trim() === '') {
      blocks.push({ kind: 'paragraph', lines: [] });
    } else if (heading?.[1] && heading[2] !== undefined) {
      blocks.push({ kind: 'heading', level: heading[1].length, text: heading[2] });
    } else if (bullet?.[1] !== undefined || numbered?.[1] !== undefined) {
      const ordered = numbered !== null;
      const item = (bullet?.[1] ?? numbered?.[1] ?? '').trim();
      if (last?.kind === 'list' && last.ordered === ordered) last.items.push(item);
      else blocks.push({ kind: 'list', ordered, items: [item] });
    } else if (last?.kind === 'list' && /^\s{2,}\S/.test(line)) {
      // An indented line continues the list item above it.
      last.items[last.items.length - 1] += ` ${line.trim()}`;
    } else if (last?.kind === 'paragraph') {
      last.lines.push(line);
    } else {
      blocks.push({ kind: 'paragraph', lines: [line] });
    }
  }
  return blocks.filter((block) => block.kind !== 'paragraph' || block.lines.length > 0);
}

/** `**bold**` and `` `code` `` inside a line; every other character is shown as is. */
function renderInline(text: string): ReactNode[] {
  const parts: ReactNode[] = [];
  const pattern = /\*\*(.+?)\*\*|`([^`]+)`/g;
  let position = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    if (index > position) parts.push(text.slice(position, index));
    if (match[1] !== undefined) parts.push(<strong key={index}>{match[1]}</strong>);
    else parts.push(<code key={index}>{match[2]}</code>);
    position = index + match[0].length;
  }
  if (position < text.length) parts.push(text.slice(position));
  return parts;
}

/**
 * A long text the user gave, shown readably: headings, lists and paragraphs
 * from its Markdown, line breaks kept. Rendered as React elements, never as
 * HTML, so nothing in the text can run or restyle the page.
 */
export function ReadableText({ text }: { text: string }) {
  const blocks = splitIntoBlocks(text);
  return (
    <div className="readable-text">
      {blocks.map((block, index) => {
        const key = `${block.kind}-${index}`;
        if (block.kind === 'heading') {
          // The section title is an h2; the text's own headings go below it.
          const Heading = block.level <= 1 ? 'h3' : block.level === 2 ? 'h4' : 'h5';
          return <Heading key={key}>{renderInline(block.text)}</Heading>;
        }
        if (block.kind === 'list') {
          const List = block.ordered ? 'ol' : 'ul';
          return (
            <List key={key}>
              {block.items.map((item, itemIndex) => (
                // Items have no identity but their place; the text only changes as a whole.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <li key={itemIndex}>{renderInline(item)}</li>
              ))}
            </List>
          );
        }
        return (
          <p key={key}>
            {block.lines.map((line, lineIndex) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines are only identified by place
              <span key={lineIndex}>
                {lineIndex > 0 ? <br /> : null}
                {renderInline(line)}
              </span>
            ))}
          </p>
        );
      })}
    </div>
  );
}
