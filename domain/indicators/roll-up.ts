import { ExactDecimal, toCanonical } from '../exact-decimal';
import { commonScale, toScaled } from '../scaled-integer';
import { FlowNetwork } from './flow-network';

/**
 * Rolling indicator values up the administrative hierarchy, with the same reading of empty as
 * the tables: a unit's own recorded value stands; without one, its value is the sum of what flows
 * into it (its child units and, across a reorganisation, its predecessors); missing is not zero.
 *
 * A predecessor split between several successors passes on only its share; a split without a known
 * share is not comparable and is reported, never guessed. Rates are never added or averaged: they
 * are recomputed from their numerator and denominator roll-ups.
 */
export interface Source {
  unitId: number;
  /** Share (0..1, canonical decimal) of the source that flows here; null: all of it. */
  share: string | null;
  /** False for a split whose share is unknown. */
  comparable: boolean;
}

export interface UnitGraph {
  sourcesOf(unitId: number): readonly Source[];
}

export interface RollUp {
  value: string | null;
  /** The highest units with nothing recorded, themselves or below, where a value was needed. */
  missing: number[];
  notComparable: number[];
}

/** One root, one set of values; a roll-up of many sets compiles one FlowNetwork and reuses it. */
export function rollUpSum(unitId: number, graph: UnitGraph, recorded: ReadonlyMap<number, string>): RollUp {
  const network = FlowNetwork.of(graph, unitId);
  const scale = commonScale(recorded.values());
  return network.rollUp(
    network.units.map((id) => {
      const value = recorded.get(id);
      return value === undefined ? undefined : toScaled(value, scale);
    }),
    scale,
  );
}

export interface RateRollUp extends RollUp {
  /** Why no rate could be computed: a missing or zero denominator is reported, never divided by. */
  problem: 'NO_NUMERATOR' | 'NO_DENOMINATOR' | 'ZERO_DENOMINATOR' | null;
}

/** A rate for a unit: its own recorded rate, else Σ numerator ÷ Σ denominator × scale. */
export function rollUpRate(
  unitId: number,
  graph: UnitGraph,
  recordedRate: ReadonlyMap<number, string>,
  numerators: ReadonlyMap<number, string>,
  denominators: ReadonlyMap<number, string>,
  scale: string,
  decimals: number,
): RateRollUp {
  const own = recordedRate.get(unitId);
  if (own !== undefined) return { value: own, missing: [], notComparable: [], problem: null };
  return recomputedRate(rollUpSum(unitId, graph, numerators), rollUpSum(unitId, graph, denominators), scale, decimals);
}

/** Σ numerator ÷ Σ denominator × scale, rounded to the rate's decimals, from the two roll-ups of one unit. */
export function recomputedRate(numerator: RollUp, denominator: RollUp, scale: string, decimals: number): RateRollUp {
  const missing = [...new Set([...numerator.missing, ...denominator.missing])];
  const notComparable = [...new Set([...numerator.notComparable, ...denominator.notComparable])];
  const fail = (problem: RateRollUp['problem']): RateRollUp => ({ value: null, missing, notComparable, problem });
  if (numerator.value === null) return fail('NO_NUMERATOR');
  if (denominator.value === null) return fail('NO_DENOMINATOR');
  if (new ExactDecimal(denominator.value).isZero()) return fail('ZERO_DENOMINATOR');
  const rate = new ExactDecimal(numerator.value).div(denominator.value).times(scale).toDecimalPlaces(decimals);
  return { value: toCanonical(rate), missing, notComparable, problem: null };
}
