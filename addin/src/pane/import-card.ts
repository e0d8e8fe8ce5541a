/**
 * The "New table from this sheet" card: reads the sheet, shows the dry run (rows with their levels and kinds,
 * columns with their types, the proposed rules with ✓/✗ counts, the published mistakes), lets the person leave
 * rules out, say what an empty cell means (in the table, or in one column), change a figure column's type and
 * which row is the total (each change proposes the rules again), then creates the table and binds the sheet to it. DOM only: the
 * work is SheetImport's.
 */
import type { Rule } from '../../../domain/rules';
import type { EmptyMeaning, FigureColumnType, ImportAnswer, ImportedColumn } from '../api/table-import';
import type { Lang } from '../api/types';
import type { ProgressFn } from '../excel/batches';
import type { Bound } from '../table-sync/sheet-sync';
import type { ImportChoices, SheetImport, SheetSource } from '../table-sync/sheet-import';
import { type MessageKey, pick, t } from './i18n';

export interface ImportCardHost {
  lang(): Lang;
  /** The plan chosen in the "Choose a table" card, '' when none. */
  planId(): string;
  /** Runs the work with the pane busy, its failure said; undefined when it failed or the pane was busy. */
  run<T>(work: (progress: ProgressFn) => Promise<T>): Promise<T | undefined>;
  say(text: string, kind: 'info' | 'success' | 'error' | 'warning'): void;
  /** The sheet is now bound to the new table. */
  created(bound: Bound): Promise<void>;
}

/** Rows listed in the pane; the rest are counted (a table may have thousands). */
const SHOWN_ROWS = 200;

const TYPE_KEYS: Record<string, MessageKey> = {
  stt: 'typeStt', label: 'typeLabel', unit: 'typeUnit', money: 'typeMoney', count: 'typeCount', rate: 'typeRate', measure: 'typeMeasure', text: 'typeText',
};

