/**
 * The workbook gateway: the ONLY place the add-in touches Excel. Every method is one Excel.run with a
 * fixed, small number of context.sync() calls; callers (sync.ts) plan chunks so that each call stays under
 * the payload budget (chunks.ts). Implemented by office-gateway.ts (Office.js) and, for tests, by an
 * in-memory workbook.
 */
import type { CellInput, SheetOp } from '../../../domain/sheet/sheet-ops';

export type { CellInput, FontStyle, SheetOp } from '../../../domain/sheet/sheet-ops';

export interface SheetInfo {
  /** Stable across renames and reopening the file. */
  id: string;
  name: string;
  position: number;
  protected: boolean;
}

/** Optional Excel features, each behind a requirement set newer than the manifest's minimum. */
export interface WorkbookCapabilities {
  /** Cell notes (ExcelApi 1.18); otherwise the finding text goes into the cell's input prompt. */
  notes: boolean;
  /** Data-validation input prompts (ExcelApi 1.8). */
  prompts: boolean;
  /** Range.getMergedAreasOrNullObject (ExcelApi 1.13). */
  mergedAreas: boolean;
  /** format.indentLevel (ExcelApi 1.9); otherwise labels are indented with spaces. */
  indent: boolean;
  /** application.decimalSeparator, thousandsSeparator, useSystemSeparators and cultureInfo (ExcelApi 1.11). */
  culture: boolean;
}

export interface RangeRead {
  address: string;
  values?: boolean;
  formulas?: boolean;
  numberFormat?: boolean;
}

export interface RangeData {
  address: string;
  values?: CellInput[][];
  formulas?: CellInput[][];
  numberFormat?: string[][];
}

export interface ProtectionOptions {
  /** Staff may resize and format columns/rows but not insert, delete or sort. */
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
  /** Formats (marks' fills, number formats) may change under protection: the add-in need not lift it to mark. */
  allowFormatCells: boolean;
  /** Notes may change under protection (Excel counts them as objects). */
  allowEditObjects: boolean;
}

/** What a batch did to the sheet's protection, so callers and tests can see which paths clear undo. */
export interface ApplyReport {
  /** Protection was lifted and set again, or set for the first time: Excel cleared the undo history. */
  protectionTouched: boolean;
}

/** The separators Excel shows numbers with: its own override (File › Options › Advanced) or the system's. */
export interface Separators {
  decimal: string;
  group: string;
  /** True when Excel follows the operating system's separators. */
  system: boolean;
}

export interface StoredPart {
  id: string;
  xml: string;
}

export interface WorkbookGateway {
  capabilities(): WorkbookCapabilities;
  listSheets(): Promise<SheetInfo[]>;
  activeSheet(): Promise<SheetInfo>;
  /** Adds a sheet with a name not used yet (the name is made unique) and activates it. */
  addSheet(name: string): Promise<SheetInfo>;
  /** The used range of a sheet (values only), or null when the sheet is empty. */
  usedRange(sheetId: string): Promise<string | null>;
  /** The selected range (A1 without the sheet name) and the sheet it is on. */
  selectedRange(): Promise<{ sheetId: string; address: string }>;
  /** Reads several ranges of one sheet in one sync. */
  read(sheetId: string, reads: RangeRead[]): Promise<RangeData[]>;
  /**
   * Applies the operations in order in one request. With `protection`, the sheet ends protected with those
   * options; its protection is lifted for the batch only when an operation needs it (see protection.ts),
   * because lifting or setting protection clears the person's undo history. A batch that fails leaves the
   * operations before the failing one applied (as Excel does) and the sheet protected.
   */
  apply(sheetId: string, ops: SheetOp[], options?: { protection?: ProtectionOptions }): Promise<ApplyReport>;
  /** The sheet's tag (sheet-tag.ts), or null when it has none. */
  sheetTag(sheetId: string): Promise<string | null>;
  /** Merged areas that intersect the address (empty when the feature is missing). */
  mergedAreas(sheetId: string, address: string): Promise<string[]>;
  select(sheetId: string, address: string): Promise<void>;
  /** Custom XML parts of a namespace (the stored snapshots), read in one sync. */
  readParts(namespace: string, ids?: string[]): Promise<StoredPart[]>;
  listPartIds(namespace: string): Promise<string[]>;
  /** Adds parts and deletes others in one sync; returns the new ids in order. */
  writeParts(add: string[], remove: string[]): Promise<string[]>;
  /** The separators Excel displays numbers with, when known (ExcelApi 1.11). */
  separators(): Promise<Separators | null>;
}
