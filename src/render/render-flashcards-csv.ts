/** A card as the CSV renderer needs it. */
export interface FlashcardRow {
  front: string;
  back: string;
  tags: string[];
}

/**
 * Flashcards as CSV that Anki imports: header lines tell Anki the separator,
 * that the fields are plain text, and that the third column holds the tags;
 * fields are quoted as RFC 4180 asks.
 *
 * @example
 * writeFileSync('cards.csv', renderFlashcardsCsv(cards));
 */
export function renderFlashcardsCsv(cards: readonly FlashcardRow[]): string {
  const quote = (field: string) => `"${field.replace(/"/g, '""')}"`;
  const lines = ['#separator:Comma', '#html:false', '#tags column:3'];
  for (const card of cards) {
    lines.push(
      [
        quote(card.front),
        quote(card.back),
        quote(card.tags.map((tag) => tag.replace(/\s+/g, '-')).join(' ')),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
