/**
 * The table model shared by the server and the Excel add-in: an immutable snapshot of one appendix table
 * (columns, hierarchical rows, canonical cell values) with O(1) cell lookup.
 */
import { NumberErrorCode, decimalPlaces, parseCanonicalDecimal } from './vietnamese-number';

export type ColumnType = 'MONEY' | 'COUNT' | 'RATE' | 'MEASURE';

export interface TableColumn {
  key: string;
  label: string;
  publishedNumber: string | null;
  type: ColumnType;
  /** Decimal places allowed when a value is entered. */
  scale: number;
  editable: boolean;
}

export type RowKind = 'SECTION' | 'ITEM' | 'CHILD' | 'LABEL' | 'GRAND_TOTAL';

export const ROW_KINDS: readonly RowKind[] = ['SECTION', 'ITEM', 'CHILD', 'LABEL', 'GRAND_TOTAL'];

export interface TableRow {
  key: string;
  publishedNumber: string | null;
  label: string;
  level: number;
  parentKey: string | null;
  kind: RowKind;
  editable: boolean;
  computed: boolean;
}

/** value null: the cell is empty, which is not zero. */
export interface CellValue {
  rowKey: string;
  columnKey: string;
  value: string | null;
}

/** The serialisable form of a snapshot; cells that are absent are empty. */
export interface TableSnapshotData {
  columns: readonly TableColumn[];
  rows: readonly TableRow[];
  cells: readonly CellValue[];
}

export type CellChangeErrorCode = 'UNKNOWN_ROW' | 'UNKNOWN_COLUMN' | 'NOT_EDITABLE' | 'DUPLICATE_CHANGE' | NumberErrorCode;

export interface CellChangeError {
  rowKey: string;
  columnKey: string;
  code: CellChangeErrorCode;
  messageVi: string;
  messageEn: string;
}

export type CellChangeResult = { ok: true; snapshot: TableSnapshot } | { ok: false; errors: CellChangeError[] };

function indexByKey(items: readonly { key: string }[], what: string): Map<string, number> {
  const index = new Map<string, number>();
  items.forEach((item, position) => {
    if (item.key === '') throw new Error(`Empty ${what} key at position ${position}`);
    if (index.has(item.key)) throw new Error(`Duplicate ${what} key "${item.key}"`);
    index.set(item.key, position);
  });
  return index;
}

/** Children by parent; parents must precede their children, which also rules out cycles. */
function indexChildren(rows: readonly TableRow[], rowIndex: ReadonlyMap<string, number>): number[][] {
  const children: number[][] = rows.map(() => []);
  rows.forEach((row, position) => {
    if (row.parentKey === null) {
      if (row.level !== 0) throw new Error(`Row "${row.key}" has no parent but level ${row.level}`);
      return;
    }
    const parent = rowIndex.get(row.parentKey);
    if (parent === undefined || parent >= position) {
      throw new Error(`Row "${row.key}": parent "${row.parentKey}" must be a row above it`);
    }
    if (rows[parent].kind === 'LABEL') throw new Error(`Row "${row.key}": a LABEL row cannot be a parent`);
    if (row.level !== rows[parent].level + 1) {
      throw new Error(`Row "${row.key}" has level ${row.level}, expected ${rows[parent].level + 1} under "${row.parentKey}"`);
    }
    children[parent].push(position);
  });
  return children;
}

/** Checks and indexes rows and columns; copies them, so that later mutation of the caller's objects cannot break the indexes. */
function indexStructure(columnData: readonly TableColumn[], rowData: readonly TableRow[]) {
  for (const column of columnData) {
    if (!Number.isInteger(column.scale) || column.scale < 0) {
      throw new Error(`Column "${column.key}" has invalid scale ${column.scale}`);
    }
  }
  const columnIndexes = indexByKey(columnData, 'column');
  const rowIndexes = indexByKey(rowData, 'row');
  const children = indexChildren(rowData, rowIndexes);
  const columns = columnData.map((column) => ({ ...column }));
  const rows = rowData.map((row) => ({ ...row }));
  return { columns, rows, columnIndexes, rowIndexes, children };
}

