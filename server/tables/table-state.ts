import type { EntityManager } from '@mikro-orm/postgresql';
import { TableSnapshot, type TableColumn as GridColumn, type TableRow as GridRow } from '../../domain/table-model';
import type { Rule } from '../../domain/rules';
import { bindRules } from './bind-rules';

/** Everything about one table that pull, validate and push work on, read with plain SQL. */
export interface TableState {
  id: number;
  title: string;
  caption: string;
  unitOfMeasure: string;
  version: number;
  planId: number;
  documentNumber: string;
  /** The plan's issuing unit: whose table it is, for access checks. */
  unitId: number;
  status: 'DRAFT' | 'SUBMITTED' | 'APPROVED';
  reportingPeriodId: number | null;
  rules: Rule[];
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
  version: number;
  plan_id: number;
  document_number: string;
  issuing_unit_id: number;
  status: TableState['status'];
  reporting_period_id: number | null;
  rules: unknown[];
  table_rules: unknown[];
}

/** Whose table it is and what it is called: enough for an access check, without loading the cells. */
export async function tableOwner(em: EntityManager, tableId: number): Promise<{ unitId: number; title: string } | null> {
  const [row] = await em.execute(`select p.issuing_unit_id, t.title from plan_table t join plan p on p.id = t.plan_id where t.id = ?`, [tableId]);
  return row ? { unitId: row.issuing_unit_id, title: row.title } : null;
}

/** `for update` locks the table row: pushes to one table then run one after another. */
export async function loadTableState(em: EntityManager, tableId: number, options: { lock?: boolean } = {}): Promise<TableState | null> {
  const [table] = (await em.execute(
    `select t.id, t.title, t.caption, t.unit_of_measure, t.version, t.plan_id, p.document_number, p.issuing_unit_id, t.status, t.reporting_period_id, tt.rules, t.rules as table_rules
       from plan_table t join plan p on p.id = t.plan_id join table_template tt on tt.id = t.template_id
      where t.id = ?${options.lock ? ' for update of t' : ''}`,
    [tableId],
  )) as TableRecord[];
  if (!table) return null;
  // One after another: inside a transaction they share one connection.
  const columnRecords = await em.execute(
    `select c.id, c.key, c.label, c.published_number, c.type, c.scale, c.editable, c.is_total, (c.funding_source_id is not null) as funded
       from table_column c where c.table_id = ? order by c.position`,
    [tableId],
  );
  const rowRecords = await em.execute(
    `select r.id, r.key, r.published_number, r.label, r.level, r.kind, r.editable, r.computed, p.key as parent_key
       from table_row r left join table_row p on p.id = r.parent_id where r.table_id = ? order by r.position`,
    [tableId],
  );
  // One JSON document rather than one driver row per cell: for a large table, decoding tens of
  // thousands of rows costs more than the query itself.
  const [{ cells: cellJson }] = await em.execute(
    `select coalesce(json_agg(json_build_array(row_id, column_id, trim_scale(value)::text)), '[]')::text as cells from table_cell where table_id = ?`,
    [tableId],
  );
  const cellRecords = JSON.parse(cellJson) as [number, number, string][];
  const columns: GridColumn[] = columnRecords.map((c: any) => ({
    key: c.key,
    label: c.label,
    publishedNumber: c.published_number,
    type: c.type,
    scale: c.scale,
    editable: c.editable,
  }));
  const rows: GridRow[] = rowRecords.map((r: any) => ({
    key: r.key,
    publishedNumber: r.published_number,
    label: r.label,
    level: r.level,
    parentKey: r.parent_key,
    kind: r.kind,
    // A computed cell is never typed over: the template derives it.
    editable: r.editable && !r.computed,
    computed: r.computed,
  }));
  const rowKeysById = new Map<number, string>(rowRecords.map((r: any) => [r.id, r.key]));
  const columnKeysById = new Map<number, string>(columnRecords.map((c: any) => [c.id, c.key]));
  const snapshot = TableSnapshot.create({
    columns,
    rows,
    cells: cellRecords.map(([rowId, columnId, value]) => ({
      rowKey: rowKeysById.get(rowId)!,
      columnKey: columnKeysById.get(columnId)!,
      value,
    })),
  }, { canonical: true });
  return {
    id: table.id,
    title: table.title,
    caption: table.caption,
    unitOfMeasure: table.unit_of_measure,
    version: table.version,
    planId: table.plan_id,
    documentNumber: table.document_number,
    unitId: table.issuing_unit_id,
    status: table.status,
    reportingPeriodId: table.reporting_period_id,
    rules: bindRules([...table.rules, ...table.table_rules], columnRecords.map((c: any) => ({ key: c.key, isTotal: c.is_total, funded: c.funded }))),
    snapshot,
    rowIds: new Map(rowRecords.map((r: any) => [r.key, r.id])),
    columnIds: new Map(columnRecords.map((c: any) => [c.key, c.id])),
    rowKeysById,
    columnKeysById,
  };
}
