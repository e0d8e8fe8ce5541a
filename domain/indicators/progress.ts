import { ExactDecimal, toCanonical } from '../exact-decimal';

/**
 * "Are we on track?" for one indicator: where the actual stands between the baseline and the
 * target, against the straight path from baseline (at the baseline date) to target (at the
 * target date).
 *
 * - ACHIEVED: the target is met, as its comparator reads ("dưới 0,15 %" is met by 0,14, not 0,15).
 * - Otherwise progress = share of the planned change made (baseline → actual over baseline → target),
 *   expected = share of the time elapsed (baseline date → actual date over baseline date → target date):
 *   ON_TRACK when progress ≥ expected, AT_RISK when progress ≥ expected − 0,25 (at most a quarter of
 *   the path behind), OFF_TRACK below that, and always OFF_TRACK once the target date has passed.
 * - NOT_ASSESSED without actual, target, or (for the path) baseline, or when baseline = target.
 */
export type ProgressStatus = 'ACHIEVED' | 'ON_TRACK' | 'AT_RISK' | 'OFF_TRACK' | 'NOT_ASSESSED';
export type Direction = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER' | 'NEUTRAL';
export type Comparator = 'EQ' | 'LT' | 'LE' | 'GT' | 'GE' | 'APPROX';

/** A value of one period of a unit's indicator: its baseline, target or an actual (GraphQL ProgressPoint). */
export interface ProgressPoint {
  periodKey: string;
  periodEnd: string;
  /** Exact decimal; null when it cannot be known (see problem). */
  value: string | null;
  comparator: Comparator;
  /** True when the value was rolled up from other units rather than recorded for this one. */
  rolledUp: boolean;
  /** NO_NUMERATOR, NO_DENOMINATOR or ZERO_DENOMINATOR for a rate that cannot be recomputed. */
  problem: string | null;
}

export interface DatedValue {
  value: string;
  /** Last day of the value's period (YYYY-MM-DD). */
  date: string;
}

export interface ProgressInput {
  direction: Direction;
  baseline: DatedValue | null;
  target: (DatedValue & { comparator: Comparator }) | null;
  actual: DatedValue | null;
}

export interface Progress {
  status: ProgressStatus;
  /** actual − target (canonical), null without both. */
  gap: string | null;
  /** Share of the planned change achieved, in % with 2 decimals. */
  percentAchieved: string | null;
  /** Share of the time elapsed, in % with 2 decimals. */
  percentElapsed: string | null;
}

const AT_RISK_MARGIN = new ExactDecimal('0.25');

/** NEUTRAL indicators take their direction from how the target is phrased ("ít nhất" → higher). */
function effectiveDirection(direction: Direction, comparator: Comparator): 'UP' | 'DOWN' | null {
  if (direction === 'HIGHER_IS_BETTER') return 'UP';
  if (direction === 'LOWER_IS_BETTER') return 'DOWN';
  if (comparator === 'GE' || comparator === 'GT') return 'UP';
  if (comparator === 'LE' || comparator === 'LT') return 'DOWN';
  return null;
}

function met(actual: InstanceType<typeof ExactDecimal>, target: InstanceType<typeof ExactDecimal>, comparator: Comparator, way: 'UP' | 'DOWN'): boolean {
  switch (comparator) {
    case 'LT':
      return actual.lt(target);
    case 'LE':
      return actual.lte(target);
    case 'GT':
      return actual.gt(target);
    case 'GE':
      return actual.gte(target);
    default:
      return way === 'UP' ? actual.gte(target) : actual.lte(target);
  }
}

function days(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86400000;
}

function percent(value: InstanceType<typeof ExactDecimal>): string {
  return toCanonical(value.times(100).toDecimalPlaces(2));
}

export function assessProgress({ direction, baseline, target, actual }: ProgressInput): Progress {
  if (!actual || !target) return { status: 'NOT_ASSESSED', gap: null, percentAchieved: null, percentElapsed: null };
  const a = new ExactDecimal(actual.value);
  const t = new ExactDecimal(target.value);
  const gap = toCanonical(a.minus(t));
  const way = effectiveDirection(direction, target.comparator);
  if (!way) return { status: 'NOT_ASSESSED', gap, percentAchieved: null, percentElapsed: null };
  const achieved = met(a, t, target.comparator, way);
  if (!baseline || new ExactDecimal(baseline.value).eq(t)) {
    return { status: achieved ? 'ACHIEVED' : 'NOT_ASSESSED', gap, percentAchieved: null, percentElapsed: null };
  }
  const b = new ExactDecimal(baseline.value);
  const progress = b.minus(a).div(b.minus(t));
  const span = days(target.date) - days(baseline.date);
  const elapsed = span <= 0 ? new ExactDecimal(1) : ExactDecimal.min(1, ExactDecimal.max(0, new ExactDecimal(days(actual.date) - days(baseline.date)).div(span)));
  const base = { gap, percentAchieved: percent(progress), percentElapsed: percent(elapsed) };
  if (achieved) return { status: 'ACHIEVED', ...base };
  if (actual.date >= target.date) return { status: 'OFF_TRACK', ...base };
  if (progress.gte(elapsed)) return { status: 'ON_TRACK', ...base };
  if (progress.gte(elapsed.minus(AT_RISK_MARGIN))) return { status: 'AT_RISK', ...base };
  return { status: 'OFF_TRACK', ...base };
}
