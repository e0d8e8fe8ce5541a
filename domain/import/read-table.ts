/**
 * readPublishedTable: a published table's cells as text (header rows first) → its structure (header,
 * columns with their types, rows with their hierarchy, footnotes) and its figures as a TableSnapshot.
 * Figures are kept as published: ranges and approximate figures are listed apart (inexact), never as one
 * number; anything a parser cannot read without guessing is refused with the cell's address.
 */
import { foldLabel } from '../label-match';
import { deriveHierarchy, isRowNumbering } from '../table-hierarchy';
import { ColumnType, RowKind, TableColumn, TableRow, TableSnapshot } from '../table-model';
import { fitsNumeric, formatVietnamese } from '../vietnamese-number';
import { CellReading, NumberNotation, cellAddress, inVietnameseNotation, inferNotation, isFigure, readCellText } from './cell-reading';
import { ImportColumnType, MoneyScale, isCountText, moneyScale, isSttHeader, isTotalHeader, isUnitHeader, valueColumnType } from './column-kinds';
import { columnHeaders, findLayout, isOneRowPerUnit, isYearHeader } from './grid-layout';
import { ImportProblem, problem } from './import-problem';

export const MAX_GRID_ROWS = 50_000;
export const MAX_GRID_COLUMNS = 200;
export const MAX_CELL_LENGTH = 10_000;

export interface ImportColumn {
  /** 0-based position in the grid. */
  position: number;
  header: string;
  type: ImportColumnType;
  scale: MoneyScale | null;
  /** The column's key in the table; null for STT, label, unit and text columns, which hold no figures. */
  key: string | null;
  publishedNumber: string | null;
  isTotal: boolean;
  /** Most decimal places published in the column. */
  places: number;
}

export interface ImportRow {
  /** 0-based among the data rows. */
  index: number;
  /** 1-based line of the grid. */
  line: number;
  key: string;
  stt: string;
  label: string;
  unit: string | null;
  kind: RowKind;
  level: number;
  parentKey: string | null;
}

/** A figure published as a range, a qualified figure or a note in a figure column: kept as text. */
export interface InexactCell {
  rowKey: string;
  columnKey: string;
  cell: string;
  text: string;
  kind: 'RANGE' | 'QUALIFIED' | 'TEXT';
}

export interface TableStructure {
  headerRows: number;
  dataRows: number;
  footnoteRows: number;
  footnotes: string[];
  unitOfMeasure: string | null;
  columns: ImportColumn[];
  rows: ImportRow[];
  snapshot: TableSnapshot;
  inexact: InexactCell[];
  shapes: string[];
  notation: NumberNotation;
  warnings: ImportProblem[];
}

export type StructureResult = { ok: true; structure: TableStructure } | { ok: false; errors: ImportProblem[] };

export interface ReadOptions {
  unitOfMeasure?: string | null;
  /** Where the grid starts in its sheet (0-based), so addresses name the sheet's cells. */
  origin?: { row: number; column: number };
  /** How the figures are written; inferred from the table when absent. */
  notation?: NumberNotation | null;
  /** A key for a figure column from its header (e.g. a funding source's key), instead of one made from the header. */
  columnKey?: (header: string) => string | null;
  /** Figure columns' types chosen by a person, by column key, instead of the types found. */
  columnTypes?: Readonly<Record<string, FigureColumnType>> | null;
  /** The data row (0-based) a person said is the table's total, instead of the one found by its label. */
  totalRow?: number | null;
}

export type FigureColumnType = 'money' | 'count' | 'rate' | 'measure';

const COLUMN_TYPES: Record<string, ColumnType> = { money: 'MONEY', count: 'COUNT', rate: 'RATE', measure: 'MEASURE' };
/**
 * Decimal places a typed value may carry at least (money in millions to the thousand đồng, in billions to
 * the hundred thousand, as the seeded tables); the published precision may ask for more.
 */
