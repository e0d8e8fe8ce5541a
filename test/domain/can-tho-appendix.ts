/**
 * Phụ lục 2 of Cần Thơ plan 132/KH-UBND, read from the seed CSV and imported the way the server will:
 * numbers parsed from Vietnamese notation, rows arranged by deriveHierarchy.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { deriveHierarchy } from '../../domain/table-hierarchy';
import { TableColumn, TableRow, TableSnapshot } from '../../domain/table-model';
import { parseVietnameseNumber } from '../../domain/vietnamese-number';

const CSV_PATH = join(__dirname, '../../server/seed/files/can-tho-plan-132-appendix-2.csv');

export interface PublishedLine {
  stt: string;
  label: string;
  /** Figures as published, '' when the cell is empty. */
  figures: string[];
}

function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') field += line[++i];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

/** The data lines: the comment, the header and the column-numbering row "1,2,…,7" are left out. */
export function readPublishedLines(): PublishedLine[] {
  const lines = readFileSync(CSV_PATH, 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '' && !line.startsWith('#'));
  const [header, numbering, ...data] = lines.map(parseCsvLine);
  if (header[0] !== 'STT' || numbering.join(',') !== '1,2,3,4,5,6,7') throw new Error('Unexpected CSV layout');
  return data.map(([stt, label, ...figures]) => ({ stt, label, figures }));
}

export const CAN_THO_COLUMNS: TableColumn[] = [
  ['total', 'Tổng số', '3'],
  ['central', 'Ngân sách Trung ương', '4'],
  ['city', 'Ngân sách thành phố', '5'],
  ['loans', 'Vốn vay ưu đãi', '6'],
  ['community', 'Huy động cộng đồng', '7'],
].map(([key, label, publishedNumber]) => ({ key, label, publishedNumber, type: 'MONEY', scale: 0, editable: true }));

export function canThoSnapshot(): TableSnapshot {
  const lines = readPublishedLines();
  const values = lines.map((line) =>
    line.figures.map((figure) => {
      const parsed = parseVietnameseNumber(figure);
      if (!parsed.ok) throw new Error(parsed.error.messageEn);
      return parsed.value;
    }),
  );
  const derived = deriveHierarchy(
    lines.map((line, index) => ({
      publishedNumber: line.stt.trim() === '' ? null : line.stt,
      label: line.label,
      hasValues: values[index].some((value) => value !== null),
    })),
  );
  const rows: TableRow[] = lines.map((line, index) => ({
    key: derived[index].key,
    publishedNumber: line.stt.trim() === '' ? null : line.stt,
    label: line.label,
    level: derived[index].level,
    parentKey: derived[index].parentIndex === null ? null : derived[derived[index].parentIndex!].key,
    kind: derived[index].kind,
    editable: true,
    computed: false,
  }));
  return TableSnapshot.create({
    columns: CAN_THO_COLUMNS,
    rows,
    cells: rows.flatMap((row, r) => CAN_THO_COLUMNS.map((column, c) => ({ rowKey: row.key, columnKey: column.key, value: values[r][c] }))),
  });
}
