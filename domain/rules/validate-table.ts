/**
 * The validation engine: runs declarative rules over a table snapshot and reports every inconsistency.
 *
 * EMPTY IS NOT ZERO. An empty cell in a published table usually means "not broken down here", so each rule
 * says how empty cells take part in its checks (rule.missing, default ROLLUP):
 *
 * ROLLUP  An empty cell's effective value is the sum of its child rows' effective values in the same column
 *         when at least one child has one (recursively; LABEL rows take no part; RATE columns never roll
 *         up, rates do not add); otherwise the cell is absent.
 *         - Sums (ROW_SUM, HIERARCHY_SUM, GRAND_TOTAL): skipped when the left side (total, parent, grand
 *           total) is absent or when every term is absent; otherwise left side vs the sum of present terms.
 *         - RATIO, BALANCE: skipped when the checked side (rate, end) is absent; when it is present and an
 *           input is absent, a WARNING finding names the empty input cells (no arithmetic is possible).
 *         - NON_NEGATIVE, WHOLE_NUMBER, RANGE: empty cells are skipped (never rolled up).
 * SKIP    A check with any empty involved cell is skipped; no roll-up.
 * NOT_PUBLISHED  The same checks as SKIP, for a table whose empty cells are figures the source did not
 *         give: every check that needs one is skipped, never run on the present terms.
 * ZERO    An empty cell counts as 0; no roll-up.
 * REQUIRE Each empty involved cell is itself a finding (once per rule), and a check with an empty cell is
 *         not evaluated further; no roll-up.
 *
 * A check passes when |expected − found| ≤ tolerance. A zero denominator is a finding, never an exception.
 * Checks run on exact scaled integers (scaled-integer.ts); decimal.js builds what findings show.
 * When exactly one involved cell is empty (absent after roll-up under ROLLUP) and some value for it makes
 * the check pass — rounded to its column's scale, and not negative in MONEY/COUNT columns — the finding
 * suggests that value.
 *
 * Cells published as a range or an approximate figure (options.inexact) are empty in the snapshot and
 * never counted as exact: every check involving one, directly or through a roll-up, is skipped.
 *
 * COMPARE (left ≤ or ≥ right) skips a check when either side is empty (absent after roll-up).
 *
 * Findings are ordered by the checked cell's row position, then column position, then rule order.
 */
import { commonScale } from '../scaled-integer';
import { TableSnapshot } from '../table-model';
import { CellReader } from './cell-reader';
import { checkCells } from './cell-rules';
import { Equation, checkEquation } from './equation';
import { Finding } from './finding';
import { balanceEquations, compareEquations, ratioEquations } from './formula-rules';
import { Rule } from './rule';
import { LocatedFinding, RuleContext, createRuleContext } from './rule-context';
import { checkRuleDefinitions } from './rule-definitions';
import { grandTotalEquations, hierarchySumEquations, rowSumEquations } from './sum-rules';

function checkRule(rule: Rule, context: RuleContext): readonly LocatedFinding[] {
  const evaluate = (equations: Equation[]) => {
    const findings: LocatedFinding[] = [];
    for (const equation of equations) findings.push(...checkEquation(equation, context));
    return findings;
  };
  switch (rule.kind) {
    case 'ROW_SUM':
      return evaluate(rowSumEquations(rule, context));
    case 'HIERARCHY_SUM':
      return evaluate(hierarchySumEquations(rule, context));
    case 'GRAND_TOTAL':
      return evaluate(grandTotalEquations(rule, context));
    case 'RATIO':
      return evaluate(ratioEquations(rule, context));
    case 'BALANCE':
      return evaluate(balanceEquations(rule, context));
    case 'COMPARE':
      return evaluate(compareEquations(rule, context));
    case 'NON_NEGATIVE':
    case 'WHOLE_NUMBER':
    case 'RANGE':
      return checkCells(rule, context);
  }
}

/** The decimal constants of a rule, which the run's scale must hold too. */
function ruleConstants(rule: Rule): string[] {
  const constants = [rule.tolerance];
  if (rule.kind === 'RANGE') constants.push(rule.min, rule.max);
  if (rule.kind === 'RATIO') constants.push(rule.scale);
  return constants.filter((constant): constant is string => constant !== undefined);
}

export interface ValidationOptions {
  /** Cells published as a range or an approximate figure: see above. */
  inexact?: readonly { rowKey: string; columnKey: string }[];
}

function inexactSlots(snapshot: TableSnapshot, cells: ValidationOptions['inexact']): Set<number> {
  const slots = new Set<number>();
  for (const cell of cells ?? []) {
    const row = snapshot.rowIndex(cell.rowKey);
    const column = snapshot.columnIndex(cell.columnKey);
    if (row !== undefined && column !== undefined) slots.add(row * snapshot.columns.length + column);
  }
  return slots;
}

/** What one rule gave on a table: its findings and how many checks it made. */
export interface RuleOutcome {
  findings: Finding[];
  checksMade: number;
}

/** Throws when the rules do not fit the table: check them with checkRuleDefinitions when loading a template. */
export function validateTable(snapshot: TableSnapshot, rules: readonly Rule[], options: ValidationOptions = {}): Finding[] {
  return runRules(snapshot, rules, options).findings;
}

/** Each rule on its own, with the number of checks it made: how far it holds on the table. */
export function ruleOutcomes(snapshot: TableSnapshot, rules: readonly Rule[], options: ValidationOptions = {}): RuleOutcome[] {
  const { findings, checksMade } = runRules(snapshot, rules, options);
  return rules.map((rule, index) => ({ findings: findings.filter((finding) => finding.ruleId === rule.id), checksMade: checksMade[index] }));
}

function runRules(snapshot: TableSnapshot, rules: readonly Rule[], options: ValidationOptions): { findings: Finding[]; checksMade: number[] } {
  const errors = checkRuleDefinitions(rules, snapshot);
  if (errors.length > 0) throw new Error(`Invalid rule definitions: ${errors.map((error) => error.messageEn).join('; ')}`);
  const scale = Math.max(snapshot.maxDecimalPlaces, commonScale(rules.flatMap(ruleConstants)));
  const reader = new CellReader(snapshot, scale, inexactSlots(snapshot, options.inexact));
  const checksMade: number[] = [];
  const located = rules.flatMap((rule, ruleIndex) => {
    const context = createRuleContext(rule, snapshot, reader);
    const found = checkRule(rule, context).map((finding) => ({ ...finding, ruleIndex }));
    checksMade.push(context.checksMade);
    return found;
  });
  // Array.prototype.sort is stable: checks of one rule on one cell keep their order.
  located.sort((a, b) => a.at.row - b.at.row || a.at.column - b.at.column || a.ruleIndex - b.ruleIndex);
  return { findings: located.map((entry) => entry.finding), checksMade };
}
