import type { ReactNode } from 'react';

/** One block of a text: a heading, a list, or a paragraph of lines. */
type TextBlock =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'list'; ordered: boolean; items: ListItem[] }
  | { kind: 'paragraph'; lines: string[] };

/** A list item, with the index of the line it starts on (for task checkboxes). */
interface ListItem {
  text: string;
  line: number;
}

/** `[ ] item` / `[x] item`: a Markdown task. */
const taskPattern = /^\[([ xX])\]\s+(.*)$/;

/**
 * Toggles the task checkbox on line `line` of `text` (`[ ]` ⇄ `[x]`);
 * every other character stays as it was.
 */
export function toggleTask(text: string, line: number): string {
  const lines = text.split('\n');
  const current = lines[line];
  if (current === undefined) return text;
  lines[line] = current.replace(/^(\s*(?:[-*•]|\d+[.)])\s+)\[([ xX])\]/, (_match, lead, mark) =>
    mark === ' ' ? `${lead}[x]` : `${lead}[ ]`,
  );
  return lines.join('\n');
}

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
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (const [index, line] of lines.entries()) {
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
      const item = { text: (bullet?.[1] ?? numbered?.[1] ?? '').trim(), line: index };
      if (last?.kind === 'list' && last.ordered === ordered) last.items.push(item);
      else blocks.push({ kind: 'list', ordered, items: [item] });
    } else if (last?.kind === 'list' && /^\s{2,}\S/.test(line)) {
      // An indented line continues the list item above it.
      const item = last.items.at(-1);
      if (item) item.text += ` ${line.trim()}`;
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

/** A list item; a task becomes a labelled checkbox. */
function renderItem(
  item: ListItem,
  onToggleTask: ((line: number) => void) | undefined,
  taskLabel: string | undefined,
): ReactNode {
  const task = taskPattern.exec(item.text);
  if (!task || task[2] === undefined) return renderInline(item.text);
  const checked = task[1] !== ' ';
  return (
    <label className="task-item">
      <input
        type="checkbox"
        checked={checked}
        disabled={!onToggleTask}
        aria-label={taskLabel ? `${taskLabel}${task[2]}` : undefined}
        onChange={() => onToggleTask?.(item.line)}
      />
      <span>{renderInline(task[2])}</span>
    </label>
  );
}

/**
 * A long text the user gave, shown readably: headings, lists and paragraphs
 * from its Markdown, line breaks kept. Rendered as React elements, never as
 * HTML, so nothing in the text can run or restyle the page.
 */
export function ReadableText({
  text,
  onToggleTask,
  taskLabel,
}: {
  text: string;
  /**
   * Makes `[ ]` / `[x]` tasks clickable checkboxes; gets the task's line index
   * (in `text` with `\n` line ends). Without it, tasks show as read-only boxes.
   */
  onToggleTask?: ((line: number) => void) | undefined;
  /** Prefix of each task checkbox's accessible name, e.g. `Task: `. */
  taskLabel?: string;
}) {
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
                <li key={itemIndex}>{renderItem(item, onToggleTask, taskLabel)}</li>
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
