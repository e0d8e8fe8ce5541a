import { ExactDecimal, toCanonical } from '../exact-decimal';
import type { UnitGraph } from '../indicators/roll-up';

export interface Contributions {
  /** Round unit → the share (canonical decimal, "1" for most) of its report that belongs to the root. */
  shares: Map<number, string>;
  /** Units left out because a split on the way has no known share (never guessed). */
  notComparable: number[];
}

/**
 * Which reporting units' figures make up a root unit's, and in what share, walking the same kind of
 * unit graph as the indicator roll-ups (domain/indicators/roll-up.ts): sources are child units and,
 * across a reorganisation, predecessors with their split share. A unit reached along two paths adds
 * the shares of both; a walk stops at a reporting unit, and a link back into the current path (bad
 * data) contributes nothing.
 */
export function contributionShares(graph: UnitGraph, rootId: number, isReporting: (unitId: number) => boolean): Contributions {
  const shares = new Map<number, InstanceType<typeof ExactDecimal>>();
  const notComparable = new Set<number>();
  const onPath = new Set<number>();
  const walk = (unitId: number, share: InstanceType<typeof ExactDecimal>) => {
    if (unitId !== rootId && isReporting(unitId)) {
      shares.set(unitId, (shares.get(unitId) ?? new ExactDecimal(0)).plus(share));
      return;
    }
    onPath.add(unitId);
    for (const source of graph.sourcesOf(unitId)) {
      if (onPath.has(source.unitId)) continue;
      if (!source.comparable) notComparable.add(source.unitId);
      else walk(source.unitId, source.share === null ? share : share.times(source.share));
    }
    onPath.delete(unitId);
  };
  walk(rootId, new ExactDecimal(1));
  return { shares: new Map([...shares].map(([id, share]) => [id, toCanonical(share)])), notComparable: [...notComparable] };
}
