import type { Source } from '../../domain/indicators/roll-up';
import { consolidatedSnapshot } from '../../domain/reporting/consolidated-figures';
import { contributionShares } from '../../domain/reporting/contribution-shares';
import { countReports, daysLate } from '../../domain/reporting/completeness';
import { parsePeriodKey } from '../../domain/reporting/period-key';
import type { Rule } from '../../domain/rules';
import type { TableColumn, TableRow } from '../../domain/table-model';

describe('period keys', () => {
  it.each([
    ['2025', 'YEAR', '2025-01-01', '2025-12-31'],
    ['2025-H1', 'HALF_YEAR', '2025-01-01', '2025-06-30'],
    ['2024-Q1', 'QUARTER', '2024-01-01', '2024-03-31'],
    ['2024-02', 'MONTH', '2024-02-01', '2024-02-29'],
  ] as const)('%s (%s) runs from %s to %s', (key, type, startsOn, endsOn) => {
    expect(parsePeriodKey(key, type)).toMatchObject({ ok: true, period: { startsOn, endsOn } });
  });

  it.each([
    ['2025-H1', 'YEAR'],
    ['2025', 'HALF_YEAR'],
    ['2025-H3', 'HALF_YEAR'],
    ['2025-Q5', 'QUARTER'],
    ['2025-13', 'MONTH'],
  ] as const)('refuses %s for %s, in both languages', (key, type) => {
    const result = parsePeriodKey(key, type);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.messageVi).toContain(key);
      expect(result.messageEn).toContain(key);
    }
  });
});

describe('completeness and timeliness', () => {
  it('counts received and on-time reports against the expected ones', () => {
    const counts = countReports([
      { state: 'APPROVED', daysLate: null },
      { state: 'SUBMITTED', daysLate: 3 },
      { state: 'DRAFT', daysLate: 5 },
    ]);
    expect(counts).toMatchObject({ expected: 3, received: 2, onTime: 1, late: 2, completenessPercent: '66.7', timelinessPercent: '33.3' });
  });

  it('a report is late by the days past the deadline of today, or of its submission', () => {
    expect(daysLate('DRAFT', '2025-06-15', '2025-06-20', null)).toBe(5);
    expect(daysLate('SUBMITTED', '2025-06-15', '2025-06-20', '2025-06-15')).toBeNull();
    expect(daysLate('APPROVED', '2025-06-15', '2025-07-01', '2025-06-17')).toBe(2);
    expect(daysLate('NOT_STARTED', '2025-06-15', '2025-06-15', null)).toBeNull();
  });
});

describe('contribution shares', () => {
  const graph = (links: Record<number, Source[]>) => ({ sourcesOf: (id: number) => links[id] ?? [] });
  const source = (unitId: number, share: string | null = null, comparable = true): Source => ({ unitId, share, comparable });

  it('follows children and predecessors, multiplying split shares, adding the shares of two paths', () => {
    // 1 ← 2 (child) ← 10, 11 (reporting); 1 ← 3 (merged predecessor) ← 12; 12 also reached via 2 with a 0.4 split.
    const shares = contributionShares(graph({ 1: [source(2), source(3)], 2: [source(10), source(11), source(12, '0.4')], 3: [source(12, '0.6')] }), 1, (id) => id >= 10);
    expect(Object.fromEntries(shares.shares)).toEqual({ 10: '1', 11: '1', 12: '1' });
    const part = contributionShares(graph({ 1: [source(12, '0.25')], 5: [] }), 1, (id) => id >= 10);
    expect(part.shares.get(12)).toBe('0.25');
  });

  it('leaves out a split without a known share, and survives a cycle', () => {
    const result = contributionShares(graph({ 1: [source(2), source(13, null, false)], 2: [source(1), source(10)] }), 1, (id) => id >= 10);
    expect([...result.shares.keys()]).toEqual([10]);
    expect(result.notComparable).toEqual([13]);
  });
});

describe('consolidated figures', () => {
  const columns: TableColumn[] = [
    { key: 'poor', label: 'Hộ nghèo', publishedNumber: '1', type: 'COUNT', scale: 0, editable: true },
    { key: 'households', label: 'Tổng số hộ', publishedNumber: '2', type: 'COUNT', scale: 0, editable: true },
    { key: 'rate', label: 'Tỷ lệ hộ nghèo (%)', publishedNumber: '3', type: 'RATE', scale: 2, editable: true },
    { key: 'other-rate', label: 'Tỷ lệ khác', publishedNumber: '4', type: 'RATE', scale: 2, editable: true },
  ];
  const rows: TableRow[] = [
    { key: 'a', publishedNumber: '1', label: 'Xã A', level: 0, parentKey: null, kind: 'ITEM', editable: true, computed: false },
    { key: 'b', publishedNumber: '2', label: 'Xã B', level: 0, parentKey: null, kind: 'ITEM', editable: true, computed: false },
  ];
  const ratio: Rule = { id: 'poverty-rate', kind: 'RATIO', severity: 'ERROR', axis: 'ROW', rate: 'rate', numerator: 'poor', denominator: 'households', scale: '100', tolerance: '0.01' };

  it('recomputes rates from the summed numerator and denominator, never adds them, and keeps empty cells empty', () => {
    const sums = new Map([
      ['a\u0000poor', '37'],
      ['a\u0000households', '1200'],
      ['a\u0000rate', '9.5'], // a sum of rates: meaningless, replaced
      ['a\u0000other-rate', '7'],
      ['b\u0000poor', '4'],
      ['b\u0000households', '0'],
    ]);
    const { snapshot, rates } = consolidatedSnapshot(columns, rows, sums, [ratio]);
    expect(snapshot.value('a', 'rate')).toBe('3.08');
    expect(snapshot.value('a', 'other-rate')).toBeNull();
    expect(snapshot.value('b', 'rate')).toBeNull();
    expect(snapshot.value('b', 'poor')).toBe('4');
    expect(rates).toEqual(
      expect.arrayContaining([
        { rowKey: 'a', columnKey: 'rate', value: '3.08', ruleId: 'poverty-rate', problem: null },
        { rowKey: 'a', columnKey: 'other-rate', value: null, ruleId: null, problem: 'NOT_ADDITIVE' },
        { rowKey: 'b', columnKey: 'rate', value: null, ruleId: 'poverty-rate', problem: 'ZERO_DENOMINATOR' },
      ]),
    );
  });
});
