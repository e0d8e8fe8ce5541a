import express, { type Request, type Router } from 'express';
import { inlineHashes, OFFICE_JS_ORIGIN, pagePolicy } from './security-headers';

/**
 * The sign-in page the Excel add-in opens in an Office dialog: it signs in through GraphQL and
 * hands the session back with Office.context.ui.messageParent. Opened in a plain browser it
 * shows a personal-token hint instead. Tokens travel in the Authorization header, never cookies.
 * A pane on another origin reaches this page through its own signin-start.html, which passes
 * ?origin=<pane origin>: the session is then sent with targetOrigin (DialogOrigin 1.1), and only to
 * this server's own origin or one listed in PLANBRIDGE_ADDIN_ORIGIN. Opened by GraphiQL's sign-in button it
 * posts the session to that page (same origin only).
 */
/** Attribute-safe text: the origin is data on <body>, so the inline script stays constant and its CSP hash holds. */
const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

const page = (target: string | null, refused: boolean) => `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>PlanBridge – Đăng nhập / Sign in</title>
  <script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>
  <style>
    body { font-family: "Segoe UI", system-ui, sans-serif; margin: 0; display: grid; place-items: center; min-height: 100vh; background: #f5f5f5; color: #242424; }
    form { background: #fff; padding: 24px; border-radius: 8px; box-shadow: 0 2px 8px rgba(0,0,0,.14); width: min(320px, 90vw); display: grid; gap: 12px; }
    h1 { font-size: 20px; font-weight: 600; margin: 0 0 4px; }
    label { display: grid; gap: 4px; font-size: 14px; }
    input { font: inherit; padding: 6px 8px; border: 1px solid #d1d1d1; border-bottom-color: #616161; border-radius: 4px; }
    input:focus { outline: 2px solid #0f6cbd; outline-offset: 1px; }
    button { font: inherit; font-weight: 600; padding: 6px 12px; border: 0; border-radius: 4px; background: #0f6cbd; color: #fff; cursor: pointer; }
    button:focus-visible { outline: 2px solid #242424; outline-offset: 2px; }
    #message { min-height: 1.5em; font-size: 14px; }
    #message.error { color: #b10e1c; }
  </style>
</head>
<body data-target-origin="${attribute(target ?? '')}" data-refused="${refused}">
  <form id="form">
    <h1>PlanBridge</h1>
    <label>Tên đăng nhập / Login <input id="login" name="login" autocomplete="username" required autofocus></label>
    <label>Mật khẩu / Password <input id="password" name="password" type="password" autocomplete="current-password" required></label>
    <button type="submit">Đăng nhập / Sign in</button>
    <div id="message" role="status" aria-live="polite"></div>
  </form>
  <script>
    const TARGET_ORIGIN = document.body.dataset.targetOrigin || null;
    const REFUSED = document.body.dataset.refused === 'true';
    const form = document.getElementById('form');
    const message = document.getElementById('message');
    const inOffice = () => typeof Office !== 'undefined' && Office.context && Office.context.ui && Office.context.ui.messageParent;
    if (typeof Office !== 'undefined') Office.onReady(() => {});
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      message.className = ''; message.textContent = 'Đang đăng nhập… / Signing in…';
      const response = await fetch('/graphql', {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation ($login: String!, $password: String!) { signIn(login: $login, password: $password) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { login displayName } } }',
          variables: { login: form.login.value, password: form.password.value },
        }),
      }).then((r) => r.json()).catch(() => ({ errors: [{ message: 'Không kết nối được máy chủ / Cannot reach the server' }] }));
      form.password.value = '';
      if (response.errors) { message.className = 'error'; message.textContent = response.errors[0].message; return; }
      const session = response.data.signIn;
      if (REFUSED) {
        message.className = 'error';
        message.textContent = 'Add-in này không được phép nhận phiên đăng nhập từ máy chủ này / This add-in origin may not receive sessions from this server';
      } else if (inOffice()) {
        const text = JSON.stringify({ type: 'planbridge-session', session });
        const canTarget = Office.context.requirements && Office.context.requirements.isSetSupported('DialogOrigin', '1.1');
        if (TARGET_ORIGIN && canTarget) Office.context.ui.messageParent(text, { targetOrigin: TARGET_ORIGIN });
        else Office.context.ui.messageParent(text);
        message.textContent = 'Đã đăng nhập / Signed in';
      } else if (window.opener && !window.opener.closed) {
        // Opened by GraphiQL's sign-in button: hand the session to that page only (same origin), then close.
        window.opener.postMessage({ type: 'planbridge-session', session }, location.origin);
        message.textContent = 'Đã đăng nhập / Signed in';
        window.close();
      } else {
        message.textContent = 'Đã đăng nhập với tên ' + session.user.displayName + '. Trong Excel, trang này trả mã truy cập cho add-in. / Signed in; inside Excel this page hands the session to the add-in.';
      }
    });
  </script>
</body>
</html>`;

/** Forwarded headers count only when PLANBRIDGE_TRUST_PROXY tells Express to trust them (req.protocol, req.host). */
function ownOrigin(req: Request): string {
  return `${req.protocol}://${req.host}`;
}

export function signInRouter(options: { allowedOrigins?: string[] } = {}): Router {
  const allowed = new Set(options.allowedOrigins ?? []);
  const router = express.Router();
  // A password page: never framed (clickjacking); only its own inline code and Office.js run.
  const policy = pagePolicy({ scripts: [OFFICE_JS_ORIGIN, ...inlineHashes(page(null, false), 'script')], styles: inlineHashes(page(null, false), 'style') });
  router.get('/signin', policy, (req, res) => {
    // Office on the web opens this page as a dialog window that answers its opener (messageParent).
    res.setHeader('Cross-Origin-Opener-Policy', 'unsafe-none');
    const origin = typeof req.query.origin === 'string' ? req.query.origin.replace(/\/+$/, '') : null;
    const permitted = origin === null || origin === ownOrigin(req) || allowed.has(origin);
    res.type('html').set('Cache-Control', 'no-store').send(page(permitted ? origin : null, !permitted));
  });
  return router;
}
