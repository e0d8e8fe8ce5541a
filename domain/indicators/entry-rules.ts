/**
 * The rules of an indicator table (units × indicator, kind and period), derived from what its
 * indicators are, so that entered actuals and targets go through the same rules engine as plan
 * appendices: rates stay within 0–100 and agree with their numerator and denominator, counts and
 * money are not negative, and a stock's end agrees with its start and the flows of the period.
 */
import type { Rule } from '../rules';

export type EntryValueKind = 'BASELINE' | 'TARGET' | 'ACTUAL';

export interface EntryPeriod {
  key: string;
  /** First and last day, YYYY-MM-DD. */
  start: string;
  end: string;
}

export interface EntryIndicator {
  key: string;
  /** IndicatorUnit: PERCENT, PERCENTAGE_POINTS, HOUSEHOLDS, MILLION_VND… */
  unit: string;
  decimals: number;
  /** For a rate recomputed from two indicators: rate = numerator ÷ denominator × ratioScale. */
  ratio: { numerator: string; denominator: string; scale: string } | null;
  /** For a stock: end = start + Σ plus − Σ minus over a period. */
  balance: { plus: string[]; minus: string[] } | null;
}

export interface EntryColumn {
  indicator: EntryIndicator;
  kind: EntryValueKind;
  period: EntryPeriod;
}

/** A column's key in the table: stable, readable, and unique per indicator, kind and period. */
export function entryColumnKey(indicatorKey: string, kind: EntryValueKind, periodKey: string): string {
  return `${indicatorKey}:${kind}:${periodKey}`;
}

function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** Half a unit of the last decimal a rate is published with: the rounding a recomputed rate may differ by. */
function roundingTolerance(decimals: number): string {
  return `0.${'0'.repeat(Math.max(decimals, 0))}5`;
}

export function indicatorEntryRules(columns: readonly EntryColumn[]): Rule[] {
  const keyOf = (column: EntryColumn) => entryColumnKey(column.indicator.key, column.kind, column.period.key);
  const present = new Set(columns.map(keyOf));
  const find = (indicatorKey: string, kind: EntryValueKind, periodKey: string) => {
    const key = entryColumnKey(indicatorKey, kind, periodKey);
    return present.has(key) ? key : null;
  };
  const rules: Rule[] = [];
  const byUnit = (units: string[]) => columns.filter((column) => units.includes(column.indicator.unit)).map(keyOf);
  const percents = byUnit(['PERCENT']);
  if (percents.length) rules.push({ id: 'percent-range', kind: 'RANGE', severity: 'ERROR', min: '0', max: '100', columns: percents });
  const points = byUnit(['PERCENTAGE_POINTS']);
  if (points.length) rules.push({ id: 'points-range', kind: 'RANGE', severity: 'ERROR', min: '-100', max: '100', columns: points });
  const amounts = columns.filter((column) => column.indicator.unit !== 'PERCENT' && column.indicator.unit !== 'PERCENTAGE_POINTS').map(keyOf);
  if (amounts.length) rules.push({ id: 'non-negative', kind: 'NON_NEGATIVE', severity: 'ERROR', columns: amounts });

  for (const column of columns) {
    const { indicator, kind, period } = column;
    if (indicator.ratio) {
      const numerator = find(indicator.ratio.numerator, kind, period.key);
      const denominator = find(indicator.ratio.denominator, kind, period.key);
      if (numerator && denominator) {
        rules.push({
          id: `ratio:${keyOf(column)}`, kind: 'RATIO', severity: 'ERROR', axis: 'ROW', missing: 'SKIP',
          rate: keyOf(column), numerator, denominator, scale: indicator.ratio.scale, tolerance: roundingTolerance(indicator.decimals),
        });
      }
    }
    if (indicator.balance) {
      // The start of the period is the end of the period just before it, of the same indicator and kind.
      const previous = columns.find(
        (other) => other.indicator.key === indicator.key && other.kind === kind && dayAfter(other.period.end) === period.start,
      );
      const flows = (keys: string[]) => keys.map((key) => find(key, kind, period.key));
      const plus = flows(indicator.balance.plus);
      const minus = flows(indicator.balance.minus);
      if (previous && plus.every(Boolean) && minus.every(Boolean)) {
        rules.push({
          id: `balance:${keyOf(column)}`, kind: 'BALANCE', severity: 'ERROR', axis: 'ROW', missing: 'SKIP',
          end: keyOf(column), start: keyOf(previous), plus: plus as string[], minus: minus as string[],
        });
      }
    }
  }
  return rules;
}
