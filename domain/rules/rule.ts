/**
 * Validation rules: plain JSON data attached to a table template (stored as JSON), never code per table.
 * Decimal fields (tolerance, min, max, scale) are canonical decimal strings.
 */
import { RowKind } from '../table-model';

export type Severity = 'ERROR' | 'WARNING';

/** How empty cells take part in a check; see validate-table.ts for the exact semantics. */
export type MissingStrategy = 'ROLLUP' | 'SKIP' | 'ZERO' | 'REQUIRE' | 'NOT_PUBLISHED';

/** ROW: references are column keys and the check runs on each row; COLUMN: row keys, on each column. */
export type Axis = 'ROW' | 'COLUMN';

export interface RowScope {
  kinds?: RowKind[];
  keys?: string[];
}

interface RuleBase {
  id: string;
  severity: Severity;
  /** |expected − found| ≤ tolerance passes; default "0". */
  tolerance?: string;
  /** Default 'ROLLUP'. */
  missing?: MissingStrategy;
  /** Rows a check runs on (both filters apply); default every row except LABEL rows. */
  rows?: RowScope;
  /** Columns a check runs on; default all columns. */
  columns?: string[];
}

/** Per row: totalColumn = Σ partColumns. */
export interface RowSumRule extends RuleBase {
  kind: 'ROW_SUM';
  totalColumn: string;
  partColumns: string[];
}

/** Per column, per parent row: parent = Σ children (LABEL rows ignored). */
export interface HierarchySumRule extends RuleBase {
  kind: 'HIERARCHY_SUM';
}

/** Per column: each GRAND_TOTAL row = Σ SECTION rows (Σ root ITEM rows when there are no sections). */
export interface GrandTotalRule extends RuleBase {
  kind: 'GRAND_TOTAL';
}

export interface NonNegativeRule extends RuleBase {
  kind: 'NON_NEGATIVE';
}

export interface WholeNumberRule extends RuleBase {
  kind: 'WHOLE_NUMBER';
}

export interface RangeRule extends RuleBase {
  kind: 'RANGE';
  min?: string;
  max?: string;
}

/** rate ≈ numerator / denominator × scale (scale "100" for percentages; default "1"). */
export interface RatioRule extends RuleBase {
  kind: 'RATIO';
  axis: Axis;
  rate: string;
  numerator: string;
  denominator: string;
  scale?: string;
}

/** end = start + Σ plus − Σ minus (e.g. year-end poor = start − escaped + fell back + newly poor). */
export interface BalanceRule extends RuleBase {
  kind: 'BALANCE';
  axis: Axis;
  end: string;
  start: string;
  plus: string[];
  minus: string[];
}

/** left ≤ right (LE) or left ≥ right (GE): a lower bound and its upper bound, a part and its total. */
export interface CompareRule extends RuleBase {
  kind: 'COMPARE';
  axis: Axis;
  left: string;
  relation: 'LE' | 'GE';
  right: string;
}

export type Rule =
  | RowSumRule
  | CompareRule
  | HierarchySumRule
  | GrandTotalRule
  | NonNegativeRule
  | WholeNumberRule
  | RangeRule
  | RatioRule
  | BalanceRule;

export type RuleKind = Rule['kind'];
