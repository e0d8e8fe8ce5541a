/**
 * The cells of an uploaded .xlsx, read straight from its sheet XML with a streaming parser (saxes): only what an
 * upload needs — each cell's shown value and formula, the merged ranges — and nothing of styles, validations or
 * drawing. exceljs's full load built a model object per cell with its style and took most of an upload's time.
 * Sheets are parsed when first asked for, and a sheet with more rows than the upload can hold is refused while
 * it is being parsed, before its cells fill memory.
 *
 * Values as Excel and LibreOffice show them: shared, inline and formula strings as text, numbers as numbers,
 * numbers under a date format as a yyyy-mm-dd date (as text: not a figure), booleans as TRUE / FALSE, errors
 * as written (#DIV/0!). A formula keeps the value its program last calculated; one without is "uncalculated".
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { columnIndex } from '../../domain/sheet/a1';
import { WorkbookRefused } from './workbook-errors';

export type CellEntry =
  | { kind: 'empty'; formula: string | null }
  | { kind: 'number'; value: number; formula: string | null }
  | { kind: 'text'; text: string; formula: string | null }
  /** A formula whose value the file does not carry (its program never calculated it). */
  | { kind: 'uncalculated'; formula: string };

const EMPTY: CellEntry = { kind: 'empty', formula: null };

export interface SheetCells {
  readonly name: string;
  /** The last row holding a cell (1-based), 0 when the sheet is empty. */
  readonly rowCount: number;
  /** Merged ranges as written (A9:B9). */
  readonly merges: readonly string[];
  /** 1-based, as Excel counts. */
  cell(row: number, column: number): CellEntry;
  /** The last column holding a cell in a row, 0 when none. */
  lastColumn(row: number): number;
}

export interface WorkbookCells {
  /** Sheet names in the workbook's order. */
  readonly sheetNames: readonly string[];
  sheet(name: string): SheetCells | undefined;
}

/** The cell's text, for keys and markers. */
export function cellText(entry: CellEntry): string {
  if (entry.kind === 'number') return String(entry.value);
  return entry.kind === 'text' ? entry.text : '';
}

function unreadable(): WorkbookRefused {
  return new WorkbookRefused(422, 'NOT_A_WORKBOOK', 'Không đọc được sổ làm việc (tệp .xlsx bị hỏng)', 'The workbook cannot be read (a damaged .xlsx file)');
}

function tooManyRows(sheet: string, limit: number): WorkbookRefused {
  return new WorkbookRefused(
    413,
    'WORKBOOK_TOO_LARGE',
    `Trang "${sheet}" có hơn ${limit.toLocaleString('vi-VN')} dòng, nhiều hơn hẳn bảng này: đây không phải tệp tải về từ bảng`,
    `Sheet "${sheet}" has more than ${limit.toLocaleString('en-US')} rows, far more than this table: this is not the table's download`,
  );
}

/** Element names without a namespace prefix (some producers write x:c). */
function local(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Runs a parser over one part; any XML error is a damaged workbook. */
function parse(xml: Buffer, on: { open(tag: SaxesTagPlain, name: string): void; close(name: string): void; text(text: string): void }): void {
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => on.open(tag, local(tag.name)));
  parser.on('closetag', (tag) => on.close(local(tag.name)));
  parser.on('text', on.text);
  parser.on('cdata', on.text);
  try {
    parser.write(xml.toString('utf8')).close();
  } catch (error) {
    if (error instanceof WorkbookRefused) throw error;
    throw unreadable();
  }
}

/** Text of <t> elements inside a string item (<si> or <is>), leaving out phonetic runs (<rPh>). */
class StringItem {
  private parts: string[] = [];
  private inT = false;
  private inPhonetic = false;

  open(name: string): void {
    if (name === 'rPh') this.inPhonetic = true;
    else if (name === 't' && !this.inPhonetic) this.inT = true;
  }

  close(name: string): void {
    if (name === 'rPh') this.inPhonetic = false;
    else if (name === 't') this.inT = false;
  }

  text(text: string): void {
    if (this.inT) this.parts.push(text);
  }

  take(): string {
    const text = this.parts.join('');
    this.parts = [];
    return text;
  }
}

function sharedStrings(xml: Buffer | undefined): string[] {
  const strings: string[] = [];
  if (!xml) return strings;
  const item = new StringItem();
  parse(xml, {
    open: (_, name) => item.open(name),
    close: (name) => (name === 'si' ? strings.push(item.take()) : item.close(name)),
    text: (text) => item.text(text),
  });
  return strings;
}

