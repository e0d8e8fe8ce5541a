import type { EntityManager } from '@mikro-orm/postgresql';
import { entryColumnKey, indicatorEntryRules, type EntryColumn } from '../../domain/indicators/entry-rules';
import { checkRuleDefinitions } from '../../domain/rules';
import { TableSnapshot } from '../../domain/table-model';
import type { Access } from '../auth/access';
import { forbidden } from '../auth/auth-errors';
import { pgArray } from '../db/numeric';
import { reachableUnits } from '../db/unit-reach';
import {
  AdministrativeUnit,
  ColumnType,
  Indicator,
  IndicatorUnit,
  Period,
  Plan,
  PlanTable,
  RowKind,
  TableCell,
  TableColumn,
  TableKind,
  TableRow,
  TableTemplate,
  ValueKind,
} from '../entities';
import { Refusal, notFound, notReadable } from '../../domain/refusal';

export interface IndicatorTableRequest {
  planId: number;
  title: string;
  caption: string | null;
  /** Whose deadline the grid counts down to. */
  reportingPeriodKey: string | null;
  /** Rows, in this order. */
  unitIds: number[];
  columns: { indicatorKey: string; kind: ValueKind; periodKey: string }[];
  /** Rules beyond those derived from the indicators, in the rules engine's JSON form. */
  extraRules: unknown[];
}

/** What a wrong request names: the row (unit) and column (indicator, kind, period) it is about. */
interface Problem {
  row: string | null;
  column: string | null;
  messageVi: string;
  messageEn: string;
}

const TEMPLATE_KEY = 'indicator-values';
const KIND_NAMES: Record<ValueKind, { vi: string; en: string }> = {
  BASELINE: { vi: 'Cơ sở', en: 'Baseline' },
  TARGET: { vi: 'Mục tiêu', en: 'Target' },
  ACTUAL: { vi: 'Thực hiện', en: 'Actual' },
};

function refuse(problems: Problem[]): never {
  const lines = (pick: (problem: Problem) => string) => problems.map(pick).join('; ');
  throw new Refusal('BAD_USER_INPUT', `Không tạo bảng chỉ tiêu: ${lines((p) => p.messageVi)}`, `The indicator table was not created: ${lines((p) => p.messageEn)}`, { problems });
}

function columnType(unit: IndicatorUnit): ColumnType {
  if (unit === IndicatorUnit.PERCENT || unit === IndicatorUnit.PERCENTAGE_POINTS) return ColumnType.RATE;
  return unit === IndicatorUnit.MILLION_VND ? ColumnType.MONEY : ColumnType.COUNT;
}

/**
 * Whether a unit can carry a value of a kind for a period. Actuals and baselines are measured at the
 * period's end, so the unit must exist on that day; a target may run past the unit's end (it was set
 * while the unit existed), but not be set for a unit that did not exist yet when the period ended.
 */
function validityProblem(unit: AdministrativeUnit, kind: ValueKind, period: Period, columnLabel: string): Problem | null {
  const existsOnEnd = unit.validFrom <= period.endsOn && (unit.validTo === null || unit.validTo >= period.endsOn);
  if (kind === ValueKind.TARGET ? unit.validFrom <= period.endsOn : existsOnEnd) return null;
  const validity = `${unit.validFrom} – ${unit.validTo ?? '…'}`;
  return {
    row: unit.key,
    column: columnLabel,
    messageVi: `dòng "${unit.name}" (${unit.key}), cột "${columnLabel}": đơn vị không tồn tại vào ngày ${period.endsOn} (hiệu lực ${validity})`,
    messageEn: `row "${unit.name}" (${unit.key}), column "${columnLabel}": the unit did not exist on ${period.endsOn} (valid ${validity})`,
  };
}

/** Found or created in one statement, so that parallel first tables do not both create it. */
async function templateOf(em: EntityManager): Promise<TableTemplate> {
  await em.execute(`insert into table_template (key, name, rules) values (?, ?, '[]'::jsonb) on conflict (key) do nothing`, [
    TEMPLATE_KEY,
    'Số liệu chỉ tiêu theo đơn vị (indicator values by unit)',
  ]);
  return em.findOneOrFail(TableTemplate, { key: TEMPLATE_KEY });
}

