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
 * Findings are ordered by the checked cell's row position, then column position, then rule order.
 */
import { commonScale } from '../scaled-integer';
import { TableSnapshot } from '../table-model';
import { CellReader } from './cell-reader';
import { checkCells } from './cell-rules';
import { Equation, checkEquation } from './equation';
import { Finding } from './finding';
import { balanceEquations, ratioEquations } from './formula-rules';
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

/** Throws when the rules do not fit the table: check them with checkRuleDefinitions when loading a template. */
export function validateTable(snapshot: TableSnapshot, rules: readonly Rule[]): Finding[] {
  const errors = checkRuleDefinitions(rules, snapshot);
  if (errors.length > 0) throw new Error(`Invalid rule definitions: ${errors.map((error) => error.messageEn).join('; ')}`);
  const scale = Math.max(snapshot.maxDecimalPlaces, commonScale(rules.flatMap(ruleConstants)));
  const reader = new CellReader(snapshot, scale);
  const located = rules.flatMap((rule, ruleIndex) =>
    checkRule(rule, createRuleContext(rule, snapshot, reader)).map((finding) => ({ ...finding, ruleIndex })),
  );
  // Array.prototype.sort is stable: checks of one rule on one cell keep their order.
  located.sort((a, b) => a.at.row - b.at.row || a.at.column - b.at.column || a.ruleIndex - b.ruleIndex);
  return located.map((entry) => entry.finding);
}
