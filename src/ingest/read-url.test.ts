import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrepkitError } from '../domain/index.js';
import { createPublicLookup, readUrl } from './read-url.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/ingest/${name}`, import.meta.url));
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let connections = 0;
let hugeBytesSent = 0;

function send(response: ServerResponse, type: string, body: Uint8Array | string): void {
  response.writeHead(200, { 'content-type': type });
  response.end(body);
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(302, { location });
  response.end();
}

function handle(request: IncomingMessage, response: ServerResponse): void {
  const path = request.url ?? '/';
  const hop = /^\/hop\/(\d+)$/.exec(path);
  if (hop !== null) {
    const left = Number(hop[1]);
    redirect(response, left === 0 ? '/posting' : `/hop/${left - 1}`);
    return;
  }
  switch (path) {
    case '/posting':
      send(response, 'text/html; charset=utf-8', fixture('posting.html'));
      return;
    case '/notes':
      send(response, 'text/plain', fixture('notes.txt'));
      return;
    case '/posting-md':
      send(response, 'text/markdown; charset=utf-8', fixture('posting.md'));
      return;
    case '/latin1':
      send(response, 'text/plain; charset=iso-8859-1', new Uint8Array([0x5a, 0xfc, 0x72]));
      return;
    case '/resume':
      send(response, 'application/pdf', fixture('resume.pdf'));
      return;
    case '/resume-docx':
      send(response, docxType, fixture('resume.docx'));
      return;
    case '/download/resume.pdf':
      send(response, 'application/octet-stream', fixture('resume.pdf'));
      return;
    case '/image':
      send(response, 'image/png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
      return;
    case '/gzip':
      response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      response.end(gzipSync(fixture('posting.html')));
      return;
    case '/gone':
      response.writeHead(404).end('Not found');
      return;
    case '/closed':
      response.writeHead(410).end('Gone');
      return;
    case '/failing':
      response.writeHead(503).end('Down');
      return;
    case '/loop-a':
      redirect(response, '/loop-b');
      return;
    case '/loop-b':
      redirect(response, '/loop-a');
      return;
    case '/to-file':
      redirect(response, 'file:///etc/hostname');
      return;
    case '/huge-declared':
      response.writeHead(200, { 'content-type': 'text/plain', 'content-length': 11 * 1024 * 1024 });
      response.end();
      return;
    case '/huge': {
      // 11 MiB in 64 KiB chunks, without a Content-Length.
      response.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const write = () => {
        while (hugeBytesSent < 11 * 1024 * 1024 && !response.destroyed) {
          hugeBytesSent += chunk.length;
          if (!response.write(chunk)) return response.once('drain', write);
        }
        response.end();
      };
      write();
      return;
    }
    case '/hang':
      return; // never answers
    default:
      response.writeHead(500).end();
  }
}

const server = createServer(handle);
server.on('connection', () => {
  connections += 1;
});
let base = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const local = { allowPrivateAddresses: true };

describe('readUrl', () => {
  it('reads the main content of an HTML posting, as a url Source named by the URL', async () => {
    const source = await readUrl(`${base}/posting`, local);
    expect(source.kind).toBe('url');
    expect(source.name).toBe(`${base}/posting`);
    expect(source.lines[0]?.text).toBe('Backend Engineer (Go)');
    expect(source.text).not.toContain('Accept all cookies');
  });

  it('reads plain text, Markdown, PDF and DOCX by their Content-Type', async () => {
    expect((await readUrl(`${base}/notes`, local)).lines[0]?.text).toBe(
      'Company notes: Sample Logistics',
    );
    expect((await readUrl(`${base}/posting-md`, local)).text).toContain('## Responsibilities');
    const pdf = await readUrl(`${base}/resume`, local);
    expect(pdf.pages).toBe(2);
    expect(pdf.lines[0]?.text).toBe('Demo Candidate');
    expect((await readUrl(`${base}/resume-docx`, local)).text).toContain('- Cut p95 checkout');
  });

  it('reads a generic download by its bytes and decodes a declared charset', async () => {
    expect((await readUrl(`${base}/download/resume.pdf`, local)).pages).toBe(2);
    expect((await readUrl(`${base}/latin1`, local)).text).toBe('Zür');
  });

  it('decompresses a gzip-encoded page', async () => {
    expect((await readUrl(`${base}/gzip`, local)).lines[0]?.text).toBe('Backend Engineer (Go)');
  });

  it('refuses content types it cannot read', async () => {
    await expect(readUrl(`${base}/image`, local)).rejects.toMatchObject({
      code: 'UNSUPPORTED_INPUT',
      message: expect.stringContaining('is image/png, which prepkit cannot read'),
    });
  });

  it('says a posting that answers 404 or 410 is gone or closed', async () => {
    for (const path of ['/gone', '/closed']) {
      await expect(readUrl(`${base}${path}`, local)).rejects.toMatchObject({
        code: 'FETCH_FAILED',
        message: expect.stringContaining('the posting is gone or closed'),
      });
    }
    await expect(readUrl(`${base}/failing`, local)).rejects.toMatchObject({
      code: 'FETCH_FAILED',
      message: expect.stringContaining('answered 503'),
    });
  });

  it('follows up to 5 redirects', async () => {
    const source = await readUrl(`${base}/hop/4`, local);
    expect(source.lines[0]?.text).toBe('Backend Engineer (Go)');
    expect(source.name).toBe(`${base}/hop/4`);
  });

  it('refuses a sixth redirect', async () => {
    await expect(readUrl(`${base}/hop/5`, local)).rejects.toMatchObject({
      code: 'FETCH_FAILED',
      message: expect.stringContaining('redirected more than 5 times'),
    });
  });

  it('refuses a redirect loop', async () => {
    await expect(readUrl(`${base}/loop-a`, local)).rejects.toMatchObject({
      code: 'FETCH_FAILED',
      message: expect.stringContaining('redirects in a loop'),
    });
  });

  it('checks every redirect target again, refusing schemes other than http and https', async () => {
    await expect(readUrl(`${base}/to-file`, local)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('only fetches http and https'),
    });
  });

  it('refuses a body over 10 MiB as it streams, and one whose Content-Length says so', async () => {
    await expect(readUrl(`${base}/huge`, local)).rejects.toMatchObject({
      code: 'INPUT_TOO_LARGE',
      message: expect.stringContaining('larger than 10 MiB'),
    });
    await expect(readUrl(`${base}/huge-declared`, local)).rejects.toMatchObject({
      code: 'INPUT_TOO_LARGE',
    });
  });

  it('gives up when the server does not answer within the time limit', async () => {
    const started = performance.now();
    await expect(readUrl(`${base}/hang`, { ...local, timeoutMs: 200 })).rejects.toMatchObject({
      code: 'FETCH_FAILED',
      message: expect.stringContaining('did not answer within 0.2 s'),
    });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses URLs that are not http or https, and text that is not a URL', async () => {
    await expect(readUrl('file:///etc/passwd')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(readUrl('ftp://example.com/job')).rejects.toMatchObject({
      message: 'ftp://example.com/job uses ftp; prepkit only fetches http and https URLs.',
    });
    await expect(readUrl('not a url')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'not a url is not a valid URL.',
    });
  });

  it('refuses loopback and private addresses before connecting, unless allowed', async () => {
    const port = (server.address() as AddressInfo).port;
    const before = connections;
    for (const host of [
      '127.0.0.1',
      'localhost',
      '10.0.0.1',
      '169.254.169.254',
      '[::1]',
      '192.168.1.1',
      '[::ffff:127.0.0.1]',
      '0.0.0.0',
    ]) {
      const error = await readUrl(`http://${host}:${port}/posting`).catch((caught) => caught);
      expect(error, host).toBeInstanceOf(PrepkitError);
      expect(error.code, host).toBe('INVALID_INPUT');
      expect(error.message, host).toContain('a local or private network address');
    }
    expect(connections).toBe(before);
  });
});

describe('createPublicLookup', () => {
  const lookUp = (hostname: string, all: boolean) =>
    new Promise<{ error: unknown; result: unknown }>((resolve) => {
      createPublicLookup(`http://${hostname}/`)(hostname, { all }, (error, address) =>
        resolve({ error, result: address }),
      );
    });

  it('refuses a name that resolves to a loopback address', async () => {
    for (const all of [false, true]) {
      const { error } = await lookUp('localhost', all);
      expect(error).toBeInstanceOf(PrepkitError);
      expect((error as PrepkitError).code).toBe('INVALID_INPUT');
    }
  });

  it('passes public addresses through in the shape the caller asked for', async () => {
    expect(await lookUp('93.184.215.14', false)).toEqual({ error: null, result: '93.184.215.14' });
    expect(await lookUp('93.184.215.14', true)).toEqual({
      error: null,
      result: [{ address: '93.184.215.14', family: 4 }],
    });
  });
});
