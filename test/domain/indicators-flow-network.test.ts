import { FlowNetwork } from '../../domain/indicators/flow-network';
import { recomputedRate, rollUpSum, type Source, type UnitGraph } from '../../domain/indicators/roll-up';

const graphOf = (sources: Record<number, Source[]>): UnitGraph => ({ sourcesOf: (id) => sources[id] ?? [] });
const all = (...ids: number[]): Source[] => ids.map((unitId) => ({ unitId, share: null, comparable: true }));
/** Values by unit index, as the server hands them over: value × 10^scale. */
const scaled = (network: FlowNetwork, values: Record<number, bigint>) => network.units.map((id) => values[id]);

describe('FlowNetwork', () => {
  // The country (0) with provinces 1 and 2 of today; old province 10 was split between them,
  // 40 % into 1 and 60 % into 2, so it is reached by two paths.
  const country = graphOf({
    0: all(1, 2),
    1: [...all(11, 12), { unitId: 10, share: '0.4', comparable: true }],
    2: [...all(21), { unitId: 10, share: '0.6', comparable: true }],
    10: all(101, 102),
  });

  it('orders each unit before the units that flow into it, the root first, and reaches every unit once', () => {
    const network = FlowNetwork.of(country, 0);
    expect(network.units[0]).toBe(0);
    expect([...network.units].sort((a, b) => a - b)).toEqual([0, 1, 2, 10, 11, 12, 21, 101, 102]);
    const at = (id: number) => network.indexOf(id)!;
    expect(at(10)).toBeGreaterThan(Math.max(at(1), at(2)));
    expect(at(101)).toBeGreaterThan(at(10));
    expect(network.indexOf(999)).toBeUndefined();
  });

  it('counts a unit reached by two paths once per path, each with its share, exactly', () => {
    const network = FlowNetwork.of(country, 0);
    // 10's communes: 50.25 + 49.75 = 100 → 40 and 60 of it; 11, 12 and 21 recorded; scale 2.
    const result = network.rollUp(scaled(network, { 101: 5025n, 102: 4975n, 11: 100n, 12: 200n, 21: 1n }), 2);
    expect(result).toEqual({ value: '103.01', missing: [], notComparable: [] });
    expect(FlowNetwork.of(country, 1).rollUp(scaled(FlowNetwork.of(country, 1), { 101: 1n, 11: 0n, 12: 0n }), 0)).toEqual({
      value: '0.4', // 40 % of one household: exact, never rounded
      missing: [102],
      notComparable: [],
    });
  });

  it('keeps the decimals of chained splits: 30 % of 50 % of 0.01', () => {
    const chain = graphOf({ 1: [{ unitId: 2, share: '0.3', comparable: true }], 2: [{ unitId: 3, share: '0.5', comparable: true }] });
    const network = FlowNetwork.of(chain, 1);
    expect(network.rollUp(scaled(network, { 3: 1n }), 2).value).toBe('0.0015');
  });

  it('lets a recorded value stand and does not read, or list as missing, what lies below it', () => {
    const network = FlowNetwork.of(country, 0);
    const result = network.rollUp(scaled(network, { 1: 7n, 2: 3n }), 0);
    expect(result).toEqual({ value: '10', missing: [], notComparable: [] });
  });

  it('gives no value, not zero, when nothing is recorded, and lists the highest empty units once', () => {
    const network = FlowNetwork.of(country, 0);
    const result = network.rollUp([], 0);
    expect(result.value).toBeNull();
    expect(result.missing).toEqual([0]); // nothing anywhere: the root itself, not each of its leaves
    // Only 11 recorded: 1 adds something up, so its empty sources are named, 10 once for its two communes.
    const partial = network.rollUp(scaled(network, { 11: 4n }), 0);
    expect(partial.missing.sort((a, b) => a - b)).toEqual([2, 10, 12]);
  });

  it('leaves out a split without a share, but still counts the units behind it as in scope', () => {
    const graph = graphOf({ 1: [...all(2), { unitId: 3, share: null, comparable: false }], 3: all(4) });
    const network = FlowNetwork.of(graph, 1);
    expect([...network.units].sort()).toEqual([1, 2, 3, 4]);
    expect(network.rollUp(scaled(network, { 2: 5n, 3: 100n, 4: 100n }), 0)).toEqual({ value: '5', missing: [], notComparable: [3] });
  });

  it('ends a cycle of bad data instead of looping, the closing link contributing nothing', () => {
    const cycle = graphOf({ 1: all(2), 2: all(1, 3) });
    const network = FlowNetwork.of(cycle, 1);
    expect(network.rollUp(scaled(network, { 3: 4n }), 0)).toEqual({ value: '4', missing: [], notComparable: [] });
  });

  it('adds beyond the 2^53 of floating point without losing a digit', () => {
    const network = FlowNetwork.of(graphOf({ 1: all(2, 3) }), 1);
    expect(network.rollUp(scaled(network, { 2: 9999999999999999n, 3: 1n }), 4).value).toBe('1000000000000');
  });

  it('agrees with the one-shot rollUpSum, which compiles a network per call', () => {
    const recorded = new Map([
      [101, '50.25'],
      [11, '1'],
      [21, '2'],
    ]);
    const network = FlowNetwork.of(country, 0);
    expect(rollUpSum(0, country, recorded)).toEqual(network.rollUp(scaled(network, { 101: 5025n, 11: 100n, 21: 200n }), 2));
  });
});

describe('recomputedRate', () => {
  const sum = (value: string | null, missing: number[] = []) => ({ value, missing, notComparable: [] });

  it('divides the two roll-ups and merges what each left out', () => {
    expect(recomputedRate(sum('3', [5]), sum('400', [5, 6]), '100', 2)).toEqual({ value: '0.75', missing: [5, 6], notComparable: [], problem: null });
  });

  it('reports rather than divides: no numerator, no denominator, zero denominator', () => {
    expect(recomputedRate(sum(null), sum('1'), '100', 2).problem).toBe('NO_NUMERATOR');
    expect(recomputedRate(sum('1'), sum(null), '100', 2).problem).toBe('NO_DENOMINATOR');
    expect(recomputedRate(sum('1'), sum('0'), '100', 2)).toMatchObject({ value: null, problem: 'ZERO_DENOMINATOR' });
  });
});
