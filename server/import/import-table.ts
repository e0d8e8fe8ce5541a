/**
 * importTable: a published table (its cells as text) into a plan, with the structure and rules found for
 * it. A dry run writes nothing; otherwise the table, its rows, columns, cells and rules are written in one
 * transaction, exactly as published (its published mistakes kept; they are findings, not refusals).
 */
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { TableAnalysis, analysePublishedTable } from '../../domain/import/analyse-table';
import { Refusal } from '../../domain/refusal';
import { ImportProblem, problem } from '../../domain/import/import-problem';
import type { NumberNotation } from '../../domain/import/cell-reading';
import type { FigureColumnType } from '../../domain/import/read-table';
import type { EmptyMeaning } from '../../domain/import/propose-rules';
import { pgArray, pgTextArray } from '../db/numeric';
import { ColumnType, FundingSource, Plan, PlanTable, TableColumn, TableTemplate } from '../entities';
import { fundingSourceFor } from './plan-table-import';

export interface ImportRequest {
  planId: number;
  title: string;
  caption?: string | null;
  unitOfMeasure?: string | null;
  grid: readonly (readonly (string | null)[])[];
  dryRun: boolean;
  rules?: unknown[] | null;
  emptyMeans?: EmptyMeaning | null;
  columnEmptyMeans?: readonly { columnKey: string; means: EmptyMeaning }[] | null;
  notation?: NumberNotation | null;
  columnTypes?: readonly { columnKey: string; type: ColumnType }[] | null;
  /** The data row (0-based) that is the total, when the person chose it. */
  totalRow?: number | null;
  /** The person said the table has no total row. */
  noTotalRow?: boolean | null;
  origin?: { row: number; column: number };
}

export interface ImportOutcome {
  dryRun: boolean;
  tableId: number | null;
  title: string;
  analysis: TableAnalysis;
}

/** The import refused as a whole: every problem, each naming its cell or line; nothing was written. */
export class ImportRefused extends Refusal {
  constructor(readonly problems: ImportProblem[]) {
    const join = (field: 'messageVi' | 'messageEn') => problems.map((problem) => problem[field]).join('; ');
    super('IMPORT_REFUSED', `Không nhập được bảng, không có gì được ghi: ${join('messageVi')}`, `The table cannot be imported, nothing was written: ${join('messageEn')}`, { problems });
  }
}

/** Imported tables share one template without rules of its own: their rules are the table's. */
const IMPORTED_TEMPLATE = { key: 'imported', name: 'Bảng nhập từ văn bản đã ban hành (imported published table)' };
const MAX_TITLE_LENGTH = 255;

function duplicateTitle(title: string): ImportProblem {
  return problem('DUPLICATE_TITLE', {}, `Kế hoạch đã có bảng "${title}"; hãy chọn tên khác`, `The plan already has a table "${title}"; choose another title`);
}

async function importedTemplate(em: EntityManager): Promise<TableTemplate> {
  await em.execute(`insert into table_template (key, name, rules) values (?, ?, '[]'::jsonb) on conflict (key) do nothing`, [IMPORTED_TEMPLATE.key, IMPORTED_TEMPLATE.name]);
  return em.findOneOrFail(TableTemplate, { key: IMPORTED_TEMPLATE.key });
}

const COLUMN_TYPES: Record<string, ColumnType> = { money: ColumnType.MONEY, count: ColumnType.COUNT, rate: ColumnType.RATE, measure: ColumnType.MEASURE };
const FIGURE_TYPES = Object.fromEntries(Object.entries(COLUMN_TYPES).map(([type, columnType]) => [columnType, type])) as Record<ColumnType, FigureColumnType>;

/** The trimmed title and the grid's analysis, or ImportRefused with every problem (`more`: the caller's own). */
export async function analyseImport(em: EntityManager, request: ImportRequest, more: (title: string) => Promise<ImportProblem[]>): Promise<{ title: string; analysis: TableAnalysis; sources: FundingSource[] }> {
  const title = request.title.trim();
  if (title === '' || title.length > MAX_TITLE_LENGTH) {
    throw new ImportRefused([problem('BAD_TITLE', {}, `Tên bảng phải có từ 1 đến ${MAX_TITLE_LENGTH} ký tự`, `The title must have 1 to ${MAX_TITLE_LENGTH} characters`)]);
  }
  const sources = await em.find(FundingSource, {});
  const result = analysePublishedTable(request.grid, {
    unitOfMeasure: request.unitOfMeasure,
    origin: request.origin,
    rules: request.rules,
    emptyMeans: request.emptyMeans,
    columnEmptyMeans: request.columnEmptyMeans ? Object.fromEntries(request.columnEmptyMeans.map(({ columnKey, means }) => [columnKey, means])) : null,
    notation: request.notation,
    columnTypes: request.columnTypes ? Object.fromEntries(request.columnTypes.map(({ columnKey, type }) => [columnKey, FIGURE_TYPES[type]])) : null,
    totalRow: request.totalRow,
    noTotalRow: request.noTotalRow,
    columnKey: (header) => fundingSourceFor(header.split(' / ').pop()!, sources)?.key ?? null,
  });
  const problems = [...(result.ok ? [] : result.errors), ...(await more(title))];
  if (!result.ok || problems.length > 0) throw new ImportRefused(problems);
  return { title, analysis: result.analysis, sources };
}

