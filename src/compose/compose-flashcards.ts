import { composeConcepts, pickQuestions } from './compose-pack-question-sections.js';
import { mapKnowledgeLevel, type PrepPackInput } from './prep-pack-input.js';

/** A study card: a prompt, what a good answer covers, and tags for the deck. */
export interface Flashcard {
  front: string;
  back: string;
  tags: string[];
  /** The knowledge-base entry it came from. */
  source: string;
}

const tag = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * Flashcards for the role: the predicted questions of each required
 * technology at the role's level (the answer points on the back), then the
 * concepts to review (the exercise on the back).
 */
export function composeFlashcards(input: PrepPackInput): Flashcard[] {
  const level = mapKnowledgeLevel(input.job.level.value);
  const cards: Flashcard[] = [];
  for (const technology of input.job.technologies.required) {
    const content = input.knowledge.technologies.get(technology.id);
    if (!content) continue;
    for (const question of pickQuestions(content.questions, level, 4)) {
      cards.push({
        front: question.text,
        back: question.goodAnswer.join(' '),
        tags: ['prepkit', tag(technology.name), question.level, question.kind],
        source: question.id,
      });
    }
  }
  for (const { concept, technology } of composeConcepts(input).concepts) {
    cards.push({
      front: `${concept.name} (${technology}): why does it matter, and how would you practise it?`,
      back: `${concept.whyItMatters} Practice: ${concept.practice}`,
      tags: ['prepkit', tag(technology), 'concept'],
      source: concept.id,
    });
  }
  return cards;
}
