/** The rule engine on small constructed tables with deliberate mistakes, for every rule kind and strategy. */
import { Finding, MissingStrategy, Rule, summariseFindings, validateTable } from '../../domain/rules';
import { TableSnapshot } from '../../domain/table-model';
import { ColumnSpec, buildTable } from './table-builder';

/** [rule, row, column, found, expected, difference, severity] */
function summary(findings: Finding[]): (string | null)[][] {
  return findings.map((f) => [f.ruleId, f.cells[0].rowKey, f.cells[0].columnKey, f.found, f.expected, f.difference, f.severity]);
}

function suggestions(findings: Finding[]): [string, string, string][] {
  return findings.flatMap((f) => (f.suggestion ? [[f.suggestion.rowKey, f.suggestion.columnKey, f.suggestion.value] as [string, string, string]] : []));
}

const MONEY: ColumnSpec[] = [
  ['total', 'Tổng số'],
  ['a', 'Nguồn A'],
  ['b', 'Nguồn B'],
];

function rowSum(missing?: MissingStrategy, extra: Partial<Rule> = {}): Rule {
  return { id: 'sum', kind: 'ROW_SUM', severity: 'ERROR', missing, totalColumn: 'total', partColumns: ['a', 'b'], ...extra } as Rule;
}

describe('ROW_SUM', () => {
  const table = buildTable(MONEY, [
    ['1', null, 'ITEM', ['100', '60', null]], // one part absent: compared with 60
    ['2', null, 'ITEM', [null, '5', '6']], // total absent
    ['3', null, 'ITEM', ['7', null, null]], // every part absent
    ['4', null, 'ITEM', ['10', '15', null]], // the missing part would have to be negative
    ['5', null, 'ITEM', ['10', '3', '4']], // complete and wrong
    ['6', null, 'ITEM', ['9', '4', '5']], // complete and right
  ]);

  it('ROLLUP compares the total with the present parts and skips what cannot be checked', () => {
    const findings = validateTable(table, [rowSum()]);
    expect(summary(findings)).toEqual([
      ['sum', '1', 'total', '100', '60', '40', 'ERROR'],
      ['sum', '4', 'total', '10', '15', '-5', 'ERROR'],
      ['sum', '5', 'total', '10', '7', '3', 'ERROR'],
    ]);
    // Exactly one empty cell, and 40 in it makes the row add up; a negative amount is never suggested.
    expect(suggestions(findings)).toEqual([['1', 'b', '40']]);
    expect(findings[0].cells.map((cell) => [cell.columnKey, cell.columnLabel, cell.value, cell.derived])).toEqual([
      ['total', 'Tổng số', '100', false],
      ['a', 'Nguồn A', '60', false],
      ['b', 'Nguồn B', null, false],
    ]);
    expect(findings[0].messageVi).toBe(
      'Dòng 1 (Mục 1), cột Tổng số: 100 khác tổng các cột thành phần (Nguồn A + Nguồn B) là 60 (chênh lệch 40); gợi ý: điền 40 vào Dòng 1 (Mục 1), cột Nguồn B',
    );
    expect(findings[0].messageEn).toBe(
      'Row 1 (Mục 1), column Tổng số: 100 differs from the sum of the part columns (Nguồn A + Nguồn B), 60 (difference 40); suggestion: enter 40 in Row 1 (Mục 1), column Nguồn B',
    );
  });

  it('ROLLUP takes an empty total or part from the rows below it', () => {
    const nested = buildTable(MONEY, [
      ['P', null, 'ITEM', [null, '5', '5']],
      ['P.1', 'P', 'CHILD', ['7', null, null]],
      ['P.2', 'P', 'CHILD', ['2', null, null]],
      ['Q', null, 'ITEM', ['20', '12', null]],
      ['Q.~1', 'Q', 'LABEL', [null, null, '999']], // labels never count
      ['Q.1', 'Q', 'CHILD', [null, null, '3']],
      ['Q.1.1', 'Q.1', 'CHILD', ['3', null, '3']],
    ]);
    const findings = validateTable(nested, [rowSum()]);
    expect(summary(findings)).toEqual([
      ['sum', 'P', 'total', '9', '10', '-1', 'ERROR'],
      ['sum', 'Q', 'total', '20', '15', '5', 'ERROR'],
    ]);
    expect(findings[0].cells[0]).toMatchObject({ rowKey: 'P', value: '9', derived: true });
    expect(findings[1].cells.map((cell) => [cell.value, cell.derived])).toEqual([
      ['20', false],
      ['12', false],
      ['3', true],
    ]);
  });

  it('SKIP checks only complete rows', () => {
    expect(summary(validateTable(table, [rowSum('SKIP')]))).toEqual([['sum', '5', 'total', '10', '7', '3', 'ERROR']]);
  });

  it('ZERO counts empty cells as 0 and says so', () => {
    const findings = validateTable(table, [rowSum('ZERO')]);
    expect(summary(findings)).toEqual([
      ['sum', '1', 'total', '100', '60', '40', 'ERROR'],
      ['sum', '2', 'total', '0', '11', '-11', 'ERROR'],
      ['sum', '3', 'total', '7', '0', '7', 'ERROR'],
      ['sum', '4', 'total', '10', '15', '-5', 'ERROR'],
      ['sum', '5', 'total', '10', '7', '3', 'ERROR'],
    ]);
    expect(suggestions(findings)).toEqual([
      ['1', 'b', '40'],
      ['2', 'total', '11'],
    ]);
    expect(findings[1].messageEn).toMatch(/; empty cells count as 0/);
    expect(findings[4].messageEn).not.toMatch(/count as 0/);
  });

  it('REQUIRE reports each empty cell, with a value when it is the only gap', () => {
    const findings = validateTable(table, [rowSum('REQUIRE')]);
    expect(summary(findings)).toEqual([
      ['sum', '1', 'b', null, '40', null, 'ERROR'],
      ['sum', '2', 'total', null, '11', null, 'ERROR'],
      ['sum', '3', 'a', null, null, null, 'ERROR'],
      ['sum', '3', 'b', null, null, null, 'ERROR'],
      ['sum', '4', 'b', null, null, null, 'ERROR'], // −5 is not a valid amount
      ['sum', '5', 'total', '10', '7', '3', 'ERROR'],
    ]);
    expect(findings[0].messageVi).toBe('Dòng 1 (Mục 1), cột Nguồn B: ô trống nhưng quy tắc "sum" yêu cầu có giá trị (giá trị phù hợp: 40)');
    expect(findings[0].messageEn).toBe('Row 1 (Mục 1), column Nguồn B: empty, but rule "sum" requires a value (a consistent value: 40)');
    expect(findings[0].cells.map((cell) => cell.columnKey)).toEqual(['b', 'total', 'a']);
  });

  it('passes within the tolerance and says when it is exceeded', () => {
    const rates = buildTable(
      [['total', 'Tổng', 'MEASURE', 2], ['a', 'A', 'MEASURE', 2], ['b', 'B', 'MEASURE', 2]],
      [
        ['1', null, 'ITEM', ['100', '60', '39.98']],
        ['2', null, 'ITEM', ['100', '60', '39.97']],
        ['3', null, 'ITEM', ['100', '60', '40.02']],
      ],
    );
    const findings = validateTable(rates, [rowSum(undefined, { tolerance: '0.02' })]);
    expect(summary(findings)).toEqual([['sum', '2', 'total', '100', '99.97', '0.03', 'ERROR']]);
    expect(findings[0].messageVi).toContain('(chênh lệch 0,03, vượt sai số cho phép 0,02)');
    expect(findings[0].messageEn).toContain('(difference 0.03, beyond the tolerance 0.02)');
  });

  it('suggests only values that fit the column scale and pass, and negative values only outside MONEY/COUNT', () => {
    const measures = buildTable(
      [['total', 'Tổng', 'MEASURE', 0], ['a', 'A', 'MEASURE', 0], ['b', 'B', 'MEASURE', 0]],
      [
        ['1', null, 'ITEM', ['10', '15', null]],
        ['2', null, 'ITEM', ['10.5', '5', null]], // 5.5 does not fit scale 0
      ],
    );
    expect(suggestions(validateTable(measures, [rowSum()]))).toEqual([['1', 'b', '-5']]);
    // Rounded to 6, row 2 is within a 0.5 tolerance.
    expect(suggestions(validateTable(measures, [rowSum(undefined, { tolerance: '0.5' })]))).toEqual([
      ['1', 'b', '-5'],
      ['2', 'b', '6'],
    ]);
  });

  it('is exact beyond floating point, with any mix of decimal places and signs', () => {
    const exact = buildTable(
      [['total', 'Tổng', 'MEASURE', 4], ['a', 'A', 'MEASURE', 4], ['b', 'B', 'MEASURE', 4]],
      [
        ['1', null, 'ITEM', ['99999999999999999999.0001', '99999999999999999999', '0.0001']],
        ['2', null, 'ITEM', ['99999999999999999999.0001', '99999999999999999999', '0.0002']],
        ['3', null, 'ITEM', ['-1.25', '-1.5', '0.25']],
        ['4', null, 'ITEM', ['0.3', '0.1', '0.2']],
      ],
    );
    expect(summary(validateTable(exact, [rowSum()]))).toEqual([
      ['sum', '2', 'total', '99999999999999999999.0001', '99999999999999999999.0002', '-0.0001', 'ERROR'],
    ]);
    // A tolerance finer than any cell: the comparison scale follows it.
    expect(validateTable(exact, [rowSum(undefined, { tolerance: '0.00005' })])).toHaveLength(1);
    expect(validateTable(exact, [rowSum(undefined, { tolerance: '0.0001' })])).toEqual([]);
  });

  it('runs on the rows in scope only', () => {
    const scoped = buildTable(MONEY, [
      ['I', null, 'SECTION', ['1', '2', '3']],
      ['1', 'I', 'ITEM', ['1', '2', '3']],
      ['2', 'I', 'ITEM', ['1', '2', '3']],
    ]);
    expect(summary(validateTable(scoped, [rowSum(undefined, { rows: { kinds: ['ITEM'] } })])).map((f) => f[1])).toEqual(['1', '2']);
    expect(summary(validateTable(scoped, [rowSum(undefined, { rows: { keys: ['I', '2'] } })])).map((f) => f[1])).toEqual(['I', '2']);
    expect(summary(validateTable(scoped, [rowSum(undefined, { rows: { kinds: ['ITEM'], keys: ['I', '2'] } })])).map((f) => f[1])).toEqual(['2']);
  });
});

