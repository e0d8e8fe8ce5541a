/**
 * The script of the /tables page, sent inline and allowed by its CSP hash (so it is one constant text:
 * nothing per request goes into it). Plain browser JavaScript, no backticks or template placeholders, so it
 * sits in this template string as it is. The session lives in sessionStorage: one tab, gone when it closes.
 */
export const TABLES_PAGE_SCRIPT = `
'use strict';
const TEXT = {
  vi: {
    title: 'Bảng số liệu', intro: 'Tải bảng về dạng tệp Excel (.xlsx), sửa bằng Excel, LibreOffice hoặc WPS, rồi tải lên: máy chủ kiểm tra và ghi như khi gửi từ add-in.',
    signInTitle: 'Đăng nhập', login: 'Tên đăng nhập', password: 'Mật khẩu', signIn: 'Đăng nhập', signOut: 'Đăng xuất', signingIn: 'Đang đăng nhập…',
    who: 'Đã đăng nhập: ', filter: 'Lọc theo kế hoạch hoặc tên bảng', tablesCaption: 'Các bảng bạn được xem',
    plan: 'Kế hoạch', table: 'Bảng', status: 'Trạng thái', version: 'Phiên bản', actions: 'Thao tác',
    download: 'Tải về', uploadThis: 'Tải lên…', loading: 'Đang tải danh sách…', none: 'Không có bảng nào bạn được xem.',
    shown: 'Đang hiện {n} bảng.',
    uploadTitle: 'Tải tệp lên', uploadTable: 'Bảng', file: 'Tệp .xlsx', dryRun: 'Chỉ kiểm tra, không ghi', upload: 'Tải lên', uploading: 'Đang tải lên và kiểm tra…',
    pickFile: 'Hãy chọn tệp .xlsx', pickTable: 'Hãy chọn bảng',
    resultTitle: 'Kết quả lần tải lên gần nhất', noResult: 'Chưa tải lên tệp nào.',
    cells: 'Ô', base: 'gốc', theirs: 'người khác', mine: 'của bạn', empty: '(trống)', conflictsTitle: 'Xung đột', findingsTitle: 'Phát hiện', notesTitle: 'Ghi chú',
    downloading: 'Đang chuẩn bị tệp…', downloaded: 'Đã bắt đầu tải về "{name}".', offline: 'Không kết nối được máy chủ',
    DRAFT: 'Bản nháp', SUBMITTED: 'Đã gửi duyệt', APPROVED: 'Đã duyệt',
    APPLIED: 'Đã ghi', UNCHANGED: 'Không có thay đổi', REJECTED: 'Không hợp lệ — chưa ghi gì', CONFLICT: 'Xung đột — chưa ghi gì', REFUSED: 'Bị từ chối — chưa ghi gì', DRY_RUN: 'Kiểm tra xong (chưa ghi)',
    ERROR: 'Lỗi', WARNING: 'Cảnh báo', INFO: 'Thông tin', other: 'English',
  },
  en: {
    title: 'Tables', intro: 'Download a table as an Excel file (.xlsx), edit it in Excel, LibreOffice or WPS, then upload it: the server checks and saves it as it does a push from the add-in.',
    signInTitle: 'Sign in', login: 'Login', password: 'Password', signIn: 'Sign in', signOut: 'Sign out', signingIn: 'Signing in…',
    who: 'Signed in: ', filter: 'Filter by plan or table title', tablesCaption: 'Tables you may read',
    plan: 'Plan', table: 'Table', status: 'Status', version: 'Version', actions: 'Actions',
    download: 'Download', uploadThis: 'Upload…', loading: 'Loading the list…', none: 'There is no table you may read.',
    shown: 'Showing {n} tables.',
    uploadTitle: 'Upload a file', uploadTable: 'Table', file: '.xlsx file', dryRun: 'Check only, write nothing', upload: 'Upload', uploading: 'Uploading and checking…',
    pickFile: 'Choose an .xlsx file', pickTable: 'Choose a table',
    resultTitle: 'Result of the last upload', noResult: 'No file uploaded yet.',
    cells: 'Cells', base: 'base', theirs: 'theirs', mine: 'mine', empty: '(empty)', conflictsTitle: 'Conflicts', findingsTitle: 'Findings', notesTitle: 'Notes',
    downloading: 'Preparing the file…', downloaded: 'Downloading "{name}".', offline: 'Cannot reach the server',
    DRAFT: 'Draft', SUBMITTED: 'Submitted', APPROVED: 'Approved',
    APPLIED: 'Saved', UNCHANGED: 'No change', REJECTED: 'Invalid — nothing written', CONFLICT: 'Conflict — nothing written', REFUSED: 'Refused — nothing written', DRY_RUN: 'Checked (nothing written)',
    ERROR: 'Error', WARNING: 'Warning', INFO: 'Information', other: 'Tiếng Việt',
  },
};
const SESSION = 'planbridge:tables:session';
const RESULT = 'planbridge:tables:last-upload';
let lang = localStorage.getItem('planbridge:tables:lang') === 'en' ? 'en' : 'vi';
let tables = [];
const $ = (id) => document.getElementById(id);
const t = (key, params) => String(TEXT[lang][key] ?? key).replace(/\\{(\\w+)\\}/g, (_, name) => String((params || {})[name] ?? ''));
const el = (tag, props, children) => {
  const node = document.createElement(tag);
  Object.assign(node, props || {});
  for (const child of children || []) node.append(child);
  return node;
};
const session = () => { try { return JSON.parse(sessionStorage.getItem(SESSION) || 'null'); } catch { return null; } };
const say = (text, kind) => { const box = $('message'); box.textContent = text || ''; box.className = kind || ''; };
const message = (answer) => (lang === 'vi' ? answer.messageVi : answer.messageEn) || answer.message || '';

async function graphql(query, variables) {
  const headers = { 'content-type': 'application/json' };
  const current = session();
  if (current) headers.authorization = 'Bearer ' + current.accessToken;
  let response;
  try {
    response = await (await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) })).json();
  } catch {
    throw new Error(t('offline'));
  }
  if (response.errors && response.errors.length) {
    const error = response.errors[0];
    const ext = error.extensions || {};
    if (ext.code === 'UNAUTHENTICATED') signOut();
    throw new Error((lang === 'vi' ? ext.messageVi : ext.messageEn) || error.message);
  }
  return response.data;
}

function applyTexts() {
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-t]').forEach((node) => { node.textContent = t(node.dataset.t); });
  document.querySelectorAll('[data-t-placeholder]').forEach((node) => { node.placeholder = t(node.dataset.tPlaceholder); });
  $('lang').textContent = t('other');
  $('lang').lang = lang === 'vi' ? 'en' : 'vi';
  document.title = 'PlanBridge – ' + t('title');
}

function renderTables() {
  const body = $('tables-body');
  const filter = $('filter').value.trim().toLowerCase();
  const shown = tables.filter((row) => (row.planText + ' ' + row.title).toLowerCase().includes(filter));
  body.replaceChildren(...shown.map((row) => {
    const download = el('button', { type: 'button', className: 'secondary', textContent: t('download') });
    download.setAttribute('aria-label', t('download') + ': ' + row.title + ' — ' + row.documentNumber);
    download.dataset.tableId = row.id;
    download.addEventListener('click', () => void onDownload(row));
    const upload = el('button', { type: 'button', className: 'secondary', textContent: t('uploadThis') });
    upload.setAttribute('aria-label', t('uploadThis') + ' ' + row.title + ' — ' + row.documentNumber);
    upload.dataset.uploadFor = row.id;
    upload.addEventListener('click', () => { $('upload-table').value = row.id; $('file').focus(); });
    return el('tr', { }, [
      el('td', { textContent: row.planText }),
      el('th', { scope: 'row', textContent: row.title }),
      el('td', { textContent: t(row.status) }),
      el('td', { className: 'number', textContent: String(row.version) }),
      el('td', { className: 'actions' }, [download, ' ', upload]),
    ]);
  }));
  $('count').textContent = tables.length ? t('shown', { n: shown.length }) : t('none');
  const select = $('upload-table');
  const chosen = select.value;
  select.replaceChildren(el('option', { value: '', textContent: t('pickTable') }), ...tables.map((row) => el('option', { value: row.id, textContent: row.documentNumber + ' — ' + row.title })));
  select.value = chosen;
}

function renderResult() {
  const box = $('result');
  let stored = null;
  try { stored = JSON.parse(sessionStorage.getItem(RESULT) || 'null'); } catch { stored = null; }
  if (!stored) { box.replaceChildren(el('p', { className: 'muted', textContent: t('noResult') })); return; }
  const answer = stored.answer;
  const status = answer.status === 'APPLIED' && answer.dryRun ? 'DRY_RUN' : answer.status || 'REFUSED';
  const parts = [
    el('p', { id: 'result-status', className: 'status-' + status, textContent: stored.tableTitle + ': ' + t(status) + (answer.code ? ' (' + answer.code + ')' : '') }),
    el('p', { id: 'result-message', textContent: message(answer) }),
  ];
  const list = (title, id, items) => {
    if (!items.length) return;
    parts.push(el('h3', { textContent: title }));
    parts.push(el('ul', { id }, items.map((item) => el('li', {}, item))));
  };
  list(t('cells'), 'result-cells', (answer.cells || []).map((cell) => [el('code', { textContent: cell })]));
  list(t('findingsTitle'), 'result-findings', (answer.findings || []).map((finding) => [
    el('strong', { textContent: t(finding.severity) + (finding.address ? ' ' + finding.address : '') + ': ' }), message(finding),
  ]));
  const shown = (value) => (value === null || value === undefined ? t('empty') : value);
  list(t('conflictsTitle'), 'result-conflicts', (answer.conflicts || []).map((conflict) => [
    el('strong', { textContent: (conflict.address || conflict.rowKey + ' / ' + conflict.columnKey) + ': ' }),
    t('base') + ' ' + shown(conflict.base) + ', ' + t('theirs') + ' ' + shown(conflict.theirs) + ', ' + t('mine') + ' ' + shown(conflict.mine),
  ]));
  list(t('notesTitle'), 'result-notes', (answer.notes || []).map((note) => [el('strong', { textContent: note.address + ': ' }), message(note)]));
  box.replaceChildren(...parts);
}

async function loadTables() {
  say(t('loading'));
  const data = await graphql('{ me { login displayName } plans { documentNumber title issuingUnit { name } tables { id title status version } } }');
  $('who').textContent = t('who') + data.me.displayName + ' (' + data.me.login + ')';
  tables = data.plans.flatMap((plan) => plan.tables.map((table) => ({
    ...table, documentNumber: plan.documentNumber, planText: plan.documentNumber + ' — ' + plan.issuingUnit.name,
  })));
  renderTables();
  say('');
}

function showSignedIn() {
  const signedIn = session() !== null;
  $('signin-section').hidden = signedIn;
  $('tables-section').hidden = !signedIn;
  $('upload-section').hidden = !signedIn;
  $('result-section').hidden = !signedIn;
  if (signedIn) loadTables().catch((error) => say(error.message, 'error'));
}

function signOut() {
  sessionStorage.removeItem(SESSION);
  sessionStorage.removeItem(RESULT);
  tables = [];
  renderResult();
  showSignedIn();
  $('login').focus();
}

async function onSignIn(event) {
  event.preventDefault();
  const form = $('signin-form');
  say(t('signingIn'));
  try {
    const data = await graphql('mutation ($login: String!, $password: String!) { signIn(login: $login, password: $password) { accessToken accessTokenExpiresAt } }', { login: form.login.value, password: form.password.value });
    sessionStorage.setItem(SESSION, JSON.stringify(data.signIn));
    form.password.value = '';
    say('');
    showSignedIn();
    $('filter').focus();
  } catch (error) {
    form.password.value = '';
    say(error.message, 'error');
  }
}

async function onDownload(row) {
  say(t('downloading'));
  try {
    const data = await graphql('query ($id: ID!) { tableWorkbook(tableId: $id) { path fileName } }', { id: row.id });
    // The signature covers table, version, user and expiry; the language of the headers is free to choose.
    const link = el('a', { href: data.tableWorkbook.path + (lang === 'en' ? '&lang=en' : ''), download: data.tableWorkbook.fileName });
    document.body.append(link);
    link.click();
    link.remove();
    say(t('downloaded', { name: data.tableWorkbook.fileName }), 'success');
  } catch (error) {
    say(error.message, 'error');
  }
}

async function onUpload(event) {
  event.preventDefault();
  const tableId = $('upload-table').value;
  const file = $('file').files[0];
  if (!tableId) { say(t('pickTable'), 'error'); $('upload-table').focus(); return; }
  if (!file) { say(t('pickFile'), 'error'); $('file').focus(); return; }
  const row = tables.find((candidate) => candidate.id === tableId);
  say(t('uploading'));
  let answer;
  try {
    const response = await fetch('/tables/' + encodeURIComponent(tableId) + '.xlsx?lang=' + lang + ($('dry-run').checked ? '&dryRun=true' : ''), {
      method: 'POST',
      headers: { authorization: 'Bearer ' + (session() || {}).accessToken, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      body: file,
    });
    answer = await response.json();
    if (response.status === 401) signOut();
  } catch {
    say(t('offline'), 'error');
    return;
  }
  sessionStorage.setItem(RESULT, JSON.stringify({ tableTitle: row ? row.documentNumber + ' — ' + row.title : tableId, fileName: file.name, answer }));
  say('');
  renderResult();
  if (answer.status === 'APPLIED' && !answer.dryRun) loadTables().catch((error) => say(error.message, 'error'));
  $('result-section').focus();
}

$('lang').addEventListener('click', () => {
  lang = lang === 'vi' ? 'en' : 'vi';
  localStorage.setItem('planbridge:tables:lang', lang);
  applyTexts();
  renderTables();
  renderResult();
});
$('signin-form').addEventListener('submit', (event) => void onSignIn(event));
$('signout').addEventListener('click', signOut);
$('filter').addEventListener('input', renderTables);
$('upload-form').addEventListener('submit', (event) => void onUpload(event));
applyTexts();
renderResult();
showSignedIn();
document.body.dataset.ready = 'true';
`;
