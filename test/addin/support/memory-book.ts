/**
 * An in-memory workbook for tests and the benchmark: sheets of cells (value, formula, number format,
 * fill, font, lock, note), sheet protection, merged areas and custom XML parts. It behaves like Excel where
 * the add-in depends on it: text written with a leading apostrophe stays text (the apostrophe is a prefix, not
 * part of the value), numeric strings become numbers, anything written into a cell formatted as text ("@") is
 * kept exactly as given — a leading apostrophe included, as a character — writes to locked cells of a protected
 * sheet fail, and formulas of the add-in's totals evaluate.
 * MemoryWorkbookGateway implements the workbook gateway over it directly; fake-office.ts exposes the
 * same book through an Office.js-shaped API.
 */
import { boxA1, boxContains, boxesOverlap, cellA1, parseBox, parseCell, type Box } from '../../../domain/sheet/a1';
import type { ApplyReport, CellInput, ProtectionOptions, RangeData, RangeRead, Separators, SheetInfo, SheetOp, StoredPart, WorkbookCapabilities, WorkbookGateway } from '../../../addin/src/excel/gateway';
import { needsLift } from '../../../addin/src/excel/protection';
import { SHEET_TAG_NAME, tagFormula, tagOfFormula } from '../../../addin/src/excel/sheet-tag';

export interface MemoryCell {
  value: CellInput;
  formula?: string;
  numberFormat?: string;
  fill?: string | null;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fontSize?: number;
  locked?: boolean;
  indent?: number;
  wrap?: boolean;
  note?: string | null;
  prompt?: string | null;
}

/** An error as Office.js throws it: a code (OfficeExtension.ErrorCodes) and a developer's message. */
export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export class ProtectedSheetError extends OfficeError {
  constructor(address: string) {
    super('AccessDenied', `The cell ${address} is on a protected sheet and locked`);
  }
}

/** What the person did that Ctrl+Z would take back. */
export interface UndoEntry {
  sheetId: string;
  address: string;
  before: CellInput;
}

/** A conditional format: a fill for the cells of `box` whose text contains `text` (case-insensitive). */
export interface MemoryConditionalFill {
  box: Box;
  text: string;
  color: string;
}

export interface MemoryChart {
  type: 'ColumnClustered';
  source: string;
  title: string;
  position: string;
}

export class MemorySheet {
  readonly cells = new Map<string, MemoryCell>();
  conditionalFills: MemoryConditionalFill[] = [];
  charts: MemoryChart[] = [];
  protected = false;
  protectionOptions: ProtectionOptions | null = null;
  readonly merged: Box[] = [];
  readonly columnWidths = new Map<number, number>();
  /** Worksheet-scoped names (name → formula): deleted with the sheet, not carried by a sheet that reuses its id. */
  readonly names = new Map<string, string>();

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  key(row: number, column: number): string {
    return `${row},${column}`;
  }

  cell(row: number, column: number): MemoryCell | undefined {
    return this.cells.get(this.key(row, column));
  }

  ensure(row: number, column: number): MemoryCell {
    const key = this.key(row, column);
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: '' };
      this.cells.set(key, cell);
    }
    return cell;
  }
}

const TEXT_FORMAT = '@';

/** Excel's reading of a string written to a cell (en-US style, as Office.js values/formulas setters do). */
export function interpretInput(input: CellInput, numberFormat?: string): { value: CellInput; formula?: string } {
  if (typeof input !== 'string') return { value: input ?? '' };
  // A cell formatted as text takes the string as it is: no number, no formula, and an apostrophe stays a character.
  if (numberFormat === TEXT_FORMAT) return { value: input };
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (input.startsWith('=')) return { value: '', formula: input };
  if (/^-?\d+(\.\d+)?$/.test(input.trim())) return { value: Number(input) };
  return { value: input };
}

export interface PayloadStats {
  syncs: number;
  runs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  totalRequestBytes: number;
  /** Time spent executing requests inside the fake Excel (the "Office part"). */
  officeMs?: number;
}

