import { basename, extname } from 'node:path';
import {
  isPrepkitError,
  type Persona,
  type PersonaSummary,
  PrepkitError,
} from '../domain/index.js';
import { readFile } from '../ingest/index.js';
import type { KnowledgeBase } from '../knowledge/index.js';
import { parsePersona } from './parse-persona.js';

/**
 * The built-in personas (and those of a user's knowledge folder), in the
 * knowledge base's order, with what it takes to choose one. A file that does
 * not parse is left out; the knowledge check reports it.
 *
 * @example
 * listPersonas(knowledge).map((persona) => persona.id); // ['backend-engineer', 'frontend-engineer', ...]
 */
export function listPersonas(knowledge: KnowledgeBase): PersonaSummary[] {
  const summaries: PersonaSummary[] = [];
  for (const [id, markdown] of knowledge.personas) {
    let persona: Persona;
    try {
      persona = parsePersona(markdown, id);
    } catch (error) {
      if (isPrepkitError(error, 'INVALID_INPUT')) continue;
      throw error;
    }
    summaries.push({
      id: persona.id,
      title: persona.title,
      position: persona.role.position,
      totalMinutes: persona.totalMinutes,
      phases: persona.phases.map((phase) => phase.title),
    });
  }
  return summaries;
}

/**
 * Loads a persona by built-in id ("backend-engineer") or from the path of a
 * Markdown file of the user's own, whose id is its file name without the
 * extension. Returns the Markdown too, so an interview can store the exact
 * text it ran. Throws NOT_FOUND, listing the built-in ids, when the reference
 * is neither; INVALID_INPUT when the file is not a usable persona.
 *
 * @example
 * const { persona } = await loadPersona('system-design', knowledge);
 * const mine = await loadPersona('./personas/data-platform.md', knowledge);
 */
export async function loadPersona(
  reference: string,
  knowledge: KnowledgeBase,
): Promise<{ persona: Persona; markdown: string }> {
  const builtIn = knowledge.personas.get(reference);
  if (builtIn !== undefined)
    return { persona: parsePersona(builtIn, reference), markdown: builtIn };
  let markdown: string;
  try {
    markdown = (await readFile(reference)).text;
  } catch (error) {
    if (isPrepkitError(error, 'NOT_FOUND')) {
      const ids = [...knowledge.personas.keys()];
      throw new PrepkitError(
        'NOT_FOUND',
        `No persona ${JSON.stringify(reference)}: it is neither a built-in persona nor a file. ` +
          `Use one of ${ids.length > 0 ? ids.join(', ') : '(none installed)'}, or the path of a persona Markdown file.`,
        { cause: error },
      );
    }
    throw error;
  }
  const id = basename(reference, extname(reference)) || basename(reference);
  return { persona: parsePersona(markdown, id), markdown };
}