describe('HIERARCHY_SUM', () => {
  const table = buildTable(
    [['total', 'Tổng số'], ['a', 'Nguồn A']],
    [
      ['I', null, 'SECTION', ['100', '50']],
      ['1', 'I', 'ITEM', ['60', null]],
      ['1.~1', '1', 'LABEL', ['999', null]], // a label's figures are never part of the sum
      ['1.1', '1', 'CHILD', ['30', '20']],
      ['1.2', '1', 'CHILD', ['30', '10']],
      ['2', 'I', 'ITEM', ['41', null]],
    ],
  );
  const rule = (missing?: MissingStrategy, extra: Partial<Rule> = {}): Rule =>
    ({ id: 'tree', kind: 'HIERARCHY_SUM', severity: 'ERROR', missing, ...extra }) as Rule;

  it('ROLLUP: parent = Σ children, with empty children rolled up and absent ones left out', () => {
    const findings = validateTable(table, [rule()]);
    expect(summary(findings)).toEqual([
      ['tree', 'I', 'total', '100', '101', '-1', 'ERROR'],
      ['tree', 'I', 'a', '50', '30', '20', 'ERROR'],
    ]);
    expect(findings[1].cells.map((cell) => [cell.rowKey, cell.value, cell.derived])).toEqual([
      ['I', '50', false],
      ['1', '30', true],
      ['2', null, false],
    ]);
    expect(suggestions(findings)).toEqual([['2', 'a', '20']]);
    expect(findings[0].messageVi).toBe('Dòng I (Mục I), cột Tổng số: 100 khác tổng 2 dòng con là 101 (chênh lệch -1)');
    expect(findings[0].messageEn).toBe('Row I (Mục I), column Tổng số: 100 differs from the sum of its 2 child rows, 101 (difference -1)');
  });

  it('SKIP checks only parents whose children are all given', () => {
    expect(summary(validateTable(table, [rule('SKIP')]))).toEqual([['tree', 'I', 'total', '100', '101', '-1', 'ERROR']]);
  });

  it('ZERO turns every empty parent into an error', () => {
    const findings = validateTable(table, [rule('ZERO')]);
    expect(summary(findings)).toEqual([
      ['tree', 'I', 'total', '100', '101', '-1', 'ERROR'],
      ['tree', 'I', 'a', '50', '0', '50', 'ERROR'],
      ['tree', '1', 'a', '0', '30', '-30', 'ERROR'],
    ]);
    expect(suggestions(findings)).toEqual([['1', 'a', '30']]);
  });

  it('REQUIRE reports each empty cell once, with the value a later check can give it', () => {
    const findings = validateTable(table, [rule('REQUIRE')]);
    // 1/a is involved in I's check (two gaps: no value) and in its own (only gap: 20 + 10).
    expect(summary(findings)).toEqual([
      ['tree', 'I', 'total', '100', '101', '-1', 'ERROR'],
      ['tree', '1', 'a', null, '30', null, 'ERROR'],
      ['tree', '2', 'a', null, null, null, 'ERROR'],
    ]);
    expect(suggestions(findings)).toEqual([['1', 'a', '30']]);
  });

  it('runs on the parents and columns in scope', () => {
    expect(summary(validateTable(table, [rule(undefined, { columns: ['a'] })])).map((f) => f[2])).toEqual(['a']);
    expect(validateTable(table, [rule(undefined, { rows: { kinds: ['ITEM'] } })])).toEqual([]);
  });
});