/** The types a figure column can be given, as the answer names them (lowercase) and as the input takes them. */
const FIGURE_TYPES: Record<string, FigureColumnType> = { money: 'MONEY', count: 'COUNT', rate: 'RATE', measure: 'MEASURE' };

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} missing from taskpane.html`);
  return found as T;
}

function cells(row: HTMLTableRowElement, texts: string[]): HTMLTableRowElement {
  for (const text of texts) {
    const cell = document.createElement('td');
    cell.textContent = text;
    row.append(cell);
  }
  return row;
}

/** A rule in words, its references named by their headers (columns) or labels (rows). */
export function ruleText(rule: Rule, answer: ImportAnswer, lang: Lang): string {
  const { columns, rows } = answer.structure;
  const name = (key: string) => columns.find((column) => column.key === key)?.header ?? rows.find((row) => row.key === key)?.label ?? key;
  const list = (keys: string[], sign = ' + ') => keys.map(name).join(sign);
  const say = (vi: string, en: string) => pick(lang, vi, en);
  switch (rule.kind) {
    case 'ROW_SUM':
      return `${name(rule.totalColumn)} = ${list(rule.partColumns)}`;
    case 'HIERARCHY_SUM':
      return say('Dòng cha = tổng các dòng con', 'Parent row = sum of its children');
    case 'GRAND_TOTAL':
      return say('Dòng tổng = tổng các mục', 'Total row = sum of the items');
    case 'NON_NEGATIVE':
      return say(`Không âm: ${list(rule.columns ?? [], ', ')}`, `Not negative: ${list(rule.columns ?? [], ', ')}`);
    case 'WHOLE_NUMBER':
      return say(`Số nguyên: ${list(rule.columns ?? [], ', ')}`, `Whole numbers: ${list(rule.columns ?? [], ', ')}`);
    case 'RANGE':
      return `${rule.min ?? '−∞'} ≤ ${list(rule.columns ?? [], ', ')} ≤ ${rule.max ?? '∞'}`;
    case 'RATIO':
      return `${name(rule.rate)} = ${name(rule.numerator)} ÷ ${name(rule.denominator)}${rule.scale && rule.scale !== '1' ? ` × ${rule.scale}` : ''}`;
    case 'BALANCE':
      return `${name(rule.end)} = ${name(rule.start)}${rule.plus.map((key) => ` + ${name(key)}`).join('')}${rule.minus.map((key) => ` − ${name(key)}`).join('')}`;
    case 'COMPARE':
      return `${name(rule.left)} ${rule.relation === 'LE' ? '≤' : '≥'} ${name(rule.right)}`;
  }
}

export class ImportCard {
  private source: SheetSource | null = null;
  /** The dry run whose proposals are listed (findings may come from a later one, with the rules chosen). */
  private answer: ImportAnswer | null = null;
  private chosen = new Set<string>();
  /** Columns whose empty cells the person said mean something else than the answer had them mean. */
  private columnMeans = new Map<string, EmptyMeaning>();
  /** Figure columns whose type the person changed. */
  private columnTypes = new Map<string, FigureColumnType>();
  /** The data row the person said is the total; null: the one found. */
  private totalRow: number | null = null;

  constructor(
    private readonly sheets: SheetImport,
    private readonly host: ImportCardHost,
  ) {
    element('import-preview').addEventListener('click', () => void this.preview());
    element('import-empty').addEventListener('change', () => void this.proposeAgain());
    element('import-total').addEventListener('change', () => {
      this.totalRow = Number(element<HTMLSelectElement>('import-total').value);
      void this.proposeAgain();
    });
    element('import-create').addEventListener('click', () => void this.create());
    element('import-cancel').addEventListener('click', () => this.close());
  }

  private tr(key: MessageKey, params: Record<string, string | number> = {}): string {
    return t(this.host.lang(), key, params);
  }

  private title(): string {
    return element<HTMLInputElement>('import-title').value.trim();
  }

  private choices(rules: Rule[] | null, emptyMeans: EmptyMeaning | null): ImportChoices | null {
    const planId = this.host.planId();
    if (!planId) {
      this.host.say(this.tr('importPickPlan'), 'warning');
      return null;
    }
    const columnEmptyMeans = [...this.columnMeans].map(([columnKey, means]) => ({ columnKey, means }));
    const columnTypes = [...this.columnTypes].map(([columnKey, type]) => ({ columnKey, type }));
    return {
      planId,
      title: this.title() || this.source?.sheet.name || '',
      rules,
      emptyMeans,
      columnEmptyMeans: columnEmptyMeans.length > 0 ? columnEmptyMeans : null,
      columnTypes: columnTypes.length > 0 ? columnTypes : null,
      totalRow: this.totalRow,
    };
  }

  async preview(): Promise<void> {
    if (!this.host.planId()) return this.host.say(this.tr('importPickPlan'), 'warning');
    await this.host.run(async (progress) => {
      const source = await this.sheets.read(progress);
      if (!this.title()) element<HTMLInputElement>('import-title').value = source.sheet.name;
      this.columnMeans.clear();
      this.columnTypes.clear();
      this.totalRow = null;
      const choices = this.choices(null, null)!;
      this.source = source;
      this.show(await this.sheets.dryRun(source, choices));
    });
  }

  /** Another meaning of empty cells, a column's type or the total row: the rules are proposed again under it. */
  private async proposeAgain(): Promise<void> {
    const source = this.source;
    const choices = this.choices(null, element<HTMLSelectElement>('import-empty').value as EmptyMeaning);
    if (!source || !choices) return;
    await this.host.run(async () => this.show(await this.sheets.dryRun(source, choices)));
  }

  /** The rules to bind: null when the person kept exactly the proposal (the server proposes the same again). */
  private chosenRules(): Rule[] | null {
    const proposals = this.answer?.rules ?? [];
    const unchanged = proposals.every((proposal) => proposal.kept === this.chosen.has(proposal.id));
    return unchanged ? null : proposals.filter((proposal) => this.chosen.has(proposal.id)).map((proposal) => proposal.rule);
  }

  /** The meaning the listed proposal was made under (inferred, or the person's choice). */
  private emptyMeans(): EmptyMeaning | null {
    return this.answer?.emptyMeans ?? null;
  }

  /** A rule ticked or unticked: the findings are those of the rules now chosen. */
  private async recheck(): Promise<void> {
    const source = this.source;
    const rules = this.chosenRules();
    const choices = this.choices(rules ?? this.answer!.rules.filter((proposal) => proposal.kept).map((proposal) => proposal.rule), this.emptyMeans());
    if (!source || !choices) return;
    await this.host.run(async () => this.renderFindings(await this.sheets.dryRun(source, choices)));
  }

  async create(): Promise<void> {
    const source = this.source;
    const choices = this.choices(this.chosenRules(), this.emptyMeans());
    if (!source || !choices) return;
    await this.host.run(async (progress) => {
      const { answer, bound } = await this.sheets.create(source, choices, progress);
      this.close();
      await this.host.created(bound);
      this.host.say(this.tr('importCreated', { title: answer.title, rows: answer.structure.dataRows, sheet: bound.sheet.name }), 'success');
    });
  }

  close(): void {
    this.source = null;
    this.answer = null;
    element('import-result').hidden = true;
  }

  /** Renders the dry run again in the pane's language. */
  render(): void {
    if (!this.answer) return;
    this.show(this.answer, false);
  }

  private show(answer: ImportAnswer, fresh = true): void {
    const source = this.source!;
    this.answer = answer;
    if (fresh) this.chosen = new Set(answer.rules.filter((proposal) => proposal.kept).map((proposal) => proposal.id));
    const { structure } = answer;
    const figures = structure.columns.filter((column) => column.key !== null);
    element('import-summary').textContent = this.tr('importSummary', {
      range: source.address,
      sheet: source.sheet.name,
      header: structure.headerRows,
      rows: structure.dataRows,
      columns: figures.length,
      unit: structure.unitOfMeasure ? ` (${structure.unitOfMeasure})` : '',
      shapes: structure.shapes.join(', '),
    });
    element<HTMLSelectElement>('import-empty').value = answer.emptyMeans;
    element('import-columns').replaceChildren(...structure.columns.map((column) => this.columnRow(column, answer)));
    const rows = structure.rows.slice(0, SHOWN_ROWS).map((row) => {
      const line = cells(document.createElement('tr'), [row.stt, row.label, this.tr(`kind${row.kind}` as MessageKey)]);
      line.dataset.rowKey = row.key;
      (line.children[1] as HTMLElement).style.paddingLeft = `${4 + row.level * 12}px`;
      return line;
    });
    if (structure.rows.length > SHOWN_ROWS) rows.push(cells(document.createElement('tr'), ['', this.tr('importMoreRows', { count: structure.rows.length - SHOWN_ROWS }), '']));
    element('import-rows').replaceChildren(...rows);
    this.renderTotalChoice(answer);
    this.renderRules(answer);
    this.renderFindings(answer);
    element('import-result').hidden = false;
  }

  /** Which row is the total: the rows listed, the one found (or chosen) selected; "none" only while none is. */
  private renderTotalChoice(answer: ImportAnswer): void {
    const rows = answer.structure.rows;
    const total = rows.find((row) => row.kind === 'GRAND_TOTAL');
    const option = (value: string, text: string) => {
      const item = document.createElement('option');
      item.value = value;
      item.textContent = text;
      return item;
    };
    const listed = rows.slice(0, SHOWN_ROWS);
    if (total && !listed.includes(total)) listed.push(total);
    const select = element<HTMLSelectElement>('import-total');
    select.replaceChildren(...(total ? [] : [option('', this.tr('importNoTotalRow'))]),
      ...listed.map((row) => option(String(row.index), [row.stt, row.label].filter(Boolean).join(' '))));
    select.value = total ? String(total.index) : '';
  }

  private columnRow(column: ImportedColumn, answer: ImportAnswer): HTMLTableRowElement {
    const scale = (column.scale ? ` (${column.scale})` : '') + (column.isTotal ? ` · ${this.tr('totalColumn')}` : '');
    const key = column.key;
    if (!key) return cells(document.createElement('tr'), [column.header, this.tr(TYPE_KEYS[column.type] ?? 'typeText') + scale]);
    const row = cells(document.createElement('tr'), [column.header]);
    row.dataset.columnKey = key;
    row.append(this.typeCell(key, column, scale));
    // What an empty cell of this column means; changing it proposes the rules again.
    const select = document.createElement('select');
    select.className = 'pb-column-empty';
    select.setAttribute('aria-label', `${this.tr('importEmptyMeans')}: ${column.header}`);
    for (const meaning of ['ROLLUP', 'NONE', 'NOT_PUBLISHED'] as const) {
      const option = document.createElement('option');
      option.value = meaning;
      option.textContent = this.tr(`empty${meaning}`);
      select.append(option);
    }
    select.value = answer.columnEmptyMeans.find((entry) => entry.columnKey === key)?.means ?? answer.emptyMeans;
    select.addEventListener('change', () => {
      this.columnMeans.set(key, select.value as EmptyMeaning);
      void this.proposeAgain();
    });
    const cell = document.createElement('td');
    cell.append(select);
    row.append(cell);
    return row;
  }

  /** A figure column's type as a choice (changing it proposes the rules again), its scale and totality beside it. */
  private typeCell(key: string, column: ImportedColumn, scale: string): HTMLTableCellElement {
    const select = document.createElement('select');
    select.className = 'pb-column-type';
    select.setAttribute('aria-label', `${this.tr('importColumnType')}: ${column.header}`);
    for (const type of Object.keys(FIGURE_TYPES)) {
      const option = document.createElement('option');
      option.value = type;
      option.textContent = this.tr(TYPE_KEYS[type]);
      select.append(option);
    }
    select.value = column.type;
    select.addEventListener('change', () => {
      this.columnTypes.set(key, FIGURE_TYPES[select.value]);
      void this.proposeAgain();
    });
    const cell = document.createElement('td');
    cell.append(select, scale);
    return cell;
  }

  private renderRules(answer: ImportAnswer): void {
    const list = element('import-rules');
    const items = answer.rules.map((proposal) => {
      const item = document.createElement('li');
      const label = document.createElement('label');
      label.className = 'pb-rule';
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = proposal.id;
      box.checked = this.chosen.has(proposal.id);
      box.addEventListener('change', () => {
        if (box.checked) this.chosen.add(proposal.id);
        else this.chosen.delete(proposal.id);
        void this.recheck();
      });
      const text = document.createElement('span');
      text.textContent = ruleText(proposal.rule, answer, this.host.lang());
      const counts = document.createElement('span');
      counts.className = 'pb-rule-counts';
      counts.textContent = `${this.tr('ruleHolds', { holds: proposal.holds })}${proposal.fails > 0 ? ` ${this.tr('ruleFails', { fails: proposal.fails })}` : ''}`;
      label.append(box, text, counts);
      item.append(label);
      return item;
    });
    list.replaceChildren(...(items.length > 0 ? items : [this.note('importNoRules')]));
  }

  private renderFindings(answer: ImportAnswer): void {
    const lang = this.host.lang();
    const items = [...answer.warnings.map((warning) => ({ kind: 'warning', text: (warning.cell ? `${warning.cell}: ` : '') + pick(lang, warning.messageVi, warning.messageEn) })),
      ...answer.findings.map((finding) => ({ kind: finding.severity === 'ERROR' ? 'error' : 'warning', text: pick(lang, finding.messageVi, finding.messageEn) }))].map(({ kind, text }) => {
      const item = document.createElement('li');
      item.className = `pb-problem pb-${kind}`;
      item.textContent = text;
      return item;
    });
    element('import-findings').replaceChildren(...(items.length > 0 ? items : [this.note('importNoFindings')]));
  }

  private note(key: MessageKey): HTMLLIElement {
    const item = document.createElement('li');
    item.className = 'pb-muted pb-small';
    item.textContent = this.tr(key);
    return item;
  }
}
