import type { EntityManager } from '@mikro-orm/postgresql';
import { FlowNetwork } from '../../domain/indicators/flow-network';
import type { Source, UnitGraph } from '../../domain/indicators/roll-up';
import { readIntegers } from './aggregated-lists';

/** Entry of the successions' share list for a merge, and for a split whose share the sources do not give. */
const MERGE = '';
const UNKNOWN_SHARE = 'x';

/**
 * The whole country, as a unit of the graph that no record has: what flows into it is every top-level
 * unit of the date. Unit ids are serial and start at 1, so 0 is free.
 */
export const NATION = 0;

/** Where a unit stands on the date: not yet formed (F), existing (C), or of the past (P). */
type Era = 'F' | 'C' | 'P';

/** How many dates, and flow networks per date, a database's cache keeps (the oldest goes first). */
const DATES_KEPT = 16;
const NETWORKS_KEPT = 256;

/** How a unit of the graph flows into another: as its child, or as a whole predecessor merged into it. */
interface Links {
  sources: ReadonlyMap<number, readonly Source[]>;
  children: ReadonlyMap<number, readonly number[]>;
  mergedFrom: ReadonlyMap<number, readonly number[]>;
  eras: ReadonlyMap<number, Era>;
  /** Units that are the parent of any unit, on any date. */
  parents: ReadonlySet<number>;
}

/** The unit graph of one date, with the flow networks compiled on it kept for the next roll-up. */
export class DatedUnitGraph implements UnitGraph {
  private readonly networks = new Map<number, FlowNetwork>();
  private readonly sources: Links['sources'];

  constructor(private readonly links: Links) {
    this.sources = links.sources;
  }

  sourcesOf(unitId: number): readonly Source[] {
    return this.sources.get(unitId) ?? [];
  }

  /** The flow network into a unit (NATION: the whole country). */
  network(rootId: number): FlowNetwork {
    let network = this.networks.get(rootId);
    if (!network) {
      network = FlowNetwork.of(this, rootId);
      keep(this.networks, rootId, network, NETWORKS_KEPT);
    }
    return network;
  }

  /**
   * The units a unit breaks down into on the date, so that their figures add up to its own: its children that
   * flow into it — those of the date and, of the past, the communes and those that something still flows into
   * (an abolished district carrying the communes the sources map nowhere) — and, through each predecessor merged whole into
   * it (an old province into today's), that predecessor's such children.
   */
  breakdownOf(unitId: number, merged = new Set<number>()): number[] {
    const { children, eras, parents } = this.links;
    const listed = (children.get(unitId) ?? []).filter((child) => eras.get(child) !== 'P' || !parents.has(child) || this.sourcesOf(child).length > 0);
    for (const predecessor of this.links.mergedFrom.get(unitId) ?? []) {
      if (merged.has(predecessor)) continue;
      merged.add(predecessor);
      listed.push(...this.breakdownOf(predecessor, merged));
    }
    return listed;
  }
}

function keep<K, V>(map: Map<K, V>, key: K, value: V, limit: number): void {
  if (map.size >= limit) map.delete(map.keys().next().value!);
  map.set(key, value);
}

/**
 * Per database (the configuration every EntityManager fork of one ORM shares): the graphs of the dates
 * asked, valid while the units' version is the one they were read with. Units and successions change only
 * by the seed and by direct SQL (tests); the version changes with them, whoever writes them.
 */
const cached = new WeakMap<object, { version: string; byDate: Map<string, DatedUnitGraph> }>();

/**
 * The unit graph on `asOf` (see readUnitGraph), read again only when units or successions changed: reading
 * and compiling it took a province's roll-up 40 ms of its 270. One small query checks the version.
 */
