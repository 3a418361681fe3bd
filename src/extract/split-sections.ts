import type { SourceLine } from '../domain/index.js';

/** What a part of a posting or resume is about, judged from its heading. */
export type SectionKind =
  | 'requirements'
  | 'nice-to-have'
  | 'responsibilities'
  | 'about'
  | 'benefits'
  | 'process'
  | 'legal'
  | 'stack'
  | 'experience'
  | 'education'
  | 'skills'
  | 'projects'
  | 'summary'
  | 'other';

/** A line with the heading it stands under. */
export interface SectionedLine extends SourceLine {
  /** True when this line is itself a heading. */
  isHeading: boolean;
  section: SectionKind;
  /** The heading text, without Markdown marks; empty before the first heading. */
  heading: string;
  /** True for list items ("- ", "* ", "• ", "1. "). */
  isBullet: boolean;
  /** The text without list or heading marks. */
  content: string;
}

// Order matters: the first pattern that matches a heading decides.
const headingKinds: Array<[RegExp, SectionKind]> = [
  [
    /nice[\s-]to[\s-]have|bonus|preferred|a plus|good to have|desirable|optional|extra credit|would be great|ideally|pluses/i,
    'nice-to-have',
  ],
  [
    /responsibilit|what you('ll| will) (do|work on|own)|your (role|mission|day)|the role|in this role|day[\s-]to[\s-]day|you will|what the job involves|your impact|the job/i,
    'responsibilities',
  ],
  [
    /requirement|must[\s-]haves?|qualifications|what you('ll)? (need|bring)|you (have|bring|are)|about you|who you are|what we('re| are) looking for|looking for|skills (and|&) experience|essential|minimum|what we expect|your profile|profile/i,
    'requirements',
  ],
  [/stack|technolog|tools we use|our tools/i, 'stack'],
  [/benefit|perks|what we offer|we offer|compensation|salary|why (join|work)/i, 'benefits'],
  [/interview|process|how to apply|hiring process|next steps/i, 'process'],
  [/equal opportunit|eeo|diversity|privacy|disclaimer|legal|accommodation|e-verify/i, 'legal'],
  [
    /about (us|the (company|team))|who we are|the company|our (mission|team|story)|company|culture|how we work|values/i,
    'about',
  ],
  [/experience|employment|work history|career|professional background/i, 'experience'],
  [/education|degree|certific|academic/i, 'education'],
  [/skills|competenc|expertise|toolbox/i, 'skills'],
  [/projects?|open source|side/i, 'projects'],
  [/summary|profile|objective|about me/i, 'summary'],
];

const knownSectionName =
  /^(education|experience|work experience|professional experience|employment( history)?|work history|skills|technical skills|core skills|projects|side projects|summary|profile|about( me)?|certifications?|languages|publications|awards|interests|volunteering|requirements|responsibilities|qualifications|benefits|nice to have|about (us|the role|the team))$/i;

const bulletPattern = /^\s*(?:[-*•·–▪◦‣]|\d{1,2}[.)])\s+/;

/**
 * Marks each line with the section it belongs to, from Markdown headings
 * (`## Requirements`), label lines (`Requirements:`), and short title-like
 * lines that head a list.
 */
export function splitSections(lines: readonly SourceLine[]): SectionedLine[] {
  let section: SectionKind = 'other';
  let heading = '';
  return lines.map((line, index) => {
    const isBullet = bulletPattern.test(line.text);
    const content = line.text
      .replace(bulletPattern, '')
      .replace(/^#{1,6}\s+/, '')
      .replace(/\*\*|__/g, '')
      .trim();
    const headingText = readHeading(line.text, lines[index + 1]?.text, isBullet);
    if (headingText !== undefined) {
      heading = headingText;
      section = classifyHeading(headingText);
      return { ...line, isHeading: true, section, heading, isBullet, content };
    }
    return { ...line, isHeading: false, section, heading, isBullet, content };
  });
}

/** The kind of section a heading opens. */
export function classifyHeading(heading: string): SectionKind {
  for (const [pattern, kind] of headingKinds) if (pattern.test(heading)) return kind;
  return 'other';
}

function readHeading(
  text: string,
  next: string | undefined,
  isBullet: boolean,
): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || isBullet) return undefined;
  const markdown = /^#{1,6}\s+(.+?)\s*#*$/.exec(trimmed);
  if (markdown?.[1]) return clean(markdown[1]);
  const bold = /^(\*\*|__)(.{2,80}?)\1:?$/.exec(trimmed);
  if (bold?.[2]) return clean(bold[2]);
  const words = trimmed.split(/\s+/).length;
  // "Requirements:" alone on its line.
  if (/^[^.!?]{2,60}:$/.test(trimmed) && words <= 8) return clean(trimmed.slice(0, -1));
  // "REQUIREMENTS" in capitals.
  if (/^[A-Z][A-Z0-9 &/,'()-]{3,60}$/.test(trimmed) && words <= 8) return clean(trimmed);
  // A resume's usual section names alone on a line: "Education", "Work experience".
  if (words <= 4 && /^[\p{L}][\p{L} &/-]*$/u.test(trimmed) && knownSectionName.test(trimmed))
    return clean(trimmed);
  // A short line with no sentence punctuation, directly followed by a list.
  if (words <= 6 && !/[.!?,;]$/.test(trimmed) && next !== undefined && bulletPattern.test(next)) {
    return clean(trimmed);
  }
  return undefined;
}

function clean(heading: string): string {
  return heading.replace(/\*\*|__|[:#]+$/g, '').trim();
}
