/**
 * The indicator report's layout, pure: a hand-made indicatorProgress answer → the sheet's operations,
 * applied to the in-memory workbook to read what a person would see.
 */
import { MAX_CHART_UNITS, REPORT_COLUMNS, STATUSES, STATUS_FILL, reportOperations, seriesPeriods, statusText, type ReportInput } from '../../domain/indicators/indicator-report';
import { reportQueryFromForm } from '../../domain/indicators/report-query';
import type { ProgressEntry, ProgressPoint } from '../../addin/src/api/types';
import { MemoryBook } from './support/memory-book';

const point = (periodKey: string, value: string | null, extra: Partial<ProgressPoint> = {}): ProgressPoint => ({
  periodKey,
  periodEnd: `${periodKey.slice(-4)}-12-31`,
  value,
  comparator: 'EQ',
  rolledUp: false,
  problem: null,
  ...extra,
});

const RATE = { key: 'POOR_HOUSEHOLD_RATE', name: 'Tỷ lệ hộ nghèo', nameEn: 'Poor-household rate', unit: 'PERCENT' };
const canTho = { id: '1', name: 'Thành phố Cần Thơ', code: '92' };
const ninhKieu = { id: '2', name: 'Quận Ninh Kiều', code: '916' };

const entries: ProgressEntry[] = [
  {
    indicator: RATE,
    unit: canTho,
    status: 'ON_TRACK',
    gap: '0.06',
    percentAchieved: '90.77',
    percentElapsed: '60',
    baseline: point('2021', '0.8'),
    target: point('2021-2025', '0.15', { comparator: 'LT', periodEnd: '2025-12-31' }),
    actual: point('2023', '0.21'),
    series: [point('2023', '0.21'), point('2022', '0.5')],
    unitsWithoutData: [],
    notComparableUnits: [],
  },
  {
    // Nothing recorded: every figure empty, not zero.
    indicator: RATE,
    unit: ninhKieu,
    status: 'NOT_ASSESSED',
    gap: null,
    percentAchieved: null,
    percentElapsed: null,
    baseline: point('2021', null, { problem: 'NO_DENOMINATOR', rolledUp: true }),
    target: null,
    actual: null,
    series: [],
    unitsWithoutData: [{ name: 'Phường An Hòa' }],
    notComparableUnits: [],
  },
  {
    // A gap of exactly zero is a zero; a value with more digits than a double keeps stays exact as text.
    indicator: { key: 'POOR_HOUSEHOLDS', name: 'Số hộ nghèo', nameEn: 'Poor households', unit: 'HOUSEHOLDS' },
    unit: canTho,
    status: 'ACHIEVED',
    gap: '0',
    percentAchieved: '100',
    percentElapsed: '100',
    baseline: point('2021', '2901'),
    target: point('2021-2025', '12345678901234567.5', { comparator: 'LE', periodEnd: '2025-12-31' }),
    actual: point('2023', '558'),
    series: [point('2023', '558')],
    unitsWithoutData: [],
    notComparableUnits: [],
  },
];

const input = (lang: 'vi' | 'en' = 'vi', list = entries): ReportInput => ({
  query: { unitId: '1', indicatorKeys: ['POOR_HOUSEHOLD_RATE', 'POOR_HOUSEHOLDS'], asOf: '2024-06-30', from: null, to: null, breakdown: 'CHILDREN' },
  entries: list,
  pulledAt: '2026-11-29T23:00:00.000Z',
  serverUrl: 'https://planbridge.example',
  lang,
});

function written(report: ReturnType<typeof reportOperations>) {
  const book = new MemoryBook(['Báo cáo']);
  const sheet = book.sheet('Báo cáo');
  for (const op of report.ops) book.applyOp(sheet, op);
  return { book, get: (address: string) => book.get('Báo cáo', address), cell: (address: string) => book.cellAt('Báo cáo', address) };
}

