/**
 * GET /tables: a plain web page for offices without the add-in (Excel 2016/2019, LibreOffice, WPS). Sign in,
 * see the tables one may read, download any as .xlsx (through a signed address), upload an edited file (with
 * "check only") and read the findings of the last upload as a list. Vietnamese first, English on a button;
 * every control is a native button, input or select, so the keyboard reaches all of it. The page is one
 * constant text: its only script and style are inline and allowed by their CSP hashes.
 */
import express, { type Router } from 'express';
import { inlineHashes, pagePolicy } from './security-headers';
import { TABLES_PAGE_SCRIPT } from './tables-page-script';

const STYLE = `
  body { font-family: "Segoe UI", system-ui, sans-serif; margin: 0; background: #f5f5f5; color: #242424; font-size: 15px; }
  header { display: flex; align-items: center; gap: 16px; padding: 12px 24px; background: #0f6cbd; color: #fff; }
  header h1 { font-size: 20px; margin: 0; flex: 1; }
  main { max-width: 1100px; margin: 0 auto; padding: 16px 24px; display: grid; gap: 16px; }
  section { background: #fff; padding: 16px 20px; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
  section:focus { outline: 2px solid #0f6cbd; outline-offset: 2px; }
  h2 { font-size: 17px; margin: 0 0 12px; }
  h3 { font-size: 15px; margin: 12px 0 4px; }
  form { display: grid; gap: 10px; max-width: 420px; }
  label { display: grid; gap: 4px; }
  label.check { display: flex; gap: 8px; align-items: center; }
  input, select, button { font: inherit; }
  input[type=text], input[type=password], input[type=search], select { padding: 6px 8px; border: 1px solid #8a8a8a; border-radius: 4px; }
  button { font-weight: 600; padding: 6px 12px; border: 1px solid #0f6cbd; border-radius: 4px; background: #0f6cbd; color: #fff; cursor: pointer; }
  button.secondary { background: #fff; color: #0f5aa0; }
  header button { background: #fff; color: #0f5aa0; border-color: #fff; }
  :focus-visible { outline: 3px solid #242424; outline-offset: 2px; }
  table { border-collapse: collapse; width: 100%; }
  caption { text-align: left; font-weight: 600; padding-bottom: 6px; }
  th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #e0e0e0; vertical-align: top; }
  thead th { background: #f0f0f0; }
  td.number { text-align: right; }
  td.actions { white-space: nowrap; }
  .muted { color: #605e5c; }
  .row { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
  #message { min-height: 1.4em; }
  #message.error, .status-REJECTED, .status-CONFLICT, .status-REFUSED { color: #b10e1c; font-weight: 600; }
  #message.success, .status-APPLIED, .status-DRY_RUN, .status-UNCHANGED { color: #0e700e; font-weight: 600; }
  .skip { position: absolute; left: -10000px; }
  .skip:focus { left: 8px; top: 8px; background: #fff; color: #242424; padding: 4px 8px; }
`;

const PAGE = `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>PlanBridge – Bảng số liệu</title>
  <style>${STYLE}</style>
</head>
<body>
  <a class="skip" href="#main">Bỏ qua đến nội dung / Skip to content</a>
  <header>
    <h1>PlanBridge — <span data-t="title">Bảng số liệu</span></h1>
    <button id="lang" type="button" lang="en">English</button>
  </header>
  <main id="main">
    <p data-t="intro">Tải bảng về dạng tệp Excel (.xlsx), sửa bằng Excel, LibreOffice hoặc WPS, rồi tải lên.</p>
    <div id="message" role="status" aria-live="polite"></div>
    <section id="signin-section" aria-labelledby="h-signin">
      <h2 id="h-signin" data-t="signInTitle">Đăng nhập</h2>
      <form id="signin-form">
        <label><span data-t="login">Tên đăng nhập</span><input id="login" name="login" type="text" autocomplete="username" required autofocus></label>
        <label><span data-t="password">Mật khẩu</span><input id="password" name="password" type="password" autocomplete="current-password" required></label>
        <div><button type="submit" data-t="signIn">Đăng nhập</button></div>
      </form>
    </section>
    <section id="tables-section" aria-labelledby="h-tables" hidden>
      <div class="row">
        <h2 id="h-tables" data-t="tablesCaption">Các bảng bạn được xem</h2>
        <span id="who" class="muted"></span>
        <button id="signout" type="button" class="secondary" data-t="signOut">Đăng xuất</button>
      </div>
      <label><span data-t="filter">Lọc theo kế hoạch hoặc tên bảng</span><input id="filter" type="search" autocomplete="off"></label>
      <p id="count" class="muted" aria-live="polite"></p>
      <table>
        <thead><tr><th scope="col" data-t="plan">Kế hoạch</th><th scope="col" data-t="table">Bảng</th><th scope="col" data-t="status">Trạng thái</th><th scope="col" data-t="version">Phiên bản</th><th scope="col" data-t="actions">Thao tác</th></tr></thead>
        <tbody id="tables-body"></tbody>
      </table>
    </section>
    <section id="upload-section" aria-labelledby="h-upload" hidden>
      <h2 id="h-upload" data-t="uploadTitle">Tải tệp lên</h2>
      <form id="upload-form">
        <label><span data-t="uploadTable">Bảng</span><select id="upload-table"></select></label>
        <label><span data-t="file">Tệp .xlsx</span><input id="file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"></label>
        <label class="check"><input id="dry-run" type="checkbox"><span data-t="dryRun">Chỉ kiểm tra, không ghi</span></label>
        <div><button id="upload" type="submit" data-t="upload">Tải lên</button></div>
      </form>
    </section>
    <section id="result-section" aria-labelledby="h-result" tabindex="-1" hidden>
      <h2 id="h-result" data-t="resultTitle">Kết quả lần tải lên gần nhất</h2>
      <div id="result" aria-live="polite"></div>
    </section>
  </main>
  <script>${TABLES_PAGE_SCRIPT}</script>
</body>
</html>`;

export function tablesPageRouter(): Router {
  const router = express.Router();
  // Its own inline code and style only; it calls this server's /graphql and /tables/:id.xlsx, and is never framed.
  const policy = pagePolicy({ scripts: inlineHashes(PAGE, 'script'), styles: inlineHashes(PAGE, 'style') });
  router.get('/tables', policy, (_req, res) => {
    res.type('html').set('Cache-Control', 'no-store').send(PAGE);
  });
  return router;
}
