import type { EntityManager } from '@mikro-orm/postgresql';
import { TableSnapshot, type TableColumn as GridColumn, type TableRow as GridRow } from '../../domain/table-model';
import type { Rule, ValidationOptions } from '../../domain/rules';
import { bindRules } from './bind-rules';

/** Everything about one table that pull, validate and push work on, read with plain SQL. */
export interface TableState {
  id: number;
  title: string;
  caption: string;
  unitOfMeasure: string;
  version: number;
  /** The version that is the table as published: 1, or the last re-import's. */
  publishedVersion: number;
  planId: number;
  documentNumber: string;
  /** The plan's issuing unit: whose table it is, for access checks. */
  unitId: number;
  status: 'DRAFT' | 'SUBMITTED' | 'APPROVED';
  reportingPeriodId: number | null;
  rules: Rule[];
  /** Cells published as ranges or approximate figures: kept out of every check (validateTable's options). */
  validation: ValidationOptions;
  snapshot: TableSnapshot;
  rowIds: Map<string, number>;
  columnIds: Map<string, number>;
  rowKeysById: Map<number, string>;
  columnKeysById: Map<number, string>;
}

interface TableRecord {
  id: number;
  title: string;
  caption: string;
  unit_of_measure: string;
  plan_id: number;
  document_number: string;
  issuing_unit_id: number;
  status: TableState['status'];
  reporting_period_id: number | null;
  published_version: number;
  rules: unknown[];
  table_rules: unknown[];
  inexact_cells: { rowKey: string; columnKey: string }[];
}

/** Whose table it is and what it is called: enough for an access check, without loading the cells. */
export async function tableOwner(em: EntityManager, tableId: number): Promise<{ unitId: number; title: string; version: number } | null> {
  const [row] = await em.execute(`select p.issuing_unit_id, t.title, t.version from plan_table t join plan p on p.id = t.plan_id where t.id = ?`, [tableId]);
  return row ? { unitId: row.issuing_unit_id, title: row.title, version: row.version } : null;
}

const TABLE_SQL = `select t.id, t.title, t.caption, t.unit_of_measure, t.plan_id, p.document_number, p.issuing_unit_id, t.status, t.reporting_period_id, t.published_version, tt.rules, t.rules as table_rules, t.inexact_cells
  from plan_table t join plan p on p.id = t.plan_id join table_template tt on tt.id = t.template_id where t.id = ?`;

const COLUMNS_SQL = `select c.id, c.key, c.label, c.published_number, c.type, c.scale, c.editable, c.is_total, (c.funding_source_id is not null) as funded
  from table_column c where c.table_id = ? order by c.position`;

/** Parent ids, not keys: the keys are mapped in JS, cheaper than joining table_row to itself. */
const ROWS_SQL = `select r.id, r.key, r.published_number, r.label, r.level, r.kind, r.editable, r.computed, r.parent_id
  from table_row r where r.table_id = ? order by r.position`;

/**
 * The cells as three parallel lists (row ids, column ids, canonical values) rather than one driver
 * row or one JSON array per cell: for a large table, decoding tens of thousands of small rows or
 * arrays costs more than the query itself. The values come as one comma-separated text (a canonical
 * decimal has no comma), which splits several times faster than JSON.parse makes the same strings.
 * The same order in the three aggregates keeps the lists aligned; PostgreSQL sorts once for all.
 * The table's version comes with them: one statement sees one committed state, so the version always
 * names the cells read even when the statements run in parallel and a push commits in between.
 */
export const CELL_LISTS_SQL = `select t.version, c.row_ids, c.column_ids, c.cell_values
  from plan_table t cross join lateral (
    select coalesce(json_agg(row_id order by row_id, column_id), '[]')::text as row_ids,
        coalesce(json_agg(column_id order by row_id, column_id), '[]')::text as column_ids,
        coalesce(string_agg(trim_scale(value)::text, ',' order by row_id, column_id), '') as cell_values
      from table_cell where table_id = t.id) c
  where t.id = ?`;

