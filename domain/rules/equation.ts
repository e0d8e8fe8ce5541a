/**
 * An arithmetic check of one cell against others (sums, balances, ratios), evaluated under the rule's
 * missing-value strategy. The strategy semantics themselves are documented in validate-table.ts.
 */
import Decimal from 'decimal.js';
import { ZERO, toCanonical } from '../exact-decimal';
import { CellSuggestion, FindingCell } from './finding';
import { CellAt, Text, cellText, joinTexts, numberText } from './finding-text';
import { LocatedFinding, RuleContext, emptyCellFinding, findingCell, locatedFinding, readCell } from './rule-context';

/** The arithmetic of a kind of check, shared by all its checks. */
export interface Formula {
  /** SUM: the sum of the present terms is meaningful on its own; FORMULA: every input is needed. */
  form: 'SUM' | 'FORMULA';
  /**
   * Whether the checked value is within the tolerance of what the inputs give, on scaled integers (the hot
   * path); null when undefined (a zero denominator).
   */
  holds(checked: bigint, inputs: readonly bigint[], tolerance: bigint): boolean | null;
  /** The value the checked cell should have, for findings; null when undefined (a zero denominator). */
  expected(inputs: readonly Decimal[]): Decimal | null;
  /** The value of inputs[index] that makes the equation hold given the others; null when there is none. */
  solveInput(index: number, checked: Decimal, inputs: readonly Decimal[]): Decimal | null;
  /** Why expected() can return null. */
  undefinedReason?: Text;
  /** The expected value is a quotient, which need not terminate: shown with 2 more places than its column keeps. */
  quotient?: boolean;
}

/** One check: a cell, the cells it is computed from, and how. */
export interface Equation {
  checked: CellAt;
  inputs: readonly CellAt[];
  formula: Formula;
  /** What the checked cell is compared with, e.g. "the sum of its 3 child rows". */
  relation: Text;
}

/** checked = Σ sign(i) × inputs[i]. */
export function linearFormula(form: Formula['form'], sign: (index: number) => 1 | -1): Formula {
  const signedSum = (inputs: readonly Decimal[], skip: number) =>
    inputs.reduce((sum, value, index) => (index === skip ? sum : sign(index) > 0 ? sum.plus(value) : sum.minus(value)), ZERO);
  return {
    form,
    holds: (checked, inputs, tolerance) => {
      let difference = checked;
      for (let index = 0; index < inputs.length; index++) {
        difference = sign(index) > 0 ? difference - inputs[index] : difference + inputs[index];
      }
      return (difference < 0n ? -difference : difference) <= tolerance;
    },
    expected: (inputs) => signedSum(inputs, -1),
    solveInput: (index, checked, inputs) => {
      const rest = checked.minus(signedSum(inputs, index));
      return sign(index) > 0 ? rest : rest.neg();
    },
  };
}

/** checked = Σ inputs. */
export const SUM = linearFormula('SUM', () => 1);

const NONE: readonly LocatedFinding[] = [];
const NO_TEXT: Text = { vi: '', en: '' };

function involvesInexact(equation: Equation, { reader, missing }: RuleContext): boolean {
  const rolledUp = missing === 'ROLLUP';
  return reader.isInexact(equation.checked.row, equation.checked.column, rolledUp)
    || equation.inputs.some((at) => reader.isInexact(at.row, at.column, rolledUp));
}

