import { describe, expect, it } from 'vitest';
import { renderFlashcardsCsv } from './render-flashcards-csv.js';
import { renderIcs } from './render-ics.js';

describe('renderIcs', () => {
  const days = [
    {
      date: '2026-11-23',
      blocks: [
        { title: 'Go: context, cancellation; and deadlines', minutes: 90 },
        { title: 'Pitch', minutes: 30 },
      ],
    },
    { date: '2026-11-24', blocks: [{ title: 'A'.repeat(200), minutes: 60 }] },
  ];
  const ics = renderIcs(days, { name: 'Backend prep', stamp: new Date('2026-11-22T08:00:00Z') });

  it('writes one event per block, back to back from 09:00 on its day', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(ics).toContain('DTSTART:20261123T090000\r\nDTEND:20261123T103000');
    expect(ics).toContain('DTSTART:20261123T103000\r\nDTEND:20261123T110000');
    expect(ics).toContain('DTSTART:20261124T090000');
    expect(ics).toContain('DTSTAMP:20261122T080000Z');
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
  });

  it('escapes text and folds lines longer than 75 octets', () => {
    expect(ics).toContain('SUMMARY:Go: context\\, cancellation\\; and deadlines');
    for (const line of ics.split('\r\n'))
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(`SUMMARY:${'A'.repeat(200)}`);
  });

  it('gives stable ids, so importing again updates rather than duplicates', () => {
    const again = renderIcs(days, {
      name: 'Backend prep',
      stamp: new Date('2026-11-23T08:00:00Z'),
    });
    const uids = (text: string) => text.match(/^UID:.*$/gm);
    expect(uids(again)).toEqual(uids(ics));
    expect(new Set(uids(ics)).size).toBe(3);
  });
});

describe('renderFlashcardsCsv', () => {
  it('writes Anki header lines and quotes fields, doubling quotes', () => {
    const csv = renderFlashcardsCsv([
      {
        front: 'What does "idempotent" mean?',
        back: 'Same result, once or many times, e.g. PUT, DELETE.',
        tags: ['prepkit', 'rest api'],
      },
    ]);
    expect(csv.split('\r\n')).toEqual([
      '#separator:Comma',
      '#html:false',
      '#tags column:3',
      '"What does ""idempotent"" mean?","Same result, once or many times, e.g. PUT, DELETE.","prepkit rest-api"',
      '',
    ]);
  });
});
