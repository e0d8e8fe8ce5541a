import path from 'node:path';
import express, { type Router } from 'express';
import { PROJECT_ROOT } from '../project-root';
import { inlineHashes, pagePolicy } from './security-headers';

/**
 * A GraphiQL IDE served from node_modules, so it works without internet access
 * (Apollo's landing page loads its IDE from a CDN).
 */
const assets: Record<string, string> = {
  'react.js': 'node_modules/react/umd/react.production.min.js',
  'react-dom.js': 'node_modules/react-dom/umd/react-dom.production.min.js',
  'graphiql.js': 'node_modules/graphiql/graphiql.min.js',
  'graphiql.css': 'node_modules/graphiql/graphiql.min.css',
};

const page = (endpoint: string) => `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <title>PlanBridge GraphQL</title>
  <link rel="stylesheet" href="/ide/graphiql.css">
  <style>html, body, #ide { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="ide">Loading…</div>
  <script src="/ide/react.js"></script>
  <script src="/ide/react-dom.js"></script>
  <script src="/ide/graphiql.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(endpoint)} });
    const example = '# PlanBridge: try\\n{\\n  findTable(documentNumber: "132/KH-UBND", title: "Phụ lục 2") {\\n    title unitOfMeasure version\\n    rows { publishedNumber label cells { columnKey value } }\\n  }\\n}\\n';
    ReactDOM.createRoot(document.getElementById('ide')).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery: example, defaultEditorToolsVisibility: true }),
    );
  </script>
</body>
</html>`;

export function graphiqlRouter(endpoint: string): Router {
  const router = express.Router();
  for (const [name, file] of Object.entries(assets)) {
    router.get(`/ide/${name}`, (_req, res) => {
      res.sendFile(path.join(PROJECT_ROOT, file), { maxAge: '1d' });
    });
  }
  const html = page(endpoint);
  // GraphiQL sets styles at run time (its editors), hence 'unsafe-inline' for styles only; never framed.
  const policy = pagePolicy({ scripts: inlineHashes(html, 'script'), styles: ["'unsafe-inline'"] });
  // GET /graphql from a browser opens the IDE; GET with ?query= and POST go to GraphQL.
  router.get(endpoint, (req, res, next) => {
    if (req.query.query === undefined && req.accepts(['application/json', 'text/html']) === 'text/html') {
      policy(req, res, () => res.type('html').send(html));
      return;
    }
    next();
  });
  router.get('/graphiql', policy, (_req, res) => {
    res.type('html').send(html);
  });
  return router;
}