export function checkEquation(equation: Equation, context: RuleContext): readonly LocatedFinding[] {
  // A range or an approximate figure is never counted as exact, so no check involving one is made.
  if (context.reader.hasInexact && involvesInexact(equation, context)) return NONE;
  // Most checks pass: this path only reads and adds; text is built for findings alone.
  const checked = readCell(context, equation.checked);
  const inputs = equation.inputs.map((at) => readCell(context, at));
  let emptyInputs = 0;
  for (const value of inputs) if (value === null) emptyInputs++;
  if (checked === null || emptyInputs > 0) {
    switch (context.missing) {
      case 'SKIP':
      case 'NOT_PUBLISHED':
        return NONE;
      case 'REQUIRE':
        return emptyCellFindings(equation, context, readingOf(equation, context, checked, inputs));
      case 'ROLLUP':
        if (checked === null) return NONE;
        if (equation.formula.form === 'FORMULA') return [missingInputFinding(equation, context, readingOf(equation, context, checked, inputs))];
        // Absent terms are not broken down anywhere: compare with the sum of the present ones.
        if (emptyInputs === inputs.length) return NONE;
        break;
      case 'ZERO':
        break;
    }
  }
  const filled = emptyInputs === 0 ? (inputs as bigint[]) : inputs.map((value) => value ?? 0n);
  context.checksMade++;
  if (equation.formula.holds(checked ?? 0n, filled, context.scaledTolerance)) return NONE;
  const reading = readingOf(equation, context, checked, inputs);
  const expected = equation.formula.expected(reading.filled.slice(1));
  return [expected === null ? undefinedFinding(equation, context, reading) : mismatchFinding(equation, context, reading, expected)];
}

/** The values of one check by slot, as decimals for the finding: slot 0 is the checked cell, slot i > 0 is inputs[i − 1]. */
interface Reading {
  cells: CellAt[];
  values: (Decimal | null)[];
  /** Empty values counted as 0. */
  filled: Decimal[];
  /** Slots whose value is empty (absent after roll-up under ROLLUP). */
  empty: number[];
}

function readingOf(equation: Equation, context: RuleContext, checked: bigint | null, inputs: (bigint | null)[]): Reading {
  const values = [checked, ...inputs].map((value) => (value === null ? null : context.reader.decimal(value)));
  return {
    cells: [equation.checked, ...equation.inputs],
    values,
    filled: values.map((value) => value ?? ZERO),
    empty: values.flatMap((value, slot) => (value === null ? [slot] : [])),
  };
}

function findingCells(context: RuleContext, reading: Reading): FindingCell[] {
  return reading.cells.map((at, slot) => findingCell(context, at, reading.values[slot]));
}

/** A value for the only empty slot that makes the equation hold, fits its column and is a valid amount. */
function suggestion({ formula }: Equation, context: RuleContext, reading: Reading): CellSuggestion | null {
  if (reading.empty.length !== 1) return null;
  const slot = reading.empty[0];
  const { filled } = reading;
  const at = reading.cells[slot];
  const column = context.snapshot.columns[at.column];
  const solved = slot === 0 ? formula.expected(filled.slice(1)) : formula.solveInput(slot - 1, filled[0], filled.slice(1));
  if (solved === null) return null;
  const value = solved.toDecimalPlaces(column.scale);
  if ((column.type === 'MONEY' || column.type === 'COUNT') && value.lt(0)) return null;
  // Rounding to the column's scale may break the equation: only suggest what really passes.
  const trial = [...filled];
  trial[slot] = value;
  const expected = formula.expected(trial.slice(1));
  if (expected === null || trial[0].minus(expected).abs().gt(context.tolerance)) return null;
  return { rowKey: context.snapshot.rows[at.row].key, columnKey: column.key, value: toCanonical(value) };
}

function suggestionText(context: RuleContext, reading: Reading, suggested: CellSuggestion | null): Text {
  if (suggested === null) return NO_TEXT;
  const cell = cellText(context.snapshot, reading.cells[reading.empty[0]]);
  const value = numberText(suggested.value);
  return { vi: `; gợi ý: điền ${value.vi} vào ${cell.vi}`, en: `; suggestion: enter ${value.en} in ${cell.en}` };
}

