/**
 * Where a pulled table goes on a sheet, shared by the add-in's pull and the server's downloadable workbook
 * (so a table looks the same in both, and both find cells by the same keys):
 *
 *   row 1  document number — table title            (bold)
 *   row 2  caption                                   (italic)
 *   row 3  plan title (issuing unit)
 *   row 4  unit of measure · version · pulled at · server
 *   row 6  headers: Mã dòng | STT | Nội dung | one per value column
 *   row 7  published column numbers (1, 2, 3…)
 *   row 8  "#KEY" | | | column keys                  (grey: how cells are recognised)
 *   row 9… one row per table row: row key | STT | label indented by level | values
 */
import type { TableColumn, TableRow } from '../table-model';

export type Lang = 'vi' | 'en';

/** Where the table sits in the sheet (0-based). */
export interface SheetLayoutInfo {
  headerRow: number;
  numberRow: number;
  keyRow: number;
  firstDataRow: number;
  keyColumn: number;
  numberColumn: number;
  labelColumn: number;
  firstValueColumn: number;
}

export const STANDARD_LAYOUT: SheetLayoutInfo = {
  headerRow: 5,
  numberRow: 6,
  keyRow: 7,
  firstDataRow: 8,
  keyColumn: 0,
  numberColumn: 1,
  labelColumn: 2,
  firstValueColumn: 3,
};

/** Marks the row of column keys in the key column. */
export const KEY_MARKER = '#KEY';

export const FILL = {
  editable: '#FFFFFF',
  readOnly: '#F3F2F1',
  computed: '#EBF3FC',
  header: '#DEECF9',
  error: '#FDE7E9',
  warning: '#FFF4CE',
} as const;

export const KEY_FONT_COLOR = '#8A8886';

export function headerTexts(lang: Lang): [string, string, string] {
  return lang === 'vi' ? ['Mã dòng', 'STT', 'Nội dung'] : ['Row key', 'No.', 'Item'];
}

/** The published column numbers: the column's own, else its position counting STT and label as 1 and 2. */
export function columnNumberTexts(columns: readonly Pick<TableColumn, 'publishedNumber'>[]): string[] {
  return ['', '1', '2', ...columns.map((column, index) => column.publishedNumber ?? String(index + 3))];
}

export function labelText(row: Pick<TableRow, 'label' | 'level'>, indentWithFormat: boolean): string {
  return indentWithFormat ? row.label : `${'    '.repeat(row.level)}${row.label}`;
}

/** Whether a person may type into the cell: an editable table, row and column, and not a computed total. */
export function isEditableCell(table: { editable: boolean; rows: readonly TableRow[]; columns: readonly TableColumn[] }, row: number, column: number): boolean {
  return table.editable && table.rows[row].editable && !table.rows[row].computed && table.columns[column].editable;
}

/** What the title block shows. */
export interface TitleInfo {
  documentNumber: string;
  title: string;
  caption: string;
  planTitle: string;
  issuingUnitName: string | null;
  unitOfMeasure: string;
  version: number;
  /** ISO time of the pull or download. */
  pulledAt: string;
  serverUrl: string;
}

/** The four lines of the title block, in the reader's language. */
export function titleTexts(table: TitleInfo, lang: Lang): string[] {
  const pulledAt = new Date(table.pulledAt);
  const when = Number.isNaN(pulledAt.getTime()) ? table.pulledAt : pulledAt.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
  const unit = table.issuingUnitName ? ` (${table.issuingUnitName})` : '';
  return lang === 'vi'
    ? [
        `${table.documentNumber} — ${table.title}`,
        table.caption,
        `Kế hoạch: ${table.planTitle}${unit}`,
        `Đơn vị tính: ${table.unitOfMeasure} · Phiên bản ${table.version} · Lấy về lúc ${when} · Máy chủ ${table.serverUrl}`,
      ]
    : [
        `${table.documentNumber} — ${table.title}`,
        table.caption,
        `Plan: ${table.planTitle}${unit}`,
        `Unit: ${table.unitOfMeasure} · Version ${table.version} · Pulled at ${when} · Server ${table.serverUrl}`,
      ];
}
