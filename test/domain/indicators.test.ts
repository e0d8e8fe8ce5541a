import { assessProgress } from '../../domain/indicators/progress';
import { rollUpRate, rollUpSum, type Source, type UnitGraph } from '../../domain/indicators/roll-up';

describe('assessProgress', () => {
  const canTho = {
    direction: 'LOWER_IS_BETTER' as const,
    baseline: { value: '0.8', date: '2021-12-31' },
    target: { value: '0.15', date: '2025-12-31', comparator: 'LT' as const },
  };

  it('puts Cần Thơ\'s 0,21 % at the end of 2023 on track for "below 0,15 % by 2025" from 0,80 %', () => {
    expect(assessProgress({ ...canTho, actual: { value: '0.21', date: '2023-12-31' } })).toEqual({
      status: 'ON_TRACK',
      gap: '0.06',
      percentAchieved: '90.77', // (0,80 − 0,21) / (0,80 − 0,15)
      percentElapsed: '49.97', // 2 of 4 years: 730 of 1461 days (2024 is a leap year)
    });
  });

  it('reads the comparator: "below 0,15" is not met by 0,15', () => {
    expect(assessProgress({ ...canTho, actual: { value: '0.15', date: '2024-12-31' } }).status).toBe('ON_TRACK');
    expect(assessProgress({ ...canTho, actual: { value: '0.14', date: '2024-12-31' } }).status).toBe('ACHIEVED');
    expect(assessProgress({ ...canTho, target: { ...canTho.target, comparator: 'LE' }, actual: { value: '0.15', date: '2024-12-31' } }).status).toBe('ACHIEVED');
  });

  it('is at risk up to a quarter of the path behind, off track beyond, and off track once the date has passed', () => {
    // Half the time elapsed (2023-12-31), progress 30 % → at risk; 20 % → off track.
    const at = (value: string, date = '2023-12-31') => assessProgress({ ...canTho, actual: { value, date } }).status;
    expect(at('0.605')).toBe('AT_RISK'); // progress 30 %
    expect(at('0.67')).toBe('OFF_TRACK'); // progress 20 %
    expect(at('0.9')).toBe('OFF_TRACK'); // wrong way
    expect(at('0.2', '2025-12-31')).toBe('OFF_TRACK');
  });

  it('handles higher-is-better, neutral indicators by the target\'s wording, and missing inputs', () => {
    const houses = { direction: 'HIGHER_IS_BETTER' as const, baseline: { value: '0', date: '2021-12-31' }, target: { value: '2109', date: '2025-12-31', comparator: 'GE' as const } };
    expect(assessProgress({ ...houses, actual: { value: '610', date: '2023-12-31' } })).toMatchObject({ status: 'AT_RISK', gap: '-1499', percentAchieved: '28.92' });
    expect(assessProgress({ ...houses, actual: { value: '2109', date: '2023-12-31' } }).status).toBe('ACHIEVED');
    expect(assessProgress({ ...houses, direction: 'NEUTRAL', actual: { value: '1200', date: '2023-12-31' } }).status).toBe('ON_TRACK');
    expect(assessProgress({ ...houses, actual: null })).toEqual({ status: 'NOT_ASSESSED', gap: null, percentAchieved: null, percentElapsed: null });
    expect(assessProgress({ ...houses, baseline: null, actual: { value: '10', date: '2023-12-31' } })).toMatchObject({ status: 'NOT_ASSESSED', gap: '-2099' });
  });
});

describe('roll-ups', () => {
  // Province 1 with districts 2 and 3; district 3 has communes 4 and 5. Province 10 was merged
  // into province 1; province 20 was split, 40 % of it into province 1, and 30 has an unknown share.
  const sources: Record<number, Source[]> = {
    1: [
      { unitId: 2, share: null, comparable: true },
      { unitId: 3, share: null, comparable: true },
      { unitId: 10, share: null, comparable: true },
      { unitId: 20, share: '0.4', comparable: true },
      { unitId: 30, share: null, comparable: false },
    ],
    3: [
      { unitId: 4, share: null, comparable: true },
      { unitId: 5, share: null, comparable: true },
    ],
  };
  const graph: UnitGraph = { sourcesOf: (id) => sources[id] ?? [] };

  it('adds counts up, takes a unit\'s own value where recorded, applies split shares and lists what is missing or not comparable', () => {
    const recorded = new Map([
      [2, '100'],
      [4, '7'],
      [10, '1000'],
      [20, '50'],
      [30, '999'],
    ]);
    expect(rollUpSum(1, graph, recorded)).toEqual({ value: '1127', missing: [5], notComparable: [30] });
    expect(rollUpSum(1, graph, new Map([[1, '5'], [2, '100']]))).toEqual({ value: '5', missing: [], notComparable: [] });
  });

  it('empty is not zero: nothing recorded anywhere gives no value, not 0', () => {
    expect(rollUpSum(3, graph, new Map()).value).toBeNull();
    expect(rollUpSum(3, graph, new Map()).missing).toEqual([3]); // the highest empty unit, not each leaf below it
  });

  it('recomputes rates from numerators and denominators instead of averaging them', () => {
    const rates = new Map([[2, '50'], [4, '1']]); // averaging would give 25.5
    const poor = new Map([[2, '10'], [4, '1'], [5, '1']]);
    const households = new Map([[2, '20'], [4, '100'], [5, '80']]);
    const local: UnitGraph = { sourcesOf: (id) => (id === 1 ? sources[1].slice(0, 2) : sources[id] ?? []) };
    expect(rollUpRate(1, local, rates, poor, households, '100', 2)).toEqual({ value: '6', missing: [], notComparable: [], problem: null });
    expect(rollUpRate(2, local, rates, poor, households, '100', 2).value).toBe('50');
  });

  it('reports a missing or zero denominator instead of dividing by it', () => {
    const local: UnitGraph = { sourcesOf: (id) => (id === 3 ? sources[3] : []) };
    expect(rollUpRate(3, local, new Map(), new Map([[4, '1']]), new Map(), '100', 2)).toMatchObject({ value: null, problem: 'NO_DENOMINATOR' });
    expect(rollUpRate(3, local, new Map(), new Map([[4, '1']]), new Map([[4, '0'], [5, '0']]), '100', 2)).toMatchObject({ value: null, problem: 'ZERO_DENOMINATOR' });
  });
});
