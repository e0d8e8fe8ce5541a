/**
 * The rule engine on the real published table (Phụ lục 2, Cần Thơ plan 132/KH-UBND, million VND).
 *
 * Expected results were computed independently of the engine: by hand, and with a throwaway BigInt
 * script over the CSV with the parents assigned by reading the table. Under ROLLUP all 52 sum checks
 * (26 row sums, 21 parent/column pairs, 5 grand-total columns) hold, and every figure is a non-negative
 * whole number: the published table has no arithmetic inconsistency.
 */
import { CellReader } from '../../domain/rules/cell-reader';
import { Finding, MissingStrategy, Rule, validateTable } from '../../domain/rules';
import { TableSnapshot } from '../../domain/table-model';
import { canThoSnapshot, readPublishedLines } from './can-tho-appendix';

function templateRules(missing?: MissingStrategy): Rule[] {
  return [
    { id: 'row-sum', kind: 'ROW_SUM', severity: 'ERROR', missing, totalColumn: 'total', partColumns: ['central', 'city', 'loans', 'community'] },
    { id: 'hierarchy', kind: 'HIERARCHY_SUM', severity: 'ERROR', missing },
    { id: 'grand-total', kind: 'GRAND_TOTAL', severity: 'ERROR', missing },
    { id: 'non-negative', kind: 'NON_NEGATIVE', severity: 'ERROR' },
    { id: 'whole', kind: 'WHOLE_NUMBER', severity: 'WARNING' },
  ];
}

/** [rule, row, column, found, expected, difference] */
function summary(findings: Finding[]): (string | null)[][] {
  return findings.map((f) => [f.ruleId, f.cells[0].rowKey, f.cells[0].columnKey, f.found, f.expected, f.difference]);
}

function changed(snapshot: TableSnapshot, rowKey: string, columnKey: string, value: string): TableSnapshot {
  const result = snapshot.withChanges([{ rowKey, columnKey, value }]);
  if (!result.ok) throw new Error(result.errors[0].messageEn);
  return result.snapshot;
}