describe('indicator report layout', () => {
  it('writes title, headers and one row per unit × indicator with numbers, periods and status', () => {
    const report = reportOperations(input());
    const { get, cell } = written(report);
    expect(get('A1')).toBe('Báo cáo chỉ tiêu — Thành phố Cần Thơ');
    expect(get('A2')).toBe('Đơn vị hành chính ngày 30/06/2024 · Phạm vi: và các đơn vị trực thuộc');
    expect(String(get('A3'))).toContain('Chỉ đọc');
    expect(['A5', 'E5', 'H5', 'J5', 'N5', 'P5', 'Q5'].map(get)).toEqual(['Đơn vị', 'Giá trị gốc', 'Mục tiêu', 'Thực hiện', 'Trạng thái', 'Thực hiện 2022', 'Thực hiện 2023']);
    // Cần Thơ: baseline 0,80 % (2021), target below 0,15 % (2021-2025), actual 0,21 % (2023).
    expect(['A6', 'B6', 'C6', 'D6', 'E6', 'F6', 'G6', 'H6', 'I6', 'J6', 'K6', 'L6', 'M6', 'N6'].map(get)).toEqual(
      ['Thành phố Cần Thơ', 'Tỷ lệ hộ nghèo', '%', '2021', 0.8, '2021-2025', '<', 0.15, '2023', 0.21, 0.06, 90.77, 60, 'Đúng tiến độ'],
    );
    // Periods are text (2021 is no number, 2021-2025 no date); decimals shown exactly as many as the value has.
    expect(cell('D6')!.numberFormat).toBe('@');
    // The text format alone, no leading apostrophe (which a text-formatted cell would keep as a character).
    const texts = report.ops.flatMap((op) => (op.kind === 'values' ? op.values.flat() : []));
    expect(texts.filter((value) => typeof value === 'string' && value.startsWith("'"))).toEqual([]);
    expect([cell('E6')!.numberFormat, cell('L6')!.numberFormat, cell('M6')!.numberFormat]).toEqual(['#,##0.0', '#,##0.00', '#,##0']);
    // The series: units × periods, oldest first.
    expect(report.periods).toEqual(['2022', '2023']);
    expect([get('P6'), get('Q6')]).toEqual([0.5, 0.21]);
  });

  it('leaves empty figures empty, never 0, and says why in the notes', () => {
    const { get, cell } = written(reportOperations(input()));
    for (const column of ['E', 'H', 'J', 'K', 'L', 'M', 'P', 'Q']) expect([column, get(`${column}7`)]).toEqual([column, '']);
    expect(get('G7')).toBe('');
    expect(get('N7')).toBe('Chưa đánh giá');
    expect(get('O7')).toBe('thiếu mẫu số; Chưa có số liệu: Phường An Hòa');
    // A real zero is a zero; a value a double cannot hold stays exact, as text.
    expect(get('K8')).toBe(0);
    expect(cell('H8')!.value).toBe('12345678901234567.5');
    expect(get('G8')).toBe('≤');
  });

  it('colours the status column by status text, every status with its own colour', () => {
    const report = reportOperations(input());
    expect(report.statusAddress).toBe('N6:N8');
    const fills = report.ops.filter((op) => op.kind === 'conditionalFill');
    expect(fills).toEqual(STATUSES.map((status) => ({ kind: 'conditionalFill', address: 'N6:N8', text: statusText(status, 'vi'), color: STATUS_FILL[status] })));
    expect(new Set(Object.values(STATUS_FILL)).size).toBe(5);
    const { book } = written(report);
    expect(['N6', 'N7', 'N8'].map((address) => book.shownFill('Báo cáo', address))).toEqual([STATUS_FILL.ON_TRACK, STATUS_FILL.NOT_ASSESSED, STATUS_FILL.ACHIEVED]);
    // Excel's rule is "contains", case-insensitive: no status text may contain another.
    for (const lang of ['vi', 'en'] as const) {
      for (const a of STATUSES) for (const b of STATUSES) if (a !== b) expect([lang, a, b, statusText(a, lang).toLowerCase().includes(statusText(b, lang).toLowerCase())]).toEqual([lang, a, b, false]);
    }
    expect(REPORT_COLUMNS.status).toBe(13);
  });

  it('lays out one target vs actual block per indicator, with a clustered column chart beside it; empty stays a gap', () => {
    const report = reportOperations(input('en'));
    const { get } = written(report);
    expect(get('A1')).toBe('Indicator report — Thành phố Cần Thơ');
    expect(get('N6')).toBe('On track');
    // Table rows 6–8, a blank row, then the blocks.
    expect(report.charts).toEqual([
      { source: 'A11:C13', position: 'E11:L26', title: 'Poor-household rate (%): target and actual' },
      { source: 'A28:C29', position: 'E28:L43', title: 'Poor households (households): target and actual' },
    ]);
    expect([['A11', 'B11', 'C11'], ['A12', 'B12', 'C12'], ['A13', 'B13', 'C13']].map((row) => row.map(get))).toEqual([
      ['Unit', 'Target', 'Actual'],
      ['Thành phố Cần Thơ', 0.15, 0.21],
      ['Quận Ninh Kiều', '', ''],
    ]);
    const chartOps = report.ops.filter((op) => op.kind === 'columnChart');
    expect(chartOps).toEqual(report.charts.map((chart) => ({ kind: 'columnChart', address: chart.source, title: chart.title, position: chart.position })));
  });

  it('charts at most the first units of a long breakdown and says so', () => {
    const many = Array.from({ length: MAX_CHART_UNITS + 5 }, (_, index) => ({ ...entries[0], unit: { id: String(index), name: `Xã ${index}`, code: String(index) } }));
    const report = reportOperations(input('vi', many));
    expect(report.charts).toHaveLength(1);
    expect(report.charts[0].source).toBe(`A${6 + many.length + 2}:C${6 + many.length + 2 + MAX_CHART_UNITS}`);
    expect(report.charts[0].title).toContain(`${MAX_CHART_UNITS} đơn vị đầu tiên`);
  });

  it('writes long reports in chunks under the byte budget', () => {
    const many = Array.from({ length: 3000 }, (_, index) => ({ ...entries[0], unit: { id: String(index), name: `Xã ${index}`, code: String(index) } }));
    const report = reportOperations(input('vi', many), { chunkBytes: 64 * 1024 });
    const blocks = report.ops.filter((op) => op.kind === 'values' && op.values.length > 1);
    expect(blocks.length).toBeGreaterThan(5);
    for (const op of report.ops) expect(JSON.stringify(op).length).toBeLessThan(64 * 1024);
  });

  it('orders the periods of the series by their end', () => {
    const mixed = [{ ...entries[0], series: [point('2023', '1'), point('2021-2025', '2', { periodEnd: '2025-12-31' }), point('2021', '3')] }];
    expect(seriesPeriods(mixed)).toEqual(['2021', '2023', '2021-2025']);
  });
});

describe('report form', () => {
  const form = { unitId: '', indicatorKeys: ['POOR_HOUSEHOLD_RATE'], asOf: '2024-06-30', from: '', to: '', breakdown: 'CHILDREN' };

  it('reads the whole country as no unit, and empty dates as none', () => {
    expect(reportQueryFromForm(form)).toEqual({ query: { unitId: null, indicatorKeys: ['POOR_HOUSEHOLD_RATE'], asOf: '2024-06-30', from: null, to: null, breakdown: 'CHILDREN' } });
  });

  it('says what is missing or wrong', () => {
    expect(reportQueryFromForm({ ...form, indicatorKeys: [] })).toEqual({ problem: 'pickIndicators' });
    expect(reportQueryFromForm({ ...form, asOf: '30/06/2024' })).toEqual({ problem: 'badDate' });
    expect(reportQueryFromForm({ ...form, from: '2025-01-01', to: '2024-01-01' })).toEqual({ problem: 'periodBackwards' });
  });
});
