import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { isPrepkitError, PrepkitError } from '../domain/index.js';
import { createExtractContext, type ExtractContext } from '../extract/index.js';
import { type KnowledgeBase, loadKnowledgeBase } from '../knowledge/index.js';
import type { Store } from '../store/index.js';
import { errorStatus } from './error-status.js';
import type { WebAssets } from './load-web-assets.js';
import { createAnalysisRoutes } from './routes/analysis-routes.js';
import { createApplicationsRoutes } from './routes/applications-routes.js';
import { createDocumentsRoutes } from './routes/documents-routes.js';
import { createInterviewsRoutes } from './routes/interviews-routes.js';
import { createStagesRoutes } from './routes/stages-routes.js';

export interface AppOptions {
  store: Store;
  version: string;
  /** The built web app; without it, `/` explains how to build it. */
  webAssets?: WebAssets;
  /** Largest request body accepted by the API, in bytes. */
  maxBodyBytes?: number;
  /**
   * Host names the server answers to. When prepkit listens on loopback, only
   * local names are accepted, so a web page cannot reach the API through DNS
   * rebinding. Undefined accepts any host (for deployments behind a proxy).
   */
  allowedHosts?: readonly string[];
  /** The knowledge extraction uses; loaded on the first analysis when not given. */
  extractContext?: ExtractContext;
  /** The knowledge base documents draw on; loaded on first use when not given. */
  knowledge?: KnowledgeBase;
  /** Where unexpected errors are reported; defaults to stderr. */
  logError?: (error: unknown) => void;
}

/** Default request body limit: room for a long posting and resume, with margin. */
export const defaultMaxBodyBytes = 4 * 1024 * 1024;

/**
 * The HTTP app: JSON API under `/api`, the web app at `/`.
 *
 * @example
 * const app = createApp({ store, version: '0.1.0' });
 * const response = await app.request('/api/health');
 */
export function createApp(options: AppOptions): Hono {
  const { store, version, webAssets = new Map() } = options;
  const logError =
    options.logError ?? ((error: unknown) => console.error('prepkit: unexpected error:', error));
  const app = new Hono();

  app.onError((error, c) => {
    if (isPrepkitError(error)) {
      const body: Record<string, unknown> = { code: error.code, message: error.message };
      if (error.issues.length > 0) body.issues = error.issues;
      if ('currentVersion' in error && error.currentVersion !== undefined) {
        body.currentVersion = error.currentVersion;
      }
      if (error.code === 'INTERNAL') logError(error);
      return c.json({ error: body }, errorStatus[error.code]);
    }
    logError(error);
    return c.json(
      { error: { code: 'INTERNAL', message: 'Something went wrong on the server.' } },
      500,
    );
  });

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
      crossOriginEmbedderPolicy: false,
    }),
  );

  if (options.allowedHosts) {
    const allowed = new Set(options.allowedHosts.map((host) => host.toLowerCase()));
    app.use(async (c, next) => {
      // The node adapter builds the request URL from the Host header.
      const host = new URL(c.req.url).hostname.toLowerCase();
      if (!allowed.has(host)) {
        throw new PrepkitError(
          'INVALID_INPUT',
          `Requests for host ${JSON.stringify(host)} are not served`,
        );
      }
      await next();
    });
  }

  const defaultBodyLimit = bodyLimit({
    maxSize: options.maxBodyBytes ?? defaultMaxBodyBytes,
    onError: () => {
      throw new PrepkitError(
        'INPUT_TOO_LARGE',
        `The request body is larger than ${Math.round((options.maxBodyBytes ?? defaultMaxBodyBytes) / 1024)} KiB`,
      );
    },
  });
  // File uploads have their own, larger limit on their route.
  app.use('/api/*', (c, next) =>
    c.req.path === '/api/ingest' ? next() : defaultBodyLimit(c, next),
  );
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  app.get('/api/health', async (c) => {
    try {
      await store.ping();
    } catch (error) {
      throw new PrepkitError('STORAGE_UNAVAILABLE', 'The database does not answer', {
        cause: error,
      });
    }
    return c.json({ status: 'ok', version, storage: store.mode });
  });

  app.route('/api/applications', createApplicationsRoutes(store));
  app.route('/api/applications', createStagesRoutes(store));
  app.route('/api/applications', createDocumentsRoutes(store));
  let extractContext: ExtractContext | undefined;
  let knowledge: KnowledgeBase | undefined;
  const getKnowledge = () => {
    knowledge ??= options.knowledge ?? loadKnowledgeBase().knowledge;
    return knowledge;
  };
  const getContext = () => {
    extractContext ??= options.extractContext ?? createExtractContext(getKnowledge());
    return extractContext;
  };
  app.route('/api', createAnalysisRoutes(store, getContext, getKnowledge));
  app.route('/api', createInterviewsRoutes(store, getContext, getKnowledge));

  app.all('/api/*', (c) => {
    throw new PrepkitError('NOT_FOUND', `No API route ${c.req.method} ${c.req.path}`);
  });

  app.on(['GET', 'HEAD'], '*', (c) => {
    const exact = webAssets.get(c.req.path);
    // A missing file (it has an extension) is a 404; any other path is a
    // client-side route of the web app and gets index.html.
    if (!exact && /\.[a-z0-9]+$/i.test(c.req.path)) return c.text('Not found', 404);
    const asset = exact ?? webAssets.get('/index.html');
    if (!asset) {
      return c.text(
        'The prepkit web app is not built. Run `npm run build` (or `npm start`), then reload.',
        503,
      );
    }
    const isIndex = !exact || c.req.path === '/index.html';
    c.header('Content-Type', asset.contentType);
    c.header('ETag', asset.etag);
    c.header(
      'Cache-Control',
      asset.immutable && !isIndex ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304);
    return c.body(asset.body as Uint8Array<ArrayBuffer>);
  });

  return app;
}
