import { DomUtils, parseDocument } from 'htmlparser2';

type HtmlDocument = ReturnType<typeof parseDocument>;
type HtmlNode = HtmlDocument['children'][number];
type HtmlElement = Extract<HtmlNode, { attribs: Record<string, string> }>;
type HtmlText = Extract<HtmlNode, { type: 'text' }>;

function isElement(node: HtmlNode): node is HtmlElement {
  return 'attribs' in node;
}

function isText(node: HtmlNode): node is HtmlText {
  return node.type === 'text';
}

/** Never content: code, media, widgets and page chrome. */
const droppedTags = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'img',
  'picture',
  'video',
  'audio',
  'map',
  'dialog',
  'nav',
  'footer',
  'aside',
  'button',
  'input',
  'select',
  'textarea',
  'option',
  'optgroup',
  'datalist',
  'label',
]);

const droppedRoles = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'menu',
  'menubar',
  'dialog',
  'alertdialog',
]);

/** Words in an id or class that mark page chrome rather than content. */
const chromeWord =
  /(?:^|[-_])(?:cookies?|consent|gdpr|nav|navbar|navigation|menu|breadcrumbs?|share|sharing|social|newsletter|subscribe|sign-?up|related|similar|recommended|skip-?link)(?:$|[-_])/;
/** The same, in free text such as aria-label. */
const chromeLabel =
  /\b(?:cookies?|consent|navigation|menu|breadcrumbs?|share|newsletter|related jobs|similar jobs)\b/i;

/** Containers job boards and careers pages put the posting in. */
const postingContainer =
  /(?:^|[-_])(?:job-?(?:description|posting|details?|content|body)|posting-?(?:page|content|body)|vacancy|position-?description)(?:$|[-_])/;

const blockTags = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'form',
  'header',
  'hgroup',
  'html',
  'legend',
  'main',
  'p',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'caption',
]);
const headingTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
// Soft hyphen, zero-width space/non-joiner/joiner, word joiner, byte order mark.
const invisibleCharacters = /\u00ad|\u200b|\u200c|\u200d|\u2060|\ufeff/g;

function attributeTokens(element: HtmlElement): string[] {
  const { id = '', class: className = '' } = element.attribs;
  return `${id} ${className}`.toLowerCase().split(/\s+/).filter(Boolean);
}

function isChromeByAttributes(element: HtmlElement): boolean {
  const role = element.attribs.role?.toLowerCase();
  if (role !== undefined && droppedRoles.has(role)) return true;
  if (chromeLabel.test(element.attribs['aria-label'] ?? '')) return true;
  return attributeTokens(element).some((token) => chromeWord.test(token));
}

function containsContentLandmark(element: HtmlElement): boolean {
  return (
    DomUtils.findOne(
      (inner) => inner.name === 'main' || inner.name === 'article' || inner.name === 'h1',
      element.children,
    ) !== null
  );
}

interface WalkContext {
  /** Set when the content root is `<body>`: a `<header>` there is site chrome. */
  dropHeaders: boolean;
}

/** True for elements that are never part of the content. */
function isDropped(element: HtmlElement, context: WalkContext): boolean {
  if (droppedTags.has(element.name)) return true;
  if (element.name === 'header' && context.dropHeaders) return true;
  if ('hidden' in element.attribs || element.attribs['aria-hidden'] === 'true') return true;
  // A wrapper around the whole page may carry a state class such as "nav-open";
  // never drop an element that holds the posting itself.
  return isChromeByAttributes(element) && !containsContentLandmark(element);
}

function textLength(element: HtmlElement): number {
  return DomUtils.textContent(element).replace(/\s+/g, '').length;
}

function findLargest(elements: HtmlElement[]): HtmlElement | undefined {
  let best: HtmlElement | undefined;
  let bestLength = 0;
  for (const element of elements) {
    const length = textLength(element);
    if (length > bestLength) {
      best = element;
      bestLength = length;
    }
  }
  return best;
}

