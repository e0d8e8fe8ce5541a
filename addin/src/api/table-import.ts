/**
 * The importTable mutation as the pane uses it: a dry run to show what was found in a sheet, then the import
 * itself with the person's choices (which rules to keep, what an empty cell means, a column's type, the total row).
 */
import type { ImportProblem } from '../../../domain/import/import-problem';
import type { Rule } from '../../../domain/rules';
import type { RowKind } from '../../../domain/table-model';
import type { PlanBridgeClient } from './graphql';
import type { SyncFinding } from './types';

export type EmptyMeaning = 'ROLLUP' | 'NONE' | 'NOT_PUBLISHED';

export interface ImportRequest {
  planId: string;
  title: string;
  grid: string[][];
  /** The sheet cell the grid starts at (e.g. "B3"), so problems name the sheet's cells. */
  firstCell: string;
  dryRun: boolean;
  rules?: Rule[] | null;
  emptyMeans?: EmptyMeaning | null;
  /** Columns whose empty cells mean something else than the table's: the person's choice. */
  columnEmptyMeans?: ColumnEmptyMeaning[] | null;
  /** Figure columns whose type the person changed. */
  columnTypes?: { columnKey: string; type: FigureColumnType }[] | null;
  /** The data row (0-based) the person said is the total. */
  totalRow?: number | null;
}

export type FigureColumnType = 'MONEY' | 'COUNT' | 'RATE' | 'MEASURE';

export interface ColumnEmptyMeaning {
  columnKey: string;
  means: EmptyMeaning;
}

export interface ImportedColumn {
  position: number;
  header: string;
  type: string;
  scale: string | null;
  key: string | null;
  isTotal: boolean;
}

export interface ImportedRow {
  index: number;
  line: number;
  key: string;
  stt: string;
  label: string;
  kind: RowKind;
  level: number;
}

export interface ProposedRule {
  id: string;
  kind: string;
  rule: Rule;
  checks: number;
  holds: number;
  fails: number;
  kept: boolean;
}

export interface ImportAnswer {
  dryRun: boolean;
  tableId: string | null;
  title: string;
  emptyMeans: EmptyMeaning;
  columnEmptyMeans: ColumnEmptyMeaning[];
  structure: { headerRows: number; dataRows: number; unitOfMeasure: string | null; shapes: string[]; columns: ImportedColumn[]; rows: ImportedRow[] };
  rules: ProposedRule[];
  findings: SyncFinding[];
  warnings: ImportProblem[];
}

export const IMPORT_MUTATION = `mutation PlanBridgeImport($input: ImportTableInput!) {
  importTable(input: $input) {
    dryRun tableId title emptyMeans columnEmptyMeans { columnKey means }
    structure { headerRows dataRows unitOfMeasure shapes
      columns { position header type scale key isTotal }
      rows { index line key stt label kind level } }
    rules { id kind rule checks holds fails kept }
    findings { ruleId ruleKind severity messageVi messageEn expected found difference preExisting
      cells { rowKey columnKey rowNumber rowLabel columnLabel value derived } }
    warnings { code cell line messageVi messageEn }
  }
}`;

export async function importTable(client: PlanBridgeClient, input: ImportRequest): Promise<ImportAnswer> {
  const data = await client.request<{ importTable: ImportAnswer }>(IMPORT_MUTATION, { input });
  return data.importTable;
}
