import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { PROJECT_ROOT } from '../project-root';

/**
 * The Excel add-in's task pane, served by the server itself (GET /addin/taskpane.html, its script,
 * styles and icons, built by `npm run build:addin` into dist/addin-pane), and CORS for a pane served from
 * another origin: only PLANBRIDGE_ADDIN_ORIGIN (comma-separated origins) may call this server from a
 * browser; when it is unset no cross-origin request is allowed (the pane served here is same-origin).
 */
export interface AddinOptions {
  /** Built pane; default dist/addin-pane. */
  root?: string;
  /** Allowed cross-origin callers; default from PLANBRIDGE_ADDIN_ORIGIN. */
  allowedOrigins?: string[];
}

const MANIFEST_ORIGIN = 'https://localhost:4000';

export function allowedOriginsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.PLANBRIDGE_ADDIN_ORIGIN ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter((origin) => origin !== '');
}

function cors(allowed: ReadonlySet<string>) {
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    if (origin && allowed.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Headers', 'content-type, authorization, x-request-id');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.setHeader('Access-Control-Max-Age', '600');
    }
    if (origin) res.vary('Origin');
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      // A preflight: answered here, allowed only for the configured origin.
      res.status(origin && allowed.has(origin) ? 204 : 403).end();
      return;
    }
    next();
  };
}

export function addinRouter(options: AddinOptions = {}): Router {
  const root = options.root ?? path.join(PROJECT_ROOT, 'dist', 'addin-pane');
  const router = express.Router();
  router.use(cors(new Set(options.allowedOrigins ?? allowedOriginsFromEnv())));
  router.get(['/addin', '/addin/'], (_req, res) => res.redirect(302, '/addin/taskpane.html'));
  // The manifest, with its URLs pointing at the origin it was downloaded from (for sideloading).
  router.get('/addin/manifest.xml', (req, res) => {
    const file = path.join(root, 'manifest.xml');
    if (!existsSync(file)) {
      res.status(503).type('text').send('The add-in is not built: run `npm run build:addin`');
      return;
    }
    const proto = String(req.headers['x-forwarded-proto'] ?? req.protocol).split(',')[0].trim();
    const host = String(req.headers['x-forwarded-host'] ?? req.headers.host ?? '').split(',')[0].trim();
    const origin = /^[\w.-]+(:\d+)?$/.test(host) && /^https?$/.test(proto) ? `${proto}://${host}` : MANIFEST_ORIGIN;
    res.type('application/xml').set('Cache-Control', 'no-store').send(readFileSync(file, 'utf8').split(MANIFEST_ORIGIN).join(origin));
  });
  router.use('/addin', (req, res, next) => {
    if (!existsSync(root)) {
      res.status(503).type('text').send('The add-in is not built: run `npm run build:addin`');
      return;
    }
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });
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