describe('GRAND_TOTAL', () => {
  const rule = (missing?: MissingStrategy, extra: Partial<Rule> = {}): Rule =>
    ({ id: 'gt', kind: 'GRAND_TOTAL', severity: 'ERROR', missing, ...extra }) as Rule;
  const table = buildTable(
    [['total', 'Tổng số'], ['a', 'Nguồn A']],
    [
      ['TOTAL', null, 'GRAND_TOTAL', ['150', '70'], null],
      ['I', null, 'SECTION', ['100', null]],
      ['I.1', 'I', 'ITEM', ['100', '50']],
      ['III', null, 'SECTION', ['50', '30']],
      ['TOTAL#2', null, 'GRAND_TOTAL', ['150', '80'], null],
    ],
  );

  it('checks every grand total, first or last, against the sections (rolled up)', () => {
    const findings = validateTable(table, [rule()]);
    expect(summary(findings)).toEqual([['gt', 'TOTAL', 'a', '70', '80', '-10', 'ERROR']]);
    expect(findings[0].cells.map((cell) => [cell.rowKey, cell.value, cell.derived])).toEqual([
      ['TOTAL', '70', false],
      ['I', '50', true],
      ['III', '30', false],
    ]);
    expect(findings[0].messageVi).toBe('Dòng "Mục TOTAL", cột Nguồn A: 70 khác tổng các phần (I + III) là 80 (chênh lệch -10)');
  });

  it('uses the root items when there are no sections', () => {
    const items = buildTable(
      [['total', 'Tổng số']],
      [
        ['1', null, 'ITEM', ['10']],
        ['1.1', '1', 'CHILD', ['10']],
        ['2', null, 'ITEM', ['5']],
        ['TOTAL', null, 'GRAND_TOTAL', ['16'], null],
      ],
    );
    const findings = validateTable(items, [rule()]);
    expect(summary(findings)).toEqual([['gt', 'TOTAL', 'total', '16', '15', '1', 'ERROR']]);
    expect(findings[0].messageEn).toContain('differs from the sum of the items (1 + 2), 15');
  });

  it('follows the strategies and the row scope', () => {
    expect(summary(validateTable(table, [rule('SKIP')]))).toEqual([]);
    expect(summary(validateTable(table, [rule('ZERO')]))).toEqual([
      ['gt', 'TOTAL', 'a', '70', '30', '40', 'ERROR'],
      ['gt', 'TOTAL#2', 'a', '80', '30', '50', 'ERROR'],
    ]);
    // I/a is the only gap of both totals' checks: the first one that can suggest a value gives it.
    expect(summary(validateTable(table, [rule('REQUIRE')]))).toEqual([['gt', 'I', 'a', null, '40', null, 'ERROR']]);
    expect(summary(validateTable(table, [rule('ZERO', { rows: { keys: ['TOTAL#2'] } })])).map((f) => f[1])).toEqual(['TOTAL#2']);
  });
});