function defaultPlaces(column: ImportColumn): number {
  if (column.type === 'money') return column.scale === 'tỷ' ? 4 : column.scale === 'triệu' ? 3 : 0;
  return column.type === 'count' ? 0 : 2;
}
const STORED_PRECISION = 20;
const STORED_SCALE = 4;
const MOSTLY = 0.6;

function limitErrors(grid: readonly (readonly (string | null)[])[], address: (row: number, column: number) => string): ImportProblem[] {
  if (grid.length === 0 || grid.every((row) => row.every((cell) => (cell ?? '').trim() === ''))) {
    return [problem('EMPTY_GRID', {}, 'Bảng trống: không có ô nào có nội dung', 'The table is empty: no cell has any content')];
  }
  if (grid.length > MAX_GRID_ROWS) {
    return [problem('TOO_MANY_ROWS', { line: MAX_GRID_ROWS + 1 }, `bảng có ${grid.length} dòng, tối đa ${MAX_GRID_ROWS}`, `the table has ${grid.length} rows, at most ${MAX_GRID_ROWS}`)];
  }
  const errors: ImportProblem[] = [];
  grid.forEach((row, r) => {
    if (row.length > MAX_GRID_COLUMNS && errors.length < 10) {
      errors.push(problem('TOO_MANY_COLUMNS', { line: r + 1 }, `dòng có ${row.length} cột, tối đa ${MAX_GRID_COLUMNS}`, `the row has ${row.length} columns, at most ${MAX_GRID_COLUMNS}`));
    }
    row.forEach((cell, c) => {
      if ((cell ?? '').length > MAX_CELL_LENGTH && errors.length < 10) {
        errors.push(problem('CELL_TOO_LONG', { cell: address(r, c) }, `ô dài ${cell!.length} ký tự, tối đa ${MAX_CELL_LENGTH}`, `the cell has ${cell!.length} characters, at most ${MAX_CELL_LENGTH}`));
      }
    });
  });
  return errors;
}

function uniqueKey(base: string, used: Set<string>): string {
  let key = base || 'column';
  for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
  used.add(key);
  return key;
}

const LABEL_BULLET = /^([-–—+•])\s/u;

const UNIT_WORDS = /^(%|hộ|người|triệu đồng|tỷ đồng|nghìn đồng|đồng|km|ha|m2|m²|xã|huyện|thôn|bản|công trình|mô hình|lao động|lượt người|lượt|học sinh|cái|chiếc|con|tấn|dự án|lớp|người\/năm|%\/năm)$/iu;

interface ColumnCensus {
  figures: number;
  texts: number;
  markers: number;
  unitWords: number;
  percent: number;
  numbers: number;
}

function census(readings: readonly (readonly CellReading[])[], texts: readonly (readonly string[])[], column: number): ColumnCensus {
  const counts: ColumnCensus = { figures: 0, texts: 0, markers: 0, unitWords: 0, percent: 0, numbers: 0 };
  readings.forEach((row, r) => {
    const reading = row[column];
    const text = texts[r][column].trim();
    // A year read as a label (yearsAsLabels) is not a row number.
    if (text !== '' && isRowNumbering(text) && !(reading.kind === 'TEXT' && YEAR_LABEL.test(text))) counts.markers++;
    if (UNIT_WORDS.test(text)) counts.unitWords++;
    if (isFigure(reading)) counts.figures++;
    if (reading.kind === 'TEXT') counts.texts++;
    if (reading.kind === 'NUMBER') {
      counts.numbers++;
      if (reading.percent) counts.percent++;
    }
  });
  return counts;
}

const YEAR_LABEL = /^(?:19|20)\d\d$/;

/**
 * A first column of years among captions (a yearbook's stub: 2010, 2011… under "Theo chuẩn nghèo…") labels
 * its rows: the years are read as text, never as figures.
 */
