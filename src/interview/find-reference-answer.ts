import type { KnowledgeBase } from '../knowledge/index.js';
import { listContentStems } from './analyze-answer.js';

/** A knowledge-base question with the points a good answer makes. */
/** Where a reference comes from in the knowledge base. */
export type ReferenceKind = 'technical' | 'design' | 'behavioral';

export interface ReferenceAnswer {
  id: string;
  kind: ReferenceKind;
  question: string;
  points: string[];
}

/** Finds the knowledge-base question nearest to an interviewer's question. */
export interface ReferenceFinder {
  /**
   * The most similar question, or undefined when none shares at least two
   * content words and a fair part of its wording. `require` keeps only
   * references whose question matches it.
   */
  find(
    question: string,
    options?: { require?: RegExp; minScore?: number; kinds?: readonly ReferenceKind[] },
  ): ReferenceAnswer | undefined;
}

/**
 * Indexes every question of the knowledge base (technologies, topics,
 * scenarios, behavioral competencies) by its content words, so the
 * evaluation can show what a good answer to a similar question covers.
 *
 * @example
 * const finder = createReferenceFinder(knowledge);
 * finder.find('How would you keep customers from being charged twice?')?.points;
 */
export function createReferenceFinder(knowledge: KnowledgeBase): ReferenceFinder {
  const references: Array<ReferenceAnswer & { stems: Set<string> }> = [];
  const add = (reference: ReferenceAnswer) =>
    references.push({ ...reference, stems: listContentStems(reference.question) });
  for (const content of knowledge.technologies.values()) {
    for (const question of content.questions)
      add({
        id: question.id,
        kind: 'technical',
        question: question.text,
        points: question.goodAnswer,
      });
  }
  for (const topic of knowledge.topics) {
    for (const question of topic.questions)
      add({
        id: question.id,
        kind: 'technical',
        question: question.text,
        points: question.goodAnswer,
      });
  }
  for (const scenario of knowledge.scenarios) {
    add({
      id: scenario.id,
      kind: 'design',
      question: `${scenario.title} ${scenario.prompt}`,
      points: [
        ...scenario.requirementsToClarify.slice(0, 1),
        ...scenario.tradeOffs.slice(0, 2),
        ...scenario.followUps.slice(0, 1),
      ],
    });
  }
  for (const competency of knowledge.competencies) {
    for (const question of competency.questions)
      add({
        id: question.id,
        kind: 'behavioral',
        question: question.text,
        points: competency.listenFor,
      });
  }
  // Rare words weigh more: "idempotency" says more about a question than "team".
  const documentFrequency = new Map<string, number>();
  for (const reference of references) {
    for (const stem of reference.stems) {
      documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1);
    }
  }
  const weight = (stem: string) =>
    Math.log((references.length + 1) / ((documentFrequency.get(stem) ?? 0) + 1)) + 0.1;
  const totalWeight = (stems: Iterable<string>) => {
    let total = 0;
    for (const stem of stems) total += weight(stem);
    return total;
  };
  const referenceWeights = references.map((reference) => totalWeight(reference.stems));
  return {
    find(question, options = {}) {
      const wanted = listContentStems(question);
      if (wanted.size === 0) return undefined;
      const wantedWeight = totalWeight(wanted);
      let best: { index: number; score: number } | undefined;
      for (const [index, reference] of references.entries()) {
        let shared = 0;
        let sharedWeight = 0;
        for (const stem of wanted) {
          if (!reference.stems.has(stem)) continue;
          shared += 1;
          sharedWeight += weight(stem);
        }
        if (shared < 2) continue;
        if (options.require && !options.require.test(reference.question)) continue;
        if (options.kinds && !options.kinds.includes(reference.kind)) continue;
        // Cosine-like: a long answer and a short question can still match.
        const score = sharedWeight / Math.sqrt(wantedWeight * (referenceWeights[index] ?? 1));
        if (!best || score > best.score) best = { index, score };
      }
      if (!best || best.score < (options.minScore ?? 0.22)) return undefined;
      const { stems: _stems, ...reference } = references[best.index] as (typeof references)[number];
      return reference;
    },
  };
}
