import { RuleDefinitionError, checkRuleDefinitions } from '../../domain/rules';
import { buildTable } from './table-builder';

const table = buildTable(
  [['total', 'Tổng số'], ['a', 'Nguồn A'], ['b', 'Nguồn B']],
  [
    ['I', null, 'SECTION', []],
    ['1', 'I', 'ITEM', []],
  ],
);

function errors(rules: unknown): [string | null, string | null, string][] {
  return checkRuleDefinitions(rules, table).map((error: RuleDefinitionError) => [error.ruleId, error.field, error.code]);
}

const rowSum = { id: 'sum', kind: 'ROW_SUM', severity: 'ERROR', totalColumn: 'total', partColumns: ['a', 'b'] };

describe('checkRuleDefinitions', () => {
  it('accepts valid definitions of every kind', () => {
    expect(
      checkRuleDefinitions(
        [
          { ...rowSum, tolerance: '0.02', missing: 'SKIP', rows: { kinds: ['ITEM'], keys: ['1'] } },
          { id: 'h', kind: 'HIERARCHY_SUM', severity: 'WARNING', columns: ['total'], missing: 'ZERO' },
          { id: 'g', kind: 'GRAND_TOTAL', severity: 'ERROR', missing: 'REQUIRE' },
          { id: 'n', kind: 'NON_NEGATIVE', severity: 'ERROR' },
          { id: 'w', kind: 'WHOLE_NUMBER', severity: 'WARNING', missing: 'ROLLUP' },
          { id: 'r', kind: 'RANGE', severity: 'ERROR', min: '0', max: '100' },
          { id: 'q', kind: 'RATIO', severity: 'ERROR', axis: 'ROW', rate: 'a', numerator: 'b', denominator: 'total', scale: '100' },
          { id: 'c', kind: 'RATIO', severity: 'ERROR', axis: 'COLUMN', rate: 'I', numerator: '1', denominator: 'I', columns: ['a'] },
          { id: 'bal', kind: 'BALANCE', severity: 'ERROR', axis: 'ROW', end: 'total', start: 'a', plus: [], minus: ['b'] },
        ],
        table,
      ),
    ).toEqual([]);
  });

  it('refuses what is not a list of objects', () => {
    expect(errors({})).toEqual([[null, null, 'NOT_A_LIST']]);
    expect(errors([42])).toEqual([[null, null, 'NOT_AN_OBJECT']]);
  });

  it('requires unique non-empty ids', () => {
    expect(errors([{ ...rowSum, id: '' }, rowSum, rowSum])).toEqual([
      [null, 'id', 'INVALID_ID'],
      ['sum', 'id', 'DUPLICATE_ID'],
    ]);
  });

  it('refuses unknown kinds, naming the known ones', () => {
    const [error] = checkRuleDefinitions([{ id: 'x', kind: 'SUM', severity: 'ERROR' }], table);
    expect(error.code).toBe('UNKNOWN_KIND');
    expect(error.messageEn).toBe('Rule "x": unknown kind "SUM" (kinds: ROW_SUM, HIERARCHY_SUM, GRAND_TOTAL, NON_NEGATIVE, WHOLE_NUMBER, RANGE, RATIO, BALANCE, COMPARE)');
    expect(error.messageVi).toContain('Quy tắc "x": loại "SUM" không tồn tại');
  });

  it('refuses unknown and missing fields', () => {
    expect(errors([{ id: 'sum', kind: 'ROW_SUM', partColumn: ['a'] }])).toEqual([
      ['sum', 'partColumn', 'UNKNOWN_FIELD'],
      ['sum', 'severity', 'MISSING_FIELD'],
      ['sum', 'totalColumn', 'MISSING_FIELD'],
      ['sum', 'partColumns', 'MISSING_FIELD'],
    ]);
    expect(errors([{ id: 'r', kind: 'RANGE', severity: 'ERROR' }])).toEqual([['r', 'min', 'MISSING_FIELD']]);
  });

  it('refuses unknown columns and rows, in every place they can appear', () => {
    const found = checkRuleDefinitions(
      [
        { ...rowSum, totalColumn: 'sum', partColumns: ['a', 'c'] },
        { id: 'h', kind: 'HIERARCHY_SUM', severity: 'ERROR', columns: ['x'], rows: { keys: ['II'] } },
        { id: 'q', kind: 'RATIO', severity: 'ERROR', axis: 'ROW', rate: 'rate', numerator: 'b', denominator: 'total' },
        { id: 'bal', kind: 'BALANCE', severity: 'ERROR', axis: 'COLUMN', end: 'end', start: 'I', plus: ['1'], minus: ['total'] },
      ],
      table,
    );
    expect(found.map((error) => [error.ruleId, error.field, error.code])).toEqual([
      ['sum', 'totalColumn', 'UNKNOWN_COLUMN'],
      ['sum', 'partColumns', 'UNKNOWN_COLUMN'],
      ['h', 'rows', 'UNKNOWN_ROW'],
      ['h', 'columns', 'UNKNOWN_COLUMN'],
      ['q', 'rate', 'UNKNOWN_COLUMN'],
      ['bal', 'end', 'UNKNOWN_ROW'],
      ['bal', 'minus', 'UNKNOWN_ROW'],
    ]);
    expect(found[1].messageVi).toBe('Quy tắc "sum": cột "c" không có trong bảng');
    expect(found[1].messageEn).toBe('Rule "sum": column "c" is not in the table');
    expect(found[5].messageEn).toBe('Rule "bal": row "end" is not in the table');
  });

  it('refuses invalid values', () => {
    expect(
      errors([
        { ...rowSum, severity: 'FATAL', missing: 'IGNORE', tolerance: '-1' },
        { ...rowSum, id: 's2', tolerance: '0,02', partColumns: [] },
        { ...rowSum, id: 's3', partColumns: ['a', 'a', 'total'] },
        { id: 'q', kind: 'RATIO', severity: 'ERROR', axis: 'DIAGONAL', rate: 'a', numerator: 'b', denominator: 'total', scale: '0' },
        { id: 'r', kind: 'RANGE', severity: 'ERROR', min: '10', max: '1' },
        { id: 'r2', kind: 'RANGE', severity: 'ERROR', min: 5 },
        { id: 'h', kind: 'HIERARCHY_SUM', severity: 'ERROR', rows: { kinds: ['ROW'] } },
        { id: 'h2', kind: 'HIERARCHY_SUM', severity: 'ERROR', rows: { keys: 'I' } },
        { id: 'h3', kind: 'HIERARCHY_SUM', severity: 'ERROR', rows: { kind: ['ITEM'] } },
        { id: 'h4', kind: 'HIERARCHY_SUM', severity: 'ERROR', columns: 'total' },
      ]),
    ).toEqual([
      ['sum', 'severity', 'INVALID_VALUE'],
      ['sum', 'tolerance', 'INVALID_VALUE'],
      ['sum', 'missing', 'INVALID_VALUE'],
      ['s2', 'tolerance', 'INVALID_VALUE'],
      ['s2', 'partColumns', 'INVALID_VALUE'],
      ['s3', 'partColumns', 'INVALID_VALUE'], // listed twice
      ['s3', 'partColumns', 'INVALID_VALUE'], // contains the total
      ['q', 'axis', 'INVALID_VALUE'],
      ['q', 'scale', 'INVALID_VALUE'],
      ['r', 'min', 'INVALID_VALUE'],
      ['r2', 'min', 'INVALID_VALUE'],
      ['h', 'rows', 'INVALID_VALUE'],
      ['h2', 'rows', 'INVALID_VALUE'],
      ['h3', 'rows', 'INVALID_VALUE'],
      ['h4', 'columns', 'INVALID_VALUE'],
    ]);
  });

  it('refuses scopes that do not apply to the rule', () => {
    expect(
      errors([
        { ...rowSum, columns: ['total'] },
        { id: 'q', kind: 'RATIO', severity: 'ERROR', axis: 'ROW', rate: 'a', numerator: 'b', denominator: 'total', columns: ['a'] },
        { id: 'bal', kind: 'BALANCE', severity: 'ERROR', axis: 'COLUMN', end: 'I', start: '1', plus: [], minus: [], rows: { keys: ['I'] } },
      ]),
    ).toEqual([
      ['sum', 'columns', 'NOT_APPLICABLE'],
      ['q', 'columns', 'NOT_APPLICABLE'],
      ['bal', 'rows', 'NOT_APPLICABLE'],
    ]);
  });
});
