import { entryColumnKey, indicatorEntryRules, type EntryColumn, type EntryIndicator } from '../../domain/indicators/entry-rules';

const indicator = (key: string, unit: string, extra: Partial<EntryIndicator> = {}): EntryIndicator => ({ key, unit, decimals: 0, ratio: null, balance: null, ...extra });
const YEAR = (year: number) => ({ key: String(year), start: `${year}-01-01`, end: `${year}-12-31` });
const POOR = indicator('POOR', 'HOUSEHOLDS', { balance: { plus: ['FELL_BACK', 'NEW'], minus: ['ESCAPED'] } });
const RATE = indicator('RATE', 'PERCENT', { decimals: 2, ratio: { numerator: 'POOR', denominator: 'ALL', scale: '100' } });
const col = (of: EntryIndicator, kind: EntryColumn['kind'], period: EntryColumn['period']): EntryColumn => ({ indicator: of, kind, period });

describe('indicatorEntryRules', () => {
  it('checks a stock against the end of the period just before and the flows of its period', () => {
    const columns = [col(POOR, 'ACTUAL', YEAR(2023)), ...['FELL_BACK', 'NEW', 'ESCAPED'].map((key) => col(indicator(key, 'HOUSEHOLDS'), 'ACTUAL', YEAR(2024))), col(POOR, 'ACTUAL', YEAR(2024))];
    const balance = indicatorEntryRules(columns).find((rule) => rule.kind === 'BALANCE');
    expect(balance).toEqual({
      id: 'balance:POOR:ACTUAL:2024', kind: 'BALANCE', severity: 'ERROR', axis: 'ROW', missing: 'SKIP',
      end: 'POOR:ACTUAL:2024', start: 'POOR:ACTUAL:2023', plus: ['FELL_BACK:ACTUAL:2024', 'NEW:ACTUAL:2024'], minus: ['ESCAPED:ACTUAL:2024'],
    });
  });

  it('makes no balance without every flow, without the period just before, or across kinds', () => {
    const flows = ['FELL_BACK', 'NEW', 'ESCAPED'].map((key) => col(indicator(key, 'HOUSEHOLDS'), 'ACTUAL', YEAR(2024)));
    const kinds = (columns: EntryColumn[]) => indicatorEntryRules(columns).map((rule) => rule.kind);
    expect(kinds([col(POOR, 'ACTUAL', YEAR(2023)), ...flows.slice(0, 2), col(POOR, 'ACTUAL', YEAR(2024))])).not.toContain('BALANCE');
    expect(kinds([col(POOR, 'ACTUAL', YEAR(2022)), ...flows, col(POOR, 'ACTUAL', YEAR(2024))])).not.toContain('BALANCE');
    expect(kinds([col(POOR, 'TARGET', YEAR(2023)), ...flows, col(POOR, 'ACTUAL', YEAR(2024))])).not.toContain('BALANCE');
  });

  it('checks a rate against its numerator and denominator of the same kind and period, to half its last decimal', () => {
    const columns = [col(POOR, 'TARGET', YEAR(2025)), col(indicator('ALL', 'HOUSEHOLDS'), 'TARGET', YEAR(2025)), col(RATE, 'TARGET', YEAR(2025)), col(RATE, 'ACTUAL', YEAR(2025))];
    const rules = indicatorEntryRules(columns);
    expect(rules.filter((rule) => rule.kind === 'RATIO')).toEqual([
      { id: 'ratio:RATE:TARGET:2025', kind: 'RATIO', severity: 'ERROR', axis: 'ROW', missing: 'SKIP', rate: 'RATE:TARGET:2025', numerator: 'POOR:TARGET:2025', denominator: 'ALL:TARGET:2025', scale: '100', tolerance: '0.005' },
    ]);
    expect(rules.find((rule) => rule.id === 'percent-range')).toMatchObject({ kind: 'RANGE', min: '0', max: '100', columns: ['RATE:TARGET:2025', 'RATE:ACTUAL:2025'] });
    expect(rules.find((rule) => rule.id === 'non-negative')).toMatchObject({ columns: ['POOR:TARGET:2025', 'ALL:TARGET:2025'] });
  });

  it('lets percentage-point changes be negative, within ±100', () => {
    const rules = indicatorEntryRules([col(indicator('DROP', 'PERCENTAGE_POINTS', { decimals: 2 }), 'TARGET', YEAR(2024))]);
    expect(rules).toEqual([{ id: 'points-range', kind: 'RANGE', severity: 'ERROR', min: '-100', max: '100', columns: [entryColumnKey('DROP', 'TARGET', '2024')] }]);
  });
});