function yearsAsLabels(readings: readonly (readonly CellReading[])[], texts: readonly (readonly string[])[]): (readonly CellReading[])[] {
  const first = readings[0]?.findIndex((_, c) => readings.some((row) => row[c].kind !== 'EMPTY')) ?? -1;
  if (first < 0) return [...readings];
  const filled = readings.flatMap((row, r) => (row[first].kind === 'EMPTY' ? [] : [{ reading: row[first], text: texts[r][first].trim() }]));
  const years = filled.filter(({ reading, text }) => reading.kind === 'NUMBER' && YEAR_LABEL.test(text)).length;
  if (years < 2 || filled.some(({ reading, text }) => reading.kind !== 'TEXT' && !YEAR_LABEL.test(text))) return [...readings];
  return readings.map((row, r) => row.map((reading, c) => (c === first && reading.kind === 'NUMBER' ? { kind: 'TEXT', text: texts[r][c].trim() } : reading)));
}

/** STT, label, unit and text columns by what they hold; the rest hold figures. */
function columnRoles(headers: readonly string[], counts: readonly ColumnCensus[]): ImportColumnType[] {
  const roles: (ImportColumnType | null)[] = headers.map(() => null);
  const filled = (c: ColumnCensus) => c.figures + c.texts;
  const first = counts.findIndex((c) => filled(c) > 0 || c.markers > 0);
  if (first >= 0 && (isSttHeader(headers[first]) || (counts[first].markers > 0 && counts[first].markers >= filled(counts[first]) * MOSTLY && counts[first].texts + counts[first].figures <= counts[first].markers))) {
    roles[first] = 'stt';
  }
  const label = counts.findIndex((c, index) => roles[index] === null && c.texts > 0 && c.texts >= c.figures);
  if (label >= 0) roles[label] = 'label';
  counts.forEach((c, index) => {
    if (roles[index] !== null) return;
    const unitLike = c.texts > 0 && c.unitWords >= c.texts * MOSTLY;
    if ((isUnitHeader(headers[index]) && c.figures === 0) || unitLike) roles[index] = 'unit';
    else if (c.texts > c.figures) roles[index] = 'text';
  });
  return roles.map((role) => role ?? 'measure');
}

/**
 * Reads the grid; every error at once (each naming its cell), or the structure with its warnings.
 * `grid` may be ragged: short rows are padded with empty cells, with a warning naming them.
 */