export class MemoryBook {
  readonly sheets: MemorySheet[] = [];
  readonly parts = new Map<string, string>();
  activeSheetId: string | null = null;
  selection: { sheetId: string; address: string } | null = null;
  private nextId = 1;
  capabilities: WorkbookCapabilities = { notes: true, prompts: true, mergedAreas: true, indent: true, culture: true };
  /** The operating system's separators, and Excel's own override (File › Options › Advanced). */
  systemSeparators = { decimal: ',', group: '.' };
  excelSeparators: { decimal: string; group: string } | null = null;
  /**
   * The person's undo history. Protecting or unprotecting a sheet clears it, as in Excel ("Undo capabilities
   * with the Excel JavaScript API"); other writes of the add-in do not.
   */
  readonly undo: UndoEntry[] = [];
  /** How many times any sheet's protection was set or lifted. */
  protectionChanges = 0;
  /** A cell being edited (typed into, Enter not pressed yet): Excel refuses API requests meanwhile. */
  editing: { sheetId: string; address: string; text: string } | null = null;
  private editDone: (() => void)[] = [];
  /** How typed text becomes a number: a Vietnamese Excel reads 5.600.826 and 0,21; an English one 5,600,826 and 0.21. */
  locale: 'vi' | 'en' = 'vi';
  readonly stats: PayloadStats = { syncs: 0, runs: 0, maxRequestBytes: 0, maxResponseBytes: 0, totalRequestBytes: 0 };

  constructor(sheetNames: string[] = ['Sheet1']) {
    for (const name of sheetNames) this.addSheet(name);
  }

  newId(prefix: string): string {
    return `{${prefix}-${String(this.nextId++).padStart(8, '0')}}`;
  }

  /** `id` reuses a worksheet id (Excel on Mac may give a new sheet the id of a deleted one). */
  addSheet(name: string, id?: string): MemorySheet {
    const sheet = new MemorySheet(id ?? this.newId('SHEET'), name);
    this.sheets.push(sheet);
    this.activeSheetId ??= sheet.id;
    return sheet;
  }

  /** What a person does with Delete on a sheet tab. */
  deleteSheet(idOrName: string): void {
    const sheet = this.sheet(idOrName);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets[0]?.id ?? null;
  }

  sheet(idOrName: string): MemorySheet {
    const sheet = this.sheets.find((candidate) => candidate.id === idOrName || candidate.name.toLowerCase() === idOrName.toLowerCase());
    if (!sheet) throw new OfficeError('ItemNotFound', `no sheet "${idOrName}"`);
    return sheet;
  }

  info(sheet: MemorySheet): SheetInfo {
    return { id: sheet.id, name: sheet.name, position: this.sheets.indexOf(sheet), protected: sheet.protected };
  }

  forEachCell(sheet: MemorySheet, address: string, visit: (row: number, column: number) => void): void {
    const box = parseBox(address);
    for (let row = box.top; row <= box.bottom; row++) for (let column = box.left; column <= box.right; column++) visit(row, column);
  }

  /** Fails like Excel when a locked cell of a protected sheet is changed. */
  guard(sheet: MemorySheet, row: number, column: number): void {
    if (sheet.protected && (sheet.cell(row, column)?.locked ?? true)) throw new ProtectedSheetError(cellA1(row, column));
  }

  /** Fails like Excel when a protected sheet's options do not allow what is asked. */
  allowed(sheet: MemorySheet, what: keyof ProtectionOptions, address: string): void {
    if (sheet.protected && !sheet.protectionOptions?.[what]) throw new ProtectedSheetError(address);
  }

  /** WorksheetProtection.protect: refused on a protected sheet; clears the undo history. */
  protect(sheet: MemorySheet, options: ProtectionOptions): void {
    if (sheet.protected) throw new OfficeError('InvalidOperation', `the sheet "${sheet.name}" is already protected`);
    sheet.protected = true;
    sheet.protectionOptions = { ...options };
    this.protectionChanges += 1;
    this.undo.length = 0;
  }

  /** WorksheetProtection.unprotect: clears the undo history. */
  unprotect(sheet: MemorySheet): void {
    sheet.protected = false;
    this.protectionChanges += 1;
    this.undo.length = 0;
  }

  /** A person types into a cell and has not pressed Enter yet. */
  startEdit(sheetIdOrName: string, address: string, text: string): void {
    this.editing = { sheetId: this.sheet(sheetIdOrName).id, address, text };
  }

  /** The person presses Enter: the typed text goes into the cell and waiting requests run. */
  finishEdit(): void {
    const edit = this.editing;
    if (!edit) return;
    this.editing = null;
    this.type(edit.sheetId, edit.address, edit.text);
    for (const resolve of this.editDone.splice(0)) resolve();
  }

  whenEditDone(): Promise<void> {
    return this.editing ? new Promise((resolve) => this.editDone.push(resolve)) : Promise.resolve();
  }

