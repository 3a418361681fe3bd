// Imports only src/domain: the knowledge loader validates persona files with
// this parser, so importing src/knowledge here would create a cycle.
import {
  type Minutes,
  type Persona,
  type PersonaBranch,
  type PersonaCriterion,
  type PersonaPhase,
  PersonaSchema,
  type PersonaTrigger,
  type PhaseKind,
  PrepkitError,
  parseWith,
} from '../domain/index.js';

/** One line of the file, as the parser sees it. */
type Token =
  | { type: 'heading'; level: number; text: string }
  | { type: 'bullet'; text: string }
  | { type: 'label'; text: string }
  | { type: 'text'; text: string }
  | { type: 'blank' };

/** A heading and everything up to the next heading of the same or a higher level. */
interface Section {
  level: number;
  /** The heading as written, without its `#` marks. */
  text: string;
  /** Lower case, without Markdown, leading emoji or trailing colon: what patterns match. */
  key: string;
  /** Token index of the heading. */
  start: number;
  /** Token index where the section ends (exclusive). */
  end: number;
}

interface ParsedDocument {
  tokens: Token[];
  sections: Section[];
  /** The first `#` heading, when there is one. */
  title: Section | undefined;
}

/** A run of lines under one sub-heading or bold label. */
interface Group {
  label: string | null;
  tokens: Token[];
}

// Lines longer than this are cut before matching, so that hostile input
// cannot make a pattern run for long; real persona lines are far shorter.
const maxLineLength = 5_000;

const howToWritePhases =
  'add "## Interview flow" with "### Phase 1: ... (10 minutes)" headings and quoted questions as bullets';

// Headings that start a part of the persona other than the flow: where a
// flow written without sub-headings stops.
const otherPartPattern =
  /\b(?:question types?|types of questions?|starters?|evaluation|criteria|techniques?|security|mission|role|never|always|communication|guidelines)\b/;