/** Built-in number formats that are dates or times (ECMA-376 18.8.30). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** A custom format code is a date or time when, outside quoted text, colours and escapes, it has d, m, y, h or s. */
function isDateFormat(code: string): boolean {
  return /[dmyhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*]|\\./g, '').replace(/General/gi, ''));
}

/** Which cell styles (the s attribute) show numbers as dates. */
function dateStyles(xml: Buffer | undefined): Set<number> {
  const dates = new Set<number>();
  if (!xml) return dates;
  const customDates = new Set<number>();
  let inCellXfs = false;
  let index = 0;
  parse(xml, {
    open(tag, name) {
      if (name === 'numFmt' && isDateFormat(String(tag.attributes.formatCode ?? ''))) customDates.add(Number(tag.attributes.numFmtId));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const format = Number(tag.attributes.numFmtId ?? 0);
        if (DATE_FORMAT_IDS.has(format) || customDates.has(format)) dates.add(index);
        index += 1;
      }
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text: () => undefined,
  });
  return dates;
}

/** Excel's last column, XFD. */
const MAX_COLUMNS = 16_384;

interface SheetContext {
  strings: string[];
  dates: Set<number>;
  date1904: boolean;
  maxRows: number;
}

function serialDate(serial: number, date1904: boolean): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.round(serial * 86_400_000)).toISOString().slice(0, 10);
}

/** One <c> element's parts, gathered until it closes. */
interface CellParts {
  column: number;
  type: string;
  style: number;
  value: string | null;
  formula: string | null;
  /** Shared-formula index, for a cell that only refers to its group's first formula. */
  sharedIndex: string | null;
  inline: string | null;
}

function entryOf(parts: CellParts, context: SheetContext): CellEntry {
  const formula = parts.formula === null ? null : `=${parts.formula}`;
  const raw = parts.type === 'inlineStr' ? parts.inline : parts.value;
  if (raw === null || (raw === '' && parts.type !== 'str' && parts.type !== 'inlineStr')) return formula === null ? EMPTY : { kind: 'uncalculated', formula };
  let text: string;
  switch (parts.type) {
    case 's': {
      const shared = context.strings[Number(raw)];
      if (shared === undefined) throw unreadable();
      text = shared;
      break;
    }
    case 'b':
      text = raw === '1' || raw === 'true' ? 'TRUE' : 'FALSE';
      break;
    case 'd':
      text = raw.slice(0, 10);
      break;
    case 'str':
    case 'inlineStr':
    case 'e':
      text = raw;
      break;
    default: {
      const value = Number(raw);
      if (raw.trim() === '' || Number.isNaN(value)) throw unreadable();
      if (context.dates.has(parts.style)) text = serialDate(value, context.date1904);
      else return { kind: 'number', value, formula };
    }
  }
  text = text.trim();
  return text === '' ? { kind: 'empty', formula } : { kind: 'text', text, formula };
}

