/** NON_NEGATIVE, WHOLE_NUMBER and RANGE: checks of each cell on its own. Empty cells are never rolled up. */
import Decimal from 'decimal.js';
import { ZERO } from '../exact-decimal';
import { CellAt, Text, cellText, numberText } from './finding-text';
import { NonNegativeRule, RangeRule, WholeNumberRule } from './rule';
import { LocatedFinding, RuleContext, emptyCellFinding, findingCell, locatedFinding } from './rule-context';
import { columnsInScope, rowsInScope } from './rule-scope';

interface Violation {
  /** Completes "<cell>: …". */
  message: Text;
  /** The violated bound, if the rule has one. */
  bound: Decimal | null;
}

/** Tests a scaled value; the violation (and its text) is only built when the test fails. */
type CellTest = (value: bigint) => (() => Violation) | null;

function cellTest(rule: NonNegativeRule | WholeNumberRule | RangeRule, { reader }: RuleContext): CellTest {
  switch (rule.kind) {
    case 'NON_NEGATIVE':
      return (value) => {
        if (value >= 0n) return null;
        return () => {
          const shown = numberText(reader.decimal(value));
          return { message: { vi: `giá trị âm ${shown.vi} không hợp lệ`, en: `negative value ${shown.en} is not allowed` }, bound: ZERO };
        };
      };
    case 'WHOLE_NUMBER': {
      const one = reader.scaled('1');
      return (value) => {
        if (value % one === 0n) return null;
        return () => {
          const shown = numberText(reader.decimal(value));
          return { message: { vi: `phải là số nguyên, nhưng là ${shown.vi}`, en: `must be a whole number, found ${shown.en}` }, bound: null };
        };
      };
    }
    case 'RANGE': {
      const min = rule.min === undefined ? null : reader.scaled(rule.min);
      const max = rule.max === undefined ? null : reader.scaled(rule.max);
      const outside = (value: bigint, bound: bigint, vi: string, en: string) => () => {
        const [shown, limit] = [value, bound].map((scaled) => numberText(reader.decimal(scaled)));
        return { message: { vi: `${shown.vi} ${vi} ${limit.vi}`, en: `${shown.en} ${en} ${limit.en}` }, bound: reader.decimal(bound) };
      };
      return (value) => {
        if (min !== null && value < min) return outside(value, min, 'nhỏ hơn giá trị tối thiểu', 'is below the minimum');
        if (max !== null && value > max) return outside(value, max, 'lớn hơn giá trị tối đa', 'is above the maximum');
        return null;
      };
    }
  }
}

export function checkCells(rule: NonNegativeRule | WholeNumberRule | RangeRule, context: RuleContext): LocatedFinding[] {
  const test = cellTest(rule, context);
  const columns = columnsInScope(rule, context.snapshot);
  const findings: LocatedFinding[] = [];
  for (const row of rowsInScope(rule, context.snapshot)) {
    for (const column of columns) {
      const own = context.reader.own(row, column);
      if (own === null && context.missing === 'REQUIRE') {
        const finding = emptyCellFinding(context, { row, column }, [], null);
        if (finding) findings.push(finding);
        continue;
      }
      if (own === null && context.missing !== 'ZERO') continue;
      context.checksMade++;
      const violated = test(own ?? 0n);
      if (violated !== null) findings.push(violationFinding(context, { row, column }, own, violated()));
    }
  }
  return findings;
}

function violationFinding(context: RuleContext, at: CellAt, own: bigint | null, violation: Violation): LocatedFinding {
  const value = own === null ? ZERO : context.reader.decimal(own);
  const cell = cellText(context.snapshot, at);
  const zeroNote = own === null ? { vi: ' (ô trống được tính là 0)', en: ' (empty cells count as 0)' } : { vi: '', en: '' };
  return locatedFinding(context, at, {
    message: { vi: `${cell.vi}: ${violation.message.vi}${zeroNote.vi}`, en: `${cell.en}: ${violation.message.en}${zeroNote.en}` },
    cells: [findingCell(context, at, own === null ? null : value)],
    expected: violation.bound,
    found: value,
    difference: violation.bound === null ? null : value.minus(violation.bound),
    suggestion: null,
  });
}
