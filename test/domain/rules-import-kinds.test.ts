/** What the rule engine grew for imported tables: COMPARE, NOT_PUBLISHED, inexact cells, unnumbered totals, checks counted. */
import { Finding, Rule, ruleOutcomes, validateTable } from '../../domain/rules';
import { buildTable } from './table-builder';

const summary = (findings: Finding[]) => findings.map((f) => [f.ruleId, f.cells[0].rowKey, f.cells[0].columnKey, f.found, f.expected, f.difference]);

describe('COMPARE', () => {
  const table = buildTable([['low', 'Tối thiểu'], ['high', 'Tối đa']], [
    ['1', null, 'ITEM', ['5', '7']],
    ['2', null, 'ITEM', ['9', '7']],
    ['3', null, 'ITEM', ['9', null]],
    ['4', null, 'ITEM', ['7.4', '7.3']],
  ]);
  const rule = (relation: 'LE' | 'GE', tolerance?: string): Rule =>
    ({ id: 'bound', kind: 'COMPARE', severity: 'ERROR', axis: 'ROW', left: 'low', relation, right: 'high', tolerance }) as Rule;

  it('LE: a lower bound above its upper bound is a finding, the bound as expected; an empty side is skipped', () => {
    expect(summary(validateTable(table, [rule('LE')]))).toEqual([['bound', '2', 'low', '9', '7', '2'], ['bound', '4', 'low', '7.4', '7.3', '0.1']]);
    expect(validateTable(table, [rule('LE')])[0].messageEn).toContain('must be ≤');
  });

  it('GE, and a tolerance from the published precision', () => {
    expect(summary(validateTable(table, [rule('GE')]))).toEqual([['bound', '1', 'low', '5', '7', '-2']]);
    expect(summary(validateTable(table, [rule('LE', '0.1')]))).toEqual([['bound', '2', 'low', '9', '7', '2']]);
  });
});

describe('empty cells that were not published, and inexact cells', () => {
  const table = buildTable([['total', 'Tổng số'], ['a', 'A'], ['b', 'B']], [
    ['1', null, 'ITEM', ['10', '4', null]],
    ['2', null, 'ITEM', [null, '1', '2']],
    ['2.1', '2', 'CHILD', ['3', '1', '2']],
    ['3', null, 'ITEM', ['10', '3', '4']],
  ]);
  const sum = (missing: Rule['missing']): Rule => ({ id: 'sum', kind: 'ROW_SUM', severity: 'ERROR', missing, totalColumn: 'total', partColumns: ['a', 'b'] });

  it('NOT_PUBLISHED skips every check that needs an empty cell, where ROLLUP runs it on the present terms', () => {
    expect(summary(validateTable(table, [sum('ROLLUP')]))).toEqual([['sum', '1', 'total', '10', '4', '6'], ['sum', '3', 'total', '10', '7', '3']]);
    expect(summary(validateTable(table, [sum('NOT_PUBLISHED')]))).toEqual([['sum', '3', 'total', '10', '7', '3']]);
  });

  it('an inexact cell (range, "khoảng …") takes part in no check, nor does a parent that would roll up from it', () => {
    const inexact = [{ rowKey: '3', columnKey: 'b' }, { rowKey: '2', columnKey: 'total' }];
    const rules: Rule[] = [sum('ROLLUP'), { id: 'parent', kind: 'HIERARCHY_SUM', severity: 'ERROR' }];
    expect(summary(validateTable(table, rules, { inexact }))).toEqual([['sum', '1', 'total', '10', '4', '6']]);
    const [outcome] = ruleOutcomes(table, [sum('ROLLUP')], { inexact });
    expect(outcome.checksMade).toBe(2); // rows 1 and 2.1; row 2 (its total inexact) and 3 (b inexact) are not checked
  });
});

describe('GRAND_TOTAL in a table without numbering', () => {
  it('sums the root rows (one per district)', () => {
    const table = buildTable([['n', 'Số hộ', 'COUNT']], [
      ['A', null, 'CHILD', ['10']],
      ['B', null, 'CHILD', ['20']],
      ['TOTAL', null, 'GRAND_TOTAL', ['31']],
    ]);
    expect(summary(validateTable(table, [{ id: 'total', kind: 'GRAND_TOTAL', severity: 'ERROR' }]))).toEqual([['total', 'TOTAL', 'n', '31', '30', '1']]);
  });
});
