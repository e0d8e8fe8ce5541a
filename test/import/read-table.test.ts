/** Reading published tables: structure, cells as published, rules found, and bad grids refused. */
import { analysePublishedTable, TableAnalysis } from '../../domain/import/analyse-table';
import { readCellText } from '../../domain/import/cell-reading';
import { readPublishedTable } from '../../domain/import/read-table';
import { seedAppendixGrid } from './seed-appendix';

function analysed(grid: string[][], options: Parameters<typeof analysePublishedTable>[1] = {}): TableAnalysis {
  const result = analysePublishedTable(grid, options);
  if (!result.ok) throw new Error(result.errors.map((error) => error.messageEn).join('; '));
  return result.analysis;
}

const summary = (analysis: TableAnalysis) => analysis.rulesFound.proposals.map((p) => [p.rule.id, p.checks, p.fails, p.kept]);

describe('cells as printed', () => {
  it('keeps ranges and approximate or bounded figures as such', () => {
    expect(readCellText('6,5 - 7,2')).toEqual({ kind: 'RANGE', low: '6.5', high: '7.2', places: 1 });
    expect(readCellText('từ 840 đến 930')).toEqual({ kind: 'RANGE', low: '840', high: '930', places: 0 });
    expect(readCellText('khoảng 10.500')).toMatchObject({ kind: 'QUALIFIED', qualifier: 'ABOUT', value: '10500' });
    expect(readCellText('gần 100.000')).toMatchObject({ kind: 'QUALIFIED', qualifier: 'NEARLY', value: '100000' });
    expect(readCellText('trên 5.000')).toMatchObject({ kind: 'QUALIFIED', qualifier: 'ABOVE', value: '5000' });
    expect(readCellText('dưới 0,15')).toMatchObject({ kind: 'QUALIFIED', qualifier: 'BELOW', value: '0.15' });
  });

  it('reads Vietnamese notation, percentages and dashes, and refuses what it cannot read without guessing', () => {
    expect(readCellText('5.600.826')).toMatchObject({ kind: 'NUMBER', value: '5600826', notation: 'GROUPED' });
    expect(readCellText('1050')).toMatchObject({ kind: 'NUMBER', value: '1050', notation: 'PLAIN' });
    expect(readCellText('7,52%')).toMatchObject({ kind: 'NUMBER', value: '7.52', percent: true });
    expect(readCellText('–')).toEqual({ kind: 'EMPTY' });
    expect(readCellText('Huyện Phong Điền')).toEqual({ kind: 'TEXT', text: 'Huyện Phong Điền' });
    expect(readCellText('1.5')).toMatchObject({ kind: 'INVALID', error: { code: 'BAD_GROUPING' } });
  });
});