export class TableSnapshot {
  private constructor(
    readonly columns: readonly Readonly<TableColumn>[],
    readonly rows: readonly Readonly<TableRow>[],
    private readonly rowIndexes: ReadonlyMap<string, number>,
    private readonly columnIndexes: ReadonlyMap<string, number>,
    private readonly children: readonly (readonly number[])[],
    /** Row-major: the value of (row r, column c) is at r × columns.length + c. */
    private readonly values: readonly (string | null)[],
    /** At least the most decimal places of any value (not lowered when values are removed). */
    readonly maxDecimalPlaces: number,
  ) {}

  /** Throws on structurally invalid data (duplicate keys, bad parents, non-canonical values): corrupt input. */
  static create(data: TableSnapshotData): TableSnapshot {
    const structure = indexStructure(data.columns, data.rows);
    const { rowIndexes, columnIndexes } = structure;
    const values: (string | null)[] = new Array(data.rows.length * data.columns.length).fill(null);
    const seen = new Uint8Array(values.length);
    let maxDecimalPlaces = 0;
    for (const cell of data.cells) {
      const row = rowIndexes.get(cell.rowKey);
      const column = columnIndexes.get(cell.columnKey);
      if (row === undefined || column === undefined) {
        throw new Error(`Cell (${cell.rowKey}, ${cell.columnKey}) refers to an unknown row or column`);
      }
      const slot = row * data.columns.length + column;
      if (seen[slot]) throw new Error(`Cell (${cell.rowKey}, ${cell.columnKey}) is given twice`);
      seen[slot] = 1;
      if (cell.value === null) continue;
      const parsed = parseCanonicalDecimal(cell.value);
      if (!parsed.ok) throw new Error(`Cell (${cell.rowKey}, ${cell.columnKey}): ${parsed.error.messageEn}`);
      values[slot] = parsed.value;
      maxDecimalPlaces = Math.max(maxDecimalPlaces, decimalPlaces(parsed.value!));
    }
    return new TableSnapshot(structure.columns, structure.rows, rowIndexes, columnIndexes, structure.children, values, maxDecimalPlaces);
  }

  /**
   * A snapshot from a dense row-major grid (the value of row r, column c at r × columns.length + c),
   * for values known to be canonical already, such as PostgreSQL's trim_scale(numeric)::text: no
   * re-parsing and no cell objects, which is most of the cost of building a large table. Throws on
   * structurally invalid rows or columns, like `create`.
   */
  static fromGrid(columns: readonly TableColumn[], rows: readonly TableRow[], values: readonly (string | null)[]): TableSnapshot {
    if (values.length !== rows.length * columns.length) {
      throw new Error(`A grid of ${rows.length} rows × ${columns.length} columns needs ${rows.length * columns.length} values, got ${values.length}`);
    }
    const structure = indexStructure(columns, rows);
    let maxDecimalPlaces = 0;
    for (const value of values) {
      if (value === null) continue;
      const dot = value.indexOf('.');
      if (dot >= 0) maxDecimalPlaces = Math.max(maxDecimalPlaces, value.length - dot - 1);
    }
    // A copy, like the rows and columns: the caller may reuse its array.
    return new TableSnapshot(structure.columns, structure.rows, structure.rowIndexes, structure.columnIndexes, structure.children, values.slice(), maxDecimalPlaces);
  }

  rowIndex(key: string): number | undefined {
    return this.rowIndexes.get(key);
  }

  columnIndex(key: string): number | undefined {
    return this.columnIndexes.get(key);
  }

  valueAt(rowIndex: number, columnIndex: number): string | null {
    return this.values[rowIndex * this.columns.length + columnIndex];
  }

  /** The values of one row in column order (a new array). */
  rowValues(rowIndex: number): (string | null)[] {
    const width = this.columns.length;
    return this.values.slice(rowIndex * width, (rowIndex + 1) * width);
  }