/** The latest plain (unqualified) value recorded for each slot of the grid, to start from what is known. */
async function recordedValues(em: EntityManager, unitIds: number[], indicatorIds: number[], periodIds: number[]): Promise<Map<string, string>> {
  const rows: { unit_id: number; indicator_id: number; period_id: number; kind: string; comparator: string; value: string }[] = await em.execute(
    `select distinct on (unit_id, indicator_id, period_id, kind) unit_id, indicator_id, period_id, kind, comparator, trim_scale(value)::text as value
       from indicator_value where unit_id = any(?::int[]) and indicator_id = any(?::int[]) and period_id = any(?::int[])
      order by unit_id, indicator_id, period_id, kind, id desc`,
    [pgArray(unitIds), pgArray(indicatorIds), pgArray(periodIds)],
  );
  // A figure published as "dưới 0,15 %" is not the plain 0.15 a cell holds: it is left for staff to enter.
  return new Map(rows.filter((row) => row.comparator === 'EQ').map((row) => [`${row.unit_id}|${row.indicator_id}|${row.period_id}|${row.kind}`, row.value]));
}

type Entry = EntryColumn & { key: string; label: string; source: Indicator; periodEntity: Period };

/** The problems found in a request, collected so that all are reported at once. */
class Problems {
  readonly list: Problem[] = [];

  add(messageVi: string, messageEn: string, row: string | null = null, column: string | null = null): void {
    this.list.push({ row, column, messageVi, messageEn });
  }
}

/** The indicators, periods and row units a request names; unknown ones are refused at once. */
async function loadNamedEntities(tx: EntityManager, request: IndicatorTableRequest) {
  const indicatorKeys = [...new Set(request.columns.map((column) => column.indicatorKey))];
  const periodKeys = [...new Set([...request.columns.map((column) => column.periodKey), ...(request.reportingPeriodKey ? [request.reportingPeriodKey] : [])])];
  const indicators = await tx.find(Indicator, { key: { $in: indicatorKeys } }, { populate: ['numerator', 'denominator'] });
  const periods = await tx.find(Period, { key: { $in: periodKeys } });
  const units = await tx.find(AdministrativeUnit, { id: { $in: request.unitIds } });
  const unknown = (what: string, whatVi: string, missing: (string | number)[]) => {
    if (missing.length) throw notFound(what, whatVi, missing.join(', '));
  };
  unknown('indicator', 'chỉ tiêu', indicatorKeys.filter((key) => !indicators.some((indicator) => indicator.key === key)));
  unknown('period', 'kỳ', periodKeys.filter((key) => !periods.some((period) => period.key === key)));
  unknown('administrative unit', 'đơn vị hành chính', request.unitIds.filter((id) => !units.some((unit) => unit.id === id)));
  return {
    indicators,
    periods,
    indicatorOf: (key: string) => indicators.find((indicator) => indicator.key === key)!,
    periodOf: (key: string) => periods.find((period) => period.key === key)!,
    rowUnits: request.unitIds.map((id) => units.find((unit) => unit.id === id)!),
  };
}

type NamedEntities = Awaited<ReturnType<typeof loadNamedEntities>>;

/** Each row's unit once, and within the issuing unit's reach (its children and predecessors). */
async function checkRowUnits(tx: EntityManager, plan: Plan, rowUnits: AdministrativeUnit[], problems: Problems): Promise<void> {
  const covered = new Set(await reachableUnits(tx, plan.issuingUnit.id, { children: true, predecessors: true }));
  const seenUnits = new Set<number>();
  for (const unit of rowUnits) {
    if (seenUnits.has(unit.id)) problems.add(`đơn vị "${unit.name}" (${unit.key}) có hai dòng`, `unit "${unit.name}" (${unit.key}) has two rows`, unit.key);
    seenUnits.add(unit.id);
    if (!covered.has(unit.id)) {
      problems.add(
        `dòng "${unit.name}" (${unit.key}) không thuộc ${plan.issuingUnit.name}, đơn vị ban hành kế hoạch`,
        `row "${unit.name}" (${unit.key}) is not part of ${plan.issuingUnit.name}, which issued the plan`,
        unit.key,
      );
    }
  }
}