describe('NON_NEGATIVE, WHOLE_NUMBER, RANGE', () => {
  const table = buildTable(
    [['count', 'Số hộ', 'COUNT'], ['rate', 'Tỷ lệ', 'RATE', 2]],
    [
      ['1', null, 'ITEM', ['-5', '100.5']],
      ['2', null, 'ITEM', ['2.5', '-0.1']],
      ['3', null, 'ITEM', [null, null]],
      ['3.~1', '3', 'LABEL', ['-1', null]], // out of scope by default
      ['4', null, 'ITEM', ['3', '100']],
    ],
  );

  it('NON_NEGATIVE reports negative values; empty cells are skipped', () => {
    const findings = validateTable(table, [{ id: 'nn', kind: 'NON_NEGATIVE', severity: 'ERROR', columns: ['count'] }]);
    expect(summary(findings)).toEqual([['nn', '1', 'count', '-5', '0', '-5', 'ERROR']]);
    expect(findings[0].messageVi).toBe('Dòng 1 (Mục 1), cột Số hộ: giá trị âm -5 không hợp lệ');
    expect(findings[0].messageEn).toBe('Row 1 (Mục 1), column Số hộ: negative value -5 is not allowed');
    const withLabels = validateTable(table, [{ id: 'nn', kind: 'NON_NEGATIVE', severity: 'ERROR', columns: ['count'], rows: { kinds: ['LABEL'] } }]);
    expect(summary(withLabels).map((f) => f[1])).toEqual(['3.~1']);
  });

  it('WHOLE_NUMBER reports fractions', () => {
    const findings = validateTable(table, [{ id: 'whole', kind: 'WHOLE_NUMBER', severity: 'WARNING', columns: ['count'] }]);
    expect(summary(findings)).toEqual([['whole', '2', 'count', '2.5', null, null, 'WARNING']]);
    expect(findings[0].messageVi).toBe('Dòng 2 (Mục 2), cột Số hộ: phải là số nguyên, nhưng là 2,5');
  });

  it('RANGE reports values outside [min, max] with the bound they cross', () => {
    const findings = validateTable(table, [{ id: 'pct', kind: 'RANGE', severity: 'ERROR', columns: ['rate'], min: '0', max: '100' }]);
    expect(summary(findings)).toEqual([
      ['pct', '1', 'rate', '100.5', '100', '0.5', 'ERROR'],
      ['pct', '2', 'rate', '-0.1', '0', '-0.1', 'ERROR'],
    ]);
    expect(findings[0].messageVi).toBe('Dòng 1 (Mục 1), cột Tỷ lệ: 100,5 lớn hơn giá trị tối đa 100');
    expect(findings[1].messageEn).toBe('Row 2 (Mục 2), column Tỷ lệ: -0.1 is below the minimum 0');
  });

  it('ZERO checks empty cells as 0, REQUIRE reports them, SKIP skips them', () => {
    const min1 = (missing: MissingStrategy): Rule => ({ id: 'min', kind: 'RANGE', severity: 'ERROR', columns: ['count'], min: '1', missing });
    const zero = validateTable(table, [min1('ZERO')]);
    expect(summary(zero)).toEqual([
      ['min', '1', 'count', '-5', '1', '-6', 'ERROR'],
      ['min', '3', 'count', '0', '1', '-1', 'ERROR'],
    ]);
    expect(zero[1].messageEn).toBe('Row 3 (Mục 3), column Số hộ: 0 is below the minimum 1 (empty cells count as 0)');
    expect(summary(validateTable(table, [min1('REQUIRE')]))).toEqual([
      ['min', '1', 'count', '-5', '1', '-6', 'ERROR'],
      ['min', '3', 'count', null, null, null, 'ERROR'],
    ]);
    expect(summary(validateTable(table, [min1('SKIP')])).map((f) => f[1])).toEqual(['1']);
    expect(validateTable(table, [{ id: 'nn', kind: 'NON_NEGATIVE', severity: 'ERROR', columns: ['count'], missing: 'ZERO', rows: { keys: ['3'] } }])).toEqual([]);
  });
});