/** Analyses the grid; throws ImportRefused with every problem when it cannot be imported. */
export async function importTable(em: EntityManager, plan: Plan, request: ImportRequest): Promise<ImportOutcome> {
  const { title, analysis, sources } = await analyseImport(em, request, async (title) => ((await em.count(PlanTable, { plan, title })) > 0 ? [duplicateTitle(title)] : []));
  if (request.dryRun) return { dryRun: true, tableId: null, title, analysis };
  try {
    const tableId = await em.transactional((tx) => writeTable(tx as EntityManager, plan, title, request, analysis, sources));
    return { dryRun: false, tableId, title, analysis };
  } catch (error) {
    // Two imports of one title at once: the unique (plan, title) constraint lets exactly one through.
    if (error instanceof UniqueConstraintViolationException) throw new ImportRefused([duplicateTitle(title)]);
    throw error;
  }
}

async function writeTable(em: EntityManager, plan: Plan, title: string, request: ImportRequest, analysis: TableAnalysis, sources: FundingSource[]): Promise<number> {
  const { structure, rulesFound } = analysis;
  const [{ position }] = await em.execute(`select coalesce(max(position), 0) + 1 as position from plan_table where plan_id = ?`, [plan.id]);
  const table = em.create(PlanTable, {
    plan,
    title,
    caption: request.caption?.trim() ?? '',
    unitOfMeasure: request.unitOfMeasure?.trim() || structure.unitOfMeasure || '',
    template: await importedTemplate(em),
    position,
    rules: rulesFound.rules,
    inexactCells: structure.inexact.map(({ rowKey, columnKey, text, kind }) => ({ rowKey, columnKey, text, kind })),
    footnotes: structure.footnotes,
  });
  const figureColumns = structure.columns.filter((column) => column.key !== null);
  const columns = figureColumns.map((column, position) => {
    const scale = structure.snapshot.columns[structure.snapshot.columnIndex(column.key!)!].scale;
    return em.create(TableColumn, {
      table,
      key: column.key!,
      label: column.header,
      publishedNumber: column.publishedNumber,
      position,
      type: COLUMN_TYPES[column.type],
      scale,
      isTotal: column.isTotal,
      fundingSource: sources.find((source) => source.key === column.key) ?? null,
      editable: true,
    });
  });
  await em.flush();
  // Rows and cells in set-based statements: a table of 10,000 rows is one round trip each, not 10,000. The rows'
  // ids are drawn from their sequence first, so each row is written with its parent's id (no second pass over the
  // rows) and cells by row and column id, without joining on keys.
  const rows = structure.rows;
  const drawn: { id: number }[] = await em.execute(`select nextval(pg_get_serial_sequence('table_row', 'id'))::int as id from generate_series(1, ?)`, [rows.length]);
  const rowIds = new Map(rows.map((row, index) => [row.key, drawn[index].id]));
  await em.execute(
    `insert into table_row (id, table_id, key, position, published_number, label, level, kind, parent_id, editable, computed)
     select i, ?, k, p, nullif(n, ''), l, v, d, a, d <> 'LABEL', false from unnest(?::int[], ?::text[], ?::int[], ?::text[], ?::text[], ?::int[], ?::text[], ?::int[]) as t(i, k, p, n, l, v, d, a)`,
    [table.id, pgArray(drawn.map(({ id }) => id)), pgTextArray(rows.map((row) => row.key)), pgArray(rows.map((row) => row.index)), pgTextArray(rows.map((row) => row.stt)),
      pgTextArray(rows.map((row) => row.label)), pgArray(rows.map((row) => row.level)), pgTextArray(rows.map((row) => row.kind)),
      pgArray(rows.map((row) => (row.parentKey === null ? null : rowIds.get(row.parentKey)!)))],
  );
  const columnIds = new Map(columns.map((column) => [column.key, column.id]));
  const cells = structure.snapshot.toData().cells;
  if (cells.length > 0) {
    await em.execute(
      `insert into table_cell (row_id, column_id, table_id, value) select t.r, t.c, ?, t.v from unnest(?::int[], ?::int[], ?::numeric[]) as t(r, c, v)`,
      [table.id, pgArray(cells.map((cell) => rowIds.get(cell.rowKey)!)), pgArray(cells.map((cell) => columnIds.get(cell.columnKey)!)), pgArray(cells.map((cell) => cell.value))],
    );
  }
  return table.id;
}
