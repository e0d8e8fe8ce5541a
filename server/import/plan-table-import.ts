import type { EntityManager } from '@mikro-orm/postgresql';
import { bestMatch, foldLabel, isComponentLabel } from '../../domain/label-match';
import { deriveHierarchy } from '../../domain/table-hierarchy';
import {
  ColumnType,
  ComponentLevel,
  FundingSource,
  Plan,
  PlanTable,
  ProgramComponent,
  RowKind,
  SupportPolicy,
  TableCell,
  TableColumn,
  TableRow,
  TableTemplate,
} from '../entities';
import type { ParsedAppendix } from './appendix-csv';

export interface PlanTableSource {
  plan: Plan;
  title: string;
  caption: string;
  unitOfMeasure: string;
  template: TableTemplate;
  position: number;
  appendix: ParsedAppendix;
  /** Links the label matcher cannot make, by derived row key (e.g. training → capacity building). */
  componentLinks?: Record<string, string>;
}

export interface ImportReference {
  fundingSources: FundingSource[];
  components: ProgramComponent[];
  policies: SupportPolicy[];
}

const TOTAL_HEADERS = new Set(['tong so', 'tong cong', 'tong', 'cong']);

function isMoneyUnit(unitOfMeasure: string): boolean {
  return foldLabel(unitOfMeasure).endsWith('dong');
}

/** Decimals a typed value may carry: money to the đồng, counts whole. */
export function scaleFor(type: ColumnType, unitOfMeasure: string): number {
  if (type === ColumnType.COUNT) return 0;
  if (type === ColumnType.RATE) return 2;
  if (type === ColumnType.MONEY) {
    const unit = foldLabel(unitOfMeasure);
    if (unit.startsWith('ty')) return 4;
    if (unit.startsWith('trieu')) return 3;
    return 0;
  }
  return 4;
}

function slug(text: string): string {
  return foldLabel(text).replace(/ /g, '-') || 'column';
}

export function fundingSourceFor(header: string, sources: FundingSource[]): FundingSource | null {
  const folded = foldLabel(header);
  return sources.find((source) => source.aliases.some((alias) => folded === alias || folded.startsWith(alias + ' '))) ?? null;
}

function buildColumns(em: EntityManager, table: PlanTable, source: PlanTableSource, reference: ImportReference): TableColumn[] {
  const money = isMoneyUnit(source.unitOfMeasure);
  const usedKeys = new Set<string>();
  return source.appendix.columns.map((heading, position) => {
    const isTotal = TOTAL_HEADERS.has(foldLabel(heading.header));
    const fundingSource = isTotal ? null : fundingSourceFor(heading.header, reference.fundingSources);
    let key = isTotal ? 'total' : fundingSource ? fundingSource.key : slug(heading.header);
    while (usedKeys.has(key)) key += '-2';
    usedKeys.add(key);
    const type = money ? ColumnType.MONEY : ColumnType.MEASURE;
    return em.create(TableColumn, {
      table,
      key,
      label: heading.header,
      publishedNumber: heading.publishedNumber,
      position,
      type,
      scale: scaleFor(type, source.unitOfMeasure),
      isTotal,
      fundingSource,
      editable: true,
    });
  });
}

/**
 * The national component a local row stands for. Numbers differ between plans, so the match
 * is on words: component rows among national projects, their children among the sub-projects
 * of the parent's component.
 */
function componentFor(label: string, parent: TableRow | undefined, components: ProgramComponent[]): ProgramComponent | null {
  const parentComponent = parent?.component;
  if (parentComponent && parentComponent.level === ComponentLevel.PROJECT) {
    const subProjects = components.filter((component) => component.parent === parentComponent);
    return bestMatch(label, subProjects, (component) => component.name);
  }
  if (!isComponentLabel(label)) return null;
  const projects = components.filter((component) => component.level === ComponentLevel.PROJECT);
  return bestMatch(label, projects, (component) => component.name);
}

function policyFor(label: string, parent: TableRow | undefined, policies: SupportPolicy[]): SupportPolicy | null {
  const folded = foldLabel(label);
  const own = policies.find((policy) => policy.aliases.some((alias) => folded.includes(alias)));
  return own ?? parent?.supportPolicy ?? null;
}

/** Creates a plan table from a published appendix, exactly as published, in the caller's unit of work. */
export function importPlanTable(em: EntityManager, source: PlanTableSource, reference: ImportReference): PlanTable {
  const table = em.create(PlanTable, {
    plan: source.plan,
    title: source.title,
    caption: source.caption,
    unitOfMeasure: source.unitOfMeasure,
    template: source.template,
    position: source.position,
    version: 1,
  });
  const columns = buildColumns(em, table, source, reference);
  const rowsIn = source.appendix.rows;
  const hierarchy = deriveHierarchy(
    rowsIn.map((row) => ({ publishedNumber: row.publishedNumber, label: row.label, hasValues: row.values.some((value) => value !== null) })),
  );
  const rows: TableRow[] = [];
  hierarchy.forEach((node, position) => {
    const published = rowsIn[position];
    const parent = node.parentIndex === null ? undefined : rows[node.parentIndex];
    const kind = node.kind as RowKind;
    const linkedKey = source.componentLinks?.[node.key];
    const component =
      kind === RowKind.LABEL
        ? null
        : linkedKey
          ? reference.components.find((candidate) => candidate.key === linkedKey) ?? null
          : componentFor(published.label, parent, reference.components);
    if (linkedKey && !component) throw new Error(`Unknown national component "${linkedKey}" for row ${node.key}`);
    const underComponent = component !== null || parent?.component != null;
    const row = em.create(TableRow, {
      table,
      key: node.key,
      position,
      publishedNumber: published.publishedNumber,
      label: published.label,
      level: node.level,
      kind,
      parent: parent ?? null,
      component,
      supportPolicy: kind === RowKind.LABEL || underComponent ? null : policyFor(published.label, parent, reference.policies),
      editable: kind !== RowKind.LABEL,
      computed: false,
    });
    rows.push(row);
    published.values.forEach((value, index) => {
      if (value !== null) em.create(TableCell, { table, row, column: columns[index], value });
    });
  });
  return table;
}