/** REQUIRE: each empty cell of the check is a finding; the check itself is not evaluated. */
function emptyCellFindings(equation: Equation, context: RuleContext, reading: Reading): LocatedFinding[] {
  const suggested = suggestion(equation, context, reading);
  return reading.empty.flatMap((slot) => {
    const others = reading.cells.flatMap((at, other) => (other === slot ? [] : [{ at, value: reading.values[other] }]));
    return emptyCellFinding(context, reading.cells[slot], others, suggested) ?? [];
  });
}

function mismatchFinding(equation: Equation, context: RuleContext, reading: Reading, expected: Decimal): LocatedFinding {
  const found = reading.filled[0];
  const cell = cellText(context.snapshot, equation.checked);
  const places = context.snapshot.columns[equation.checked.column].scale + 2;
  const shown = (value: Decimal) => (equation.formula.quotient ? value.toDecimalPlaces(places) : value);
  const difference = shown(found.minus(expected));
  const [foundText, expectedText, differenceText, tolerance] = [found, shown(expected), difference, context.tolerance].map(numberText);
  const toleranceNote = context.tolerance.isZero()
    ? NO_TEXT
    : { vi: `, vượt sai số cho phép ${tolerance.vi}`, en: `, beyond the tolerance ${tolerance.en}` };
  const zeroNote = context.missing === 'ZERO' && reading.empty.length > 0
    ? { vi: '; ô trống được tính là 0', en: '; empty cells count as 0' }
    : NO_TEXT;
  const suggested = suggestion(equation, context, reading);
  const hint = suggestionText(context, reading, suggested);
  return locatedFinding(context, equation.checked, {
    message: {
      vi: `${cell.vi}: ${foundText.vi} khác ${equation.relation.vi} là ${expectedText.vi} (chênh lệch ${differenceText.vi}${toleranceNote.vi})${zeroNote.vi}${hint.vi}`,
      en: `${cell.en}: ${foundText.en} differs from ${equation.relation.en}, ${expectedText.en} (difference ${differenceText.en}${toleranceNote.en})${zeroNote.en}${hint.en}`,
    },
    cells: findingCells(context, reading),
    expected: shown(expected),
    found,
    difference,
    suggestion: suggested,
  });
}

/** The expected value is undefined (a zero denominator): a finding, never an exception. */
function undefinedFinding(equation: Equation, context: RuleContext, reading: Reading): LocatedFinding {
  const found = reading.filled[0];
  const cell = cellText(context.snapshot, equation.checked);
  const foundText = numberText(found);
  const reason = equation.formula.undefinedReason ?? { vi: 'không tính được giá trị so sánh', en: 'the expected value is undefined' };
  return locatedFinding(context, equation.checked, {
    message: { vi: `${cell.vi}: ${foundText.vi}, nhưng ${reason.vi}`, en: `${cell.en}: ${foundText.en}, but ${reason.en}` },
    cells: findingCells(context, reading),
    expected: null,
    found,
    difference: null,
    suggestion: null,
  });
}

/** ROLLUP, FORMULA: the result is given but an input is empty, so the check cannot be made. */
function missingInputFinding(equation: Equation, context: RuleContext, reading: Reading): LocatedFinding {
  const found = reading.filled[0];
  const cell = cellText(context.snapshot, equation.checked);
  const foundText = numberText(found);
  const missing = joinTexts(reading.empty.map((slot) => cellText(context.snapshot, reading.cells[slot])), '; ');
  const suggested = suggestion(equation, context, reading);
  const hint = suggestionText(context, reading, suggested);
  return locatedFinding(context, equation.checked, {
    severity: 'WARNING',
    message: {
      vi: `${cell.vi}: có giá trị ${foundText.vi} nhưng không kiểm tra được theo ${equation.relation.vi} vì ô trống: ${missing.vi}${hint.vi}`,
      en: `${cell.en}: has ${foundText.en} but cannot be checked against ${equation.relation.en} because of empty cells: ${missing.en}${hint.en}`,
    },
    cells: findingCells(context, reading),
    expected: null,
    found,
    difference: null,
    suggestion: suggested,
  });
}