describe('the seeded Cần Thơ appendix read as printed', () => {
  const analysis = analysed(seedAppendixGrid(), { unitOfMeasure: 'triệu đồng' });
  const { structure } = analysis;

  it('finds the header, the column numbers, the columns and their types', () => {
    expect([structure.headerRows, structure.dataRows, structure.footnoteRows]).toEqual([2, 29, 0]);
    expect(structure.columns.map((c) => [c.header, c.type, c.scale, c.publishedNumber, c.isTotal])).toEqual([
      ['STT', 'stt', null, '1', false],
      ['Chỉ tiêu', 'label', null, '2', false],
      ['Tổng số', 'money', 'triệu', '3', true],
      ['Ngân sách Trung ương', 'money', 'triệu', '4', false],
      ['Ngân sách thành phố', 'money', 'triệu', '5', false],
      ['Vốn vay ưu đãi', 'money', 'triệu', '6', false],
      ['Huy động cộng đồng', 'money', 'triệu', '7', false],
    ]);
  });

  it('finds the same hierarchy as the seed', () => {
    const byKey = new Map(structure.rows.map((row) => [row.key, row]));
    expect(byKey.get('TOTAL')).toMatchObject({ kind: 'GRAND_TOTAL', level: 0, index: 28 });
    expect(byKey.get('III.2.1')).toMatchObject({ kind: 'CHILD', level: 2, parentKey: 'III.2' });
    expect(byKey.get('I.2.-3')).toMatchObject({ kind: 'CHILD', parentKey: 'I.2' });
    expect(byKey.get('III.2.~1')).toMatchObject({ kind: 'LABEL', label: 'Trong đó:' });
    expect(structure.snapshot.value('TOTAL', 'total')).toBe('5600826');
  });

  it('proposes the seed template\'s four rules, each holding on every check, and empty means "not broken down here"', () => {
    expect(analysis.rulesFound.emptyMeans).toBe('ROLLUP');
    expect(summary(analysis)).toEqual([
      ['column-sum-total', 26, 0, true],
      ['parent-sum', 21, 0, true],
      ['total-sum', 5, 0, true],
      ['non-negative', 62, 0, true],
    ]);
    expect(analysis.findings).toEqual([]);
  });

  it('warns that "Dự án 2" does not add up on its own: 2.000 appears only in its children', () => {
    const partial = analysis.warnings.filter((warning) => warning.code === 'PARTIAL_PARENT');
    expect(partial).toHaveLength(1);
    expect(partial[0].line).toBe(17);
    expect(partial[0].messageVi).toContain('10.340 ≠ 8.340');
    expect(partial[0].messageVi).toContain('2.000 chỉ có ở các dòng con');
    expect(partial[0].messageEn).toContain('2,000 appears only in its children');
  });

  it('finds a published mistake as a finding, with expected, found and difference', () => {
    const grid = seedAppendixGrid();
    grid[18][6] = '1.999'; // 2.1's community funds: its row no longer adds up
    const findings = analysed(grid, { unitOfMeasure: 'triệu đồng' }).findings;
    expect(findings.map((f) => [f.ruleId, f.cells[0].rowKey, f.expected, f.found, f.difference])).toEqual([
      ['parent-sum', 'III', '61679', '61680', '1'],
      ['column-sum-total', 'III.2', '10339', '10340', '1'],
      ['column-sum-total', 'III.2.1', '9999', '10000', '1'],
    ]);
  });
});

