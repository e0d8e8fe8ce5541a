/** What was pulled into one sheet, and what the add-in keeps in the workbook about it. */
import type { Rule } from '../../../domain/rules';
import type { GridColumn, GridRowInfo, Lang } from '../api/types';
import type { SheetLayoutInfo } from '../../../domain/sheet/table-sheet';

export type { SheetLayoutInfo } from '../../../domain/sheet/table-sheet';

/** What was pulled into one sheet: kept in the workbook (custom XML parts) so the add-in knows the sheet after reopening. */
export interface PulledTable {
  format: 1;
  sheetId: string;
  sheetName: string;
  serverUrl: string;
  tableId: string;
  planId: string;
  planTitle: string;
  issuingUnitName: string | null;
  documentNumber: string;
  title: string;
  caption: string;
  unitOfMeasure: string;
  version: number;
  contentHash: string;
  editable: boolean;
  notEditableReasonVi: string | null;
  notEditableReasonEn: string | null;
  pulledAt: string;
  lang: Lang;
  layout: SheetLayoutInfo;
  columns: GridColumn[];
  rows: GridRowInfo[];
  /** values[r][c]: canonical decimal or null (empty is not zero), as pulled. */
  values: (string | null)[][];
  rules: Rule[] | null;
  status?: string | null;
  /** Whether labels were indented with format.indentLevel (else with leading spaces). */
  indentWithFormat: boolean;
}

/** Small, often-rewritten state of a bound sheet. */
export interface SheetBindingState {
  /** Cells currently marked with a finding (A1). */
  marks: string[];
  /** The last push that failed on the network: retried with the same idempotency key. */
  pendingPush: { key: string; hash: string } | null;
}