export function readPublishedTable(grid: readonly (readonly (string | null)[])[], options: ReadOptions = {}): StructureResult {
  const origin = options.origin ?? { row: 0, column: 0 };
  const address = (row: number, column: number) => cellAddress(origin.row + row, origin.column + column);
  const lineOf = (row: number) => origin.row + row + 1;
  const limits = limitErrors(grid, address);
  if (limits.length > 0) return { ok: false, errors: limits };

  const warnings: ImportProblem[] = [];
  const width = Math.max(...grid.map((row) => row.length));
  const ragged = grid.flatMap((row, r) => (row.length < width ? [lineOf(r)] : []));
  if (ragged.length > 0 && ragged.length < grid.length) {
    const lines = ragged.slice(0, 10).join(', ') + (ragged.length > 10 ? '…' : '');
    warnings.push(problem('RAGGED_ROWS', { line: ragged[0] }, `các dòng ${lines} có ít hơn ${width} ô; các ô thiếu được coi là trống`,
      `lines ${lines} have fewer than ${width} cells; the missing cells are read as empty`));
  }
  // Rows with nothing in them carry nothing; line numbers keep pointing at the grid.
  const kept = grid.flatMap((row, r) => (row.some((cell) => (cell ?? '').trim() !== '') ? [r] : []));
  const texts = kept.map((r) => Array.from({ length: width }, (_, c) => (grid[r][c] ?? '').normalize('NFC')));
  const notation = options.notation ?? inferNotation(texts);
  const readings = notation === 'DECIMAL_POINT'
    ? texts.map((row) => row.map((text) => readCellText(inVietnameseNotation(text))))
    : texts.map((row) => row.map(readCellText));
  if (notation === 'DECIMAL_POINT' && !options.notation) {
    warnings.push(problem('DECIMAL_POINT_NOTATION', {}, 'bảng viết số với dấu chấm thập phân (như 412204.00), không theo cách viết của Việt Nam; các số được đọc theo cách đó (có thể đổi bằng tuỳ chọn notation)',
      'the table writes its figures with a decimal point (like 412204.00), not in Vietnamese notation; they are read that way (the notation option changes it)'));
  }
  // Where no figure (or no data row) is found, figures that cannot be read are the problem to name.
  const unreadable = () => readings.flatMap((row, r) => row.flatMap((reading, c) => (reading.kind === 'INVALID'
    ? [problem(reading.error.code, { cell: address(kept[r], c) }, reading.error.messageVi, reading.error.messageEn)] : []))).slice(0, 50);
  if (!readings.some((row) => row.some(isFigure))) {
    if (unreadable().length > 0) return { ok: false, errors: unreadable() };
    return { ok: false, errors: [problem('NO_FIGURES', {}, 'Bảng không có số liệu nào: không có ô nào là một con số', 'The table has no figures: no cell holds a number')] };
  }
  const layout = findLayout(texts, readings);
  if (layout.headerRows === 0) {
    return { ok: false, errors: [problem('NO_HEADER', { line: lineOf(kept[0]) }, 'không tìm thấy dòng tiêu đề: dòng đầu tiên đã có số liệu; hãy đưa cả các dòng tiêu đề của bảng vào',
      'no header row found: the first row already holds figures; include the table\'s header rows')] };
  }
  const dataStart = layout.headerRows;
  const dataEnd = layout.footnoteStart;
  if (dataEnd <= dataStart) {
    if (unreadable().length > 0) return { ok: false, errors: unreadable() };
    return { ok: false, errors: [problem('NO_DATA_ROWS', {}, 'không tìm thấy dòng số liệu nào dưới tiêu đề', 'no data row found under the header')] };
  }
  const unitOfMeasure = options.unitOfMeasure ?? layout.unitOfMeasure;
  const headers = columnHeaders(texts, layout, width);
  const dataTexts = texts.slice(dataStart, dataEnd);
  const dataReadings = yearsAsLabels(readings.slice(dataStart, dataEnd), dataTexts);
  const counts = headers.map((_, c) => census(dataReadings, dataTexts, c));
  const roles = columnRoles(headers, counts);
  const usedKeys = new Set<string>();
  const numbering = layout.columnNumberRow === null ? null : texts[layout.columnNumberRow];
  const columns: ImportColumn[] = headers.map((header, position) => {
    const role = roles[position];
    const typed = role === 'measure' ? valueColumnType(header, unitOfMeasure, counts[position].numbers > 0 && counts[position].percent === counts[position].numbers) : { type: role, scale: null };
    const holdsFigures = COLUMN_TYPES[typed.type] !== undefined;
    return {
      position,
      header,
      type: typed.type,
      scale: typed.scale,
      key: holdsFigures ? uniqueKey(isTotalHeader(header) ? 'total' : options.columnKey?.(header) ?? foldLabel(header).replace(/ /g, '-'), usedKeys) : null,
      publishedNumber: numbering ? numbering[position].trim().replace(/^\((\d+)\)$/, '$1') || null : null,
      isTotal: holdsFigures && isTotalHeader(header),
      places: 0,
    };
  });
  const valueColumns = columns.filter((column) => column.key !== null);
  if (valueColumns.length === 0) {
    return { ok: false, errors: [problem('NO_FIGURE_COLUMNS', {}, 'không có cột số liệu nào', 'no column holds figures')] };
  }
  const choiceErrors = applyChoices(valueColumns, dataTexts.length, unitOfMeasure, options);
  if (choiceErrors.length > 0) return { ok: false, errors: choiceErrors };
  const stt = columns.find((column) => column.type === 'stt');
  const label = columns.find((column) => column.type === 'label');
  const unit = columns.find((column) => column.type === 'unit');

  const errors: ImportProblem[] = [];
  const inexactAt: { row: number; column: ImportColumn; text: string; kind: InexactCell['kind'] }[] = [];
  const values: (string | null)[] = new Array(dataTexts.length * valueColumns.length).fill(null);
  const notations = valueColumns.map(() => ({ grouped: 0, plain: [] as string[] }));
  // Households and people come whole: a count with a fractional part ("10.98" among household counts) is worth a look.
  const transposed = isTransposed(valueColumns);
  const countRows = dataTexts.map((row) => transposed && unit !== undefined && isCountText(row[unit.position].trim()));
  dataReadings.forEach((row, r) => {
    valueColumns.forEach((column, v) => {
      const reading = row[column.position];
      const at = address(kept[dataStart + r], column.position);
      const text = dataTexts[r][column.position].trim();
      switch (reading.kind) {
        case 'EMPTY':
          return;
        case 'INVALID':
          errors.push(problem(reading.error.code, { cell: at }, reading.error.messageVi, reading.error.messageEn));
          return;
        case 'TEXT':
          inexactAt.push({ row: r, column, text, kind: 'TEXT' });
          warnings.push(problem('TEXT_IN_FIGURES', { cell: at }, `"${text}" không phải số liệu; được giữ như ghi chú và mọi phép kiểm tra cần ô này được bỏ qua`,
            `"${text}" is not a figure; it is kept as a note and every check that needs this cell is skipped`));
          return;
        case 'RANGE':
        case 'QUALIFIED':
          column.places = Math.max(column.places, reading.places);
          inexactAt.push({ row: r, column, text, kind: reading.kind });
          warnings.push(problem('APPROXIMATE', { cell: at }, `"${text}" là ${reading.kind === 'RANGE' ? 'một khoảng' : 'số ước lượng hoặc giới hạn'}, được giữ nguyên và không dùng như số chính xác trong phép kiểm tra nào`,
            `"${text}" is ${reading.kind === 'RANGE' ? 'a range' : 'an approximate or bounded figure'}; it is kept as published and never counted as exact in a check`));
          if (reading.kind === 'RANGE' && Number(reading.low) > Number(reading.high)) {
            warnings.push(problem('RANGE_REVERSED', { cell: at }, `khoảng "${text}" có cận dưới lớn hơn cận trên`, `the range "${text}" has its lower bound above its upper bound`));
          }
          return;
        case 'NUMBER': {
          // Whole numbers of up to 16 digits always fit numeric(20,4): most cells skip the check.
          const tooBig = reading.places === 0 && reading.value.length <= 16 ? null : fitsNumeric(reading.value, STORED_PRECISION, STORED_SCALE);
          if (tooBig) {
            errors.push(problem(tooBig.code, { cell: at }, tooBig.messageVi, tooBig.messageEn));
            return;
          }
          if (reading.notation === 'GROUPED') notations[v].grouped++;
          if (reading.notation === 'PLAIN') notations[v].plain.push(at);
          column.places = Math.max(column.places, reading.places);
          values[r * valueColumns.length + v] = reading.value;
          if (reading.places > 0 && (column.type === 'count' || countRows[r]) && /\.\d*[1-9]/.test(reading.value)) {
            warnings.push(problem('NON_INTEGER_COUNT', { cell: at }, `"${text}" là số hộ hoặc người nhưng có phần lẻ; hãy kiểm tra ô này`,
              `"${text}" counts households or people but has a fractional part; check this cell`));
          }
        }
      }
    });
  });
  if (errors.length > 0) return { ok: false, errors };
  notations.forEach((notation, v) => {
    if (notation.grouped === 0 || notation.plain.length === 0) return;
    const cells = notation.plain.slice(0, 5).join(', ') + (notation.plain.length > 5 ? '…' : '');
    const header = valueColumns[v].header;
    warnings.push(problem('MIXED_NOTATION', { cell: notation.plain[0] },
      `cột "${header}" viết lẫn hai kiểu: ${notation.grouped} số có dấu chấm phân cách hàng nghìn (như ${formatVietnamese('1070')}) và ${notation.plain.length} số không có (${cells}); hãy kiểm tra các ô này`,
      `column "${header}" mixes two styles: ${notation.grouped} figures with thousands dots (like 1.070) and ${notation.plain.length} without (${cells}); check these cells`));
  });

  // A label merged over the STT and label cells ("Tổng cộng (I+II)" from column A) is the row's label.
  const numberAndLabel = dataTexts.map((row) => {
    const number = stt ? row[stt.position].trim() : '';
    const text = label ? row[label.position].trim() : '';
    return text === '' && number !== '' && !isRowNumbering(number) ? { number: '', text: number } : { number, text };
  });
  // Without an STT column, a dash or bullet opening the label ("- Hộ nghèo") numbers the row as a detail of the row above.
  const hierarchy = deriveHierarchy(dataTexts.map((_, r) => ({
    publishedNumber: numberAndLabel[r].number || (stt ? null : LABEL_BULLET.exec(numberAndLabel[r].text)?.[1] ?? null),
    label: numberAndLabel[r].text,
    hasValues: valueColumns.some((column) => dataReadings[r][column.position].kind !== 'EMPTY'),
  })), { withoutNumbers: !stt, indicators: isTransposed(valueColumns), totalIndex: options.totalRow ?? undefined });
  const rows: ImportRow[] = hierarchy.map((node, r) => ({
    index: r,
    line: lineOf(kept[dataStart + r]),
    key: node.key,
    stt: numberAndLabel[r].number,
    label: numberAndLabel[r].text,
    unit: unit ? dataTexts[r][unit.position].trim() || null : null,
    kind: node.kind,
    level: node.level,
    parentKey: node.parentIndex === null ? null : hierarchy[node.parentIndex].key,
  }));
  const snapshotColumns: TableColumn[] = valueColumns.map((column) => ({
    key: column.key!,
    label: column.header,
    publishedNumber: column.publishedNumber,
    type: COLUMN_TYPES[column.type],
    scale: Math.min(STORED_SCALE, Math.max(column.places, defaultPlaces(column))),
    editable: true,
  }));
  const snapshotRows: TableRow[] = rows.map((row) => ({
    key: row.key,
    publishedNumber: row.stt || null,
    label: row.label,
    level: row.level,
    parentKey: row.parentKey,
    kind: row.kind,
    editable: row.kind !== 'LABEL',
    computed: false,
  }));
  const snapshot = TableSnapshot.fromGrid(snapshotColumns, snapshotRows, values);
  const inexact = inexactAt.map(({ row, column, text, kind }) => ({
    rowKey: rows[row].key, columnKey: column.key!, cell: address(kept[dataStart + row], column.position), text, kind,
  }));
  const footnotes = texts.slice(dataEnd).map((row) => row.map((cell) => cell.trim()).filter(Boolean)[0]);
  const structure: TableStructure = {
    headerRows: kept[dataStart] - kept[0],
    dataRows: dataEnd - dataStart,
    footnoteRows: texts.length - dataEnd,
    footnotes,
    unitOfMeasure,
    columns,
    rows,
    snapshot,
    inexact,
    shapes: [],
    notation,
    warnings,
  };
  structure.shapes = shapesOf(structure, layout.columnNumberRow !== null, label?.header ?? '');
  return { ok: true, structure };
}