/** The entry columns requested, each once, each period one every row's unit existed in. */
function entryColumns(request: IndicatorTableRequest, named: NamedEntities, problems: Problems): Entry[] {
  const entries: Entry[] = [];
  for (const column of request.columns) {
    const indicator = named.indicatorOf(column.indicatorKey);
    const period = named.periodOf(column.periodKey);
    const key = entryColumnKey(indicator.key, column.kind, period.key);
    const label = `${indicator.name} — ${KIND_NAMES[column.kind].vi} ${period.label}`;
    if (entries.some((entry) => entry.key === key)) {
      problems.add(`cột "${label}" có hai lần`, `column "${label}" is given twice`, null, label);
      continue;
    }
    for (const unit of named.rowUnits) {
      const found = validityProblem(unit, column.kind, period, label);
      if (found) problems.list.push(found);
    }
    entries.push({
      key,
      label,
      source: indicator,
      periodEntity: period,
      kind: column.kind,
      period: { key: period.key, start: period.startsOn, end: period.endsOn },
      indicator: {
        key: indicator.key,
        unit: indicator.unit,
        decimals: indicator.decimals,
        ratio: indicator.numerator && indicator.denominator ? { numerator: indicator.numerator.key, denominator: indicator.denominator.key, scale: indicator.ratioScale ?? '1' } : null,
        balance: indicator.balance,
      },
    });
  }
  return entries;
}

/** The table's columns and rows as the domain sees them (also what the entities are created from). */
function tableShape(entries: Entry[], rowUnits: AdministrativeUnit[]) {
  const columns = entries.map((entry, position) => ({
    key: entry.key,
    label: entry.label,
    publishedNumber: String(position + 1),
    type: columnType(entry.source.unit),
    // indicator_value keeps four decimals: a cell may not hold more than what it is recorded as.
    scale: Math.min(entry.source.decimals, 4),
    editable: true,
  }));
  const rows = rowUnits.map((unit, position) => ({
    key: unit.key,
    publishedNumber: String(position + 1),
    label: unit.name,
    level: 0,
    parentKey: null,
    kind: RowKind.ITEM as const,
    editable: true,
    computed: false,
  }));
  return { columns, rows };
}

/** Checks the whole request, refusing it with every problem found; returns what the table is made of. */
async function checkedRequest(tx: EntityManager, plan: Plan, request: IndicatorTableRequest) {
  const problems = new Problems();
  const title = request.title.trim();
  if (!title) problems.add('cần tên bảng', 'a title is required');
  else if (await tx.count(PlanTable, { plan, title })) problems.add(`kế hoạch đã có bảng "${title}"`, `the plan already has a table "${title}"`);
  if (request.unitIds.length === 0) problems.add('cần ít nhất một đơn vị (dòng)', 'at least one unit (row) is required');
  if (request.columns.length === 0) problems.add('cần ít nhất một cột chỉ tiêu', 'at least one indicator column is required');
  const named = await loadNamedEntities(tx, request);
  await checkRowUnits(tx, plan, named.rowUnits, problems);
  const entries = entryColumns(request, named, problems);
  const shape = tableShape(entries, named.rowUnits);
  for (const error of checkRuleDefinitions(request.extraRules, TableSnapshot.create({ ...shape, cells: [] }))) {
    problems.add(error.messageVi, error.messageEn);
  }
  if (problems.list.length) refuse(problems.list);
  return { title, named, entries, shape };
}