describe('RATIO', () => {
  const columns: ColumnSpec[] = [['poor', 'Số hộ nghèo', 'COUNT'], ['households', 'Tổng số hộ', 'COUNT'], ['rate', 'Tỷ lệ (%)', 'RATE', 2]];
  const table = buildTable(columns, [
    ['1', null, 'ITEM', ['2901', '362625', '0.8']], // exact
    ['2', null, 'ITEM', ['287', '136500', '0.21']], // 0.210256…, published rounded
    ['3', null, 'ITEM', ['5', '0', '1.5']], // zero denominator
    ['4', null, 'ITEM', ['6', null, '1.5']], // denominator missing: 400 would fit
    ['5', null, 'ITEM', ['5', '100', null]], // rate missing
    ['6', null, 'ITEM', ['5', null, '1.5']], // denominator missing: 333.33… does not fit a count
  ]);
  const rule = (missing?: MissingStrategy, extra: Partial<Rule> = {}): Rule =>
    ({ id: 'rate', kind: 'RATIO', severity: 'ERROR', missing, axis: 'ROW', rate: 'rate', numerator: 'poor', denominator: 'households', scale: '100', ...extra }) as Rule;

  it('ROLLUP: compares, reports a zero denominator and warns about missing inputs', () => {
    const findings = validateTable(table, [rule()]);
    expect(summary(findings)).toEqual([
      ['rate', '2', 'rate', '0.21', '0.2103', '-0.0003', 'ERROR'],
      ['rate', '3', 'rate', '1.5', null, null, 'ERROR'],
      ['rate', '4', 'rate', '1.5', null, null, 'WARNING'],
      ['rate', '6', 'rate', '1.5', null, null, 'WARNING'],
    ]);
    expect(findings[0].messageVi).toBe('Dòng 2 (Mục 2), cột Tỷ lệ (%): 0,21 khác Số hộ nghèo / Tổng số hộ × 100 là 0,2103 (chênh lệch -0,0003)');
    expect(findings[1].messageVi).toBe('Dòng 3 (Mục 3), cột Tỷ lệ (%): 1,5, nhưng mẫu số (Tổng số hộ) bằng 0 nên không tính được tỷ lệ');
    expect(findings[1].messageEn).toBe('Row 3 (Mục 3), column Tỷ lệ (%): 1.5, but the denominator (Tổng số hộ) is 0, so the rate cannot be computed');
    expect(findings[2].messageEn).toBe(
      'Row 4 (Mục 4), column Tỷ lệ (%): has 1.5 but cannot be checked against Số hộ nghèo / Tổng số hộ × 100 because of empty cells: Row 4 (Mục 4), column Tổng số hộ; suggestion: enter 400 in Row 4 (Mục 4), column Tổng số hộ',
    );
    expect(findings[2].messageVi).toContain('vì ô trống: Dòng 4 (Mục 4), cột Tổng số hộ');
    expect(suggestions(findings)).toEqual([['4', 'households', '400']]);
  });

  it('passes rounded published rates within the tolerance', () => {
    expect(summary(validateTable(table, [rule(undefined, { tolerance: '0.02' })])).map((f) => f[1])).toEqual(['3', '4', '6']);
  });

  it('SKIP, ZERO and REQUIRE', () => {
    expect(summary(validateTable(table, [rule('SKIP')])).map((f) => f[1])).toEqual(['2', '3']);
    const zero = validateTable(table, [rule('ZERO')]);
    expect(summary(zero)).toEqual([
      ['rate', '2', 'rate', '0.21', '0.2103', '-0.0003', 'ERROR'],
      ['rate', '3', 'rate', '1.5', null, null, 'ERROR'],
      ['rate', '4', 'rate', '1.5', null, null, 'ERROR'], // empty denominator counted as 0
      ['rate', '5', 'rate', '0', '5', '-5', 'ERROR'],
      ['rate', '6', 'rate', '1.5', null, null, 'ERROR'],
    ]);
    expect(suggestions(zero)).toEqual([['5', 'rate', '5']]);
    const required = validateTable(table, [rule('REQUIRE')]);
    expect(summary(required)).toEqual([
      ['rate', '2', 'rate', '0.21', '0.2103', '-0.0003', 'ERROR'],
      ['rate', '3', 'rate', '1.5', null, null, 'ERROR'],
      ['rate', '4', 'households', null, '400', null, 'ERROR'],
      ['rate', '5', 'rate', null, '5', null, 'ERROR'],
      ['rate', '6', 'households', null, null, null, 'ERROR'],
    ]);
  });

  it('rolls counts up but never rates: rates do not add', () => {
    const nested = buildTable(columns, [
      ['1', null, 'ITEM', ['30', '3000', null]], // rate absent, not 1 % + 1 % = 2 %
      ['1.1', '1', 'CHILD', ['10', '1000', '1']],
      ['1.2', '1', 'CHILD', ['20', '2000', '1']],
      ['2', null, 'ITEM', ['30', null, '1']], // households rolled up: 3.000, so 1 % holds
      ['2.1', '2', 'CHILD', ['10', '1000', '1']],
      ['2.2', '2', 'CHILD', ['20', '2000', '1']],
    ]);
    expect(validateTable(nested, [rule()])).toEqual([]);
  });

  it('rounds a suggested rate to the column scale when that stays within the tolerance', () => {
    const thirds = buildTable(columns, [['1', null, 'ITEM', ['1', '3', null]]]);
    expect(suggestions(validateTable(thirds, [rule('REQUIRE', { tolerance: '0.01' })]))).toEqual([['1', 'rate', '33.33']]);
    expect(suggestions(validateTable(thirds, [rule('REQUIRE')]))).toEqual([]);
  });

  it('runs along columns with row references (axis COLUMN)', () => {
    const districts = buildTable(
      [['d1', 'Quận Ninh Kiều', 'MEASURE', 2], ['d2', 'Huyện Cờ Đỏ', 'MEASURE', 2]],
      [
        ['poor', null, 'ITEM', ['100', '50']],
        ['households', null, 'ITEM', ['1000', '500']],
        ['rate', null, 'ITEM', ['10', '11']],
      ],
    );
    const byColumn = { axis: 'COLUMN', rate: 'rate', numerator: 'poor', denominator: 'households' } as Partial<Rule>;
    const findings = validateTable(districts, [rule(undefined, byColumn)]);
    expect(summary(findings)).toEqual([['rate', 'rate', 'd2', '11', '10', '1', 'ERROR']]);
    expect(findings[0].messageEn).toContain('differs from Mục poor / Mục households × 100, 10');
    expect(validateTable(districts, [rule(undefined, { ...byColumn, columns: ['d1'] })])).toEqual([]);
  });
});

