import { lookup as lookupDns } from 'node:dns';
import { type IncomingMessage, request as requestHttp } from 'node:http';
import { request as requestHttps } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { PrepkitError, type Source } from '../domain/index.js';
import { formatByteSize, ingestLimits } from './ingest-limits.js';
import { isPublicAddress } from './is-public-address.js';
import { readDocxWhenNeeded as readDocx, readHtmlWhenNeeded as readHtml } from './load-readers.js';
import { readInput } from './read-input.js';
import { readPdf } from './read-pdf.js';
import { readText } from './read-text.js';

/** Options of `readUrl`. */
export interface ReadUrlOptions {
  /** Time for the whole fetch, redirects and body included; 15 s by default. */
  timeoutMs?: number;
  /**
   * Allow loopback and private addresses. Off by default so a pasted link
   * cannot make prepkit probe the user's network; tests turn it on to reach
   * their own local server.
   */
  allowPrivateAddresses?: boolean;
}

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const acceptedTypes = `text/html, application/xhtml+xml, text/plain, text/markdown, application/pdf, ${docxType};q=0.9, */*;q=0.1`;

function refuseAddress(url: string, address: string): never {
  throw new PrepkitError(
    'INVALID_INPUT',
    `${url} points to ${address}, a local or private network address; prepkit only fetches public web pages. Save the page and open the file instead.`,
  );
}

function parseHttpUrl(text: string, original: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch (error) {
    throw new PrepkitError('INVALID_INPUT', `${original} is not a valid URL.`, { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PrepkitError(
      'INVALID_INPUT',
      `${original} uses ${url.protocol.replace(/:$/, '')}; prepkit only fetches http and https URLs.`,
    );
  }
  return url;
}

/** Refuses IP literals and localhost names before any connection is made. */
function checkHost(url: URL, original: string, allowPrivate: boolean): void {
  if (allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIP(host) !== 0 && !isPublicAddress(host)) refuseAddress(original, host);
  if (host === 'localhost' || host.endsWith('.localhost')) refuseAddress(original, host);
}

/**
 * A DNS lookup that refuses private answers. The socket connects to the
 * address checked here, so a name cannot resolve to a public address for the
 * check and a private one for the connection.
 */
export function createPublicLookup(original: string): LookupFunction {
  return (hostname, options, callback) => {
    lookupDns(hostname, { ...options, all: true }, (error, addresses) => {
      if (error !== null) return callback(error, '', 0);
      const refused = addresses.find((entry) => !isPublicAddress(entry.address));
      const first = addresses[0];
      if (refused !== undefined || first === undefined) {
        try {
          refuseAddress(original, refused?.address ?? 'no address');
        } catch (refusal) {
          return callback(refusal as NodeJS.ErrnoException, '', 0);
        }
      }
      if (options.all === true) return callback(null, addresses);
      return callback(null, first?.address ?? '', first?.family ?? 4);
    });
  };
}

function sendRequest(
  url: URL,
  signal: AbortSignal,
  lookup: LookupFunction | undefined,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? requestHttps : requestHttp;
    const request = send(url, {
      method: 'GET',
      signal,
      agent: false,
      ...(lookup === undefined ? {} : { lookup }),
      headers: {
        'user-agent': 'prepkit (interview preparation)',
        accept: acceptedTypes,
        'accept-encoding': 'gzip, deflate, br',
      },
    });
    request.on('response', resolve);
    request.on('error', reject);
    request.end();
  });
}

function decodeBody(response: IncomingMessage, original: string): Readable {
  const encoding = (response.headers['content-encoding'] ?? 'identity').toLowerCase().trim();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : undefined;
  if (decoder === undefined) {
    if (encoding === 'identity' || encoding === '') return response;
    response.destroy();
    throw new PrepkitError(
      'FETCH_FAILED',
      `${original} was sent in an unknown encoding (${encoding}).`,
    );
  }
  pipeline(response, decoder, () => {
    // Errors reach the reader through the decoder, which pipeline destroys.
  });
  return decoder;
}

/** Reads the body, stopping as soon as it passes the size limit. */
async function readBody(response: IncomingMessage, original: string): Promise<Uint8Array> {
  const tooLarge = () =>
    new PrepkitError(
      'INPUT_TOO_LARGE',
      `${original} is larger than ${formatByteSize(ingestLimits.maxBytes)}, the limit per page or file.`,
    );
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > ingestLimits.maxBytes) {
    response.destroy();
    throw tooLarge();
  }
  const body = decodeBody(response, original);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    total += buffer.length;
    if (total > ingestLimits.maxBytes) {
      response.destroy();
      body.destroy();
      throw tooLarge();
    }
    chunks.push(buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function describeStatus(status: number, original: string): PrepkitError {
  if (status === 404 || status === 410) {
    return new PrepkitError(
      'FETCH_FAILED',
      `${original} answered ${status}: the posting is gone or closed. Paste its text if you saved it.`,
    );
  }
  if (status === 401 || status === 403) {
    return new PrepkitError(
      'FETCH_FAILED',
      `${original} answered ${status}: the site refused access. Open it in a browser, save the page and open the file instead.`,
    );
  }
  if (status === 429 || status >= 500) {
    return new PrepkitError(
      'FETCH_FAILED',
      `${original} answered ${status}: the site is busy or failing. Try again later, or save the page from a browser.`,
    );
  }
  return new PrepkitError(
    'FETCH_FAILED',
    `${original} answered ${status}, not a page prepkit can read.`,
  );
}

function readMediaType(response: IncomingMessage): { type: string; charset: string | undefined } {
  const header = response.headers['content-type'] ?? '';
  const [type = '', ...parameters] = header.split(';').map((part) => part.trim());
  const charset = parameters
    .map((parameter) => /^charset\s*=\s*"?([^"]+)"?$/i.exec(parameter)?.[1])
    .find((value) => value !== undefined);
  return { type: type.toLowerCase(), charset: charset?.toLowerCase() };
}

