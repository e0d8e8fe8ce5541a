/** The sync contract as the add-in sees it (mirrors schema/schema.graphql), and what it keeps in the workbook. */
import type { Rule } from '../../../domain/rules';
import type { TableColumn, TableRow } from '../../../domain/table-model';

export type { Lang } from '../../../domain/sheet/table-sheet';
import type { Lang } from '../../../domain/sheet/table-sheet';

/** The grid's columns and rows are the domain's table model. */
export type GridColumn = TableColumn;
export type GridRowInfo = TableRow;

export interface GridRow extends GridRowInfo {
  values: (string | null)[];
}

export interface TableGrid {
  tableId: string;
  title: string;
  caption: string;
  planId: string;
  documentNumber: string;
  unitOfMeasure: string;
  version: number;
  latestVersion: number;
  contentHash: string;
  editable: boolean;
  notEditableReasonVi: string | null;
  notEditableReasonEn: string | null;
  columns: GridColumn[];
  rows: GridRow[];
  /** The template's rules bound to this table's column keys (servers before it: absent). */
  rules?: Rule[] | null;
  /** Approval status: DRAFT, SUBMITTED, APPROVED (absent on servers without access control). */
  status?: string | null;
}

export interface PlanInfo {
  title: string;
  issuingUnitName: string | null;
}

export type { CellConflict, PushStatus, SyncFinding } from '../../../domain/sync/sync-types';
export type { FindingCell, Severity } from '../../../domain/rules';
import type { CellConflict, PushStatus, SyncFinding } from '../../../domain/sync/sync-types';

export interface PushResult {
  status: PushStatus;
  version: number;
  contentHash: string;
  changeSetId: string | null;
  appliedCells: number;
  replayed: boolean;
  messageVi: string;
  messageEn: string;
  findings: SyncFinding[];
  conflicts: CellConflict[];
}

export interface CellChangeInput {
  rowKey: string;
  columnKey: string;
  value?: string | null;
  text?: string;
}

export type { Comparator, ProgressPoint, ProgressStatus } from '../../../domain/indicators/progress';
export type { ProgressBreakdown, ProgressEntry } from '../../../domain/indicators/progress-entry';