describe('BALANCE', () => {
  const columns: ColumnSpec[] = [
    ['start', 'Đầu năm', 'COUNT'],
    ['escaped', 'Thoát nghèo', 'COUNT'],
    ['fellBack', 'Tái nghèo', 'COUNT'],
    ['newPoor', 'Phát sinh mới', 'COUNT'],
    ['end', 'Cuối năm', 'COUNT'],
  ];
  const table = buildTable(columns, [
    ['1', null, 'ITEM', ['2901', '700', '10', '120', '2331']], // right
    ['2', null, 'ITEM', ['2901', '700', '10', '120', '2330']], // off by one
    ['3', null, 'ITEM', ['2901', '700', null, '120', '2330']], // 9 fell back would fit
    ['4', null, 'ITEM', ['2901', '700', null, '120', '2000']], // would need −321
    ['5', null, 'ITEM', ['2901', null, null, '120', '2330']], // two gaps
    ['6', null, 'ITEM', ['2901', '700', '10', '120', null]], // no result
  ]);
  const rule = (missing?: MissingStrategy): Rule => ({
    id: 'year', kind: 'BALANCE', severity: 'ERROR', missing, axis: 'ROW', end: 'end', start: 'start', plus: ['fellBack', 'newPoor'], minus: ['escaped'],
  });

  it('ROLLUP: end = start + Σ plus − Σ minus, warning about missing inputs', () => {
    const findings = validateTable(table, [rule()]);
    expect(summary(findings)).toEqual([
      ['year', '2', 'end', '2330', '2331', '-1', 'ERROR'],
      ['year', '3', 'end', '2330', null, null, 'WARNING'],
      ['year', '4', 'end', '2000', null, null, 'WARNING'],
      ['year', '5', 'end', '2330', null, null, 'WARNING'],
    ]);
    expect(findings[0].messageVi).toBe('Dòng 2 (Mục 2), cột Cuối năm: 2.330 khác Đầu năm + Tái nghèo + Phát sinh mới − Thoát nghèo là 2.331 (chênh lệch -1)');
    expect(suggestions(findings)).toEqual([['3', 'fellBack', '9']]);
    expect(findings[3].cells.map((cell) => cell.columnKey)).toEqual(['end', 'start', 'fellBack', 'newPoor', 'escaped']);
    expect(findings[3].messageEn).toContain('empty cells: Row 5 (Mục 5), column Tái nghèo; Row 5 (Mục 5), column Thoát nghèo');
  });

  it('SKIP, ZERO and REQUIRE', () => {
    expect(summary(validateTable(table, [rule('SKIP')])).map((f) => f[1])).toEqual(['2']);
    const zero = validateTable(table, [rule('ZERO')]);
    expect(summary(zero)).toEqual([
      ['year', '2', 'end', '2330', '2331', '-1', 'ERROR'],
      ['year', '3', 'end', '2330', '2321', '9', 'ERROR'],
      ['year', '4', 'end', '2000', '2321', '-321', 'ERROR'],
      ['year', '5', 'end', '2330', '3021', '-691', 'ERROR'],
      ['year', '6', 'end', '0', '2331', '-2331', 'ERROR'],
    ]);
    expect(suggestions(zero)).toEqual([
      ['3', 'fellBack', '9'],
      ['6', 'end', '2331'],
    ]);
    expect(summary(validateTable(table, [rule('REQUIRE')])).map((f) => [f[1], f[2], f[4]])).toEqual([
      ['2', 'end', '2331'],
      ['3', 'fellBack', '9'],
      ['4', 'fellBack', null],
      ['5', 'escaped', null],
      ['5', 'fellBack', null],
      ['6', 'end', '2331'],
    ]);
  });

  it('runs along columns with row references (axis COLUMN)', () => {
    const districts = buildTable(
      [['d1', 'Quận Ninh Kiều', 'COUNT'], ['d2', 'Huyện Cờ Đỏ', 'COUNT']],
      [
        ['start', null, 'ITEM', ['100', '80']],
        ['escaped', null, 'ITEM', ['30', '20']],
        ['end', null, 'ITEM', ['70', '61']],
      ],
    );
    const findings = validateTable(districts, [
      { id: 'year', kind: 'BALANCE', severity: 'WARNING', axis: 'COLUMN', end: 'end', start: 'start', plus: [], minus: ['escaped'] },
    ]);
    expect(summary(findings)).toEqual([['year', 'end', 'd2', '61', '60', '1', 'WARNING']]);
  });
});

