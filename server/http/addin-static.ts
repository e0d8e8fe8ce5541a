import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import cors from 'cors';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { PROJECT_ROOT } from '../project-root';
import { inlineHashes, OFFICE_FRAME_ANCESTORS, OFFICE_JS_ORIGIN, pagePolicy } from './security-headers';

/**
 * The Excel add-in's task pane, served by the server itself (GET /addin/taskpane.html, its script,
 * styles and icons, built by `npm run build:addin` into dist/addin-pane), and CORS for a pane served from
 * another origin: only PLANBRIDGE_ADDIN_ORIGIN (comma-separated origins) may call this server from a
 * browser; when it is unset no cross-origin request is allowed (the pane served here is same-origin).
 */
export interface AddinOptions {
  /** Built pane; default dist/addin-pane. */
  root?: string;
  /** Allowed cross-origin callers (PLANBRIDGE_ADDIN_ORIGIN); default none. */
  allowedOrigins?: string[];
  /** PLANBRIDGE_PUBLIC_URL: the origin the manifest points at. */
  publicUrl?: string | null;
}

/**
 * The origin the manifest's URLs point at: the configured public URL; else, behind a proxy the
 * operator trusts (PLANBRIDGE_TRUST_PROXY), what it forwards; else the address this connection
 * reached. A client's own Host or X-Forwarded-Host header alone never decides it.
 */
function manifestOrigin(req: Request, publicUrl: string | null): string {
  if (publicUrl) return publicUrl;
  if (req.app.get('trust proxy fn')(req.socket.remoteAddress, 0) && /^[\w.-]+(:\d+)?$/.test(req.host ?? '')) return `${req.protocol}://${req.host}`;
  const address = req.socket.localAddress ?? '127.0.0.1';
  const host = address.includes(':') ? (address.startsWith('::ffff:') ? address.slice(7) : `[${address}]`) : address;
  return `${'encrypted' in req.socket ? 'https' : 'http'}://${host}:${req.socket.localPort}`;
}

const MANIFEST_ORIGIN = 'https://localhost:4000';

/** CORS for the configured origins only; a preflight from any other origin is refused outright. */
function corsFor(allowed: string[]) {
  const headers = cors({
    // Answering false for an origin makes cors step aside entirely (no headers, next()).
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.includes(origin)),
    allowedHeaders: ['content-type', 'authorization', 'x-request-id'],
    methods: ['GET', 'POST', 'OPTIONS'],
    maxAge: 600,
    optionsSuccessStatus: 204,
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.headers.origin) res.vary('Origin');
    headers(req, res, () => {
      if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) res.status(403).end();
      else next();
    });
  };
}

/**
 * The pane runs inside Office: framed only by Office's hosts, scripts only its own and Office.js;
 * it may call the PlanBridge server the user types in (any HTTPS origin, or a local one).
 */
function panePolicy(root: string) {
  const pages = ['taskpane.html', 'commands.html'].map((name) => path.join(root, name)).filter((file) => existsSync(file));
  const hashes = pages.flatMap((file) => inlineHashes(readFileSync(file, 'utf8'), 'script'));
  return pagePolicy({
    scripts: [OFFICE_JS_ORIGIN, ...hashes],
    // wss: and ws: for the live table changes (tableChanged over graphql-ws).
    connect: ['https:', 'wss:', 'http://localhost:*', 'http://127.0.0.1:*', 'ws://localhost:*', 'ws://127.0.0.1:*'],
    frameAncestors: ["'self'", ...OFFICE_FRAME_ANCESTORS],
  });
}

export function addinRouter(options: AddinOptions = {}): Router {
  const root = options.root ?? path.join(PROJECT_ROOT, 'dist', 'addin-pane');
  const router = express.Router();
  router.use(corsFor(options.allowedOrigins ?? []));
  router.get(['/addin', '/addin/'], (_req, res) => res.redirect(302, '/addin/taskpane.html'));
  // The manifest, with its URLs pointing at this server (for sideloading).
  router.get('/addin/manifest.xml', (req, res) => {
    const file = path.join(root, 'manifest.xml');
    if (!existsSync(file)) {
      res.status(503).type('text').send('The add-in is not built: run `npm run build:addin`');
      return;
    }
    const origin = manifestOrigin(req, options.publicUrl ?? null);
    res.type('application/xml').set('Cache-Control', 'no-store').send(readFileSync(file, 'utf8').split(MANIFEST_ORIGIN).join(origin));
  });
  router.use('/addin', (req, res, next) => {
    if (!existsSync(root)) {
      res.status(503).type('text').send('The add-in is not built: run `npm run build:addin`');
      return;
    }
    // Office's own pages load the pane's icons and frame the pane from their origins.
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    next();
  });
  router.use('/addin', panePolicy(root));
  router.use(
    '/addin',
    express.static(root, {
      index: false,
      fallthrough: true,
      setHeaders: (res, file) => {
        // HTML always revalidated so a new build is picked up; assets cached briefly.
        res.setHeader('Cache-Control', file.endsWith('.html') ? 'no-cache' : 'public, max-age=300');
      },
    }),
  );
  return router;
}
