import { listSpellings, type Taxonomy, type Technology } from '../knowledge/index.js';

/** One place a technology is named in a text. */
export interface TechnologyMention {
  id: string;
  name: string;
  /** The words as written ("Postgres", "k8s"). */
  matchedText: string;
  start: number;
  end: number;
}

/** Finds the technologies a line of text names. */
export interface TechnologyMatcher {
  /**
   * Mentions in one line of text, left to right, without overlaps.
   * `knownIds`, the technologies the rest of the document names plainly,
   * lets an ambiguous name count when a close relative is there: "Phoenix"
   * in a posting that says "Elixir".
   */
  matchLine(line: string, knownIds?: ReadonlySet<string>): TechnologyMention[];
}

interface Candidate extends TechnologyMention {
  technology: Technology;
  ambiguous: boolean;
  singleLetter: boolean;
}

// Characters that continue a word: a match must not be followed or preceded by
// them ("Java" in "JavaScript", "C" in "C++" or "C#").
const wordCharacter = /[\p{L}\p{N}_+#]/u;

/** wordCharacter.test, with ASCII answered without the Unicode regex. */
function isWordCharacter(character: string): boolean {
  const code = character.charCodeAt(0);
  if (code < 128) {
    return (
      (code >= 97 && code <= 122) ||
      (code >= 65 && code <= 90) ||
      (code >= 48 && code <= 57) ||
      code === 95 ||
      code === 43 ||
      code === 35
    );
  }
  return wordCharacter.test(character);
}

/**
 * The line in lower case, each character at the same position as in the
 * line: the few characters whose lower case is longer ("İ") stay as written.
 */
function lowerKeepingPositions(line: string): string {
  const lower = line.toLowerCase();
  if (lower.length === line.length) return lower;
  return Array.from(line, (character) => {
    const lowered = character.toLowerCase();
    return lowered.length === character.length ? lowered : character;
  }).join('');
}

// Words after an ambiguous name that show it is an ordinary word: "go live",
// "go ahead", "Spring 2024", "Express delivery".
const ordinaryFollowers = new Set([
  'to',
  'live',
  'ahead',
  'beyond',
  'above',
  'back',
  'through',
  'out',
  'home',
  'far',
  'further',
  'into',
  'over',
  'forward',
  'wrong',
  'break',
  'semester',
  'term',
  'cleaning',
  'delivery',
  'shipping',
  'lane',
  'mail',
  'entry',
  'interest',
  'consent',
  'belt',
  'proof',
  'market',
]);

// Words before an ambiguous name that show it is an ordinary word or a label:
// "Series C", "Vitamin C", "let's go".
const ordinaryLeaders = new Set(['series', 'vitamin', 'plan', 'grade', "let's", 'lets']);

// Words near an ambiguous name that show it is meant as technology.
const technicalCues =
  /\b(language|languages|programming|developer|developers|engineer|engineers|engineering|code|coding|codebase|written|services?|backend|back-end|stack|proficien\w*|experience|knowledge|skills?|framework|library|libraries|runtime|toolchain|idiomatic|goroutines?|modules?|crates?|packages?|apis?|sdk|compiler|scripts?|ecosystem|latency|performance)\b/i;

const separatorsOnly =
  /^[\s,;/|&()[\]+\-–—:·•]*(?:\b(?:and|or|as well as|plus|with)\b[\s,;/|&()[\]+\-–—:·•]*)?$/i;

/**
 * Builds a matcher over the taxonomy: word boundaries that understand
 * punctuation ("Node.js", "C#", "C++", ".NET", "CI/CD"), plurals, attached
 * versions ("Python3", "Java17"), and context rules for names that are also
 * ordinary words (Go the language vs "go live"; R; C; Swift; Spring the season).
 *
 * @example
 * const matcher = createTechnologyMatcher(loadTaxonomy());
 * matcher.matchLine('Go, Postgres and k8s').map((mention) => mention.id);
 * // ['go', 'postgresql', 'kubernetes']
 */
export function createTechnologyMatcher(taxonomy: Taxonomy): TechnologyMatcher {
  // Spellings are indexed by their first two characters (lower-cased), so a
  // line is scanned once and each position tries only the few spellings that
  // could start there, longest first.
  const byPrefix = new Map<string, CompiledSpelling[]>();
  for (const technology of taxonomy.technologies) {
    for (const spelling of listSpellings(technology)) {
      const key = spelling.text.slice(0, 2).toLowerCase();
      const list = byPrefix.get(key) ?? [];
      const compared = spelling.caseSensitive ? spelling.text : spelling.text.toLowerCase();
      list.push({
        technology,
        ambiguous: spelling.ambiguous,
        text: spelling.text,
        caseSensitive: spelling.caseSensitive,
        // "Spring Boot" also matches "SpringBoot" and "Spring-Boot": each space
        // of a spelling stands for one optional space or hyphen.
        words: compared.split(' '),
      });
      byPrefix.set(key, list);
    }
  }
  for (const list of byPrefix.values()) list.sort((a, b) => b.text.length - a.text.length);

  function collect(line: string): Candidate[] {
    const found: Candidate[] = [];
    const lower = lowerKeepingPositions(line);
    const wordAt = line.split('').map((character) => isWordCharacter(character));
    const matchAt = (candidate: CompiledSpelling, start: number): string | undefined => {
      const haystack = candidate.caseSensitive ? line : lower;
      let position = start;
      for (const [index, word] of candidate.words.entries()) {
        if (index > 0 && /[\s-]/.test(haystack[position] ?? '')) position += 1;
        if (!haystack.startsWith(word, position)) return undefined;
        position += word.length;
      }
      return line.slice(start, position);
    };
    const tryAt = (candidates: readonly CompiledSpelling[] | undefined, start: number) => {
      for (const candidate of candidates ?? []) {
        const matched = matchAt(candidate, start);
        if (matched === undefined || !hasBoundaries(line, start, start + matched.length)) continue;
        const end = extendSuffix(line, start + matched.length, matched);
        found.push({
          id: candidate.technology.id,
          name: candidate.technology.name,
          matchedText: line.slice(start, end),
          start,
          end,
          technology: candidate.technology,
          ambiguous: candidate.ambiguous,
          singleLetter: matched.length === 1,
        });
        return true;
      }
      return false;
    };
    for (let start = 0; start < line.length; start++) {
      // Inside a word nothing can start: hasBoundaries would refuse it.
      if (start > 0 && wordAt[start - 1] && wordAt[start]) continue;
      if (!tryAt(byPrefix.get(lower.slice(start, start + 2)), start)) {
        tryAt(byPrefix.get(lower.slice(start, start + 1)), start);
      }
    }
    return found;
  }

  return {
    matchLine(line, knownIds) {
      const candidates = collect(line).sort(
        (a, b) => a.start - b.start || b.end - b.start - (a.end - a.start),
      );
      const chosen: Candidate[] = [];
      let reachedUntil = -1;
      for (const candidate of candidates) {
        if (candidate.start < reachedUntil) continue;
        chosen.push(candidate);
        reachedUntil = candidate.end;
      }
      // An ambiguous name accepted by its context confirms its neighbours in
      // turn: in "Terraform, Chef and Puppet", Terraform confirms Chef, and
      // Chef confirms Puppet.
      const accepted = new Set(chosen.filter((candidate) => !candidate.ambiguous));
      for (let changed = true; changed; ) {
        changed = false;
        for (const candidate of chosen) {
          if (
            !accepted.has(candidate) &&
            isTechnicalUse(
              line,
              candidate,
              [...accepted],
              chosen,
              isRelatedToKnown(candidate, knownIds),
            )
          ) {
            accepted.add(candidate);
            changed = true;
          }
        }
      }
      return chosen
        .filter((candidate) => accepted.has(candidate))
        .map(
          ({
            ambiguous: _ambiguous,
            singleLetter: _singleLetter,
            technology: _technology,
            ...mention
          }) => mention,
        );
    },
  };
}

interface CompiledSpelling {
  technology: Technology;
  ambiguous: boolean;
  text: string;
  caseSensitive: boolean;
  /** The spelling's words, lower-cased unless case-sensitive. */
  words: string[];
}

function hasBoundaries(line: string, start: number, end: number): boolean {
  const before = line[start - 1];
  const first = line[start] ?? '';
  if (before !== undefined && wordCharacter.test(before) && wordCharacter.test(first)) return false;
  // "ASP.NET" is one name: ".NET" alone must not match inside it, nor "NET".
  if (before === '.' && /[\p{L}\p{N}]/u.test(line[start - 2] ?? '')) return false;
  const after = line[end];
  const last = line[end - 1] ?? '';
  if (after === undefined) return true;
  if (/\d/.test(after) && /\p{L}/u.test(last) && end - start >= 3) return true;
  if (/[\p{L}_]/u.test(after) && !isPluralSuffix(line, end)) return false;
  if ((after === '+' || after === '#') && /[\p{L}\p{N}]/u.test(last)) return false;
  // "Node.js" must not be read as "Node" followed by something else.
  if (after === '.' && /[\p{L}]/u.test(line[end + 1] ?? '')) return false;
  return true;
}

function isPluralSuffix(line: string, end: number): boolean {
  const rest = line.slice(end, end + 3);
  return /^(s|es)(?![\p{L}\p{N}_])/u.test(rest);
}

function extendSuffix(line: string, end: number, spelled: string): number {
  const rest = line.slice(end);
  const plural = /^(es|s)(?![\p{L}\p{N}_])/u.exec(rest);
  if (plural && spelled.length >= 3 && /\p{L}$/u.test(spelled)) return end + plural[0].length;
  const version = /^\d+(\.\d+)*(?![\p{L}_])/u.exec(rest);
  if (version && spelled.length >= 3 && /\p{L}$/u.test(spelled)) return end + version[0].length;
  return end;
}

function isRelatedToKnown(
  candidate: Candidate,
  knownIds: ReadonlySet<string> | undefined,
): boolean {
  if (!knownIds || knownIds.size === 0) return false;
  const technology = candidate.technology;
  return (
    knownIds.has(technology.id) ||
    technology.implies.some((id) => knownIds.has(id)) ||
    technology.related.some((id) => knownIds.has(id))
  );
}

function isTechnicalUse(
  line: string,
  candidate: Candidate,
  confirmed: Candidate[],
  all: Candidate[],
  relatedToKnown: boolean,
): boolean {
  const before = line.slice(0, candidate.start);
  const after = line.slice(candidate.end);
  const previousWord = /([\p{L}']+)\s*$/u.exec(before)?.[1]?.toLowerCase();
  const nextWord = /^\s*([\p{L}']+)/u.exec(after)?.[1]?.toLowerCase();
  if (/^\s*(19|20)\d\d\b/.test(after)) return false;
  if (nextWord && ordinaryFollowers.has(nextWord)) return false;
  if (previousWord && ordinaryLeaders.has(previousWord)) return false;
  // "C-level", "R&D", "C's".
  if (candidate.singleLetter && /^[-&'’]/.test(after)) return false;

  // In a list with a technology that needs no context: "Go, Python and k8s".
  const isNextTo = (other: Candidate) => {
    const between =
      other.end <= candidate.start
        ? line.slice(other.end, candidate.start)
        : line.slice(candidate.end, other.start);
    return between.length <= 40 && separatorsOnly.test(between);
  };
  if (confirmed.some(isNextTo)) return true;
  // Two capitalised language names joined in a list ("Rust or Go") read as
  // technology; ordinary words rarely pair like that.
  if (
    !candidate.singleLetter &&
    all.some((other) => other !== candidate && !other.singleLetter && isNextTo(other))
  ) {
    return true;
  }
  if (relatedToKnown && !candidate.singleLetter) return true;
  if (candidate.singleLetter) {
    return (
      /^\s*(programming|language|code|developer|\/)/i.test(after) ||
      (/\b(in|with|using)\s*$/i.test(before) && technicalCues.test(line))
    );
  }
  const window = line.slice(Math.max(0, candidate.start - 60), candidate.end + 60);
  return technicalCues.test(window.replace(candidate.matchedText, ' '));
}
