import { describe, expect, it } from 'vitest';
import { parseMarkdownDocument } from './parse-markdown-document.js';
import { renderMarkdown } from './render-markdown.js';

describe('parseMarkdownDocument', () => {
  it('reads the title, sections, intros, nested items and checkboxes of edited Markdown', () => {
    const document = parseMarkdownDocument(
      [
        '# Technical — Example Co',
        '',
        '## Preparation checklist',
        '',
        'Before the call.',
        '',
        '- [ ] Re-read the posting',
        '- [x] Test the audio',
        '',
        '## Questions they may ask',
        '',
        '1. **Go:** How do you stop a blocked goroutine?',
        '   - Answer: close the channel my own note',
      ].join('\n'),
      'stage-notes',
    );
    expect(document.title).toBe('Technical — Example Co');
    expect(document.sections.map((section) => section.title)).toEqual([
      'Preparation checklist',
      'Questions they may ask',
    ]);
    expect(document.sections[0]?.intro).toBe('Before the call.');
    expect(document.sections[0]?.items).toEqual([
      { text: 'Re-read the posting', sources: [], checkbox: true },
      { text: '[x] Test the audio', sources: [] },
    ]);
    const question = document.sections[1]?.items[0];
    expect(question?.text).toBe('Go: How do you stop a blocked goroutine?');
    expect(question?.children?.[0]?.text).toBe('Answer: close the channel my own note');
    expect(renderMarkdown(document)).toContain('- [ ] Re-read the posting');
  });
});