/**
 * A person's corrections of what was guessed: a figure column's type (money takes its scale from the header or
 * the table's unit) and which row is the total. Every unknown column or row is refused, naming it.
 */
function applyChoices(valueColumns: readonly ImportColumn[], dataRows: number, unitOfMeasure: string | null, options: ReadOptions): ImportProblem[] {
  const errors: ImportProblem[] = [];
  for (const [key, type] of Object.entries(options.columnTypes ?? {})) {
    const column = valueColumns.find((candidate) => candidate.key === key);
    if (!column) {
      const known = valueColumns.map((candidate) => candidate.key).join(', ');
      errors.push(problem('UNKNOWN_COLUMN', {}, `columnTypes: bảng không có cột số liệu "${key}"; các cột: ${known}`, `columnTypes: the table has no figure column "${key}"; its columns: ${known}`));
      continue;
    }
    column.type = type;
    column.scale = type === 'money' ? moneyScale(column.header) ?? (unitOfMeasure ? moneyScale(unitOfMeasure) : null) : null;
  }
  const total = options.totalRow;
  if (total !== null && total !== undefined && !(Number.isInteger(total) && total >= 0 && total < dataRows)) {
    errors.push(problem('UNKNOWN_ROW', {}, `totalRow: bảng có ${dataRows} dòng số liệu (0 đến ${dataRows - 1}), không có dòng ${total}`,
      `totalRow: the table has ${dataRows} data rows (0 to ${dataRows - 1}), not row ${total}`));
  }
  return errors;
}

