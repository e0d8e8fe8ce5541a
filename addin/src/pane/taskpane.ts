/**
 * The task pane: DOM wiring only. Everything it does goes through SheetSync (use cases), the workbook
 * gateway (Excel) and the GraphQL client; nothing here touches Excel directly.
 */
/// <reference types="office-js" />
import { ConflictResolution } from '../table-sync/conflicts';
import { ApiError, type IndicatorOption, PlanBridgeClient, type PlanOption, type UnitOption } from '../api/graphql';
import { UnitSearchBox } from './unit-search-box';
import { formatEnglish, formatVietnamese } from '../../../domain/vietnamese-number';
import { ExcelError } from '../excel/excel-errors';
import { errorText as describeError } from './error-text';
import { downloadTableFile } from './file-download';
import { dialogErrorKey, fromChosenServer, signInDialogUrl } from './sign-in';
import { platformRefusal } from './platform';
import { type MessageKey, pick, t } from './i18n';
import type { ListedProblem } from '../table-sync/marks';
import { OfficeWorkbookGateway } from '../excel/office-gateway';
import { reportQueryFromForm } from '../../../domain/indicators/report-query';
import type { ReportRecord } from '../report/report-store';
import { IndicatorReports } from '../report/report-sync';
import { PartitionedStorage, SessionStore, sessionFromDialogMessage, sessionKey } from '../api/session-store';
import { type Bound, type PushOutcome, SheetSync } from '../table-sync/sheet-sync';
import { randomId, workbookId } from '../excel/custom-xml-parts';
import { mountUnitsBelowCard } from './units-below-card';
import { SheetImport } from '../table-sync/sheet-import';
import { ImportCard } from './import-card';
import type { Lang } from '../api/types';
import type { Binding } from '../table-sync/snapshot-store';
import { type TableChangeNotice, TableWatch } from '../table-sync/table-watch';

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} missing from taskpane.html`);
  return element as T;
};

interface State {
  lang: Lang;
  busy: boolean;
  bound: Bound | null;
  activeSheetId: string | null;
  plans: PlanOption[];
  problems: ListedProblem[];
  resolution: ConflictResolution | null;
  resolutionMode: 'push' | 'refresh';
  workbookId: string | null;
  /** The indicator report in the active sheet, if it holds one. */
  report: ReportRecord | null;
  indicators: IndicatorOption[];
}

const state: State = { lang: 'vi', busy: false, bound: null, activeSheetId: null, plans: [], problems: [], resolution: null, resolutionMode: 'push', workbookId: null, report: null, indicators: [] };

let gateway: OfficeWorkbookGateway;
let sync: SheetSync;
let reports: IndicatorReports;
let importCard: ImportCard | undefined;
let client: PlanBridgeClient;
/** The pane's storage: Office partitions it per add-in and document host where it can (partitionKey), else the keys carry nothing more. */
let storage: PartitionedStorage;
let sessions: SessionStore;
/** Live changes to the bound sheets' tables, from this server. */
let tableWatch: TableWatch | null = null;
/** The bound sheets of this workbook by table id, as last read. */
let boundByTable = new Map<string, Binding>();
/** The newest change someone else made to a bound table, shown with a Refresh button until that sheet is refreshed. */
let liveChange: { sheetId: string; title: string; change: TableChangeNotice } | null = null;

function tr(key: MessageKey, params: Record<string, string | number> = {}): string {
  return t(state.lang, key, params);
}

function serverUrl(): string {
  return ($<HTMLInputElement>('server').value.trim() || window.location.origin).replace(/\/+$/, '');
}

function makeClient(): PlanBridgeClient {
  client = new PlanBridgeClient({ serverUrl: serverUrl(), session: sessions });
  tableWatch?.close();
  tableWatch = new TableWatch({ endpoint: client.endpoint, token: () => client.accessToken(), changed: onTableChanged });
  return client;
}

function applyTexts(): void {
  document.documentElement.lang = state.lang;
  for (const element of Array.from(document.querySelectorAll<HTMLElement>('[data-i18n]'))) element.textContent = tr(element.dataset.i18n as MessageKey);
  for (const element of Array.from(document.querySelectorAll<HTMLElement>('[data-i18n-label]'))) element.setAttribute('aria-label', tr(element.dataset.i18nLabel as MessageKey));
  for (const element of Array.from(document.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]'))) element.placeholder = tr(element.dataset.i18nPlaceholder as MessageKey);
  renderWho();
  renderSheet();
  renderIndicators();
  renderProblems();
  renderConflicts();
  renderLiveChange();
  importCard?.render();
}

function say(text: string, kind: 'info' | 'success' | 'error' | 'warning' = 'info'): void {
  const box = $('message');
  box.textContent = text;
  box.className = `pb-message pb-${kind}`;
  box.hidden = text === '';
}

/** The person's message for a failure; the details go to the console, and a deleted sheet's binding is dropped. */
function errorText(error: unknown): string {
  if (!(error instanceof ApiError)) console.error('PlanBridge', error);
  if (error instanceof ExcelError && error.code === 'ItemNotFound') {
    state.bound = null;
    void sync.forgetDeletedSheets().then(refreshActiveSheet, () => undefined);
  }
  return describeError(state.lang, error);
}

function setProgress(fraction: number | null, text = ''): void {
  const bar = $('progress');
  if (fraction === null) {
    bar.hidden = true;
    bar.removeAttribute('aria-valuenow');
    return;
  }
  bar.hidden = false;
  const percent = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
  bar.setAttribute('aria-valuenow', String(percent));
  bar.setAttribute('aria-valuetext', text || `${percent}%`);
  ($('progress-fill') as HTMLElement).style.width = `${percent}%`;
  $('progress-text').textContent = text;
}

async function busy<T>(work: (progress: (fraction: number, vi: string, en: string) => void) => Promise<T>): Promise<T | undefined> {
  if (state.busy) return undefined;
  state.busy = true;
  document.body.setAttribute('aria-busy', 'true');
  updateButtons();
  say('');
  setProgress(0, tr('busy'));
  try {
    return await work((fraction, vi, en) => setProgress(fraction, pick(state.lang, vi, en)));
  } catch (error) {
    say(errorText(error), 'error');
    return undefined;
  } finally {
    state.busy = false;
    document.body.removeAttribute('aria-busy');
    setProgress(null);
    updateButtons();
  }
}

function updateButtons(): void {
  const bound = state.bound !== null;
  const tableChosen = $<HTMLSelectElement>('table').value !== '';
  const set = (id: string, enabled: boolean) => {
    const button = $<HTMLButtonElement>(id);
    button.disabled = state.busy || !enabled;
  };
  set('pull', tableChosen || bound);
  set('push', bound);
  set('validate', bound);
  set('refresh', bound);
  set('revert', bound);
  set('download-file', bound);
  set('submit', bound && !!sessions.get());
  set('approve', bound && !!sessions.get());
  set('report-pull', true);
  set('report-refresh', state.report !== null);
  set('import-preview', true);
  set('import-create', true);
  set('signin', true);
  set('signout', !!sessions.get());
}

function renderWho(): void {
  const session = sessions.get();
  $('who').textContent = session ? tr('signedInAs', { name: session.user?.displayName ?? session.user?.login ?? '••••' }) : tr('notSignedIn');
}

function renderSheet(): void {
  const info = $('sheet-info');
  if (state.report) {
    info.textContent = tr('reportInfo', { when: new Date(state.report.pulledAt).toLocaleString(state.lang === 'vi' ? 'vi-VN' : 'en-GB') });
    return;
  }
  if (!state.bound) {
    info.textContent = tr('unbound');
    return;
  }
  const table = state.bound.table;
  const when = new Date(table.pulledAt).toLocaleString(state.lang === 'vi' ? 'vi-VN' : 'en-GB');
  info.textContent = tr('boundInfo', { doc: table.documentNumber, title: table.title, version: table.version, when });
  if (table.status) info.textContent += ` · ${tr('statusLabel', { status: statusWords(table.status) })}`;
}

function renderLiveChange(): void {
  $('live-change').hidden = liveChange === null;
  if (!liveChange) return;
  const { change, title } = liveChange;
  const time = new Date(change.changedAt).toLocaleTimeString(state.lang === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  $('live-change-text').textContent = tr('tableChangedBy', { name: change.author, time, table: title, version: change.version });
}

/** Someone else's new version of a bound table: the sheet's own pushes and versions it already has are not news. */
function onTableChanged(change: TableChangeNotice): void {
  const binding = boundByTable.get(change.tableId);
  if (!binding || change.version <= binding.summary.version || change.authorLogin === sessions.get()?.user?.login) return;
  if (liveChange && liveChange.change.version > change.version && liveChange.change.tableId === change.tableId) return;
  liveChange = { sheetId: binding.sheetId, title: binding.summary.title, change };
  renderLiveChange();
}

/** Subscribes for the tables bound in this workbook (pulled from this server), while signed in. */
async function watchBoundTables(): Promise<void> {
  const bindings = await sync.store.bindings();
  boundByTable = new Map(bindings.filter((binding) => binding.summary.serverUrl === client.serverUrl).map((binding) => [binding.summary.tableId, binding]));
  const seen = liveChange && boundByTable.get(liveChange.change.tableId);
  if (liveChange && (!seen || seen.summary.version >= liveChange.change.version)) liveChange = null;
  renderLiveChange();
  tableWatch?.watch(sessions.get() ? [...boundByTable.values()].map((binding) => ({ tableId: binding.summary.tableId, version: binding.summary.version })) : []);
}

async function onLiveRefresh(): Promise<void> {
  const sheetId = liveChange?.sheetId;
  if (!sheetId) return;
  await onRefresh(null, sheetId);
}

/** DRAFT, SUBMITTED, APPROVED in words; a status this pane does not know yet as the server names it. */
function statusWords(status: string): string {
  const key = `status${status}` as MessageKey;
  return key === 'statusDRAFT' || key === 'statusSUBMITTED' || key === 'statusAPPROVED' ? tr(key) : status;
}

function renderProblems(): void {
  const list = $('problems');
  list.replaceChildren();
  $('problems-section').hidden = state.problems.length === 0;
  for (const problem of state.problems) {
    const item = document.createElement('li');
    item.className = `pb-problem pb-${problem.severity === 'ERROR' ? 'error' : 'warning'}`;
    const badge = document.createElement('span');
    badge.className = 'pb-badge';
    badge.textContent = problem.severity === 'ERROR' ? tr('errorSeverity') : tr('warningSeverity');
    const text = document.createElement('span');
    text.className = 'pb-problem-text';
    text.textContent = pick(state.lang, problem.messageVi, problem.messageEn) + (problem.preExisting ? ` (${tr('preExisting')})` : '');
    if (problem.address && state.bound) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'pb-problem-button';
      button.dataset.address = problem.address;
      const cell = document.createElement('span');
      cell.className = 'pb-cell';
      cell.textContent = tr('cellLink', { address: problem.address });
      button.append(badge, cell, text);
      button.addEventListener('click', () => {
        const sheetId = state.bound?.sheet.id;
        if (sheetId) void sync.select(sheetId, problem.address!).catch((error) => say(errorText(error), 'error'));
      });
      item.append(button);
    } else item.append(badge, text);
    list.append(item);
  }
}

/** A value of a conflict as the person writes it (5.600.826 in Vietnamese); empty said in words, never 0. */
function shownValue(value: string | null): string {
  if (value === null || value === '') return tr('emptyCell');
  if (!/^-?\d+(\.\d+)?$/.test(value)) return value;
  return state.lang === 'vi' ? formatVietnamese(value) : formatEnglish(value);
}

function renderConflicts(): void {
  const section = $('conflicts-section');
  const body = $('conflicts-body');
  body.replaceChildren();
  const resolution = state.resolution;
  section.hidden = !resolution;
  if (!resolution) return;
  $('conflicts-apply').textContent = state.resolutionMode === 'push' ? tr('pushAgain') : tr('applyChoices');
  resolution.conflicts.forEach((conflict, index) => {
    const row = document.createElement('tr');
    const cell = (value: string | null) => {
      const td = document.createElement('td');
      td.textContent = shownValue(value);
      return td;
    };
    const where = document.createElement('th');
    where.scope = 'row';
    where.textContent = `${conflict.rowNumber ?? ''} ${conflict.rowLabel} / ${conflict.columnLabel}`.trim();
    const choice = document.createElement('td');
    const group = document.createElement('div');
    group.setAttribute('role', 'radiogroup');
    group.setAttribute('aria-label', where.textContent);
    for (const option of ['theirs', 'mine'] as const) {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'radio';
      input.name = `conflict-${index}`;
      input.value = option;
      input.checked = resolution.choiceOf(conflict.rowKey, conflict.columnKey) === option;
      input.addEventListener('change', () => {
        resolution.choose(conflict.rowKey, conflict.columnKey, option);
        updateConflictButton();
      });
      label.append(input, document.createTextNode(` ${option === 'theirs' ? tr('keepTheirs') : tr('keepMine')}`));
      group.append(label);
    }
    choice.append(group);
    row.append(where, cell(conflict.base), cell(conflict.theirs), cell(conflict.mine), choice);
    body.append(row);
  });
  updateConflictButton();
}

function updateConflictButton(): void {
  $<HTMLButtonElement>('conflicts-apply').disabled = !state.resolution?.complete || state.busy;
}

async function refreshActiveSheet(): Promise<void> {
  try {
    const sheet = await gateway.activeSheet();
    state.activeSheetId = sheet.id;
    state.bound = await sync.bound(sheet.id);
    state.report = await reports.store.forSheet(sheet.id);
    const target = $<HTMLSelectElement>('target');
    const previous = target.value;
    const sheets = await gateway.listSheets();
    target.replaceChildren(new Option(tr('newSheet'), ''), ...sheets.map((candidate) => new Option(tr('existingSheet', { name: candidate.name }), candidate.id)));
    target.value = sheets.some((candidate) => candidate.id === previous) ? previous : state.bound ? sheet.id : '';
    await watchBoundTables();
  } catch (error) {
    say(errorText(error), 'error');
  }
  renderSheet();
  updateButtons();
}

function unitLabel(unit: UnitOption): string {
  const until = unit.validTo ? `${unit.validFrom.slice(0, 4)}–${unit.validTo.slice(0, 4)}` : `${unit.validFrom.slice(0, 4)}–`;
  return `${unit.name} (${unit.code}, ${until})`;
}

/** The provinces for reports; the unit of a table is found with the search box. */
async function loadUnits(): Promise<void> {
  try {
    const units = await makeClient().provinces();
    units.sort((a, b) => a.name.localeCompare(b.name, 'vi') || a.validFrom.localeCompare(b.validFrom));
    const country = new Option(tr('wholeCountry'), '');
    country.dataset.i18n = 'wholeCountry';
    $<HTMLSelectElement>('report-unit').replaceChildren(country, ...units.map((unit) => new Option(unitLabel(unit), unit.id)));
    state.indicators = await client.indicators();
    renderIndicators();
  } catch (error) {
    say(errorText(error), 'error');
  }
}

/** The indicator list in the pane's language, keeping what was selected. */
function renderIndicators(): void {
  const select = $<HTMLSelectElement>('report-indicators');
  const chosen = new Set(Array.from(select.selectedOptions, (option) => option.value));
  select.replaceChildren(
    ...state.indicators.map((indicator) => {
      const option = new Option(pick(state.lang, indicator.name, indicator.nameEn), indicator.key);
      option.selected = chosen.has(indicator.key);
      return option;
    }),
  );
}

async function onReportPull(): Promise<void> {
  const read = reportQueryFromForm({
    unitId: $<HTMLSelectElement>('report-unit').value,
    indicatorKeys: Array.from($<HTMLSelectElement>('report-indicators').selectedOptions, (option) => option.value),
    asOf: $<HTMLInputElement>('report-asof').value,
    from: $<HTMLInputElement>('report-from').value,
    to: $<HTMLInputElement>('report-to').value,
    breakdown: $<HTMLSelectElement>('report-breakdown').value,
  });
  if ('problem' in read) return say(tr(read.problem), 'warning');
  await busy(async (progress) => {
    const outcome = await reports.pull(read.query, progress);
    await refreshActiveSheet();
    say(tr('reportPulled', { count: outcome.rows, sheet: outcome.sheet.name }), 'success');
  });
}

async function onReportRefresh(): Promise<void> {
  const sheetId = state.report?.sheetId;
  if (!sheetId) return say(tr('notAReport'), 'warning');
  await busy(async (progress) => {
    const outcome = await reports.refresh(sheetId, progress);
    await refreshActiveSheet();
    say(tr('reportRefreshed', { count: outcome.rows, sheet: outcome.sheet.name }), 'success');
  });
}

async function loadPlans(unitId: string): Promise<void> {
  const planSelect = $<HTMLSelectElement>('plan');
  const tableSelect = $<HTMLSelectElement>('table');
  planSelect.replaceChildren(new Option(tr('choose'), ''));
  tableSelect.replaceChildren(new Option(tr('choose'), ''));
  state.plans = [];
  if (!unitId) return updateButtons();
  try {
    state.plans = await client.plans(unitId);
    if (state.plans.length === 0) planSelect.replaceChildren(new Option(tr('noPlans'), ''));
    else planSelect.append(...state.plans.map((plan) => new Option(`${plan.documentNumber} — ${plan.title}`, plan.id)));
    if (state.plans.length === 1) {
      planSelect.value = state.plans[0].id;
      loadTables(state.plans[0].id);
    }
  } catch (error) {
    say(errorText(error), 'error');
  }
  updateButtons();
}

function loadTables(planId: string): void {
  const tableSelect = $<HTMLSelectElement>('table');
  const plan = state.plans.find((candidate) => candidate.id === planId);
  tableSelect.replaceChildren(new Option(tr('choose'), ''), ...(plan?.tables ?? []).map((table) => new Option(`${table.title} (${table.unitOfMeasure}, v${table.version})`, table.id)));
  if (plan && plan.tables.length === 1) tableSelect.value = plan.tables[0].id;
  updateButtons();
}

async function loadDistricts(unitId: string): Promise<void> {
  const select = $<HTMLSelectElement>('district');
  select.replaceChildren(new Option(tr('choose'), ''));
  if (!unitId) return;
  try {
    const children = await client.childUnits(unitId);
    children.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    select.append(...children.map((unit) => new Option(unitLabel(unit), unit.id)));
  } catch {
    // lower levels are optional
  }
}

/** An inline confirmation (window.confirm is not available inside Office add-ins). */
function confirmInline(text: string, yes: string): Promise<boolean> {
  const box = $('confirm');
  $('confirm-text').textContent = text;
  $('confirm-yes').textContent = yes;
  $('confirm-no').textContent = tr('cancel');
  box.hidden = false;
  $<HTMLButtonElement>('confirm-no').focus();
  return new Promise((resolve) => {
    const done = (answer: boolean) => {
      box.hidden = true;
      $('confirm-yes').removeEventListener('click', onYes);
      $('confirm-no').removeEventListener('click', onNo);
      resolve(answer);
    };
    const onYes = () => done(true);
    const onNo = () => done(false);
    $('confirm-yes').addEventListener('click', onYes);
    $('confirm-no').addEventListener('click', onNo);
  });
}

async function separatorHint(): Promise<void> {
  try {
    const separators = await gateway.separators();
    const hint = $('separator-hint');
    const wrong = separators !== null && separators.group !== '.';
    hint.hidden = !wrong;
    hint.textContent = wrong ? tr('separatorHint', { sep: separators.group, where: tr(separators.system ? 'separatorWhereSystem' : 'separatorWhereExcel') }) : '';
  } catch {
    // informative only
  }
}

async function onPull(): Promise<void> {
  const tableId = $<HTMLSelectElement>('table').value || state.bound?.table.tableId;
  if (!tableId) return say(tr('pickTable'), 'warning');
  const targetId = $<HTMLSelectElement>('target').value;
  if (targetId) {
    const inspected = await sync.inspectTarget(targetId).catch((error: unknown) => {
      say(errorText(error), 'error');
      return null;
    });
    if (!inspected) return;
    if (!inspected.empty) {
      const sheet = (await gateway.listSheets()).find((candidate) => candidate.id === targetId);
      const bound = inspected.binding ? tr('confirmOverwriteBound', { title: inspected.binding.summary.title, version: inspected.binding.summary.version }) : '';
      if (!(await confirmInline(tr('confirmOverwrite', { name: sheet?.name ?? '', bound }), tr('overwrite')))) return;
    }
  }
  await busy(async (progress) => {
    const bound = await sync.pull(tableId, { sheetId: targetId || undefined }, progress);
    state.bound = bound;
    state.problems = [];
    state.resolution = null;
    renderProblems();
    renderConflicts();
    await refreshActiveSheet();
    say(tr('pulled', { title: bound.table.title, version: bound.table.version, sheet: bound.sheet.name }), 'success');
    await separatorHint();
  });
}

function showPushOutcome(outcome: PushOutcome): void {
  state.problems = outcome.problems;
  state.resolution = null;
  switch (outcome.kind) {
    case 'nothing':
      say(tr('nothingToPush'), 'info');
      break;
    case 'blocked':
      say(tr('blocked', { count: outcome.problems.filter((problem) => problem.severity === 'ERROR').length }), 'error');
      break;
    case 'applied':
      say(tr('applied', { count: outcome.result.appliedCells, version: outcome.result.version }), 'success');
      break;
    case 'rejected':
      say(tr('rejected', { message: pick(state.lang, outcome.result.messageVi, outcome.result.messageEn) }), 'error');
      break;
    case 'conflict':
      state.resolution = outcome.resolution;
      state.resolutionMode = 'push';
      say(tr('conflict', { count: outcome.resolution.conflicts.length }), 'warning');
      break;
    case 'restructured':
      say(tr('restructured'), 'error');
      break;
  }
  renderProblems();
  renderConflicts();
}

async function onPush(): Promise<void> {
  const sheetId = state.bound?.sheet.id;
  if (!sheetId) return;
  await busy(async (progress) => {
    const outcome = await sync.push(sheetId, { comment: $<HTMLInputElement>('comment').value.trim() || null }, progress);
    showPushOutcome(outcome);
    if (outcome.kind === 'applied') $<HTMLInputElement>('comment').value = '';
    await refreshActiveSheet();
  });
}

async function onValidate(): Promise<void> {
  const sheetId = state.bound?.sheet.id;
  if (!sheetId) return;
  await busy(async (progress) => {
    const outcome = await sync.validate(sheetId, progress);
    state.problems = outcome.problems;
    state.resolution = null;
    renderProblems();
    renderConflicts();
    const errors = outcome.problems.filter((problem) => problem.severity === 'ERROR').length;
    const warnings = outcome.problems.length - errors;
    const result = errors + warnings === 0 ? tr('validatedOk') : tr('validatedErrors', { errors, warnings });
    say(`${tr('validated', { count: outcome.changes, result })}${outcome.rulesChecked || outcome.changes === 0 ? '' : ` ${tr('rulesNotChecked')}`}`, errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'success');
  });
}

async function onRefresh(resolution: ConflictResolution | null = null, sheetId = state.bound?.sheet.id): Promise<void> {
  if (!sheetId) return;
  await busy(async (progress) => {
    const outcome = await sync.refresh(sheetId, resolution, progress);
    state.resolution = null;
    if (outcome.kind === 'done') {
      state.problems = [];
      say(outcome.updated === 0 && outcome.kept === 0 && state.bound?.table.version === outcome.version ? tr('upToDate') : tr('refreshed', { version: outcome.version, updated: outcome.updated, kept: outcome.kept }), 'success');
    } else if (outcome.kind === 'conflict') {
      state.resolution = outcome.resolution;
      state.resolutionMode = 'refresh';
      say(tr('conflict', { count: outcome.resolution.conflicts.length }), 'warning');
    } else if (outcome.kind === 'blocked') {
      state.problems = outcome.problems;
      say(tr('blocked', { count: outcome.problems.length }), 'error');
    } else say(tr('restructured'), 'error');
    renderProblems();
    renderConflicts();
    await refreshActiveSheet();
  });
}

async function onResolve(): Promise<void> {
  const sheetId = state.bound?.sheet.id;
  const resolution = state.resolution;
  if (!sheetId || !resolution?.complete) return;
  if (state.resolutionMode === 'refresh') return onRefresh(resolution);
  await busy(async (progress) => {
    const outcome = await sync.resolveAndPush(sheetId, resolution, { comment: $<HTMLInputElement>('comment').value.trim() || null }, progress);
    showPushOutcome(outcome);
    await refreshActiveSheet();
  });
}

async function onRevert(): Promise<void> {
  const sheetId = state.bound?.sheet.id;
  if (!sheetId) return;
  await busy(async (progress) => {
    const outcome = await sync.revert(sheetId, progress);
    state.problems = outcome.problems;
    state.resolution = null;
    renderProblems();
    renderConflicts();
    say(tr('reverted', { count: outcome.reverted }), 'success');
  });
}

async function onDownloadFile(): Promise<void> {
  const tableId = state.bound?.table.tableId;
  if (!tableId) return;
  await busy(async () => {
    const fileName = await downloadTableFile(client, tableId, state.lang);
    say(tr('fileDownloaded', { name: fileName, server: client.serverUrl }), 'success');
  });
}

async function onWorkflow(kind: 'submit' | 'approve'): Promise<void> {
  const table = state.bound?.table;
  const sheetId = state.bound?.sheet.id;
  if (!table || !sheetId) return;
  await busy(async (progress) => {
    const comment = $<HTMLInputElement>('comment').value.trim() || null;
    await (kind === 'submit' ? client.submit(table.tableId, comment) : client.approve(table.tableId, comment));
    // The sheet keeps what it knows of the table (status, editable) from the last pull: bring it up to date.
    await sync.refresh(sheetId, null, progress);
    await refreshActiveSheet();
    say(tr(kind === 'submit' ? 'submitted' : 'approved'), 'success');
  });
}

async function ensureWorkbookId(): Promise<string> {
  if (!state.workbookId) state.workbookId = await workbookId(sync.gateway);
  return state.workbookId;
}

async function useSessionFor(): Promise<void> {
  const parts = await gateway.listPartIds('urn:planbridge:workbook:1').catch(() => [] as string[]);
  if (parts.length > 0 || state.workbookId) sessions.use(sessionKey(serverUrl(), await ensureWorkbookId()));
  else sessions.use(sessionKey(serverUrl(), 'none'));
  renderWho();
}

async function storeSession(session: ReturnType<typeof sessionFromDialogMessage>): Promise<void> {
  sessions.use(sessionKey(serverUrl(), await ensureWorkbookId()));
  sessions.set(session);
  if (session && !session.user) {
    try {
      const me = await client.me();
      if (me) sessions.set({ ...session, user: me });
    } catch {
      // the token may not allow "me"; it is kept anyway
    }
  }
  renderWho();
  updateButtons();
  await watchBoundTables();
}

function onSignIn(): void {
  const server = serverUrl();
  Office.context.ui.displayDialogAsync(signInDialogUrl(window.location.href, server), { height: 60, width: 30, displayInIframe: true }, (result) => {
    if (result.status !== Office.AsyncResultStatus.Succeeded) {
      const code = result.error?.code ?? 0;
      say(tr(dialogErrorKey(code), { code, message: String(code) }), 'error');
      return;
    }
    const dialog = result.value;
    dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
      if (!('message' in arg)) return;
      const origin = (arg as { origin?: string }).origin;
      if (!fromChosenServer(origin, server, window.location.origin)) return say(tr('dialogWrongOrigin', { origin: String(origin) }), 'warning');
      const session = sessionFromDialogMessage(String(arg.message));
      dialog.close();
      if (!session) return say(tr('signInFailed', { message: tr('dialogClosed') }), 'error');
      void storeSession(session).then(() => say(tr('signedInAs', { name: session.user?.displayName ?? session.user?.login ?? '' }), 'success'));
    });
    dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
      const code = 'error' in arg ? arg.error : 0;
      say(tr(dialogErrorKey(code), { code, message: String(code) }), code === 12006 ? 'info' : 'error');
    });
  });
}

async function onSaveToken(): Promise<void> {
  const input = $<HTMLInputElement>('token');
  const token = input.value.trim();
  input.value = '';
  await storeSession(token ? { accessToken: token } : null);
  say(tr('tokenSaved'), 'success');
}

function wire(): void {
  $('lang').addEventListener('click', () => {
    state.lang = state.lang === 'vi' ? 'en' : 'vi';
    storage.setItem('planbridge:lang', state.lang);
    applyTexts();
  });
  $('server').addEventListener('change', () => {
    storage.setItem('planbridge:server', serverUrl());
    makeClient();
    void useSessionFor().then(loadUnits);
  });
  new UnitSearchBox($<HTMLInputElement>('unit-search'), $('unit-results'), {
    search: (query) => client.searchUnits(query),
    label: unitLabel,
    noMatch: () => tr('noUnitsFound'),
    failed: (error) => say(errorText(error), 'error'),
    choose: (unit) => {
      $<HTMLInputElement>('unit').value = unit.id;
      void loadDistricts(unit.id);
      void loadPlans(unit.id);
    },
  });
  $('district').addEventListener('change', () => void loadPlans($<HTMLSelectElement>('district').value || $<HTMLInputElement>('unit').value));
  $('plan').addEventListener('change', () => loadTables($<HTMLSelectElement>('plan').value));
  $('table').addEventListener('change', updateButtons);
  $('pull').addEventListener('click', () => void onPull());
  $('push').addEventListener('click', () => void onPush());
  $('validate').addEventListener('click', () => void onValidate());
  $('refresh').addEventListener('click', () => void onRefresh());
  $('live-refresh').addEventListener('click', () => void onLiveRefresh());
  $('revert').addEventListener('click', () => void onRevert());
  $('download-file').addEventListener('click', () => void onDownloadFile());
  $('submit').addEventListener('click', () => void onWorkflow('submit'));
  $('approve').addEventListener('click', () => void onWorkflow('approve'));
  $('signin').addEventListener('click', onSignIn);
  $('signout').addEventListener('click', () => {
    sessions.set(null);
    renderWho();
    updateButtons();
    void watchBoundTables();
  });
  $('save-token').addEventListener('click', () => void onSaveToken());
  $('all-theirs').addEventListener('click', () => {
    state.resolution?.chooseAll('theirs');
    renderConflicts();
  });
  $('all-mine').addEventListener('click', () => {
    state.resolution?.chooseAll('mine');
    renderConflicts();
  });
  $('conflicts-apply').addEventListener('click', () => void onResolve());
  $('report-pull').addEventListener('click', () => void onReportPull());
  $('report-refresh').addEventListener('click', () => void onReportRefresh());
  $('conflicts-cancel').addEventListener('click', () => {
    state.resolution = null;
    renderConflicts();
  });
  window.addEventListener('focus', () => {
    if (!state.busy) void refreshActiveSheet();
  });
}

export async function start(): Promise<void> {
  storage = new PartitionedStorage(window.localStorage, Office.context.partitionKey);
  sessions = new SessionStore(storage, 'planbridge:session:none');
  const saved = storage.getItem('planbridge:lang');
  state.lang = saved === 'en' || saved === 'vi' ? saved : (Office.context.displayLanguage ?? 'vi').toLowerCase().startsWith('en') ? 'en' : 'vi';
  $<HTMLInputElement>('server').value = storage.getItem('planbridge:server') ?? window.location.origin;
  gateway = new OfficeWorkbookGateway();
  makeClient();
  sync = new SheetSync(gateway, () => client, { lang: () => state.lang, newKey: randomId });
  reports = new IndicatorReports(gateway, () => client, { lang: () => state.lang });
  importCard = new ImportCard(new SheetImport(sync, () => client), {
    lang: () => state.lang,
    planId: () => $<HTMLSelectElement>('plan').value,
    run: busy,
    say,
    created: async (bound) => {
      state.bound = bound;
      state.problems = [];
      renderProblems();
      await refreshActiveSheet();
    },
  });
  wire();
  applyTexts();
  mountUnitsBelowCard(gateway, () => client);
  await useSessionFor();
  await reports.store.forgetDeletedSheets().catch(() => 0);
  await sync.forgetDeletedSheets().catch(() => 0);
  await refreshActiveSheet();
  await loadUnits();
  say(tr('ready'), 'info');
  document.body.dataset.ready = 'true';
}

/** Opened in a plain browser (no Office, or Office not hosted by Excel): say so instead of showing an empty form. */
function showNotInExcel(): void {
  document.getElementById('not-in-excel')!.hidden = false;
  document.querySelector('main')!.hidden = true;
  document.body.dataset.ready = 'not-in-excel';
}

if (typeof Office === 'undefined') showNotInExcel();
else {
  Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) {
      showNotInExcel();
      return;
    }
    const refusal = platformRefusal(Office);
    if (refusal) {
      say(refusal, 'error');
      document.body.dataset.refused = 'platform';
      return;
    }
    void start();
  });
}