/** Creates the table's columns, rows and the cells already recorded as indicator values. */
async function createGrid(tx: EntityManager, table: PlanTable, { named, entries, shape }: Awaited<ReturnType<typeof checkedRequest>>): Promise<void> {
  const { rowUnits } = named;
  const columns = entries.map((entry, index) =>
    tx.create(TableColumn, {
      ...shape.columns[index],
      table,
      position: index,
      isTotal: false,
      indicator: entry.source,
      valueKind: ValueKind[entry.kind],
      period: entry.periodEntity,
    }),
  );
  const rows = rowUnits.map((unit, index) => tx.create(TableRow, { ...shape.rows[index], table, position: index, kind: RowKind.ITEM, parent: null, unit }));
  const known = await recordedValues(tx, rowUnits.map((unit) => unit.id), named.indicators.map((indicator) => indicator.id), named.periods.map((period) => period.id));
  rows.forEach((row, rowIndex) =>
    entries.forEach((entry, columnIndex) => {
      const value = known.get(`${rowUnits[rowIndex].id}|${entry.source.id}|${entry.periodEntity.id}|${entry.kind}`);
      if (value !== undefined) tx.create(TableCell, { table, row, column: columns[columnIndex], value });
    }),
  );
}

/**
 * Creates a table of a plan for entering actuals and targets: one row per unit, one column per
 * indicator, kind and period, its rules derived from the indicators (plus any given), and its cells
 * starting from the values already recorded. It then goes through pull, validate, push and approval
 * like an appendix; approving it records its values (recordApprovedValues). All or nothing.
 */
export async function createIndicatorTable(em: EntityManager, access: Access, request: IndicatorTableRequest): Promise<PlanTable> {
  return em.transactional(async (transaction) => {
    const tx = transaction as EntityManager;
    // The plan's row lock orders parallel creations: the title check and the next position below hold until commit.
    await tx.execute('select 1 from plan where id = ? for update', [request.planId]);
    const plan = await tx.findOne(Plan, request.planId, { populate: ['issuingUnit'] });
    if (!plan || !access.can('READ', plan.issuingUnit.id)) throw notReadable(access, 'plan', 'kế hoạch', String(request.planId));
    if (!access.can('EDIT', plan.issuingUnit.id)) throw forbidden('tạo bảng chỉ tiêu cho kế hoạch này', 'create an indicator table for this plan');
    const checked = await checkedRequest(tx, plan, request);

    const position = ((await tx.execute(`select coalesce(max(position), -1) + 1 as next from plan_table where plan_id = ?`, [plan.id]))[0] as { next: number }).next;
    const table = tx.create(PlanTable, {
      plan,
      title: checked.title,
      caption: request.caption?.trim() || `Số liệu chỉ tiêu của ${plan.issuingUnit.name} (indicator values)`,
      unitOfMeasure: 'theo từng chỉ tiêu (per indicator)',
      template: await templateOf(tx),
      position,
      kind: TableKind.INDICATOR_VALUES,
      rules: [...indicatorEntryRules(checked.entries), ...(request.extraRules as object[])],
      reportingPeriod: request.reportingPeriodKey ? checked.named.periodOf(request.reportingPeriodKey) : null,
    });
    await createGrid(tx, table, checked);
    await tx.flush();
    return table;
  });
}

/**
 * Records the cells of an approved indicator table as indicator values (the table as their source),
 * replacing those of its previous approval, in the caller's transaction. Empty cells record nothing:
 * empty is not zero, and values other sources recorded stay as they are.
 */
export async function recordApprovedValues(em: EntityManager, tableId: number): Promise<void> {
  await em.execute(`delete from indicator_value where source_table_id = ?`, [tableId]);
  await em.execute(
    `insert into indicator_value (indicator_id, unit_id, period_id, kind, value, comparator, source_table_id)
     select c.indicator_id, r.unit_id, c.period_id, c.value_kind, tc.value, 'EQ', tc.table_id
       from table_cell tc join table_row r on r.id = tc.row_id join table_column c on c.id = tc.column_id
      where tc.table_id = ? and r.unit_id is not null and c.indicator_id is not null`,
    [tableId],
  );
}
