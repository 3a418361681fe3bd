import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { ComposedDocument } from '../domain/index.js';
import { renderDocx } from './render-docx.js';

const document: ComposedDocument = {
  kind: 'stage-notes',
  title: 'Technical — Example Co',
  sections: [
    {
      id: 'checklist',
      title: 'Preparation checklist',
      intro: 'Tick these off before the call.',
      items: [{ text: 'Re-read the posting', sources: [], checkbox: true }],
    },
    {
      id: 'questions',
      title: 'Questions they may ask',
      numbered: true,
      items: [
        {
          label: 'Go',
          text: 'How do you stop a goroutine that is blocked on a channel?',
          sources: [{ kind: 'knowledge', id: 'go-example' }],
          children: [{ label: 'Answer', text: '', sources: [], slot: true }],
        },
      ],
      subsections: [
        {
          id: 'more',
          title: 'Follow-ups',
          items: [{ text: 'What does the race detector report?', sources: [] }],
        },
      ],
    },
  ],
};

describe('renderDocx', () => {
  it('writes a Word file with the title, headings, numbered questions, checkboxes and answer slots', async () => {
    const bytes = await renderDocx(document);
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    expect(html).toContain('<h1>Technical — Example Co</h1>');
    expect(html).toContain('<h2>Preparation checklist</h2>');
    expect(html).toContain('<h3>Follow-ups</h3>');
    expect(html).toContain('<p>Tick these off before the call.</p>');
    expect(html).toMatch(
      /<ol><li><strong>Go: <\/strong>How do you stop a goroutine that is blocked on a channel\?/,
    );
    expect(html).toContain('<strong>Answer: </strong>');
    expect(html).toContain('☐ Re-read the posting');
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(text.startsWith('Technical — Example Co')).toBe(true);
  });
});