/** `for update` locks the table row: pushes to one table then run one after another. */
export async function loadTableState(em: EntityManager, tableId: number, options: { lock?: boolean } = {}): Promise<TableState | null> {
  const statements: [string, unknown[]][] = [
    [`${TABLE_SQL}${options.lock ? ' for update of t' : ''}`, [tableId]],
    [COLUMNS_SQL, [tableId]],
    [ROWS_SQL, [tableId]],
    [CELL_LISTS_SQL, [tableId]],
  ];
  // In parallel through the pool when possible; inside a transaction all share its one connection,
  // and the lock must be taken before the rest is read.
  const [tableRecords, columnRecords, rowRecords, [cellLists]] = em.isInTransaction()
    ? await sequentially(em, statements)
    : await Promise.all(statements.map(([sql, params]) => em.execute(sql, params)));
  const table = tableRecords[0] as TableRecord | undefined;
  if (!table || !cellLists) return null;
  const columns: GridColumn[] = columnRecords.map((c: any) => ({
    key: c.key,
    label: c.label,
    publishedNumber: c.published_number,
    type: c.type,
    scale: c.scale,
    editable: c.editable,
  }));
  const rowKeysById = new Map<number, string>(rowRecords.map((r: any) => [r.id, r.key]));
  const columnKeysById = new Map<number, string>(columnRecords.map((c: any) => [c.id, c.key]));
  const rows: GridRow[] = rowRecords.map((r: any) => ({
    key: r.key,
    publishedNumber: r.published_number,
    label: r.label,
    level: r.level,
    parentKey: r.parent_id === null ? null : rowKeysById.get(r.parent_id)!,
    kind: r.kind,
    // A computed cell is never typed over: the template derives it.
    editable: r.editable && !r.computed,
    computed: r.computed,
  }));
  const snapshot = TableSnapshot.fromGrid(columns, rows, denseGrid(rowRecords, columnRecords, cellLists));
  return {
    id: table.id,
    title: table.title,
    caption: table.caption,
    unitOfMeasure: table.unit_of_measure,
    version: cellLists.version,
    publishedVersion: table.published_version,
    planId: table.plan_id,
    documentNumber: table.document_number,
    unitId: table.issuing_unit_id,
    status: table.status,
    reportingPeriodId: table.reporting_period_id,
    rules: bindRules([...table.rules, ...table.table_rules], columnRecords.map((c: any) => ({ key: c.key, isTotal: c.is_total, funded: c.funded }))),
    validation: { inexact: table.inexact_cells },
    snapshot,
    rowIds: new Map(rowRecords.map((r: any) => [r.key, r.id])),
    columnIds: new Map(columnRecords.map((c: any) => [c.key, c.id])),
    rowKeysById,
    columnKeysById,
  };
}

async function sequentially(em: EntityManager, statements: [string, unknown[]][]): Promise<any[][]> {
  const results: any[][] = [];
  for (const [sql, params] of statements) results.push(await em.execute(sql, params));
  return results;
}

/** The cell lists of CELL_LISTS_SQL laid out row-major in table order, null where a cell is empty. */
function denseGrid(rowRecords: { id: number }[], columnRecords: { id: number }[], lists: { row_ids: string; column_ids: string; cell_values: string }): (string | null)[] {
  const rowIndexes = new Map(rowRecords.map((r, index) => [r.id, index]));
  const columnIndexes = new Map(columnRecords.map((c, index) => [c.id, index]));
  const rowIds = JSON.parse(lists.row_ids) as number[];
  const columnIds = JSON.parse(lists.column_ids) as number[];
  const values = lists.cell_values === '' ? [] : lists.cell_values.split(',');
  const width = columnRecords.length;
  const grid: (string | null)[] = new Array(rowRecords.length * width).fill(null);
  for (let index = 0; index < values.length; index++) {
    grid[rowIndexes.get(rowIds[index])! * width + columnIndexes.get(columnIds[index])!] = values[index];
  }
  return grid;
}
