import path from 'node:path';
import express, { type RequestHandler, type Router } from 'express';
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

/** First tab: what to do first, then a query that needs a signed-in user. */
const FIRST_TAB = `# PlanBridge GraphQL
# 1. Click "Đăng nhập / Sign in" (top right) and sign in, e.g. as admin with the password planbridge-local
#    (the local seed users: docs/api.md). The IDE then sends your token in the Authorization header.
# 2. Run this query (the ▶ button or Ctrl-Enter): Phụ lục 2 of Cần Thơ's plan 132/KH-UBND, as published.
{
  findTable(documentNumber: "132/KH-UBND", title: "Phụ lục 2") {
    id title unitOfMeasure version
    rows { key publishedNumber label cells { columnKey value } }
  }
}
`;

/** Second tab: one example of each kind; ▶ asks which operation to run. */
const EXAMPLES_TAB = `# Examples: ▶ asks which one to run. Ids are those of a freshly seeded server (docs/api.md).

# Public: administrative units, with their ids (arguments named …Id take these ids, not keys like 92@2004)
query Units { units(code: "92") { id key name validFrom validTo } }

# Signed in: who am I, and my roles
query Me { me { login displayName roles { role unit { name } } } }

# Signed in: plans you may read, with their tables
query Plans { plans { id documentNumber title issuingUnit { name } tables { id title } } }

# Signed in: the table as the Excel add-in pulls it
query Grid { tableGrid(tableId: "1") { version status editable columns { key label } rows { key label values } } }

# Signed in: are we on track? Old Cần Thơ (unit 5), poor-household rate, mid-2024
query Progress {
  indicatorProgress(unitId: "5", indicatorKeys: ["POOR_HOUSEHOLD_RATE"], asOf: "2024-06-30") {
    status gap percentAchieved baseline { periodKey value } target { periodKey value comparator } actual { periodKey value }
  }
}
`;

/**
 * The sign-in button opens /signin in a window of its own; that page posts the session back to this one
 * (same origin only). The token is kept in this page's memory, written into the Headers editor, and added by
 * the fetcher to any tab whose headers do not name an Authorization of their own.
 */
const script = (endpoint: string) => `
const h = React.createElement;
let token = null;
const baseFetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(endpoint)} });
const fetcher = (params, options = {}) => {
  const headers = { ...(options.headers || {}) };
  if (token && !Object.keys(headers).some((name) => name.toLowerCase() === 'authorization')) headers.Authorization = 'Bearer ' + token;
  return baseFetcher(params, { ...options, headers });
};
function SignIn() {
  const { headerEditor } = GraphiQL.React.useEditorContext({ nonNull: true });
  const [user, setUser] = React.useState(null);
  React.useEffect(() => {
    const receive = (event) => {
      if (event.origin !== location.origin || !event.data || event.data.type !== 'planbridge-session') return;
      token = event.data.session.accessToken;
      setUser(event.data.session.user.login);
      if (headerEditor) headerEditor.setValue(JSON.stringify({ Authorization: 'Bearer ' + token }, null, 2));
    };
    window.addEventListener('message', receive);
    return () => window.removeEventListener('message', receive);
  }, [headerEditor]);
  const open = () => window.open('/signin', 'planbridge-signin', 'width=420,height=560');
  return h('span', { className: 'planbridge-signin' },
    user ? h('span', { id: 'planbridge-user', role: 'status' }, 'Đã đăng nhập / Signed in: ' + user) : null,
    h('button', { type: 'button', id: 'planbridge-signin', className: 'graphiql-button', onClick: open }, user ? 'Đăng nhập lại / Sign in again' : 'Đăng nhập / Sign in'));
}
ReactDOM.createRoot(document.getElementById('ide')).render(
  h(GraphiQL, {
    fetcher,
    defaultTabs: [{ query: ${JSON.stringify(FIRST_TAB)} }, { query: ${JSON.stringify(EXAMPLES_TAB)} }],
    defaultEditorToolsVisibility: true,
  }, h(GraphiQL.Logo, null, h(SignIn))),
);
`;

const page = (endpoint: string) => `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <title>PlanBridge GraphQL</title>
  <link rel="stylesheet" href="/ide/graphiql.css">
  <style>
    html, body, #ide { height: 100%; margin: 0; }
    .planbridge-signin { display: inline-flex; gap: 8px; align-items: center; font-size: 14px; }
    .planbridge-signin button { font-weight: 600; }
  </style>
</head>
<body>
  <div id="ide">Loading…</div>
  <script src="/ide/react.js"></script>
  <script src="/ide/react-dom.js"></script>
  <script src="/ide/graphiql.js"></script>
  <script>${script(endpoint)}</script>
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
  const csp = pagePolicy({ scripts: inlineHashes(html, 'script'), styles: ["'unsafe-inline'"] });
  const policy: RequestHandler = (req, res, next) => {
    // Its Sign in button opens /signin in a popup that answers this page (window.opener).
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin-allow-popups');
    csp(req, res, next);
  };
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