describe('other shapes', () => {
  it('one row per district, merged two-row header, (1) column numbers, total first, rates and counts, a footnote', () => {
    const grid = [
      ['TT', 'Đơn vị', 'Tổng số hộ', 'Hộ nghèo', '', 'Hộ cận nghèo', ''],
      ['', '', '', 'Số hộ', 'Tỷ lệ (%)', 'Số hộ', 'Tỷ lệ (%)'],
      ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)'],
      ['', 'Toàn tỉnh', '30.000', '1.500', '5,00', '900', '3,00'],
      ['1', 'Huyện A', '10.000', '600', '6,00', '400', '4,00'],
      ['2', 'Huyện B', '20.000', '900', '4,50', '500', '2,50'],
      ['Ghi chú: số liệu rà soát cuối năm 2023', '', '', '', '', '', ''],
    ];
    const analysis = analysed(grid);
    const { structure } = analysis;
    expect([structure.headerRows, structure.dataRows, structure.footnoteRows]).toEqual([3, 3, 1]);
    expect(structure.footnotes).toEqual(['Ghi chú: số liệu rà soát cuối năm 2023']);
    expect(structure.columns.map((c) => [c.header, c.type])).toEqual([
      ['TT', 'stt'], ['Đơn vị', 'label'], ['Tổng số hộ', 'count'], ['Hộ nghèo / Số hộ', 'count'],
      ['Hộ nghèo / Tỷ lệ (%)', 'rate'], ['Hộ cận nghèo / Số hộ', 'count'], ['Hộ cận nghèo / Tỷ lệ (%)', 'rate'],
    ]);
    expect(structure.rows.map((r) => r.kind)).toEqual(['GRAND_TOTAL', 'ITEM', 'ITEM']);
    expect(structure.shapes).toEqual(expect.arrayContaining(['total-first', 'one-row-per-unit', 'column-numbers-row', 'merged-header', 'footnotes']));
    const kept = analysis.rulesFound.rules.map((rule) => rule.id);
    expect(kept).toEqual(expect.arrayContaining(['total-sum', 'rate-range', 'non-negative',
      'ratio-ho-ngheo-ty-le-ho-ngheo-so-ho-total', 'ratio-ho-can-ngheo-ty-le-ho-can-ngheo-so-ho-total']));
    expect(analysis.findings).toEqual([]);
  });

  it('a rate published to two decimals agrees within its rounding; one beyond it is a finding', () => {
    const grid = [
      ['STT', 'Huyện', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ hộ nghèo (%)'],
      ['1', 'Huyện A', '3.000', '100', '3,33'],
      ['2', 'Huyện B', '7.000', '100', '1,43'],
      ['3', 'Huyện C', '9.000', '200', '2,22'],
      ['4', 'Huyện D', '6.000', '200', '3,43'],
    ];
    const analysis = analysed(grid);
    const ratio = analysis.rulesFound.proposals.find((p) => p.rule.kind === 'RATIO')!;
    expect([ratio.rule.id, ratio.checks, ratio.fails, ratio.kept]).toEqual(['ratio-ty-le-ho-ngheo-so-ho-ngheo-total', 4, 1, true]);
    expect(analysis.findings.map((f) => [f.cells[0].rowKey, f.found, f.expected])).toEqual([['4', '3.43', '3.3333']]);
  });

  it('keeps ranges and approximate figures out of every check, with a warning naming the cell', () => {
    const grid = [
      ['STT', 'Chỉ tiêu', 'Tổng số', 'NSTW', 'NSĐP'],
      ['1', 'Dự án A', 'khoảng 10.500', '5.000', '5.000'],
      ['2', 'Dự án B', '6,5 - 7,2', '3', '4'],
      ['3', 'Dự án C', '900', '400', '500'],
      ['4', 'Dự án D', '1.000', '1050', '0'],
      ['', 'Tổng cộng', 'trên 5.000', '', ''],
    ];
    const analysis = analysed(grid, { unitOfMeasure: 'triệu đồng' });
    expect(analysis.structure.inexact.map((cell) => [cell.cell, cell.kind])).toEqual([['C2', 'QUALIFIED'], ['C3', 'RANGE'], ['C6', 'QUALIFIED']]);
    expect(analysis.warnings.filter((w) => w.code === 'APPROXIMATE').map((w) => w.cell)).toEqual(['C2', 'C3', 'C6']);
    const mixed = analysis.warnings.find((w) => w.code === 'MIXED_NOTATION')!;
    expect(mixed.cell).toBe('D5');
    expect(analysis.structure.shapes).toEqual(expect.arrayContaining(['ranges', 'approximate', 'bounded', 'mixed-notation', 'total-last']));
    // Only 3 and 4 can be checked: 900 = 400 + 500 holds, 1.000 ≠ 1.050 + 0 fails.
    const sum = analysis.rulesFound.proposals.find((p) => p.rule.id === 'column-sum-total')!;
    expect([sum.checks, sum.fails]).toEqual([2, 1]);
  });

  it('refuses an ambiguous figure with its cell address and the parser\'s message', () => {
    const result = readPublishedTable([['STT', 'Nội dung', 'Tổng số'], ['1', 'A', '1.5'], ['2', 'B', '1,2,3']]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.code, e.cell])).toEqual([['BAD_GROUPING', 'C2'], ['MULTIPLE_COMMAS', 'C3']]);
    expect(result.errors[0].messageVi).toMatch(/^Ô C2: "1.5": dấu chấm chỉ dùng/);
    expect(result.errors[0].messageEn).toMatch(/^Cell C2: "1.5": a dot may only separate thousands/);
  });

  it('reads a table printed with decimal points as such, warns that it did, and obeys the notation chosen instead', () => {
    const grid = [['Chỉ tiêu', 'Giá trị'], ['Tổng số hộ', '412204.00'], ['Tỷ lệ hộ nghèo', '15.40'], ['Hộ mới', '1,050.5']];
    const read = readPublishedTable(grid);
    if (!read.ok) throw new Error(read.errors[0].messageEn);
    expect(read.structure.notation).toBe('DECIMAL_POINT');
    expect(read.structure.snapshot.toData().cells.map((cell) => cell.value)).toEqual(['412204', '15.4', '1050.5']);
    // "1,050.5" groups its thousands where "412204.00" does not: that mix is worth a look too.
    expect(read.structure.warnings.map((w) => [w.code, w.cell])).toEqual([['DECIMAL_POINT_NOTATION', null], ['MIXED_NOTATION', 'B2']]);
    // Chosen as Vietnamese, "412204.00" cannot be read: refused with its cell, as any ambiguous figure.
    const chosen = readPublishedTable(grid, { notation: 'VIETNAMESE' });
    expect(chosen.ok ? [] : chosen.errors.map((e) => e.cell)).toEqual(['B2', 'B3', 'B4']);
    // One comma decimal says the table is Vietnamese: its "1.5" stays ambiguous.
    const vietnamese = readPublishedTable([['Chỉ tiêu', 'Giá trị'], ['C', '0,5'], ['A', '12.40'], ['B', '3.50']]);
    expect(vietnamese.ok ? [] : vietnamese.errors.map((e) => e.cell)).toEqual(['B3', 'B4']);
  });

  it('nests dashed rows of a table without STT under the row above, captions over the rows below, years as labels', () => {
    const rows = (grid: string[][]) => analysed(grid).structure.rows.map((row) => `${row.label}:${row.kind}:${row.level}`);
    expect(rows([['Nội dung', 'Số lượng'], ['Số hộ', '287'], ['Trong đó:', ''], ['- Hộ nghèo', '20'], ['Kinh phí', '11.076']]))
      .toEqual(['Số hộ:ITEM:0', 'Trong đó::LABEL:1', '- Hộ nghèo:CHILD:1', 'Kinh phí:ITEM:0']);
    const yearbook = [['', 'Tỷ lệ (%)', 'Trong đó / Thành thị (%)'], ['Chuẩn 2011 - 2015', '', ''], ['2010', '23,92', '11,11'], ['2011', '20,69', '9,57']];
    expect(rows(yearbook)).toEqual(['Chuẩn 2011 - 2015:SECTION:0', '2010:ITEM:1', '2011:ITEM:1']);
    expect(analysed(yearbook).structure.columns.map((column) => column.type)).toEqual(['label', 'rate', 'rate']);
  });

  it('warns about a "Trong đó" breakdown that names only part of its row, and not about a complete one', () => {
    const analysis = analysed([['Nội dung', 'Số lượng'], ['Số hộ', '287'], ['Trong đó:', ''], ['- Hộ nghèo', '20'], ['- Hộ cận nghèo', '30'],
      ['Kinh phí', '11.076'], ['Trong đó:', ''], ['- Vốn vay', '5.776'], ['- Vốn huy động', '5.300']]);
    expect(analysis.rulesFound.rules.map((rule) => rule.kind)).not.toContain('HIERARCHY_SUM');
    expect(analysis.warnings.filter((w) => w.code === 'PARTIAL_PARENT').map((w) => [w.line, w.messageEn])).toEqual([
      [2, 'Line 2: Row "Số hộ", column Số lượng: its "of which" rows give only part of it (50 of 287); the rest is not broken down, so the children\'s sum is not checked'],
    ]);
  });

  describe('what an empty cell means, per column', () => {
    // Sections give no total and no central budget (not broken down here: their children's sums), but give the
    // loans, whose project cells are empty because the source did not publish them (90 ≠ 40 + an empty cell).
    const grid = [
      ['STT', 'Nội dung', 'Tổng số', 'Ngân sách Trung ương', 'Vốn vay'],
      ['I', 'Phần I', '', '', '90'],
      ['1', 'Dự án 1', '100', '60', '40'],
      ['2', 'Dự án 2', '100', '50', ''],
      ['II', 'Phần II', '', '', '70'],
      ['1', 'Dự án 3', '60', '30', '30'],
      ['2', 'Dự án 4', '80', '40', ''],
      ['', 'Tổng cộng', '340', '180', '160'],
    ];
    const errors = (analysis: TableAnalysis) => analysis.findings.filter((f) => f.severity === 'ERROR').map((f) => `${f.ruleId}@${f.cells[0].rowKey}/${f.cells[0].columnKey}`);

    it('infers "not published" for the one column whose own sums fail under the table\'s meaning, and finds nothing', () => {
      const analysis = analysed(grid, { unitOfMeasure: 'triệu đồng' });
      const keys = analysis.structure.columns.filter((c) => c.key !== null).map((c) => c.key!);
      expect(analysis.rulesFound.emptyMeans).toBe('ROLLUP');
      expect(keys.map((key) => analysis.rulesFound.columnEmptyMeans[key])).toEqual(['ROLLUP', 'ROLLUP', 'NOT_PUBLISHED']);
      expect(analysis.rulesFound.rules.map((rule) => [rule.id, rule.missing ?? null])).toEqual(expect.arrayContaining([
        ['column-sum-total', 'NOT_PUBLISHED'], ['parent-sum', 'ROLLUP'], ['parent-sum-not-published', 'NOT_PUBLISHED'], ['total-sum', 'ROLLUP'],
      ]));
      expect(errors(analysis)).toEqual([]);
    });

    it('obeys a column\'s meaning chosen by a person: read as "not broken down", the loans fail four sums', () => {
      const first = analysed(grid, { unitOfMeasure: 'triệu đồng' });
      const loans = first.structure.columns[4].key!;
      const analysis = analysed(grid, { unitOfMeasure: 'triệu đồng', columnEmptyMeans: { [loans]: 'ROLLUP' } });
      expect(Object.values(analysis.rulesFound.columnEmptyMeans)).toEqual(['ROLLUP', 'ROLLUP', 'ROLLUP']);
      expect(errors(analysis)).toEqual([
        `parent-sum@I/${loans}`, 'column-sum-total@I.2/total', `parent-sum@II/${loans}`, 'column-sum-total@II.2/total',
      ]);
    });
  });

  it('refuses an empty grid, a grid without figures, a grid without a header, huge cells, and warns on ragged rows', () => {
    const codes = (grid: string[][]) => {
      const result = readPublishedTable(grid);
      return result.ok ? result.structure.warnings.map((w) => w.code) : result.errors.map((e) => `${e.code}@${e.cell ?? e.line ?? ''}`);
    };
    expect(codes([])).toEqual(['EMPTY_GRID@']);
    expect(codes([['', ''], ['', '']])).toEqual(['EMPTY_GRID@']);
    expect(codes([['STT', 'Nội dung'], ['1', 'Không có số']])).toEqual(['NO_FIGURE_COLUMNS@']);
    expect(codes([['Nội dung', 'Ghi chú'], ['A', 'Không có số']])).toEqual(['NO_FIGURES@']);
    expect(codes([['1', '2.000', '3.000'], ['2', '4.000', '5.000']])).toEqual(['NO_HEADER@1']);
    expect(codes([['STT', 'Nội dung', 'Tổng số'], ['1', 'x'.repeat(20_000), '5']])).toEqual(['CELL_TOO_LONG@B2']);
    expect(codes([['STT', 'Nội dung', 'Tổng số'], ['1', 'A'], ['2', 'B', '5']])).toEqual(['RAGGED_ROWS']);
  });
});
