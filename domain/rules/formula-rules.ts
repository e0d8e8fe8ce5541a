/** RATIO, BALANCE and COMPARE as equations, along rows (references are columns) or columns (references are rows). */
import { ExactDecimal } from '../exact-decimal';
import { TableSnapshot } from '../table-model';
import { Equation, Formula, linearFormula } from './equation';
import { CellAt, numberText } from './finding-text';
import { BalanceRule, CompareRule, RatioRule } from './rule';
import { RuleContext } from './rule-context';
import { columnsInScope, rowsInScope } from './rule-scope';

/** One row (axis ROW) or one column (axis COLUMN) the rule runs on: where each reference lies in it. */
type Line = (reference: string) => CellAt;

function lines(rule: RatioRule | BalanceRule | CompareRule, snapshot: TableSnapshot): Line[] {
  return rule.axis === 'ROW'
    ? rowsInScope(rule, snapshot).map((row) => (reference: string) => ({ row, column: snapshot.columnIndex(reference)! }))
    : columnsInScope(rule, snapshot).map((column) => (reference: string) => ({ row: snapshot.rowIndex(reference)!, column }));
}

function referenceName(rule: RatioRule | BalanceRule | CompareRule, snapshot: TableSnapshot, reference: string): string {
  return rule.axis === 'ROW'
    ? snapshot.columns[snapshot.columnIndex(reference)!].label
    : snapshot.rows[snapshot.rowIndex(reference)!].label.trim();
}

/** rate = numerator × scale / denominator; a zero denominator makes the expected rate undefined. */
export function ratioEquations(rule: RatioRule, { snapshot, reader }: RuleContext): Equation[] {
  const scale = new ExactDecimal(rule.scale ?? '1');
  const scaledScale = reader.scaled(rule.scale ?? '1');
  const numerator = referenceName(rule, snapshot, rule.numerator);
  const denominator = referenceName(rule, snapshot, rule.denominator);
  const scaleText = numberText(scale);
  const times = scale.eq(1) ? { vi: '', en: '' } : { vi: ` × ${scaleText.vi}`, en: ` × ${scaleText.en}` };
  const relation = { vi: `${numerator} / ${denominator}${times.vi}`, en: `${numerator} / ${denominator}${times.en}` };
  const undefinedReason = {
    vi: `mẫu số (${denominator}) bằng 0 nên không tính được tỷ lệ`,
    en: `the denominator (${denominator}) is 0, so the rate cannot be computed`,
  };
  const formula: Formula = {
    form: 'FORMULA',
    undefinedReason,
    quotient: true,
    // |rate − num × k / den| ≤ tolerance, multiplied out so that integers stay integers.
    holds: (rate, [num, den], tolerance) => {
      if (den === 0n) return null;
      const difference = rate * den - num * scaledScale;
      return (difference < 0n ? -difference : difference) <= tolerance * (den < 0n ? -den : den);
    },
    expected: ([num, den]) => (den.isZero() ? null : num.times(scale).div(den)),
    solveInput: (index, rate, [num, den]) =>
      index === 0 ? rate.times(den).div(scale) : rate.isZero() ? null : num.times(scale).div(rate),
  };
  return lines(rule, snapshot).map((line) => ({
    checked: line(rule.rate),
    inputs: [line(rule.numerator), line(rule.denominator)],
    formula,
    relation,
  }));
}

/** end = start + Σ plus − Σ minus. */
export function balanceEquations(rule: BalanceRule, { snapshot }: RuleContext): Equation[] {
  const name = (reference: string) => referenceName(rule, snapshot, reference);
  const relationText = [name(rule.start), ...rule.plus.map((key) => `+ ${name(key)}`), ...rule.minus.map((key) => `− ${name(key)}`)].join(' ');
  const relation = { vi: relationText, en: relationText };
  // Inputs are start, plus…, minus….
  const formula = linearFormula('FORMULA', (index) => (index <= rule.plus.length ? 1 : -1));
  return lines(rule, snapshot).map((line) => ({
    checked: line(rule.end),
    inputs: [rule.start, ...rule.plus, ...rule.minus].map(line),
    formula,
    relation,
  }));
}

/**
 * left ≤ right (LE) or ≥ (GE), within the tolerance. A SUM-form check of one input: it is skipped when the
 * bound is empty, and the finding's expected value is the bound.
 */
export function compareEquations(rule: CompareRule, { snapshot }: RuleContext): Equation[] {
  const right = referenceName(rule, snapshot, rule.right);
  const atMost = rule.relation === 'LE';
  const relation = atMost
    ? { vi: `giới hạn trên ${right} (phải ≤)`, en: `its upper bound ${right} (must be ≤)` }
    : { vi: `giới hạn dưới ${right} (phải ≥)`, en: `its lower bound ${right} (must be ≥)` };
  const formula: Formula = {
    form: 'SUM',
    holds: (left, [bound], tolerance) => (atMost ? left <= bound + tolerance : left >= bound - tolerance),
    expected: ([bound]) => bound,
    solveInput: () => null,
  };
  return lines(rule, snapshot).map((line) => ({ checked: line(rule.left), inputs: [line(rule.right)], formula, relation }));
}
