import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PrepkitError } from '../domain/index.js';
import { readHtml } from './read-html.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/ingest/${name}`, import.meta.url)));

function captureError(run: () => unknown): PrepkitError {
  try {
    run();
  } catch (error) {
    if (error instanceof PrepkitError) return error;
    throw error;
  }
  throw new Error('expected a PrepkitError');
}

describe('readHtml', () => {
  const posting = readHtml(fixture('posting.html'), 'posting.html');

  it('keeps the posting in <main> with headings, paragraphs and list items as lines', () => {
    expect(posting.kind).toBe('html');
    expect(posting.lines[0]).toEqual({ number: 1, text: 'Backend Engineer (Go)' });
    expect(posting.text).toContain(
      'What you will do\n- Design, build and operate payment APIs in Go and PostgreSQL.\n- Own services end to end, including the on-call rotation.',
    );
  });

  it('drops scripts, styles, navigation, header, footer, cookie banner, share widget, related jobs and form controls', () => {
    for (const chrome of [
      'secret tracking code',
      'font-family',
      'About us',
      'All jobs',
      'Accept all cookies',
      'We use cookies',
      'Share on LinkedIn',
      'Related jobs',
      'Frontend Engineer (React)',
      'Sign up for our newsletter',
      '2024 Example Payments',
      'Please enable JavaScript',
      'Apply now',
      'you@example.com',
      'Email',
    ]) {
      expect(posting.text).not.toContain(chrome);
    }
  });

  it('decodes entities and collapses whitespace inside a block', () => {
    expect(posting.text).toContain(
      'You will build and run the services that move money for 10,000 merchants. We are a team of 12 engineers & we work mostly async.',
    );
    expect(posting.text).toContain('Example Payments · Berlin or remote (EU) · Full-time');
  });

  it('writes table rows as cells joined by " | " and breaks lines at <br>', () => {
    expect(posting.text).toContain('Salary | €70,000 – €90,000\nStart | As soon as possible');
    expect(posting.text).toContain('Questions? Write to us.\nWe answer within a week.');
  });

  it('falls back to the body, without its site header and nav, when there is no main content element', () => {
    const source = readHtml(
      '<body><header><a href="/">Logo</a></header><div class="site-nav">Home</div><h2>Role</h2><p>Build things.</p></body>',
      'plain.html',
    );
    expect(source.text).toBe('Role\nBuild things.');
  });

  it('prefers an article or a job-description container over the rest of the page', () => {
    const article = readHtml(
      '<body><div>Top stories</div><article><h1>Data Engineer</h1><p>Spark and SQL.</p></article></body>',
      'a.html',
    );
    expect(article.text).toBe('Data Engineer\nSpark and SQL.');
    const container = readHtml(
      '<body><div>Sidebar text</div><div class="job-description"><p>Write Go services.</p></div></body>',
      'b.html',
    );
    expect(container.text).toBe('Write Go services.');
  });

  it('indents nested list items and keeps preformatted lines', () => {
    const source = readHtml(
      '<main><ul><li>Backend<ul><li>Go</li><li>SQL</li></ul></li></ul><pre>line one\n  line two</pre></main>',
      'nested.html',
    );
    expect(source.text).toBe('- Backend\n  - Go\n  - SQL\nline one\n  line two');
  });

  it('keeps a wrapper whose class mentions navigation when it holds the posting', () => {
    const source = readHtml(
      '<body><div class="page nav-open"><h1>SRE</h1><p>Keep it running.</p></div></body>',
      'wrapper.html',
    );
    expect(source.text).toBe('SRE\nKeep it running.');
  });

  it('uses the charset a page declares in <meta>', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('<meta charset="iso-8859-1"><main><p>Z'),
      0xfc,
      ...new TextEncoder().encode('rich</p></main>'),
    ]);
    expect(readHtml(bytes, 'latin1.html').text).toBe('Zürich');
  });

  it('refuses a page that only says the posting is closed, rather than reading it as a posting', () => {
    const error = captureError(() =>
      readHtml(
        '<main><h1>Backend Engineer</h1><p>This job is no longer available.</p></main>',
        'closed.html',
      ),
    );
    expect(error.code).toBe('EMPTY_INPUT');
    expect(error.message).toContain('closed.html says the posting is closed');
  });

  it('refuses a page with no readable main content', () => {
    const error = captureError(() =>
      readHtml('<html><body><script>app()</script><nav>Jobs</nav></body></html>', 'shell.html'),
    );
    expect(error.code).toBe('EMPTY_INPUT');
    expect(error.message).toContain('shell.html has no readable text');
  });
});