describe('Cần Thơ Phụ lục 2 as published', () => {
  const snapshot = canThoSnapshot();

  it('imports every published figure exactly', () => {
    expect(snapshot.value('TOTAL', 'total')).toBe('5600826');
    expect(snapshot.value('I', 'loans')).toBe('5330619');
    expect(snapshot.value('I.5', 'city')).toBe('90');
    expect(snapshot.value('III.2', 'community')).toBeNull();
    const published = readPublishedLines().flatMap((line) => line.figures).filter((figure) => figure !== '').length;
    expect(snapshot.toData().cells).toHaveLength(published);
  });

  it('rolls empty cells up from the rows below them', () => {
    const reader = new CellReader(snapshot, 2);
    const at = (rowKey: string, columnKey: string) => {
      const value = reader.rolledUp(snapshot.rowIndex(rowKey)!, snapshot.columnIndex(columnKey)!);
      return value === null ? null : reader.decimal(value).toFixed();
    };
    expect(at('I', 'central')).toBe('101534'); // published
    expect(at('I.2', 'central')).toBe('64808'); // from its – rows
    expect(at('I.2', 'city')).toBe('32814'); // 15.349 + 16.202 + 1.263
    expect(at('I.3', 'central')).toBe('36726'); // from its blank-STT row
    expect(at('III.2', 'community')).toBe('2000'); // from 2.1; 2.2 is empty
    expect(at('III.1', 'central')).toBeNull(); // no children: absent
    expect(at('III', 'central')).toBeNull(); // no item below gives a central-budget figure
    expect(at('III.2.~1', 'total')).toBeNull(); // "Trong đó:" label
  });

  it('is consistent under ROLLUP: no findings', () => {
    expect(validateTable(snapshot, templateRules())).toEqual([]);
  });

  it('still runs the checks under ROLLUP: one changed figure shows up in every sum it takes part in', () => {
    // 2.1's community funds 2.000 → 1.999: 2.1's own row, item 2's row (its community cell is empty and
    // rolls up from 2.1), and section III's community cell (61.680 = 3.680 + 2.000 + 56.000).
    const findings = validateTable(changed(snapshot, 'III.2.1', 'community', '1999'), templateRules());
    expect(summary(findings)).toEqual([
      ['hierarchy', 'III', 'community', '61680', '61679', '1'],
      ['row-sum', 'III.2', 'total', '10340', '10339', '1'],
      ['row-sum', 'III.2.1', 'total', '10000', '9999', '1'],
    ]);
    const itemRow = findings[1];
    expect(itemRow.cells.map((cell) => [cell.columnKey, cell.value, cell.derived])).toEqual([
      ['total', '10340', false],
      ['central', null, false],
      ['city', '8340', false],
      ['loans', null, false],
      ['community', '1999', true],
    ]);
    expect(itemRow.suggestion).toBeNull(); // two cells are absent: nothing to suggest
  });

  it('checks section I against grandchildren of the section through roll-up', () => {
    // The 2nd "–" row of item 2: central budget 64.808 → 64.809.
    const findings = validateTable(changed(snapshot, 'I.2.-2', 'central', '64809'), templateRules());
    expect(summary(findings)).toEqual([
      ['hierarchy', 'I', 'central', '101534', '101535', '-1'],
      ['row-sum', 'I.2', 'total', '97622', '97623', '-1'],
      ['row-sum', 'I.2.-2', 'total', '81010', '81011', '-1'],
    ]);
  });

  it('reports the grand total against the sections', () => {
    const findings = validateTable(changed(snapshot, 'TOTAL', 'city', '102812'), templateRules());
    expect(summary(findings)).toEqual([
      ['row-sum', 'TOTAL', 'total', '5600826', '5600825', '1'],
      ['grand-total', 'TOTAL', 'city', '102812', '102813', '-1'],
    ]);
    expect(findings[1].messageVi).toBe(
      'Dòng "TỔNG CỘNG (I+II):", cột Ngân sách thành phố: 102.812 khác tổng các phần (I + III) là 102.813 (chênh lệch -1)',
    );
  });

  it('reads empty as zero only if told to, which turns the published table into 11 false errors', () => {
    const findings = validateTable(snapshot, templateRules('ZERO'));
    expect(summary(findings)).toEqual([
      ['hierarchy', 'I', 'central', '101534', '0', '101534'],
      ['hierarchy', 'I', 'city', '50843', '8950', '41893'],
      ['row-sum', 'I.2', 'total', '97622', '0', '97622'],
      ['hierarchy', 'I.2', 'central', '0', '64808', '-64808'],
      ['hierarchy', 'I.2', 'city', '0', '32814', '-32814'],
      ['row-sum', 'I.3', 'total', '45805', '0', '45805'],
      ['hierarchy', 'I.3', 'central', '0', '36726', '-36726'],
      ['hierarchy', 'I.3', 'city', '0', '9079', '-9079'],
      ['hierarchy', 'III', 'community', '61680', '59680', '2000'],
      ['row-sum', 'III.2', 'total', '10340', '8340', '2000'],
      ['hierarchy', 'III.2', 'community', '0', '2000', '-2000'],
    ]);
    // Only where the single empty cell is the parent can a value be suggested.
    expect(findings.flatMap((f) => (f.suggestion ? [f.suggestion] : []))).toEqual([
      { rowKey: 'I.2', columnKey: 'city', value: '32814' },
      { rowKey: 'I.3', columnKey: 'central', value: '36726' },
      { rowKey: 'I.3', columnKey: 'city', value: '9079' },
    ]);
    const item2 = findings[9];
    expect(item2.messageVi).toBe(
      'Dòng 2 (Dự án 2: Hỗ trợ phát triển sản xuất nông nghiệp, cải thiện…), cột Tổng số: 10.340 khác tổng các cột thành phần (Ngân sách Trung ương + Ngân sách thành phố + Vốn vay ưu đãi + Huy động cộng đồng) là 8.340 (chênh lệch 2.000); ô trống được tính là 0',
    );
    expect(item2.messageEn).toBe(
      'Row 2 (Dự án 2: Hỗ trợ phát triển sản xuất nông nghiệp, cải thiện…), column Tổng số: 10,340 differs from the sum of the part columns (Ngân sách Trung ương + Ngân sách thành phố + Vốn vay ưu đãi + Huy động cộng đồng), 8,340 (difference 2,000); empty cells count as 0',
    );
  });

  it('finds nothing when checks with empty cells are skipped', () => {
    expect(validateTable(snapshot, templateRules('SKIP'))).toEqual([]);
  });

  it('under REQUIRE reports every empty figure cell of the row sums once, suggesting 0 where it is the only gap', () => {
    const findings = validateTable(snapshot, [templateRules('REQUIRE')[0]]);
    // Empty figures of all rows except the three "Trong đó:" labels, counted on the CSV text.
    const emptyFigures = readPublishedLines()
      .filter((line) => line.label !== 'Trong đó:')
      .flatMap((line) => line.figures)
      .filter((figure) => figure === '').length;
    expect(findings).toHaveLength(emptyFigures);
    expect(findings.every((f) => f.found === null && f.cells[0].value === null)).toBe(true);
    expect(findings.flatMap((f) => (f.suggestion ? [f.suggestion] : []))).toEqual([
      { rowKey: 'I', columnKey: 'community', value: '0' }, // 5.482.996 = 101.534 + 50.843 + 5.330.619
      { rowKey: 'III', columnKey: 'central', value: '0' }, // 117.830 = 51.970 + 4.180 + 61.680
    ]);
  });
});
