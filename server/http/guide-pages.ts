import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import MarkdownIt from 'markdown-it';
import { PROJECT_ROOT } from '../project-root';
import { inlineHashes, pagePolicy } from './security-headers';

/**
 * The staff guide (docs/vi/huong-dan-su-dung.md, docs/en/user-guide.md) as web pages at /guide/vi/ and /guide/en/,
 * so the add-in's help page can link to it on any server, without internet. The markdown is rendered as it is in
 * the repository (raw HTML in it is not passed through); its pictures (docs/*.png) are served next to it, so its
 * relative links (../addin-taskpane.png, ../en/user-guide.md) work unchanged.
 */
const GUIDES = {
  vi: { file: 'vi/huong-dan-su-dung.md', title: 'Hướng dẫn sử dụng PlanBridge' },
  en: { file: 'en/user-guide.md', title: 'PlanBridge user guide' },
} as const;
type Lang = keyof typeof GUIDES;

const STYLE = `
  body { margin: 0 auto; max-width: 860px; padding: 16px 20px 48px; font: 16px/1.55 "Segoe UI", system-ui, sans-serif; color: #201f1e; }
  h1 { font-size: 1.7em; } h2 { margin-top: 1.8em; border-bottom: 1px solid #e1dfdd; padding-bottom: 4px; }
  img { display: block; max-width: 100%; height: auto; margin: 12px 0 4px; border: 1px solid #c8c6c4; }
  p > em:only-child { color: #605e5c; }
  code { background: #f3f2f1; padding: 0 3px; border-radius: 3px; }
  a { color: #0f6cbd; }
`;

function page(lang: Lang, html: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${GUIDES[lang].title}</title>
  <style>${STYLE}</style>
</head>
<body>
${html}
</body>
</html>`;
}

export function guideRouter(docs = path.join(PROJECT_ROOT, 'docs')): Router {
  const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
  const rendered = new Map<Lang, string>();
  const render = (lang: Lang) => {
    // Rendered once per process: the guide changes with a new release, not while the server runs.
    if (!rendered.has(lang)) rendered.set(lang, page(lang, markdown.render(readFileSync(path.join(docs, GUIDES[lang].file), 'utf8'))));
    return rendered.get(lang)!;
  };
  // Strict: /guide/vi (redirected) is not /guide/vi/ (the page), so the guide's relative links resolve under /guide/.
  const router = express.Router({ strict: true });
  const policy = pagePolicy({ styles: inlineHashes(page('vi', ''), 'style') });
  router.get(['/guide', '/guide/'], (_req, res) => res.redirect(302, '/guide/vi/'));
  for (const lang of Object.keys(GUIDES) as Lang[]) {
    router.get(`/guide/${lang}`, (_req, res) => res.redirect(301, `/guide/${lang}/`));
    // The guides link to each other by their file names.
    router.get(`/guide/${GUIDES[lang].file}`, (_req, res) => res.redirect(301, `/guide/${lang}/`));
    router.get(`/guide/${lang}/`, policy, (_req, res) => {
      res.type('html').set('Cache-Control', 'no-cache').send(render(lang));
    });
  }
  router.get('/guide/:picture', (req, res, next) => {
    const file = path.join(docs, req.params.picture);
    if (!/^[\w-]+\.png$/.test(req.params.picture) || !existsSync(file)) return next();
    res.type('png').set('Cache-Control', 'public, max-age=300').send(readFileSync(file));
  });
  return router;
}