  /** Throws for an unknown row or column key. */
  value(rowKey: string, columnKey: string): string | null {
    const row = this.rowIndexes.get(rowKey);
    const column = this.columnIndexes.get(columnKey);
    if (row === undefined || column === undefined) throw new Error(`Unknown cell (${rowKey}, ${columnKey})`);
    return this.valueAt(row, column);
  }

  /** Indexes of the rows whose parent is the given row, in table order (LABEL rows included). */
  childIndexes(rowIndex: number): readonly number[] {
    return this.children[rowIndex];
  }

  /**
   * A copy with the given cells changed, or every reason the changes cannot be applied (all-or-nothing).
   * Values must be canonical and respect the column's scale; only editable cells of editable rows change.
   */
  withChanges(changes: readonly CellValue[]): CellChangeResult {
    const errors: CellChangeError[] = [];
    const values = [...this.values];
    const seen = new Set<number>();
    let maxDecimalPlaces = this.maxDecimalPlaces;
    for (const change of changes) {
      const reject = (code: CellChangeErrorCode, messageVi: string, messageEn: string) =>
        errors.push({ rowKey: change.rowKey, columnKey: change.columnKey, code, messageVi, messageEn });
      const row = this.rowIndexes.get(change.rowKey);
      const column = this.columnIndexes.get(change.columnKey);
      if (row === undefined) {
        reject('UNKNOWN_ROW', `Không có dòng "${change.rowKey}" trong bảng`, `The table has no row "${change.rowKey}"`);
        continue;
      }
      if (column === undefined) {
        reject('UNKNOWN_COLUMN', `Không có cột "${change.columnKey}" trong bảng`, `The table has no column "${change.columnKey}"`);
        continue;
      }
      const { label: rowLabel, editable: rowEditable } = this.rows[row];
      const { label: columnLabel, editable: columnEditable, scale } = this.columns[column];
      const where = `"${rowLabel}" / "${columnLabel}"`;
      const slot = row * this.columns.length + column;
      if (seen.has(slot)) {
        reject('DUPLICATE_CHANGE', `Ô ${where} được sửa nhiều lần trong cùng một lần gửi`, `Cell ${where} is changed more than once in one change set`);
        continue;
      }
      seen.add(slot);
      if (!rowEditable || !columnEditable) {
        reject('NOT_EDITABLE', `Ô ${where} không được phép sửa`, `Cell ${where} is not editable`);
        continue;
      }
      if (change.value === null) {
        values[slot] = null;
        continue;
      }
      const parsed = parseCanonicalDecimal(change.value);
      if (!parsed.ok) {
        reject(parsed.error.code, `Ô ${where}: ${parsed.error.messageVi}`, `Cell ${where}: ${parsed.error.messageEn}`);
        continue;
      }
      const places = decimalPlaces(parsed.value!);
      if (places > scale) {
        reject('TOO_MANY_DECIMALS', `Ô ${where}: ${places} chữ số thập phân, cột này chỉ cho phép ${scale}`,
          `Cell ${where}: ${places} decimal places, this column allows ${scale}`);
        continue;
      }
      values[slot] = parsed.value;
      maxDecimalPlaces = Math.max(maxDecimalPlaces, places);
    }
    if (errors.length > 0) return { ok: false, errors };
    return {
      ok: true,
      snapshot: new TableSnapshot(this.columns, this.rows, this.rowIndexes, this.columnIndexes, this.children, values, maxDecimalPlaces),
    };
  }

  /** The serialisable form (copies); only non-empty cells are listed, in row-major order. */
  toData(): TableSnapshotData {
    const cells: CellValue[] = [];
    this.rows.forEach((row, r) =>
      this.columns.forEach((column, c) => {
        const value = this.valueAt(r, c);
        if (value !== null) cells.push({ rowKey: row.key, columnKey: column.key, value });
      }),
    );
    return { columns: this.columns.map((column) => ({ ...column })), rows: this.rows.map((row) => ({ ...row })), cells };
  }
}
