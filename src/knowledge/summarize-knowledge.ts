import type { KnowledgeBase, KnowledgeEntryRef } from './load-knowledge-base.js';

/** Counts of the knowledge base, as `prepkit kb stats` shows them. */
export interface KnowledgeStats {
  counts: Record<string, number>;
  questionsByLevel: Record<string, number>;
  questionsByKind: Record<string, number>;
  /** Questions and concepts per technology with content. */
  technologies: Array<{ id: string; name: string; questions: number; concepts: number }>;
  topics: Array<{ id: string; name: string; questions: number; concepts: number }>;
}

/** Counts entries by kind, level, technology and topic. */
export function summarizeKnowledge(knowledge: KnowledgeBase): KnowledgeStats {
  const questions = [
    ...[...knowledge.technologies.values()].flatMap((content) => content.questions),
    ...knowledge.topics.flatMap((topic) => topic.questions),
  ];
  const tally = (values: string[]) =>
    values.reduce<Record<string, number>>((counts, value) => {
      counts[value] = (counts[value] ?? 0) + 1;
      return counts;
    }, {});
  return {
    counts: {
      taxonomyEntries: knowledge.taxonomy.technologies.length,
      technologiesWithContent: knowledge.technologies.size,
      topics: knowledge.topics.length,
      technicalQuestions: questions.length,
      concepts:
        [...knowledge.technologies.values()].reduce(
          (sum, content) => sum + content.concepts.length,
          0,
        ) + knowledge.topics.reduce((sum, topic) => sum + topic.concepts.length, 0),
      scenarios: knowledge.scenarios.length,
      domains: knowledge.domains.length,
      competencies: knowledge.competencies.length,
      behavioralQuestions: knowledge.competencies.reduce(
        (sum, competency) => sum + competency.questions.length,
        0,
      ),
      questionsToAsk: knowledge.questionsToAsk.length,
      playbooks: knowledge.playbooks.length,
      redFlags: knowledge.advice?.redFlags.length ?? 0,
      strategies: knowledge.advice?.strategies.length ?? 0,
      iceBreakers: knowledge.advice?.iceBreakers.length ?? 0,
      personas: knowledge.personas.size,
    },
    questionsByLevel: tally(questions.map((question) => question.level)),
    questionsByKind: tally(questions.map((question) => question.kind)),
    technologies: [...knowledge.technologies.values()]
      .map((content) => ({
        id: content.technology,
        name: knowledge.taxonomy.byId.get(content.technology)?.name ?? content.technology,
        questions: content.questions.length,
        concepts: content.concepts.length,
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    topics: knowledge.topics
      .map((topic) => ({
        id: topic.id,
        name: topic.name,
        questions: topic.questions.length,
        concepts: topic.concepts.length,
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/**
 * Entries whose text or id contains every word, best first (more words in the
 * text than in the id, shorter texts first).
 *
 * @example
 * searchKnowledge(knowledge, 'goroutine leak'); // [{ id: 'go-goroutine-leak-grpc', ... }]
 */
export function searchKnowledge(
  knowledge: KnowledgeBase,
  query: string,
  limit = 20,
): KnowledgeEntryRef[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const scored: Array<{ entry: KnowledgeEntryRef; score: number }> = [];
  for (const entry of knowledge.entries.values()) {
    const text = entry.text.toLowerCase();
    const id = entry.id.toLowerCase();
    if (!words.every((word) => text.includes(word) || id.includes(word))) continue;
    const score = words.filter((word) => text.includes(word)).length * 100 - entry.text.length / 10;
    scored.push({ entry, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id))
    .slice(0, limit)
    .map((item) => item.entry);
}