function parseSheet(name: string, xml: Buffer, context: SheetContext): SheetCells {
  const rows = new Map<number, CellEntry[]>();
  const merges: string[] = [];
  const sharedFormulas = new Map<string, string>();
  const inline = new StringItem();
  let row = 0;
  let cells: CellEntry[] = [];
  let lastColumn = 0;
  let cell: CellParts | null = null;
  let reading: 'v' | 'f' | 'is' | null = null;
  let buffer: string[] = [];
  parse(xml, {
    open(tag, element) {
      const attributes = tag.attributes;
      switch (element) {
        case 'row':
          row = attributes.r === undefined ? row + 1 : Number(attributes.r);
          if (!Number.isInteger(row) || row < 1) throw unreadable();
          if (row > context.maxRows) throw tooManyRows(name, context.maxRows);
          cells = rows.get(row) ?? [];
          rows.set(row, cells);
          lastColumn = 0;
          return;
        case 'c':
          lastColumn = attributes.r === undefined ? lastColumn + 1 : columnIndex(/^[A-Za-z]+/.exec(String(attributes.r))?.[0] ?? '') + 1;
          if (!(lastColumn >= 1) || lastColumn > MAX_COLUMNS) throw unreadable();
          cell = { column: lastColumn, type: String(attributes.t ?? 'n'), style: Number(attributes.s ?? 0), value: null, formula: null, sharedIndex: null, inline: null };
          return;
        case 'v':
        case 'f':
          if (!cell) return;
          reading = element;
          buffer = [];
          if (element === 'f' && attributes.t === 'shared' && attributes.si !== undefined) cell.sharedIndex = String(attributes.si);
          return;
        case 'is':
          reading = 'is';
          return;
        case 'mergeCell':
          if (attributes.ref !== undefined) merges.push(String(attributes.ref));
          return;
        default:
          if (reading === 'is') inline.open(element);
      }
    },
    close(element) {
      if (!cell) return;
      if (element === 'v' && reading === 'v') {
        cell.value = buffer.join('');
        reading = null;
      } else if (element === 'f' && reading === 'f') {
        const text = buffer.join('');
        // Cells after the first of a shared formula carry only its index: they show the group's formula.
        if (cell.sharedIndex !== null) {
          if (text !== '') sharedFormulas.set(cell.sharedIndex, text);
          cell.formula = sharedFormulas.get(cell.sharedIndex) ?? text;
        } else cell.formula = text;
        reading = null;
      } else if (element === 'is') {
        cell.inline = inline.take();
        reading = null;
      } else if (element === 'c') {
        if (cell.value !== null || cell.formula !== null || cell.inline !== null) cells[cell.column] = entryOf(cell, context);
        cell = null;
      } else if (reading === 'is') inline.close(element);
    },
    text(text) {
      if (reading === 'v' || reading === 'f') buffer.push(text);
      else if (reading === 'is') inline.text(text);
    },
  });
  let rowCount = 0;
  for (const [number, entries] of rows) if (entries.length > 0 && number > rowCount) rowCount = number;
  return {
    name,
    rowCount,
    merges,
    cell: (r, c) => rows.get(r)?.[c] ?? EMPTY,
    lastColumn: (r) => Math.max(0, (rows.get(r)?.length ?? 1) - 1),
  };
}

/** Resolves a relationship target against the folder of the part that names it (xl/). */
function partPath(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts: string[] = ['xl'];
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

/**
 * The workbook's sheets from its parts (path → bytes, as inflated by the format check), each parsed on first
 * use; `maxRows` bounds every sheet.
 */
export function readWorkbookCells(parts: ReadonlyMap<string, Buffer>, maxRows: number): WorkbookCells {
  const targets = new Map<string, string>();
  let sharedStringsPath = 'xl/sharedStrings.xml';
  let stylesPath = 'xl/styles.xml';
  const relations = parts.get('xl/_rels/workbook.xml.rels');
  if (relations) {
    parse(relations, {
      open(tag, name) {
        if (name !== 'Relationship') return;
        const target = partPath(String(tag.attributes.Target ?? ''));
        const type = String(tag.attributes.Type ?? '');
        targets.set(String(tag.attributes.Id ?? ''), target);
        if (type.endsWith('/sharedStrings')) sharedStringsPath = target;
        else if (type.endsWith('/styles')) stylesPath = target;
      },
      close: () => undefined,
      text: () => undefined,
    });
  }
  const sheets = new Map<string, string>();
  let date1904 = false;
  const workbook = parts.get('xl/workbook.xml');
  if (!workbook) throw unreadable();
  parse(workbook, {
    open(tag, name) {
      if (name === 'workbookPr') date1904 = tag.attributes.date1904 === '1' || tag.attributes.date1904 === 'true';
      if (name !== 'sheet') return;
      const id = Object.entries(tag.attributes).find(([attribute]) => local(attribute) === 'id')?.[1];
      const target = id === undefined ? undefined : targets.get(String(id));
      if (target !== undefined && tag.attributes.name !== undefined) sheets.set(String(tag.attributes.name), target);
    },
    close: () => undefined,
    text: () => undefined,
  });
  let context: SheetContext | null = null;
  const parsed = new Map<string, SheetCells>();
  return {
    sheetNames: [...sheets.keys()],
    sheet(name) {
      const cached = parsed.get(name);
      if (cached) return cached;
      const path = sheets.get(name);
      const xml = path === undefined ? undefined : parts.get(path);
      if (!xml) return undefined;
      context ??= { strings: sharedStrings(parts.get(sharedStringsPath)), dates: dateStyles(parts.get(stylesPath)), date1904, maxRows };
      const sheet = parseSheet(name, xml, context);
      parsed.set(name, sheet);
      return sheet;
    },
  };
}