  /** Ctrl+Z: takes back the person's last typing, if the history still holds it. */
  undoLast(): boolean {
    const entry = this.undo.pop();
    if (!entry) return false;
    const { row, column } = parseCell(entry.address);
    this.sheet(entry.sheetId).ensure(row, column).value = entry.before;
    return true;
  }

  write(sheet: MemorySheet, address: string, grid: CellInput[][]): void {
    const box = parseBox(address);
    if (grid.length !== box.bottom - box.top + 1 || grid.some((row) => row.length !== box.right - box.left + 1)) {
      throw new OfficeError('InvalidArgument', `${grid.length}×${grid[0]?.length} values for ${address}`);
    }
    grid.forEach((row, r) =>
      row.forEach((input, c) => {
        this.guard(sheet, box.top + r, box.left + c);
        const cell = sheet.ensure(box.top + r, box.left + c);
        const { value, formula } = interpretInput(input, cell.numberFormat);
        cell.value = value;
        if (formula === undefined) delete cell.formula;
        else cell.formula = formula;
      }),
    );
  }

  /** What a person does: types into one cell (text stays text unless Excel would read it as a number). */
  type(sheetIdOrName: string, address: string, input: CellInput, options: { force?: boolean } = {}): void {
    const sheet = this.sheet(sheetIdOrName);
    const { row, column } = parseCell(address);
    if (!options.force) this.guard(sheet, row, column);
    const cell = sheet.ensure(row, column);
    this.undo.push({ sheetId: sheet.id, address, before: cell.value });
    const typedText = typeof input === 'string' && !input.startsWith('=') && !input.startsWith("'") && cell.numberFormat !== TEXT_FORMAT;
    const parsed = typedText ? { value: typedNumber(input, this.locale) ?? input } : interpretInput(input, cell.numberFormat);
    cell.value = parsed.value;
    if ('formula' in parsed && parsed.formula !== undefined) cell.formula = parsed.formula;
    else delete cell.formula;
  }

  valueAt(sheet: MemorySheet, row: number, column: number, depth = 0): CellInput {
    const cell = sheet.cell(row, column);
    if (!cell) return '';
    if (cell.formula) return depth > 50 ? '#REF!' : evaluate(this, sheet, cell.formula, depth + 1);
    return cell.value ?? '';
  }

  read(sheet: MemorySheet, address: string, what: 'values' | 'formulas' | 'numberFormat'): CellInput[][] {
    const box = parseBox(address);
    const rows: CellInput[][] = [];
    for (let row = box.top; row <= box.bottom; row++) {
      const line: CellInput[] = [];
      for (let column = box.left; column <= box.right; column++) {
        const cell = sheet.cell(row, column);
        if (what === 'values') line.push(this.valueAt(sheet, row, column));
        else if (what === 'formulas') line.push(cell?.formula ?? cell?.value ?? '');
        else line.push(cell?.numberFormat ?? 'General');
      }
      rows.push(line);
    }
    return rows;
  }

  usedRange(sheet: MemorySheet): string | null {
    let box: Box | null = null;
    for (const [key, cell] of sheet.cells) {
      if ((cell.value === '' || cell.value === null) && !cell.formula) continue;
      const [row, column] = key.split(',').map(Number);
      box = box ? { top: Math.min(box.top, row), left: Math.min(box.left, column), bottom: Math.max(box.bottom, row), right: Math.max(box.right, column) } : { top: row, left: column, bottom: row, right: column };
    }
    return box ? boxA1(box) : null;
  }

