/** What every check of one rule needs: the rule with its defaults applied, cell values, and finding assembly. */
import Decimal from 'decimal.js';
import { ExactDecimal, toCanonical } from '../exact-decimal';
import { TableSnapshot } from '../table-model';
import { CellReader } from './cell-reader';
import { CellSuggestion, Finding, FindingCell } from './finding';
import { CellAt, Text, cellText, numberText } from './finding-text';
import { MissingStrategy, Rule, Severity } from './rule';

export interface RuleContext {
  readonly rule: Rule;
  readonly snapshot: TableSnapshot;
  readonly reader: CellReader;
  readonly missing: MissingStrategy;
  /** For the text of findings and for suggestions. */
  readonly tolerance: Decimal;
  /** For the checks themselves, at the reader's scale. */
  readonly scaledTolerance: bigint;
  /** Findings for cells reported empty under REQUIRE, by cell slot: one per cell and rule, not per check. */
  readonly reportedEmpty: Map<number, LocatedFinding>;
  /** Checks actually made (not skipped for empty or inexact cells): how much of the table a rule covers. */
  checksMade: number;
}

/** A finding with the position of its checked cell, for ordering. */
export interface LocatedFinding {
  at: CellAt;
  finding: Finding;
}

export function createRuleContext(rule: Rule, snapshot: TableSnapshot, reader: CellReader): RuleContext {
  const tolerance = rule.tolerance ?? '0';
  return {
    rule,
    snapshot,
    reader,
    missing: rule.missing ?? 'ROLLUP',
    tolerance: new ExactDecimal(tolerance),
    scaledTolerance: reader.scaled(tolerance),
    reportedEmpty: new Map(),
    checksMade: 0,
  };
}

/** The value a check sees: rolled up under ROLLUP, the cell's own value otherwise. */
export function readCell(context: RuleContext, at: CellAt): bigint | null {
  return context.missing === 'ROLLUP' ? context.reader.rolledUp(at.row, at.column) : context.reader.own(at.row, at.column);
}

export function findingCell(context: RuleContext, at: CellAt, value: Decimal | null): FindingCell {
  const row = context.snapshot.rows[at.row];
  const column = context.snapshot.columns[at.column];
  return {
    rowKey: row.key,
    columnKey: column.key,
    rowNumber: row.publishedNumber,
    rowLabel: row.label,
    columnLabel: column.label,
    value: value === null ? null : toCanonical(value),
    derived: value !== null && context.reader.own(at.row, at.column) === null,
  };
}

export interface FindingDetails {
  severity?: Severity;
  message: Text;
  cells: FindingCell[];
  expected: Decimal | null;
  found: Decimal | null;
  difference: Decimal | null;
  suggestion: CellSuggestion | null;
}

export function locatedFinding(context: RuleContext, at: CellAt, details: FindingDetails): LocatedFinding {
  const canonical = (value: Decimal | null) => (value === null ? null : toCanonical(value));
  return {
    at,
    finding: {
      ruleId: context.rule.id,
      ruleKind: context.rule.kind,
      severity: details.severity ?? context.rule.severity,
      messageVi: details.message.vi,
      messageEn: details.message.en,
      cells: details.cells,
      expected: canonical(details.expected),
      found: canonical(details.found),
      difference: canonical(details.difference),
      suggestion: details.suggestion,
    },
  };
}

/**
 * REQUIRE: an empty involved cell is itself a finding, once per rule however many checks involve it.
 * A later check that can suggest a value for it completes the earlier finding.
 */
export function emptyCellFinding(
  context: RuleContext,
  at: CellAt,
  otherCells: readonly { at: CellAt; value: Decimal | null }[],
  suggestion: CellSuggestion | null,
): LocatedFinding | null {
  const slot = at.row * context.snapshot.columns.length + at.column;
  const reported = context.reportedEmpty.get(slot);
  if (reported !== undefined && (reported.finding.suggestion !== null || suggestion === null)) return null;
  const cell = cellText(context.snapshot, at);
  const hint = suggestion === null ? null : numberText(suggestion.value);
  const located = locatedFinding(context, at, {
    message: {
      vi: `${cell.vi}: ô trống nhưng quy tắc "${context.rule.id}" yêu cầu có giá trị${hint ? ` (giá trị phù hợp: ${hint.vi})` : ''}`,
      en: `${cell.en}: empty, but rule "${context.rule.id}" requires a value${hint ? ` (a consistent value: ${hint.en})` : ''}`,
    },
    cells: [findingCell(context, at, null), ...otherCells.map((other) => findingCell(context, other.at, other.value))],
    expected: suggestion === null ? null : new ExactDecimal(suggestion.value),
    found: null,
    difference: null,
    suggestion,
  });
  if (reported !== undefined) {
    reported.finding = located.finding;
    return null;
  }
  context.reportedEmpty.set(slot, located);
  return located;
}