/** Indicators as rows, years as columns: most figure columns are headed by a year. */
function isTransposed(valueColumns: readonly ImportColumn[]): boolean {
  return valueColumns.length > 0 && valueColumns.filter((column) => isYearHeader(column.header)).length >= valueColumns.length * MOSTLY;
}

function shapesOf(structure: TableStructure, columnNumbers: boolean, labelHeader: string): string[] {
  const { columns, rows, inexact } = structure;
  const shapes = new Set<string>();
  const valueColumns = columns.filter((column) => column.key !== null);
  if (columns.some((column) => column.type === 'stt')) shapes.add('stt-column');
  if (columns.some((column) => column.header.includes(' / '))) shapes.add('merged-header');
  if (columnNumbers) shapes.add('column-numbers-row');
  if (columns.some((column) => column.type === 'unit')) shapes.add('unit-column');
  const totals = rows.flatMap((row, index) => (row.kind === 'GRAND_TOTAL' ? [index] : []));
  if (totals.includes(0)) shapes.add('total-first');
  if (totals.includes(rows.length - 1)) shapes.add('total-last');
  if (valueColumns.some((column) => column.isTotal)) shapes.add('total-column');
  if (rows.some((row) => row.kind === 'SECTION')) shapes.add('roman-sections');
  if (rows.some((row) => /^\d+[.)]?$/.test(row.stt))) shapes.add('numbered-items');
  if (rows.some((row) => /^\d+\.\d+/.test(row.stt))) shapes.add('decimal-children');
  if (rows.some((row) => /^[a-zđ][.)]?$/.test(row.stt))) shapes.add('letter-items');
  if (rows.some((row) => /^[-–—+*•·]$/.test(row.stt))) shapes.add('dash-children');
  if (rows.some((row) => /^trong do\b/.test(foldLabel(row.label)))) shapes.add('of-which-rows');
  if (isTransposed(valueColumns)) shapes.add('transposed');
  if (isOneRowPerUnit(labelHeader, rows.map((row) => row.label))) shapes.add('one-row-per-unit');
  if (inexact.some((cell) => cell.kind === 'RANGE')) shapes.add('ranges');
  if (inexact.some((cell) => cell.kind === 'QUALIFIED' && /^(khoảng|gần|xấp xỉ|ước|~|≈)/iu.test(cell.text))) shapes.add('approximate');
  if (inexact.some((cell) => cell.kind === 'QUALIFIED' && !/^(khoảng|gần|xấp xỉ|ước|~|≈)/iu.test(cell.text))) shapes.add('bounded');
  if (structure.footnoteRows > 0) shapes.add('footnotes');
  if (structure.warnings.some((warning) => warning.code === 'MIXED_NOTATION')) shapes.add('mixed-notation');
  return [...shapes];
}