  applyOp(sheet: MemorySheet, op: SheetOp): void {
    // Formats: allowed on a protected sheet only when its options allow formatting cells (locked or not).
    const each = (visit: (cell: MemoryCell, row: number, column: number) => void) => {
      this.allowed(sheet, 'allowFormatCells', op.address);
      this.forEachCell(sheet, op.address, (row, column) => visit(sheet.ensure(row, column), row, column));
    };
    switch (op.kind) {
      case 'values':
        return this.write(sheet, op.address, op.values);
      case 'formulas':
        return this.write(sheet, op.address, op.formulas);
      case 'numberFormat': {
        const box = parseBox(op.address);
        return each((cell, row, column) => (cell.numberFormat = op.numberFormat[row - box.top][column - box.left]));
      }
      case 'fill':
        return each((cell) => (cell.fill = op.color));
      case 'font':
        return each((cell) => {
          if (op.font.bold !== undefined) cell.bold = op.font.bold;
          if (op.font.italic !== undefined) cell.italic = op.font.italic;
          if (op.font.color !== undefined) cell.fontColor = op.font.color;
          if (op.font.size !== undefined) cell.fontSize = op.font.size;
        });
      case 'locked':
        if (sheet.protected) throw new ProtectedSheetError(op.address);
        return this.forEachCell(sheet, op.address, (row, column) => (sheet.ensure(row, column).locked = op.locked));
      case 'indent':
        return each((cell) => (cell.indent = op.level));
      case 'wrap':
        return each((cell) => (cell.wrap = op.wrap));
      case 'columnWidth': {
        this.allowed(sheet, 'allowFormatColumns', op.address);
        const [first, last] = op.address.split(':');
        const from = parseCell(`${first}1`).column;
        const to = parseCell(`${last ?? first}1`).column;
        for (let column = from; column <= to; column++) sheet.columnWidths.set(column, op.width);
        return;
      }
      case 'clear': {
        const box = parseBox(op.address);
        for (const key of [...sheet.cells.keys()]) {
          const [row, column] = key.split(',').map(Number);
          if (row >= box.top && row <= box.bottom && column >= box.left && column <= box.right) {
            this.guard(sheet, row, column);
            sheet.cells.delete(key);
          }
        }
        this.unmerge(sheet, op.address);
        return;
      }
      case 'note': {
        const { row, column } = parseCell(op.address);
        // Notes are objects (allowEditObjects); a data-validation prompt cannot change under protection at all.
        if (this.capabilities.notes) this.allowed(sheet, 'allowEditObjects', op.address);
        else if (sheet.protected) throw new ProtectedSheetError(op.address);
        const cell = sheet.ensure(row, column);
        if (this.capabilities.notes) cell.note = op.text;
        else cell.prompt = op.text;
        return;
      }
      // Excel refuses formats and objects on a protected sheet, whatever the cells' lock.
      case 'conditionalFill':
        if (sheet.protected) throw new ProtectedSheetError(op.address);
        sheet.conditionalFills.push({ box: parseBox(op.address), text: op.text, color: op.color });
        return;
      case 'clearConditionalFormats': {
        if (sheet.protected) throw new ProtectedSheetError(op.address);
        const box = parseBox(op.address);
        sheet.conditionalFills = sheet.conditionalFills.filter((rule) => !boxesOverlap(rule.box, box));
        return;
      }
      case 'columnChart':
        if (sheet.protected) throw new ProtectedSheetError(op.address);
        sheet.charts.push({ type: 'ColumnClustered', source: op.address, title: op.title, position: op.position });
        return;
      case 'deleteCharts':
        if (sheet.protected) throw new ProtectedSheetError('charts');
        sheet.charts = [];
        return;
      case 'sheetTag':
        sheet.names.set(SHEET_TAG_NAME, tagFormula(op.tag));
        return;
    }
  }

  /** The fill a person sees: the first conditional format whose text the cell contains, else the cell's own fill. */
  shownFill(sheetIdOrName: string, address: string): string | null {
    const sheet = this.sheet(sheetIdOrName);
    const { row, column } = parseCell(address);
    const text = String(this.valueAt(sheet, row, column)).toLowerCase();
    const rule = sheet.conditionalFills.find((candidate) => boxContains(candidate.box, row, column) && text.includes(candidate.text.toLowerCase()));
    return rule?.color ?? sheet.cell(row, column)?.fill ?? null;
  }

  /** What a person does with Insert › Sheet Rows (count > 0) or Delete › Sheet Rows (count < 0) at a 0-based row. */
  shiftRows(sheetIdOrName: string, at: number, count: number): void {
    const sheet = this.sheet(sheetIdOrName);
    const moved = new Map<string, MemoryCell>();
    for (const [key, cell] of sheet.cells) {
      const [row, column] = key.split(',').map(Number);
      if (row < at) moved.set(key, cell);
      else if (count < 0 && row < at - count) continue;
      else moved.set(sheet.key(row + count, column), cell);
    }
    sheet.cells.clear();
    for (const [key, cell] of moved) sheet.cells.set(key, cell);
  }

  merge(sheetIdOrName: string, address: string): void {
    this.sheet(sheetIdOrName).merged.push(parseBox(address));
  }

  /** What Excel reports as format.protection.locked of a range: null when it mixes locked and unlocked cells. */
  lockState(sheet: MemorySheet, address: string): boolean | null {
    const states = new Set<boolean>();
    this.forEachCell(sheet, address, (row, column) => states.add(sheet.cell(row, column)?.locked ?? true));
    return states.size === 1 ? [...states][0] : null;
  }