/** Removes Markdown emphasis, code marks and link targets, and collapses spaces. */
function cleanText(text: string): string {
  return text
    .replace(/!?\[([^\]\n]{0,300})\]\([^)\s]{0,500}\)/g, '$1')
    .replace(/\*\*|__|`/g, '')
    .replace(/(^|[\s("“'‘])[*_]+(?=\S)/g, '$1')
    .replace(/(?<=\S)[*_]+(?=[\s)"”'’.,;:!?]|$)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A heading's words for matching: "🎯 **Your Role:**" → "your role". */
function headingKey(text: string): string {
  return stripLeadingSymbols(cleanText(text))
    .replace(/[\s:]+$/, '')
    .toLowerCase();
}

/** Drops emoji, numbering marks and other symbols before the first word. */
function stripLeadingSymbols(text: string): string {
  return text.replace(/^[^\p{L}\p{N}[("“'‘]+/u, '');
}

/** A label without its trailing colon: "For strong candidates:" → "For strong candidates". */
function cleanLabel(text: string): string {
  return stripLeadingSymbols(cleanText(text)).replace(/[\s:]+$/, '');
}

const openingQuote = /^["“”„]/;

/** True when the text is written as a quotation. */
function isQuoted(text: string): boolean {
  return openingQuote.test(text) || (/^['‘]/.test(text) && /['’]$/.test(text) && text.length > 2);
}

/**
 * The words inside the quotes: `"How would you...?"` → `How would you...?`.
 * A note after the closing quote is dropped; text without quotes is returned as is.
 */
function unquote(text: string): string {
  const trimmed = text.trim();
  if (openingQuote.test(trimmed)) {
    const last = Math.max(
      trimmed.lastIndexOf('"'),
      trimmed.lastIndexOf('”'),
      trimmed.lastIndexOf('“'),
    );
    return (last > 0 ? trimmed.slice(1, last) : trimmed.slice(1)).trim();
  }
  if (isQuoted(trimmed)) return trimmed.slice(1, -1).trim();
  return trimmed;
}

/** Strips a closing `#` run: "## Title ##" → "Title". */
function stripClosingHashes(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end -= 1;
  if (end === text.length) return text;
  if (end === 0 || /\s/.test(text[end - 1] ?? '')) return text.slice(0, end).trimEnd();
  return text;
}

function tokenize(markdown: string): Token[] {
  const text = markdown
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/<!--[\s\S]*?-->/g, '');
  const tokens: Token[] = [];
  let fence: string | null = null;
  for (const rawLine of text.split('\n')) {
    const line = rawLine.slice(0, maxLineLength).trimEnd();
    const fenceMark = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== null) {
      // Code blocks hold no persona content; skip them whole.
      if (fenceMark?.startsWith(fence)) fence = null;
      continue;
    }
    if (fenceMark) {
      fence = fenceMark.slice(0, 3);
      continue;
    }
    if (line.trim() === '') {
      tokens.push({ type: 'blank' });
      continue;
    }
    const heading = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/.exec(line);
    if (heading) {
      const body = stripClosingHashes((heading[2] ?? '').trim());
      tokens.push({ type: 'heading', level: heading[1]?.length ?? 1, text: body });
      continue;
    }
    // A thematic break: "---", "***", "* * *".
    if (/^\s{0,3}([-*_])(?:\s*\1){2,}$/.test(line)) {
      tokens.push({ type: 'blank' });
      continue;
    }
    const bullet = /^\s*(?:[-*+•]|\d{1,3}[.)])\s+(.*)$/.exec(line);
    if (bullet) {
      tokens.push({ type: 'bullet', text: (bullet[1] ?? '').trim() });
      continue;
    }
    const trimmed = line.trim();
    const bold = /^(\*\*|__)(.+)\1\s*:?$/.exec(trimmed);
    if (bold && !/\*\*|__/.test(bold[2] ?? '')) {
      tokens.push({ type: 'label', text: cleanLabel(bold[2] ?? '') });
      continue;
    }
    if (trimmed.endsWith(':') && trimmed.length <= 100 && !isQuoted(trimmed)) {
      tokens.push({ type: 'label', text: cleanLabel(trimmed) });
      continue;
    }
    const previous = tokens[tokens.length - 1];
    if (previous?.type === 'bullet' && /^\s/.test(rawLine)) {
      // An indented line continues the bullet above it.
      previous.text = `${previous.text} ${trimmed}`;
      continue;
    }
    tokens.push({ type: 'text', text: trimmed });
  }
  return tokens;
}

function readDocument(markdown: string): ParsedDocument {
  const tokens = tokenize(markdown);
  const headings: Array<{ index: number; level: number; text: string }> = [];
  for (const [index, token] of tokens.entries()) {
    if (token.type === 'heading') headings.push({ index, level: token.level, text: token.text });
  }
  const sections = headings.map((heading, position) => {
    const next = headings.slice(position + 1).find((other) => other.level <= heading.level);
    return {
      level: heading.level,
      text: heading.text,
      key: headingKey(heading.text),
      start: heading.index,
      end: next?.index ?? tokens.length,
    };
  });
  const title = sections.find((section) => section.level === 1);
  return { tokens, sections: sections.filter((section) => section !== title), title };
}

function isInside(section: Section, outer: Section): boolean {
  return section.start > outer.start && section.start < outer.end;
}

/** The direct sub-sections: the shallowest headings inside. */
function childrenOf(document: ParsedDocument, section: Section): Section[] {
  const inside = document.sections.filter((other) => isInside(other, section));
  const level = Math.min(...inside.map((other) => other.level));
  return inside.filter((other) => other.level === level);
}