export async function unitGraphAsOf(em: EntityManager, asOf: string): Promise<DatedUnitGraph> {
  const [{ version }]: { version: string }[] = await em.execute(`select version::text as version from unit_graph_version where id = 1`);
  let cache = cached.get(em.config);
  if (cache?.version !== version) {
    cache = { version, byDate: new Map() };
    cached.set(em.config, cache);
  }
  const known = cache.byDate.get(asOf);
  if (known) return known;
  const read = await readUnitGraph(em, asOf);
  // Changed between the two reads: answered, not kept (the next call reads the new version).
  if (read.version === version) keep(cache.byDate, asOf, read.graph, DATES_KEPT);
  return read.graph;
}

/**
 * What flows into each unit on `asOf`: its child units of that date, the units it was formed from by
 * reorganisations in force by then, and its children of the past that no succession carries. Each unit of
 * the past thus flows on by one way only: into its successors when it has any, else into its parent —
 * whether that parent is of the past (a merged province's districts) or still exists (the abolished
 * districts of a province that was not merged, which carry the communes the sources map nowhere).
 * Units not yet formed on the date flow into no unit of the date. Splits pass their share, or are not
 * comparable without one. NATION, which exists on every date, is the parent of the top-level units: it
 * gathers those of the date, and those of the past reach it through their successors.
 *
 * The units and the successions come as lists in one row (id, parent, era on the date; predecessor,
 * successor, share): fourteen thousand units as rows, or ten thousand successions as JSON, took longer than
 * the roll-up of a province. The units' version comes in the same statement, so from the same snapshot.
 */
export async function readUnitGraph(em: EntityManager, asOf: string): Promise<{ graph: DatedUnitGraph; version: string }> {
  const [lists]: Record<'ids' | 'parents' | 'eras' | 'predecessors' | 'successors' | 'shares' | 'version', string | null>[] = await em.execute(
    `select u.*, s.*, (select version::text from unit_graph_version where id = 1) as version
       from (select string_agg(id::text, ',') as ids, string_agg(coalesce(parent_id, ${NATION})::text, ',') as parents,
                    string_agg(case when valid_from > ?::date then 'F' when valid_to < ?::date then 'P' else 'C' end, '') as eras
               from administrative_unit) u,
            (select string_agg(predecessor_id::text, ',') as predecessors, string_agg(successor_id::text, ',') as successors,
                    string_agg(case when kind <> 'SPLIT' then '${MERGE}' else coalesce(trim_scale(share)::text, '${UNKNOWN_SHARE}') end, ',') as shares
               from unit_succession where effective_on <= ?::date) s`,
    [asOf, asOf, asOf],
  );
  const ids = readIntegers(lists.ids);
  const parents = readIntegers(lists.parents);
  const eras = new Map<number, Era>([[NATION, 'C']]);
  ids.forEach((id, index) => eras.set(id, lists.eras![index] as Era));
  const predecessors = readIntegers(lists.predecessors);
  const successors = readIntegers(lists.successors);
  const shares = lists.shares === null ? [] : lists.shares.split(',');
  const sources = new Map<number, Source[]>();
  const children = new Map<number, number[]>();
  const mergedFrom = new Map<number, number[]>();
  const add = <T>(links: Map<number, T[]>, to: number, link: T) => {
    if (!links.has(to)) links.set(to, []);
    links.get(to)!.push(link);
  };
  const succeeded = new Set(predecessors);
  ids.forEach((id, index) => {
    if (eras.get(id) === 'F' && eras.get(parents[index]) === 'C') return;
    // A second way (old commune → old province → new province beside old commune → new commune → new province) would count it twice.
    if (eras.get(id) === 'P' && succeeded.has(id)) return;
    add(sources, parents[index], { unitId: id, share: null, comparable: true });
    add(children, parents[index], id);
  });
  predecessors.forEach((predecessor, index) => {
    const share = shares[index];
    add(sources, successors[index], { unitId: predecessor, share: share === MERGE || share === UNKNOWN_SHARE ? null : share, comparable: share !== UNKNOWN_SHARE });
    if (share === MERGE) add(mergedFrom, successors[index], predecessor);
  });
  return { graph: new DatedUnitGraph({ sources, children, mergedFrom, eras, parents: new Set(parents) }), version: lists.version! };
}