/** Decodes text sent in a declared charset to UTF-8, which the text readers expect. */
function recodeText(body: Uint8Array, charset: string | undefined): Uint8Array | string {
  if (charset === undefined || charset === 'utf-8' || charset === 'utf8') return body;
  try {
    return new TextDecoder(charset).decode(body);
  } catch (error) {
    if (error instanceof RangeError) return body;
    throw error;
  }
}

async function readResponse(
  response: IncomingMessage,
  original: string,
  url: URL,
): Promise<Source> {
  const { type, charset } = readMediaType(response);
  const known = [
    'text/html',
    'application/xhtml+xml',
    'text/plain',
    'text/markdown',
    'text/x-markdown',
    'application/pdf',
    docxType,
    'application/octet-stream',
    '',
  ];
  if (!known.includes(type)) {
    response.destroy();
    throw new PrepkitError(
      'UNSUPPORTED_INPUT',
      `${original} is ${type}, which prepkit cannot read. It reads web pages, PDF, DOCX, Markdown and plain text.`,
    );
  }
  const body = await readBody(response, original);
  if (type === 'text/html' || type === 'application/xhtml+xml') {
    return readHtml(recodeText(body, charset), original);
  }
  if (type === 'text/plain' || type === 'text/markdown' || type === 'text/x-markdown') {
    const text = recodeText(body, charset);
    const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
    return readText(bytes, type === 'text/plain' ? original : `${original}.md`);
  }
  if (type === 'application/pdf') return readPdf(body, original);
  if (type === docxType) return readDocx(body, original);
  // No type, or a generic one: what the bytes and the file name in the URL say.
  const fileName = decodeURIComponent(url.pathname.split('/').pop() ?? '') || original;
  return readInput(body, fileName);
}

function describeNetworkFailure(
  error: unknown,
  original: string,
  timeoutMs: number,
  timedOut: boolean,
): PrepkitError {
  const code = (error as NodeJS.ErrnoException).code;
  if (timedOut) {
    return new PrepkitError(
      'FETCH_FAILED',
      `${original} did not answer within ${timeoutMs / 1000} s. Try again later, or save the page from a browser.`,
      { cause: error },
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new PrepkitError(
      'FETCH_FAILED',
      `${original} could not be reached: its host name was not found. Check the URL and that this machine is online.`,
      { cause: error },
    );
  }
  return new PrepkitError(
    'FETCH_FAILED',
    `${original} could not be fetched (${code ?? (error instanceof Error ? error.message : 'network error')}). Check the URL and that this machine is online.`,
    { cause: error },
  );
}

/**
 * Fetches a web page or document (a job posting, an about page) and reads it
 * with the reader its Content-Type calls for; the Source has `kind: 'url'`.
 * Only http and https; at most 5 redirects, each checked again; a 15 s time
 * limit and a 10 MiB size limit enforced while the body streams. Loopback,
 * private, link-local, CGNAT, multicast and unspecified addresses are refused
 * before connecting, and the address connected to is the one checked.
 *
 * @example
 * const posting = await readUrl('https://jobs.example.com/backend-engineer');
 * posting.lines[0]; // { number: 1, text: 'Backend Engineer' }
 */
export async function readUrl(url: string, options: ReadUrlOptions = {}): Promise<Source> {
  const timeoutMs = options.timeoutMs ?? ingestLimits.fetchTimeoutMs;
  const allowPrivate = options.allowPrivateAddresses === true;
  const lookup = allowPrivate ? undefined : createPublicLookup(url);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let current = parseHttpUrl(url, url);
    const visited = new Set<string>();
    for (let redirects = 0; ; redirects += 1) {
      checkHost(current, url, allowPrivate);
      visited.add(current.href);
      const response = await sendRequest(current, controller.signal, lookup);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && location !== undefined) {
        response.destroy();
        if (redirects >= ingestLimits.maxRedirects) {
          throw new PrepkitError(
            'FETCH_FAILED',
            `${url} redirected more than ${ingestLimits.maxRedirects} times; open it in a browser and use the final address.`,
          );
        }
        const next = parseHttpUrl(new URL(location, current).href, url);
        if (visited.has(next.href)) {
          throw new PrepkitError(
            'FETCH_FAILED',
            `${url} redirects in a loop (back to ${next.href}); the site is misconfigured.`,
          );
        }
        current = next;
        continue;
      }
      if (status < 200 || status >= 300) {
        response.destroy();
        throw describeStatus(status, url);
      }
      const source = await readResponse(response, url, current);
      return { ...source, kind: 'url', name: url };
    }
  } catch (error) {
    if (error instanceof PrepkitError) throw error;
    throw describeNetworkFailure(error, url, timeoutMs, controller.signal.aborted);
  } finally {
    clearTimeout(timer);
  }
}
