import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
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
  /** Allowed cross-origin callers; default from PLANBRIDGE_ADDIN_ORIGIN. */
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

/**
 * The pane runs inside Office: framed only by Office's hosts, scripts only its own and Office.js;
 * it may call the PlanBridge server the user types in (any HTTPS origin, or a local one).
 */
function panePolicy(root: string) {
  const pages = ['taskpane.html', 'commands.html'].map((name) => path.join(root, name)).filter((file) => existsSync(file));
  const hashes = pages.flatMap((file) => inlineHashes(readFileSync(file, 'utf8'), 'script'));
  return pagePolicy({
    scripts: [OFFICE_JS_ORIGIN, ...hashes],
    connect: ['https:', 'http://localhost:*', 'http://127.0.0.1:*'],
    frameAncestors: ["'self'", ...OFFICE_FRAME_ANCESTORS],
  });
}

export function addinRouter(options: AddinOptions = {}): Router {
  const root = options.root ?? path.join(PROJECT_ROOT, 'dist', 'addin-pane');
  const router = express.Router();
  router.use(cors(new Set(options.allowedOrigins ?? allowedOriginsFromEnv())));
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