/** The first section whose heading matches, outside the excluded ones. */
function findSection(
  document: ParsedDocument,
  pattern: RegExp,
  exclude: ReadonlyArray<Section | undefined> = [],
): Section | undefined {
  return document.sections.find(
    (section) =>
      pattern.test(section.key) &&
      !exclude.some(
        (outer) => outer !== undefined && (outer === section || isInside(section, outer)),
      ),
  );
}

function tokensOf(document: ParsedDocument, section: Section): Token[] {
  return document.tokens.slice(section.start + 1, section.end);
}

/** Splits a section's lines at its sub-headings and bold labels. */
function groupTokens(tokens: readonly Token[]): Group[] {
  const groups: Group[] = [{ label: null, tokens: [] }];
  for (const token of tokens) {
    if (token.type === 'heading' || token.type === 'label') {
      groups.push({ label: cleanLabel(token.text), tokens: [] });
    } else {
      groups[groups.length - 1]?.tokens.push(token);
    }
  }
  return groups.filter((group) => group.label !== null || group.tokens.length > 0);
}

function bulletsOf(tokens: readonly Token[]): string[] {
  return tokens
    .filter((token) => token.type === 'bullet')
    .map((token) => cleanText(token.text))
    .filter((text) => text.length > 0);
}

/** Bullets with their quotes removed, for lists of lines the interviewer says. */
function spokenLinesOf(tokens: readonly Token[]): string[] {
  return bulletsOf(tokens)
    .map(unquote)
    .filter((text) => text.length > 0);
}

const amount =
  '(?:~|≈|about\\s+|around\\s+|approx(?:\\.|imately)?\\s+|ca\\.?\\s+)?(\\d{1,4}(?:[.,]\\d{1,2})?)\\s*(?:(?:-|–|—|to)\\s*~?\\s*(\\d{1,4}(?:[.,]\\d{1,2})?)\\s*)?(minutes?|mins?|m|hours?|hrs?|h)\\b\\.?';
const amountPattern = new RegExp(amount, 'iu');
const trailingAmountPattern = new RegExp(`[\\s,:;–—-]*${amount}\\s*$`, 'iu');

function toMinutes(match: RegExpExecArray): Minutes {
  const hours = /^h/i.test(match[3] ?? '');
  const read = (value: string) => Number(value.replace(',', '.')) * (hours ? 60 : 1);
  const first = read(match[1] ?? '0');
  const second = match[2] === undefined ? first : read(match[2]);
  return { min: Math.min(first, second), max: Math.max(first, second) };
}

/**
 * Reads the minutes of a heading and returns the heading without them:
 * "Phase 2: Design (15-20 minutes)", "Wrap-up (10–15 min)", "Close ~5 minutes".
 */
function splitMinutes(heading: string): { title: string; minutes: Minutes | null } {
  for (const group of heading.matchAll(/\(([^()]{0,80})\)/g)) {
    const match = amountPattern.exec(group[1] ?? '');
    if (match) {
      const title = heading.slice(0, group.index) + heading.slice(group.index + group[0].length);
      return { title: tidyTitle(title), minutes: toMinutes(match) };
    }
  }
  // Only the end of the heading is searched, which keeps the pattern cheap.
  const tailStart = Math.max(0, heading.length - 80);
  const match = trailingAmountPattern.exec(heading.slice(tailStart));
  if (match) {
    return {
      title: tidyTitle(heading.slice(0, tailStart + match.index)),
      minutes: toMinutes(match),
    };
  }
  return { title: tidyTitle(heading), minutes: null };
}