/** The element holding the main content: main, article, a posting container, or body. */
function findContentRoot(document: HtmlDocument): HtmlElement | HtmlDocument {
  const context: WalkContext = { dropHeaders: false };
  const candidates: HtmlElement[] = [];
  const collect = (nodes: HtmlNode[]) => {
    for (const node of nodes) {
      if (!isElement(node) || isDropped(node, context)) continue;
      candidates.push(node);
      collect(node.children);
    }
  };
  collect(document.children);
  const mains = candidates.filter(
    (element) => element.name === 'main' || element.attribs.role?.toLowerCase() === 'main',
  );
  const articles = candidates.filter((element) => element.name === 'article');
  const containers = candidates.filter((element) =>
    attributeTokens(element).some((token) => postingContainer.test(token)),
  );
  return (
    findLargest(mains) ??
    findLargest(articles) ??
    findLargest(containers) ??
    candidates.find((element) => element.name === 'body') ??
    document
  );
}

class LineWriter {
  readonly lines: string[] = [];
  private current = '';
  private prefix = '';

  append(text: string): void {
    this.current += text;
  }

  startListItem(depth: number): void {
    this.flush();
    this.prefix = `${'  '.repeat(Math.max(0, depth - 1))}- `;
  }

  endListItem(): void {
    this.flush();
    this.prefix = '';
  }

  blankLine(): void {
    this.flush();
    this.lines.push('');
  }

  push(line: string): void {
    this.flush();
    if (line !== '') this.lines.push(line);
  }

  flush(): void {
    const text = this.current.replace(invisibleCharacters, '').replace(/\s+/g, ' ').trim();
    this.current = '';
    if (text === '') return;
    this.lines.push(this.prefix + text);
    this.prefix = '';
  }

  /** Preformatted text keeps its own line breaks. */
  flushPreformatted(): void {
    const raw = this.current.replace(invisibleCharacters, '');
    this.current = '';
    for (const line of raw.replace(/^\n/, '').split('\n')) this.lines.push(line.trimEnd());
  }
}

function walk(nodes: HtmlNode[], writer: LineWriter, state: WalkState): void {
  for (const node of nodes) {
    if (isText(node)) {
      writer.append(state.preformatted > 0 ? node.data : node.data.replace(/\s+/g, ' '));
    } else if (isElement(node) && !isDropped(node, state.context)) {
      walkElement(node, writer, state);
    }
  }
}

interface WalkState {
  context: WalkContext;
  listDepth: number;
  preformatted: number;
}

function walkElement(element: HtmlElement, writer: LineWriter, state: WalkState): void {
  const { name } = element;
  if (name === 'br' || name === 'hr') {
    writer.flush();
  } else if (headingTags.has(name)) {
    writer.blankLine();
    walk(element.children, writer, state);
    writer.flush();
  } else if (name === 'ul' || name === 'ol' || name === 'menu') {
    writer.flush();
    walk(element.children, writer, { ...state, listDepth: state.listDepth + 1 });
    writer.flush();
  } else if (name === 'li') {
    writer.startListItem(state.listDepth);
    walk(element.children, writer, state);
    writer.endListItem();
  } else if (name === 'tr') {
    const cells = element.children
      .filter(isElement)
      .filter((cell) => !isDropped(cell, state.context))
      .map((cell) => {
        const inner = new LineWriter();
        walk(cell.children, inner, state);
        inner.flush();
        return inner.lines.filter((line) => line !== '').join(' ');
      })
      .filter((cell) => cell !== '');
    writer.push(cells.join(' | '));
  } else if (name === 'pre') {
    writer.flush();
    walk(element.children, writer, { ...state, preformatted: state.preformatted + 1 });
    writer.flushPreformatted();
  } else if (blockTags.has(name)) {
    writer.flush();
    walk(element.children, writer, state);
    writer.flush();
  } else {
    walk(element.children, writer, state);
  }
}

/**
 * Turns an HTML page into its main content as text lines: page chrome
 * (scripts, navigation, headers, footers, cookie banners, share widgets,
 * related jobs, form controls) dropped; headings, paragraphs, list items
 * (`- `), table rows (`a | b`) and `<br>` kept as lines; entities decoded;
 * whitespace inside a block collapsed.
 *
 * @example
 * convertHtmlToText('<main><h1>Role</h1><ul><li>Go</li></ul></main>'); // 'Role\n- Go'
 */
export function convertHtmlToText(html: string): string {
  const document = parseDocument(html, { decodeEntities: true });
  const root = findContentRoot(document);
  const isBody = !('name' in root) || root.name === 'body' || root.name === 'html';
  const writer = new LineWriter();
  walk(root.children, writer, { context: { dropHeaders: isBody }, listDepth: 0, preformatted: 0 });
  writer.flush();
  return writer.lines.join('\n');
}