  separators(): Separators | null {
    if (!this.capabilities.culture) return null;
    return this.excelSeparators ? { ...this.excelSeparators, system: false } : { ...this.systemSeparators, system: true };
  }

  unmerge(sheet: MemorySheet, address: string): void {
    const box = parseBox(address);
    const kept = sheet.merged.filter((area) => !boxesOverlap(area, box));
    sheet.merged.splice(0, sheet.merged.length, ...kept);
  }

  mergedIn(sheet: MemorySheet, address: string): string[] {
    const box = parseBox(address);
    return sheet.merged.filter((area) => boxesOverlap(area, box)).map(boxA1);
  }

  partsOf(namespace: string): StoredPart[] {
    return [...this.parts].filter(([, xml]) => new RegExp(`xmlns(:\\w+)?="${namespace.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`).test(xml)).map(([id, xml]) => ({ id, xml }));
  }

  /** A copy of the book as saved to a file and opened again (no in-memory state of the pane survives). */
  reopen(): MemoryBook {
    const copy = new MemoryBook([]);
    for (const sheet of this.sheets) {
      const clone = new MemorySheet(sheet.id, sheet.name);
      for (const [key, cell] of sheet.cells) clone.cells.set(key, { ...cell });
      clone.protected = sheet.protected;
      clone.protectionOptions = sheet.protectionOptions;
      clone.merged.push(...sheet.merged);
      for (const [name, formula] of sheet.names) clone.names.set(name, formula); // names are saved with the sheet
      clone.conditionalFills = [...sheet.conditionalFills];
      clone.charts = [...sheet.charts];
      copy.sheets.push(clone);
    }
    for (const [id, xml] of this.parts) copy.parts.set(id, xml);
    copy.activeSheetId = this.activeSheetId;
    copy.capabilities = { ...this.capabilities };
    copy.systemSeparators = { ...this.systemSeparators };
    copy.excelSeparators = this.excelSeparators && { ...this.excelSeparators };
    (copy as unknown as { nextId: number }).nextId = this.nextId;
    return copy;
  }

  /** Display helper for tests: the value of one cell. */
  get(sheetIdOrName: string, address: string): CellInput {
    const { row, column } = parseCell(address);
    return this.valueAt(this.sheet(sheetIdOrName), row, column);
  }

  cellAt(sheetIdOrName: string, address: string): MemoryCell | undefined {
    const { row, column } = parseCell(address);
    return this.sheet(sheetIdOrName).cell(row, column);
  }
}

/** The number Excel makes of typed text in a locale, or null when it keeps the text. */
export function typedNumber(text: string, locale: 'vi' | 'en'): number | null {
  const input = text.trim();
  const [group, decimal] = locale === 'vi' ? ['.', ','] : [',', '.'];
  const g = group === '.' ? '\\.' : ',';
  const d = decimal === '.' ? '\\.' : ',';
  const pattern = new RegExp(`^-?(\\d{1,3}(${g}\\d{3})+|\\d+)(${d}\\d+)?$`);
  if (!pattern.test(input)) return null;
  return Number(input.split(group).join('').replace(decimal, '.'));
}

/** Evaluates the formulas the add-in writes: IF(COUNT(refs)=0,"",SUM(refs)) and SUM(refs). */
function evaluate(book: MemoryBook, sheet: MemorySheet, formula: string, depth: number): CellInput {
  const refsOf = (list: string) =>
    list.split(',').flatMap((ref) => {
      const box = parseBox(ref.trim());
      const values: CellInput[] = [];
      for (let row = box.top; row <= box.bottom; row++) for (let column = box.left; column <= box.right; column++) values.push(book.valueAt(sheet, row, column, depth));
      return values;
    });
  const numbers = (list: string) => refsOf(list).filter((value): value is number => typeof value === 'number');
  let match = /^=IF\(COUNT\(([^)]*)\)=0,"",SUM\(([^)]*)\)\)$/.exec(formula);
  if (match) {
    const found = numbers(match[1]);
    return found.length === 0 ? '' : numbers(match[2]).reduce((sum, value) => sum + value, 0);
  }
  match = /^=SUM\(([^)]*)\)$/.exec(formula);
  if (match) return numbers(match[1]).reduce((sum, value) => sum + value, 0);
  return '#NAME?';
}