function tidyTitle(text: string): string {
  return stripLeadingSymbols(cleanText(text))
    .replace(/[\s:;,–—-]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Phase 2: Design Scenarios" → "phase-2-design-scenarios". */
function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `base`, or `base-2`, `base-3`... when it is taken. */
function claimId(base: string, used: Set<string>): string {
  let id = base;
  for (let suffix = 2; used.has(id); suffix += 1) id = `${base}-${suffix}`;
  used.add(id);
  return id;
}

// Checked in this order: the first that matches gives the kind.
const phaseKindPatterns: Array<[PhaseKind, RegExp]> = [
  ['opening', /\b(?:open\w*|intro\w*|warm\w*)/],
  ['closing', /\b(?:clos\w*|wrap\w*)/],
  ['design', /\b(?:design\w*|architect\w*|scenarios?|system\w*)\b/],
  ['deep-dive', /\b(?:deep|dive|advanced)\b/],
  [
    'behavioral',
    /\b(?:behaviou?r\w*|story|stories|storytelling|leadership|conflicts?|collaborat\w*)\b/,
  ],
  ['experience', /\b(?:experience\w*|background|recent work|projects?)\b/],
];

function phaseKindOf(title: string): PhaseKind {
  const words = title.toLowerCase();
  return phaseKindPatterns.find(([, pattern]) => pattern.test(words))?.[0] ?? 'other';
}

const mentionPrefix =
  /^if\s+(?:they|the candidate|candidates?)\s+(?:mentions?|brings?\s+up|talks?\s+about|raises?|names?|uses?|says?|describes?|refers?\s+to)\s+/i;

/** The first ":", "→", "->" or spaced dash: where a condition ends and its line begins. */
function conditionEnd(text: string): { index: number; length: number } | undefined {
  const found = [':', '→', '->', ' — ', ' – ', ' - ']
    .map((separator) => ({ index: text.indexOf(separator), length: separator.length }))
    .filter((candidate) => candidate.index > 0)
    .sort((a, b) => a.index - b.index);
  return found[0];
}

/** "queues or streams" → ["queues", "streams"]; "a modal, dialog" → ["modal", "dialog"]. */
function triggerKeywords(when: string): string[] {
  const keywords = when
    .toLowerCase()
    .replace(/["“”‘’]/g, '')
    .split(/\s*(?:,|\/|\(|\)|;|\bor\b|\bsuch as\b|\be\.g\.)\s*/)
    .map((part) =>
      part
        .replace(/^(?:a|an|the)\s+/, '')
        .replace(/[.!?]+$/, '')
        .trim(),
    )
    .filter((part) => part.length > 0);
  return [...new Set(keywords.length > 0 ? keywords : [when.toLowerCase()])];
}

/** `If they mention caching: "..."` → a trigger; undefined for any other line. */
function readTrigger(text: string): PersonaTrigger | undefined {
  const prefix = mentionPrefix.exec(text);
  if (!prefix) return undefined;
  const rest = text.slice(prefix[0].length);
  const end = conditionEnd(rest);
  if (!end) return undefined;
  const when = rest.slice(0, end.index).trim();
  const question = unquote(rest.slice(end.index + end.length));
  if (when === '' || question === '') return undefined;
  return { when, keywords: triggerKeywords(when), question };
}

/** `If they seem stuck: "..."` → the line; a condition that is not a mention of a topic. */
function readConditionalLine(text: string): string | undefined {
  if (!/^if\b/i.test(text)) return undefined;
  const end = conditionEnd(text);
  if (!end) return undefined;
  const line = text.slice(end.index + end.length).trim();
  return isQuoted(line) ? unquote(line) : undefined;
}

// The closing line that hands the floor to the candidate.
const invitationPattern =
  /\bask me\b|\bquestions? (?:do |would |could |can |might )?you have\b|\bquestions? for me\b|\bwhat can i tell you\b|\byour questions\b|\byou(?:'d| would) like to (?:ask|know)\b/i;

function branchOf(label: string): PersonaBranch | undefined {
  const words = label.toLowerCase();
  if (!/^for\b/.test(words)) return undefined;
  const kind = /\bstrong/.test(words)
    ? 'strong'
    : /\bfundamental/.test(words)
      ? 'fundamentals'
      : 'other';
  return { kind, label, questions: [] };
}

function readPhase(document: ParsedDocument, section: Section, used: Set<string>): PersonaPhase {
  const { title: cleanTitle, minutes } = splitMinutes(section.text);
  const title = cleanTitle || `Phase ${used.size + 1}`;
  const kind = phaseKindOf(title);
  const questions: string[] = [];
  const followUps: string[] = [];
  const triggers: PersonaTrigger[] = [];
  const branches: PersonaBranch[] = [];
  for (const group of groupTokens(tokensOf(document, section))) {
    const branch = group.label === null ? undefined : branchOf(group.label);
    if (branch) branches.push(branch);
    const isFollowUpGroup = group.label !== null && /\bfollow[- ]?ups?\b/i.test(group.label);
    for (const token of group.tokens) {
      if (token.type !== 'bullet' && token.type !== 'text') continue;
      const text = cleanText(token.text);
      const followUp = /^follow[- ]?ups?\s*:\s*(.+)$/i.exec(text);
      if (followUp) {
        followUps.push(unquote(followUp[1] ?? ''));
        continue;
      }
      const trigger = readTrigger(text);
      if (trigger) {
        triggers.push(trigger);
        continue;
      }
      const conditional = readConditionalLine(text);
      if (conditional) {
        followUps.push(conditional);
        continue;
      }
      // "Warm introduction: "Hi ..."": a label before the quoted line.
      const line = /^[^"“:]{1,80}:\s*(["“].*)$/.exec(text)?.[1] ?? text;
      const asked =
        isQuoted(line) || (token.type === 'bullet' && line.endsWith('?')) ? unquote(line) : '';
      if (asked === '') continue;
      if (isFollowUpGroup) followUps.push(asked);
      else if (branch) branch.questions.push(asked);
      else questions.push(asked);
    }
  }
  if (kind === 'closing') {
    // The closing's first line invites the candidate's questions.
    const invitation = questions.findIndex((line) => invitationPattern.test(line));
    if (invitation > 0) questions.unshift(...questions.splice(invitation, 1));
  }
  const id = claimId(slugify(title) || `phase-${used.size + 1}`, used);
  return { id, title, kind, minutes, questions, followUps, triggers, branches };
}

/** The phase headings: under the flow heading, or after it when written at its level. */
function findPhaseSections(document: ParsedDocument, flow: Section): Section[] {
  const children = childrenOf(document, flow);
  if (children.length > 0) return children;
  const after = document.sections.filter((section) => section.start > flow.start);
  const phases: Section[] = [];
  for (const section of after) {
    if (section.level < flow.level) break;
    if (section.level > flow.level) continue;
    if (otherPartPattern.test(section.key)) break;
    phases.push(section);
  }
  return phases;
}

function readRole(document: ParsedDocument, roleSection: Section | undefined, flow?: Section) {
  const tokens = roleSection
    ? tokensOf(document, roleSection)
    : document.tokens.filter((_, index) => !flow || index <= flow.start || index >= flow.end);
  const role = { position: '', expertise: [] as string[], style: '' };
  for (const token of tokens) {
    if (token.type !== 'text' && token.type !== 'bullet') continue;
    const match = /^(position|expertise|interview style|style)\s*:\s*(.+)$/i.exec(
      cleanText(token.text),
    );
    if (!match) continue;
    const name = (match[1] ?? '').toLowerCase();
    const value = match[2]?.trim() ?? '';
    if (name === 'position' && role.position === '') role.position = value;
    else if (name === 'expertise' && role.expertise.length === 0) role.expertise = splitList(value);
    else if (name === 'interview style' && role.style === '') role.style = value;
    else if (name === 'style' && roleSection && role.style === '') role.style = value;
  }
  return role;
}

/** Splits on commas and semicolons outside parentheses: "Security (XSS, CSP), Testing". */
function splitList(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const character of text) {
    if (character === '(') depth += 1;
    if (character === ')') depth = Math.max(0, depth - 1);
    if ((character === ',' || character === ';') && depth === 0) {
      items.push(current);
      current = '';
    } else {
      current += character;
    }
  }
  items.push(current);
  return items.map((item) => item.trim().replace(/\.$/, '')).filter((item) => item.length > 0);
}

function readCommunication(tokens: readonly Token[]) {
  return tokens
    .filter((token) => token.type === 'bullet')
    .map((token) => {
      const bold = /^(?:\*\*|__)(.+?)(?:\*\*|__)\s*:?\s*(.*)$/.exec(token.text);
      if (bold) return { label: cleanLabel(bold[1] ?? ''), text: cleanText(bold[2] ?? '') };
      const text = cleanText(token.text);
      const plain = /^([^:"“]{1,60}):\s+(.+)$/.exec(text);
      if (plain && (plain[1] ?? '').split(/\s+/).length <= 6) {
        return { label: plain[1]?.trim() ?? '', text: plain[2]?.trim() ?? '' };
      }
      return { label: '', text };
    })
    .filter((item) => item.text.length > 0 || item.label.length > 0);
}

function readCriteria(document: ParsedDocument, flow: Section | undefined): PersonaCriterion[] {
  const evaluation = findSection(
    document,
    /\b(?:evaluation|criteria|assessment|scoring|rubric)\b/,
    [flow],
  );
  const groups = evaluation
    ? groupTokens(tokensOf(document, evaluation))
    : document.sections
        .filter((section) => !flow || !isInside(section, flow))
        .map((section) => ({
          label: section.key,
          tokens: tokensOf(document, section).filter((token) => token.type !== 'heading'),
        }));
  const used = new Set<string>();
  const criteria: PersonaCriterion[] = [];
  for (const group of groups) {
    const label = group.label?.toLowerCase() ?? '';
    const kind = /\bred flags?\b|\bwarning signs?\b/.test(label)
      ? 'red-flag'
      : /\bstrong\b|\bgreen flags?\b|\bpositive\b/.test(label)
        ? 'strong'
        : undefined;
    if (!kind) continue;
    for (const text of bulletsOf(group.tokens)) {
      const id = claimId(`${kind}-${slugify(text) || 'criterion'}`, used);
      criteria.push({ id, label: text, kind });
    }
  }
  return criteria;
}

function readTechniques(document: ParsedDocument, section: Section | undefined) {
  const techniques = {
    rapport: [] as string[],
    probing: [] as string[],
    tradeOffs: [] as string[],
    redirecting: [] as string[],
    wrapping: [] as string[],
  };
  if (!section) return techniques;
  for (const group of groupTokens(tokensOf(document, section))) {
    const label = group.label?.toLowerCase() ?? '';
    const lines = spokenLinesOf(group.tokens);
    if (/rapport/.test(label)) techniques.rapport.push(...lines);
    else if (/prob/.test(label)) techniques.probing.push(...lines);
    else if (/trade[- ]?offs?/.test(label)) techniques.tradeOffs.push(...lines);
    else if (/redirect/.test(label)) techniques.redirecting.push(...lines);
    else if (/wrap/.test(label)) techniques.wrapping.push(...lines);
  }
  return techniques;
}

function readSecurity(document: ParsedDocument, section: Section | undefined) {
  const security = { always: [] as string[], ifMissed: [] as string[] };
  if (!section) return security;
  for (const group of groupTokens(tokensOf(document, section))) {
    const target = /miss/i.test(group.label ?? '') ? security.ifMissed : security.always;
    // A line tied to a condition ("If they mention client names: ...") is not a probe.
    const lines = bulletsOf(group.tokens).filter((text) => !/^if\b[^"“]*:\s*["“]/i.test(text));
    target.push(...lines.map(unquote).filter((line) => line.length > 0));
  }
  return security;
}

function readStarters(tokens: readonly Token[]) {
  const starters: Array<{ insteadOf: string; say: string }> = [];
  let insteadOf: string | undefined;
  let expecting: 'instead' | 'say' | undefined;
  for (const token of tokens) {
    if (token.type === 'label') {
      const label = token.text.toLowerCase();
      expecting = label === 'instead of' ? 'instead' : label === 'say' ? 'say' : undefined;
      continue;
    }
    if (token.type !== 'text' && token.type !== 'bullet') continue;
    const text = cleanText(token.text);
    const instead = /^instead of\s*:\s*(.+)$/i.exec(text);
    const say = /^say\s*:\s*(.+)$/i.exec(text);
    if (instead) insteadOf = unquote(instead[1] ?? '');
    else if (expecting === 'instead') insteadOf = unquote(text);
    const saying = say ? unquote(say[1] ?? '') : expecting === 'say' ? unquote(text) : undefined;
    if (saying && insteadOf) {
      starters.push({ insteadOf, say: saying });
      insteadOf = undefined;
    }
    expecting = undefined;
  }
  return starters;
}

function readQuestionTypes(document: ParsedDocument, section: Section | undefined) {
  if (!section) return [];
  return groupTokens(tokensOf(document, section))
    .map((group) => ({
      name: group.label ?? tidyTitle(section.text),
      questions: spokenLinesOf(group.tokens),
    }))
    .filter((group) => group.questions.length > 0);
}

function readMission(document: ParsedDocument, section: Section | undefined): string {
  const { tokens } = document;
  for (const [index, token] of tokens.entries()) {
    if (token.type !== 'text' && token.type !== 'bullet') continue;
    const match = /^your mission\s*:\s*(.*)$/i.exec(cleanText(token.text));
    if (!match) continue;
    const parts = [match[1] ?? ''];
    for (const next of tokens.slice(index + 1)) {
      if (next.type !== 'text') break;
      parts.push(cleanText(next.text));
    }
    return parts.join(' ').trim();
  }
  if (!section) return '';
  return tokensOf(document, section)
    .filter((token) => token.type === 'text' || token.type === 'bullet')
    .map((token) => cleanText(token.text))
    .join(' ')
    .trim();
}

// A "never" line that forbids asking for code: "Ask for code", "request
// syntax", "ask them to write a query or a script".
const forbidsCodePattern =
  /\b(?:code|coding|syntax|implement|implementation|implementations|sql|pseudo-?code)\b|\bwrit(?:e|ing)\b[^.;]{0,40}\b(?:quer(?:y|ies)|scripts?|snippets?|programs?)\b/i;

/** Everything the file says, and what it lacks. */
function readPersona(markdown: string, id: string): { persona: Persona; problems: string[] } {
  const document = readDocument(markdown);
  const flowCandidates = document.sections.filter((section) =>
    /\b(?:flow|phases|structure)\b/.test(section.key),
  );
  const flow =
    flowCandidates.find((section) => childrenOf(document, section).length > 0) ?? flowCandidates[0];
  const used = new Set<string>();
  const phases = flow
    ? findPhaseSections(document, flow).map((section) => readPhase(document, section, used))
    : [];
  const security = findSection(document, /\bsecurity\b/, [flow]);
  const communication =
    findSection(document, /\bcommunication\b/, [flow]) ??
    findSection(document, /\bstyle\b/, [flow]);
  const never = findSection(document, /\bnever\b|\bavoid\b|\bdon'?t\b|\bdo not\b/, [
    flow,
    security,
  ]);
  const always = findSection(document, /\balways\b|^do'?s?$/, [flow, security]);
  const starters = findSection(document, /\bstarters?\b/, [flow]);
  const neverLines = never ? bulletsOf(tokensOf(document, never)) : [];
  const title = document.title ? tidyTitle(document.title.text) : '';
  const persona: Persona = {
    id,
    title: title || titleFromId(id),
    role: readRole(document, findSection(document, /\brole\b/, [flow]), flow),
    communication: communication ? readCommunication(tokensOf(document, communication)) : [],
    never: neverLines,
    always: always ? bulletsOf(tokensOf(document, always)) : [],
    totalMinutes: flow ? splitMinutes(flow.text).minutes : null,
    phases,
    questionTypes: readQuestionTypes(
      document,
      findSection(document, /\bquestion types?\b|\btypes of questions?\b/, [flow]),
    ),
    starters: starters ? readStarters(tokensOf(document, starters)) : [],
    criteria: readCriteria(document, flow),
    techniques: readTechniques(document, findSection(document, /\btechniques?\b/, [flow])),
    security: readSecurity(document, security),
    mission: readMission(document, findSection(document, /\bmission\b/, [flow])),
    forbidsCode: neverLines.some((line) => forbidsCodePattern.test(line)),
  };
  return { persona, problems: findProblems(markdown, document, flow, phases) };
}

function titleFromId(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Interviewer';
}

function findProblems(
  markdown: string,
  document: ParsedDocument,
  flow: Section | undefined,
  phases: readonly PersonaPhase[],
): string[] {
  const text = markdown.replace(/^\uFEFF/, '').trim();
  if (text === '') {
    return [
      `the file is empty: start with a "# Title" line, then ${howToWritePhases.replace(/^add /, '')}`,
    ];
  }
  const hasHeadings = document.title !== undefined || document.sections.length > 0;
  if (!hasHeadings && /^[{[]/.test(text)) {
    return [
      `this is JSON, not Markdown: write the persona as Markdown with a "# Title" line, then ${howToWritePhases.replace(/^add /, '')}`,
    ];
  }
  if (!flow) return [`no interview phases: ${howToWritePhases}`];
  if (phases.length === 0) {
    return [
      `no interview phases under "${cleanText(flow.text)}": add "### Phase 1: ... (10 minutes)" headings beneath it, with quoted questions as bullets`,
    ];
  }
  const asked = phases.some(
    (phase) =>
      phase.questions.length > 0 || phase.branches.some((branch) => branch.questions.length > 0),
  );
  if (!asked) {
    return [
      'no questions in any phase: under each phase heading, list what the interviewer asks as bullets in quotes, such as - "Which system do you know best?"',
    ];
  }
  return [];
}

/**
 * What a persona file lacks for the mock interviewer to run it, each named
 * with how to write it; empty when the file parses. Optional parts
 * (techniques, security points, starters...) are never reported.
 *
 * @example
 * describeMissingPersonaParts('# Interviewer\n'); // ['no interview phases: add "## Interview flow" ...']
 */
export function describeMissingPersonaParts(markdown: string): string[] {
  return readPersona(markdown, 'persona').problems;
}

/**
 * Parses an interviewer persona written in Markdown (the format of the shipped
 * `knowledge/personas/*.md`) into a `Persona`. Lenient with the writing:
 * headings of level 2 to 4 in any case, with a leading emoji or a trailing
 * colon, bold markers optional, `-` or `*` bullets, CRLF line endings, minutes
 * as "(10-15 minutes)", "(10–15 min)", "(~5 minutes)" or absent. Parts the
 * file leaves out come back empty; a file without phases, or whose phases
 * hold no questions, is refused with INVALID_INPUT naming what to add.
 *
 * @example
 * const persona = parsePersona(markdown, 'backend-engineer');
 * persona.phases.map((phase) => phase.title); // ['Opening', 'Phase 1: Recent Work and Experience', ...]
 */
export function parsePersona(markdown: string, id: string): Persona {
  const { persona, problems } = readPersona(markdown, id);
  if (problems.length > 0) {
    throw new PrepkitError('INVALID_INPUT', `persona ${id}: ${problems.join('; ')}`, {
      issues: problems.map((message) => ({ path: '', message })),
    });
  }
  return parseWith(PersonaSchema, persona, `persona ${id}`);
}