describe('validateTable', () => {
  const table = buildTable(MONEY, [
    ['1', null, 'ITEM', ['10', '-5', '10']],
    ['2', null, 'ITEM', ['-1', '-1', null]],
  ]);

  it('orders findings by row, then column, then rule', () => {
    const rules: Rule[] = [{ id: 'nn', kind: 'NON_NEGATIVE', severity: 'ERROR' }, rowSum()];
    expect(summary(validateTable(table, rules)).map((f) => [f[0], f[1], f[2]])).toEqual([
      ['sum', '1', 'total'],
      ['nn', '1', 'a'],
      ['nn', '2', 'total'],
      ['nn', '2', 'a'],
    ]);
    const findings = validateTable(table, [...rules, { id: 'nn2', kind: 'NON_NEGATIVE', severity: 'WARNING', columns: ['total'] }]);
    expect(summary(findings).map((f) => [f[0], f[1], f[2]])).toEqual([
      ['sum', '1', 'total'],
      ['nn', '1', 'a'],
      ['nn', '2', 'total'],
      ['nn2', '2', 'total'],
      ['nn', '2', 'a'],
    ]);
    expect(summariseFindings(findings)).toEqual({ total: 5, errors: 4, warnings: 1 });
  });

  it('refuses rules that do not fit the table', () => {
    expect(() => validateTable(table, [rowSum(undefined, { totalColumn: 'nope' } as Partial<Rule>)])).toThrow(/column "nope" is not in the table/);
  });

  it('finds nothing in an empty table', () => {
    const empty = TableSnapshot.create({ columns: [], rows: [], cells: [] });
    expect(validateTable(empty, [{ id: 'h', kind: 'HIERARCHY_SUM', severity: 'ERROR' }, { id: 'g', kind: 'GRAND_TOTAL', severity: 'ERROR' }])).toEqual([]);
  });
});