/** The workbook gateway implemented directly over a MemoryBook (no Office.js in between). */
export class MemoryWorkbookGateway implements WorkbookGateway {
  calls = 0;

  constructor(readonly book: MemoryBook) {}

  private call<T>(work: () => T): Promise<T> {
    this.calls += 1;
    this.book.stats.runs += 1;
    this.book.stats.syncs += 1;
    return Promise.resolve().then(work);
  }

  capabilities(): WorkbookCapabilities {
    return this.book.capabilities;
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.call(() => this.book.sheets.map((sheet) => this.book.info(sheet)));
  }

  activeSheet(): Promise<SheetInfo> {
    return this.call(() => this.book.info(this.book.sheet(this.book.activeSheetId!)));
  }

  addSheet(name: string): Promise<SheetInfo> {
    return this.call(() => {
      let unique = name;
      for (let n = 2; this.book.sheets.some((sheet) => sheet.name.toLowerCase() === unique.toLowerCase()); n++) unique = `${name.slice(0, 27)} (${n})`;
      const sheet = this.book.addSheet(unique);
      this.book.activeSheetId = sheet.id;
      return this.book.info(sheet);
    });
  }

  usedRange(sheetId: string): Promise<string | null> {
    return this.call(() => this.book.usedRange(this.book.sheet(sheetId)));
  }

  selectedRange(): Promise<{ sheetId: string; address: string }> {
    return this.call(() => {
      const { selection, activeSheetId } = this.book;
      return selection?.sheetId === activeSheetId ? selection! : { sheetId: activeSheetId!, address: 'A1' };
    });
  }

  read(sheetId: string, reads: RangeRead[]): Promise<RangeData[]> {
    return this.call(() => {
      const sheet = this.book.sheet(sheetId);
      return reads.map((read) => ({
        address: read.address,
        values: read.values ? this.book.read(sheet, read.address, 'values') : undefined,
        formulas: read.formulas ? this.book.read(sheet, read.address, 'formulas') : undefined,
        numberFormat: read.numberFormat ? (this.book.read(sheet, read.address, 'numberFormat') as string[][]) : undefined,
      }));
    });
  }

  /** Lifts protection for the batches that need it (protection.ts), as the Office gateway does. */
  apply(sheetId: string, ops: SheetOp[], options: { protection?: ProtectionOptions } = {}): Promise<ApplyReport> {
    return this.call(() => {
      const sheet = this.book.sheet(sheetId);
      const { protection } = options;
      if (!protection) {
        for (const op of ops) this.book.applyOp(sheet, op);
        return { protectionTouched: false };
      }
      const locked = ops.filter((op) => op.kind === 'values' || op.kind === 'formulas').map((op) => this.book.lockState(sheet, op.address));
      const wasProtected = sheet.protected;
      const lift = needsLift(ops, { protected: wasProtected, options: sheet.protectionOptions }, locked, this.book.capabilities);
      if (lift) this.book.unprotect(sheet);
      try {
        for (const op of ops) this.book.applyOp(sheet, op);
      } finally {
        if (!sheet.protected) this.book.protect(sheet, protection);
      }
      return { protectionTouched: lift || !wasProtected };
    });
  }

  sheetTag(sheetId: string): Promise<string | null> {
    return this.call(() => tagOfFormula(this.book.sheet(sheetId).names.get(SHEET_TAG_NAME)));
  }

  mergedAreas(sheetId: string, address: string): Promise<string[]> {
    return this.call(() => (this.book.capabilities.mergedAreas ? this.book.mergedIn(this.book.sheet(sheetId), address) : []));
  }

  select(sheetId: string, address: string): Promise<void> {
    return this.call(() => {
      this.book.activeSheetId = sheetId;
      this.book.selection = { sheetId, address };
    });
  }

  listPartIds(namespace: string): Promise<string[]> {
    return this.call(() => this.book.partsOf(namespace).map((part) => part.id));
  }

  readParts(namespace: string, ids?: string[]): Promise<StoredPart[]> {
    return this.call(() => this.book.partsOf(namespace).filter((part) => !ids || ids.includes(part.id)));
  }

  writeParts(add: string[], remove: string[]): Promise<string[]> {
    return this.call(() => {
      const ids = add.map((xml) => {
        const id = this.book.newId('PART');
        this.book.parts.set(id, xml);
        return id;
      });
      for (const id of remove) this.book.parts.delete(id);
      return ids;
    });
  }

  separators(): Promise<Separators | null> {
    return this.call(() => this.book.separators());
  }
}
