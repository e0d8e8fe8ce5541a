/**
 * What the add-in writes into a sheet, as data: one write to a rectangular range per operation. The add-in's
 * gateway applies them to Excel through Office.js; the server applies the same operations to an exceljs sheet
 * for a downloaded file (server/workbook/sheet-ops.ts). Pure.
 */

export type CellInput = string | number | boolean | null;

export interface FontStyle {
  bold?: boolean;
  italic?: boolean;
  color?: string;
  size?: number;
}

/**
 * One write to a rectangular range; `address` is A1 without a sheet name. Conditional formats (ExcelApi 1.6)
 * and charts (ExcelApi 1.1) are within the manifest's minimum (1.9), so they need no capability check.
 */
export type SheetOp =
  | { kind: 'values'; address: string; values: CellInput[][] }
  | { kind: 'formulas'; address: string; formulas: CellInput[][] }
  | { kind: 'numberFormat'; address: string; numberFormat: string[][] }
  | { kind: 'fill'; address: string; color: string | null }
  | { kind: 'font'; address: string; font: FontStyle }
  | { kind: 'locked'; address: string; locked: boolean }
  | { kind: 'indent'; address: string; level: number }
  | { kind: 'wrap'; address: string; wrap: boolean }
  | { kind: 'columnWidth'; address: string; width: number }
  /** Contents, formats and merged cells. */
  | { kind: 'clear'; address: string }
  /** A note (or input prompt) on one cell; text null removes it. */
  | { kind: 'note'; address: string; text: string | null; title?: string }
  /** A conditional format: cells whose text contains `text` (case-insensitive, as Excel compares) get the fill. */
  | { kind: 'conditionalFill'; address: string; text: string; color: string }
  | { kind: 'clearConditionalFormats'; address: string }
  /**
   * A native clustered column chart of `address` (first column: categories, first row: series names),
   * covering the cells of `position`.
   */
  | { kind: 'columnChart'; address: string; title: string; position: string }
  /** Removes every chart of the sheet (a report's charts are rebuilt on refresh). */
  | { kind: 'deleteCharts'; address: '' }
  /** Tags the sheet (a hidden name scoped to it, see sheet-tag.ts), replacing an earlier tag. */
  | { kind: 'sheetTag'; address: ''; tag: string };
