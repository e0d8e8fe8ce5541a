/**
 * A sheet of an .xlsx workbook, or a CSV file, as the grid of text the import reads: every cell as it is
 * shown (numbers in Vietnamese notation, percentages stored as 0.0752 with a % format shown as 7,52,
 * formulas by their cached value), merged cells written once in their first cell and empty in the others.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { cellAddress } from '../../domain/import/cell-reading';
import { ImportProblem, problem } from '../../domain/import/import-problem';
import { MAX_GRID_COLUMNS, MAX_GRID_ROWS } from '../../domain/import/read-table';
import { shownNumberText } from '../../domain/import/shown-number';
import { ImportRefused } from './import-table';

export interface SheetGrid {
  grid: string[][];
  /** Where the grid starts in the sheet (0-based), so problems name the sheet's cells. */
  origin: { row: number; column: number };
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Encrypted (password-protected) .xlsx files and old .xls files are OLE compound files. */
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

function refuse(code: string, at: { cell?: string; line?: number }, vi: string, en: string): never {
  throw new ImportRefused([problem(code, at, vi, en)]);
}

function cellText(cell: ExcelJS.Cell, address: string, problems: ImportProblem[]): string {
  if (cell.isMerged && cell.master.address !== cell.address) return '';
  let value = cell.value as unknown;
  if (value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined) {
      problems.push(problem('FORMULA_WITHOUT_VALUE', { cell: address }, 'công thức chưa có giá trị đã tính (hãy mở và lưu tệp bằng Excel rồi gửi lại)', 'the formula has no computed value (open and save the file in Excel, then send it again)'));
      return '';
    }
    value = result;
  }
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return shownNumberText(value, cell.numFmt);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const object = value as { error?: string; richText?: { text: string }[]; text?: unknown };
  if (object.error !== undefined) {
    problems.push(problem('FORMULA_ERROR', { cell: address }, `ô có lỗi ${object.error}; hãy sửa công thức hoặc nhập giá trị`, `the cell holds the error ${object.error}; fix the formula or enter the value`));
    return '';
  }
  if (object.richText) return object.richText.map((run) => run.text).join('');
  if (typeof object.text === 'string') return object.text;
  return String(value);
}

/** "B3:H40" → 0-based bounds; null when absent. */
function parseRange(range: string | undefined): { top: number; left: number; bottom: number; right: number } | null {
  if (!range) return null;
  const match = /^([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})$/i.exec(range.trim());
  if (!match) refuse('BAD_RANGE', {}, `vùng "${range}" không hợp lệ; hãy viết dạng B3:H40`, `the range "${range}" is not valid; write it as B3:H40`);
  const column = (letters: string) => [...letters.toUpperCase()].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
  const [top, bottom] = [Number(match[2]) - 1, Number(match[4]) - 1].sort((a, b) => a - b);
  const [left, right] = [column(match[1]), column(match[3])].sort((a, b) => a - b);
  return { top, left, bottom, right };
}

export async function workbookGrid(body: Buffer, options: { sheet?: string; range?: string }): Promise<SheetGrid> {
  if (body.subarray(0, 4).equals(OLE)) {
    refuse('PROTECTED_WORKBOOK', {}, 'Tệp được bảo vệ bằng mật khẩu hoặc là tệp .xls cũ; hãy bỏ mật khẩu và lưu thành .xlsx', 'The file is password-protected or an old .xls file; remove the password and save it as .xlsx');
  }
  if (!body.subarray(0, 4).equals(ZIP)) refuse('NOT_A_WORKBOOK', {}, 'Tệp không phải là sổ tính .xlsx', 'The file is not an .xlsx workbook');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
  } catch (error) {
    refuse('NOT_A_WORKBOOK', {}, `Tệp không đọc được như sổ tính .xlsx: ${(error as Error).message}`, `The file cannot be read as an .xlsx workbook: ${(error as Error).message}`);
  }
  const names = workbook.worksheets.map((sheet) => sheet.name);
  const sheet = options.sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(options.sheet);
  if (!sheet) {
    refuse('SHEET_NOT_FOUND', {}, `Không có trang tính "${options.sheet}"; các trang tính: ${names.join(', ')}`, `There is no sheet "${options.sheet}"; the sheets are: ${names.join(', ')}`);
  }
  const bounds = parseRange(options.range) ?? { top: 0, left: 0, bottom: Math.max(0, sheet.rowCount - 1), right: Math.max(0, sheet.columnCount - 1) };
  if (bounds.bottom - bounds.top + 1 > MAX_GRID_ROWS) {
    refuse('TOO_MANY_ROWS', { line: bounds.top + MAX_GRID_ROWS + 1 }, `vùng có ${bounds.bottom - bounds.top + 1} dòng, tối đa ${MAX_GRID_ROWS}`, `the range has ${bounds.bottom - bounds.top + 1} rows, at most ${MAX_GRID_ROWS}`);
  }
  if (bounds.right - bounds.left + 1 > MAX_GRID_COLUMNS) {
    refuse('TOO_MANY_COLUMNS', {}, `vùng có ${bounds.right - bounds.left + 1} cột, tối đa ${MAX_GRID_COLUMNS}`, `the range has ${bounds.right - bounds.left + 1} columns, at most ${MAX_GRID_COLUMNS}`);
  }
  const problems: ImportProblem[] = [];
  const grid: string[][] = [];
  for (let r = bounds.top; r <= bounds.bottom; r++) {
    const row = sheet.getRow(r + 1);
    const cells: string[] = [];
    for (let c = bounds.left; c <= bounds.right; c++) cells.push(cellText(row.getCell(c + 1), cellAddress(r, c), problems));
    grid.push(cells);
  }
  if (problems.length > 0) throw new ImportRefused(problems);
  return { grid, origin: { row: bounds.top, column: bounds.left } };
}

/** A CSV file (RFC 4180, UTF-8): ragged rows are kept as they are, for the import to name them. */
export function csvGrid(body: Buffer): SheetGrid {
  try {
    const grid = parse(body.toString('utf8').replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: false }) as string[][];
    return { grid, origin: { row: 0, column: 0 } };
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return refuse('BAD_CSV', { line }, `Tệp CSV không hợp lệ: ${(error as Error).message}`, `Not a valid CSV file: ${(error as Error).message}`);
  }
}
