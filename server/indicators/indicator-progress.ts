import type { EntityManager } from '@mikro-orm/postgresql';
import { assessProgress, type Comparator, type Progress } from '../../domain/indicators/progress';
import { rollUpRate, rollUpSum, type RollUp, type UnitGraph } from '../../domain/indicators/roll-up';
import { pgArray } from '../db/numeric';
import { IndicatorAggregation, type Indicator } from '../entities';
import { reachable, unitGraphAsOf } from './unit-graph';

export interface ProgressPoint {
  periodKey: string;
  periodEnd: string;
  value: string | null;
  comparator: Comparator;
  /** True when the value was rolled up from other units rather than recorded for this one. */
  rolledUp: boolean;
  problem: string | null;
}

export interface IndicatorProgressResult extends Progress {
  indicatorKey: string;
  baseline: ProgressPoint | null;
  target: ProgressPoint | null;
  actual: ProgressPoint | null;
  /** Actuals over time, oldest first. */
  series: ProgressPoint[];
  unitsWithoutData: number[];
  notComparableUnits: number[];
}

interface ValueRecord {
  indicator_id: number;
  unit_id: number;
  period_key: string;
  period_end: string;
  kind: 'BASELINE' | 'TARGET' | 'ACTUAL';
  value: string;
  comparator: Comparator;
}

type Slot = Map<number, ValueRecord>;

/** Values by indicator → kind → period, each a map unit → record (a later record replaces an earlier one). */
function index(records: ValueRecord[]): Map<string, Slot> {
  const slots = new Map<string, Slot>();
  for (const record of records) {
    const key = `${record.indicator_id}|${record.kind}|${record.period_key}`;
    if (!slots.has(key)) slots.set(key, new Map());
    slots.get(key)!.set(record.unit_id, record);
  }
  return slots;
}

function values(slot: Slot | undefined): Map<number, string> {
  return new Map([...(slot ?? new Map<number, ValueRecord>()).entries()].map(([unit, record]) => [unit, record.value]));
}

/**
 * Baseline, target and actuals of indicators for a unit on `asOf`, each recorded for the unit or
 * rolled up from the units that flow into it; then the progress on the path from baseline to the
 * furthest target.
 */
export async function indicatorProgress(em: EntityManager, unitId: number, indicators: Indicator[], asOf: string, range: { from: string | null; to: string | null }): Promise<IndicatorProgressResult[]> {
  const graph = await unitGraphAsOf(em, asOf);
  const scope = reachable(graph, unitId);
  const needed = new Set<number>();
  for (const indicator of indicators) {
    needed.add(indicator.id);
    if (indicator.numerator) needed.add(indicator.numerator.id);
    if (indicator.denominator) needed.add(indicator.denominator.id);
  }
  const records: ValueRecord[] = await em.execute(
    `select v.indicator_id, v.unit_id, p.key as period_key, to_char(p.ends_on, 'YYYY-MM-DD') as period_end, v.kind,
            trim_scale(v.value)::text as value, v.comparator
       from indicator_value v join period p on p.id = v.period_id
      where v.unit_id = any(?::int[]) and v.indicator_id = any(?::int[])
        and (?::date is null or p.starts_on >= ?::date) and (?::date is null or p.ends_on <= ?::date)
      order by v.id`,
    [pgArray(scope), pgArray([...needed]), range.from, range.from, range.to, range.to],
  );
  const slots = index(records);
  const periods = new Map(records.map((record) => [record.period_key, record.period_end]));
  return indicators.map((indicator) => progressOf(indicator, unitId, graph, slots, periods));
}

function progressOf(indicator: Indicator, unitId: number, graph: UnitGraph, slots: Map<string, Slot>, periods: Map<string, string>): IndicatorProgressResult {
  const missing = new Set<number>();
  const notComparable = new Set<number>();
  const point = (kind: ValueRecord['kind'], periodKey: string): ProgressPoint | null => {
    const slot = slots.get(`${indicator.id}|${kind}|${periodKey}`);
    const own = slot?.get(unitId);
    if (!own && indicator.aggregation === IndicatorAggregation.NONE) return null; // recorded for other units only; does not add up
    let result: RollUp & { problem?: string | null };
    if (own) {
      result = { value: own?.value ?? null, missing: [], notComparable: [] };
    } else if (indicator.aggregation === IndicatorAggregation.RATIO && indicator.numerator && indicator.denominator) {
      const part = (id: number) => values(slots.get(`${id}|${kind}|${periodKey}`));
      result = rollUpRate(unitId, graph, values(slot), part(indicator.numerator.id), part(indicator.denominator.id), indicator.ratioScale ?? '1', indicator.decimals);
    } else {
      result = rollUpSum(unitId, graph, values(slot));
    }
    if (!slot && result.value === null && !result.problem) return null;
    result.missing.forEach((id) => missing.add(id));
    result.notComparable.forEach((id) => notComparable.add(id));
    const comparators = new Set([...(slot?.values() ?? [])].map((record) => record.comparator));
    return {
      periodKey,
      periodEnd: periods.get(periodKey)!,
      value: result.value,
      comparator: own?.comparator ?? (comparators.size === 1 ? [...comparators][0] : 'EQ'),
      rolledUp: !own && result.value !== null,
      problem: result.problem ?? null,
    };
  };
  const byEnd = (a: ProgressPoint, b: ProgressPoint) => a.periodEnd.localeCompare(b.periodEnd) || a.periodKey.localeCompare(b.periodKey);
  // Points of the periods that have any record of this kind, in the unit's scope; a point may carry
  // no value and a problem instead (a rate without denominator).
  const points = (kind: ValueRecord['kind']) =>
    [...periods.keys()]
      .filter((key) => slots.has(`${indicator.id}|${kind}|${key}`))
      .map((key) => point(kind, key))
      .filter((p): p is ProgressPoint => p !== null)
      .sort(byEnd);
  const series = points('ACTUAL');
  const baselines = points('BASELINE');
  const targets = points('TARGET');
  const baseline = baselines[0] ?? null;
  const target = targets[targets.length - 1] ?? null; // the furthest goal: "are we on track for it?"
  const actual = series[series.length - 1] ?? null;
  const dated = (p: ProgressPoint | null) => (p && p.value !== null ? { value: p.value, date: p.periodEnd } : null);
  const progress = assessProgress({
    direction: indicator.direction,
    baseline: dated(baseline),
    target: target && target.value !== null ? { value: target.value, date: target.periodEnd, comparator: target.comparator } : null,
    actual: dated(actual),
  });
  return { indicatorKey: indicator.key, ...progress, baseline, target, actual, series, unitsWithoutData: [...missing], notComparableUnits: [...notComparable] };
}
