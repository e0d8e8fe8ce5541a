import { DerivedRow, PublishedRow, deriveHierarchy } from '../../domain/table-hierarchy';
import { readPublishedLines } from './can-tho-appendix';

/** A published row: STT, label, whether it has figures (default: yes). */
type Line = [stt: string, label?: string, hasValues?: boolean];

function published(lines: Line[]): PublishedRow[] {
  return lines.map(([stt, label = `row ${stt}`, hasValues = true]) => ({
    publishedNumber: stt === '' ? null : stt,
    label,
    hasValues,
  }));
}

/** Each derived row as "key kind level parentKey", readable in a failing diff. */
function tree(rows: DerivedRow[]): string[] {
  return rows.map((row) => `${row.key} ${row.kind} ${row.level} ${row.parentIndex === null ? '-' : rows[row.parentIndex].key}`);
}

describe('deriveHierarchy on Phụ lục 2 of Cần Thơ plan 132', () => {
  it('derives the full published tree', () => {
    const lines = readPublishedLines();
    const derived = deriveHierarchy(
      lines.map((line) => ({
        publishedNumber: line.stt === '' ? null : line.stt,
        label: line.label,
        hasValues: line.figures.some((figure) => figure.trim() !== ''),
      })),
    );
    // Read off the published table by hand: STT, then key, kind, level, parent.
    expect(lines.map((line, i) => `${line.stt || '·'} | ${tree(derived)[i]}`)).toEqual([
      'I | I SECTION 0 -',
      '1 | I.1 ITEM 1 I',
      '2 | I.2 ITEM 1 I',
      '– | I.2.-1 CHILD 2 I.2',
      '– | I.2.-2 CHILD 2 I.2',
      '– | I.2.-3 CHILD 2 I.2',
      '3 | I.3 ITEM 1 I',
      '· | I.3.-1 CHILD 2 I.3', // blank STT with figures: detail of item 3
      '4 | I.4 ITEM 1 I',
      '5 | I.5 ITEM 1 I',
      '6 | I.6 ITEM 1 I',
      '7 | I.7 ITEM 1 I',
      'III | III SECTION 0 -', // the published table skips II
      '1 | III.1 ITEM 1 III',
      '2 | III.2 ITEM 1 III',
      '· | III.2.~1 LABEL 2 III.2', // "Trong đó:"
      '2.1 | III.2.1 CHILD 2 III.2',
      '2.2 | III.2.2 CHILD 2 III.2',
      '3 | III.3 ITEM 1 III',
      '· | III.3.~1 LABEL 2 III.3',
      '3.1 | III.3.1 CHILD 2 III.3',
      '3.2 | III.3.2 CHILD 2 III.3',
      '4 | III.4 ITEM 1 III',
      '5 | III.5 ITEM 1 III',
      '6 | III.6 ITEM 1 III',
      '· | III.6.~1 LABEL 2 III.6',
      '6.1 | III.6.1 CHILD 2 III.6',
      '6.2 | III.6.2 CHILD 2 III.6',
      '· | TOTAL GRAND_TOTAL 0 -', // "TỔNG CỘNG (I+II):"
    ]);
  });
});

describe('deriveHierarchy', () => {
  it('recognises Roman numerals with or without a trailing dot as sections', () => {
    expect(tree(deriveHierarchy(published([['I'], ['IV.'], ['IX'], ['XII'], ['XL.']])))).toEqual([
      'I SECTION 0 -',
      'IV SECTION 0 -',
      'IX SECTION 0 -',
      'XII SECTION 0 -',
      'XL SECTION 0 -',
    ]);
  });

  it('numbers items as 1, 1. or 1) and drops leading zeros from keys', () => {
    expect(tree(deriveHierarchy(published([['I'], ['1.'], ['2)'], ['03']])))).toEqual([
      'I SECTION 0 -',
      'I.1 ITEM 1 I',
      'I.2 ITEM 1 I',
      'I.3 ITEM 1 I',
    ]);
  });

  it('makes items roots when no section has been seen', () => {
    expect(tree(deriveHierarchy(published([['1'], ['2'], ['2.1'], ['–']])))).toEqual([
      '1 ITEM 0 -',
      '2 ITEM 0 -',
      '2.1 CHILD 1 2',
      '2.1.-1 CHILD 2 2.1',
    ]);
  });

  it('attaches a dotted number to the nearest row numbered with its prefix in the current section', () => {
    const rows = published([['I'], ['1'], ['2'], ['2.1'], ['2.1.3'], ['2.2'], ['1.5'], ['3.4'], ['2.3.1'], ['II'], ['2.1']]);
    expect(tree(deriveHierarchy(rows))).toEqual([
      'I SECTION 0 -',
      'I.1 ITEM 1 I',
      'I.2 ITEM 1 I',
      'I.2.1 CHILD 2 I.2',
      'I.2.1.3 CHILD 3 I.2.1',
      'I.2.2 CHILD 2 I.2',
      'I.1.5 CHILD 2 I.1', // prefix 1 exists above, even though item 2 is the current one
      'I.3.4 CHILD 2 I.2', // no row 3: under the current item
      'I.2.3.1 CHILD 2 I.2', // no row 2.3: the shorter prefix 2
      'II SECTION 0 -',
      'II.2.1 CHILD 1 II', // row 2 of section I does not count in section II
    ]);
  });

  it('puts letters under the most recent numbered row, as siblings of each other', () => {
    const rows = published([['I'], ['1'], ['a)'], ['–'], ['b.'], ['c'], ['1.1'], ['a']]);
    expect(tree(deriveHierarchy(rows))).toEqual([
      'I SECTION 0 -',
      'I.1 ITEM 1 I',
      'I.1.a CHILD 2 I.1',
      'I.1.a.-1 CHILD 3 I.1.a', // a bullet under a letter belongs to the letter
      'I.1.b CHILD 2 I.1',
      'I.1.c CHILD 2 I.1',
      'I.1.1 CHILD 2 I.1',
      'I.1.1.a CHILD 3 I.1.1',
    ]);
  });

  it('treats every bullet form and a blank STT with figures as children of the numbered row, never of a bullet', () => {
    const rows = published([['1'], ['–'], ['-'], ['+'], ['*'], ['•'], [''], ['2'], ['–']]);
    expect(tree(deriveHierarchy(rows))).toEqual([
      '1 ITEM 0 -',
      '1.-1 CHILD 1 1',
      '1.-2 CHILD 1 1',
      '1.-3 CHILD 1 1',
      '1.-4 CHILD 1 1',
      '1.-5 CHILD 1 1',
      '1.-6 CHILD 1 1',
      '2 ITEM 0 -',
      '2.-1 CHILD 1 2',
    ]);
  });

  it('makes blank rows without figures labels under the numbered row, never parents', () => {
    const rows = published([['I'], ['1'], ['', 'Trong đó:', false], ['–'], ['', 'Chia ra:', false], ['1.1']]);
    expect(tree(deriveHierarchy(rows))).toEqual([
      'I SECTION 0 -',
      'I.1 ITEM 1 I',
      'I.1.~1 LABEL 2 I.1',
      'I.1.-1 CHILD 2 I.1',
      'I.1.~2 LABEL 2 I.1',
      'I.1.1 CHILD 2 I.1',
    ]);
  });

  it('recognises grand totals first or last, in any case and Unicode normalisation', () => {
    const rows = published([
      ['', 'Tổng cộng'],
      ['I'],
      ['1'],
      ['', 'TỔNG CỘNG (I+II):'],
      ['', 'Tổng số:'.normalize('NFD')],
      ['', 'cộng'],
      ['', 'Cộng:'],
    ]);
    expect(tree(deriveHierarchy(rows))).toEqual([
      'TOTAL GRAND_TOTAL 0 -',
      'I SECTION 0 -',
      'I.1 ITEM 1 I',
      'TOTAL#2 GRAND_TOTAL 0 -',
      'TOTAL#3 GRAND_TOTAL 0 -',
      'TOTAL#4 GRAND_TOTAL 0 -',
      'TOTAL#5 GRAND_TOTAL 0 -',
    ]);
  });

  it('does not mistake rows that merely start like a total for grand totals', () => {
    const rows = published([
      ['1'],
      ['', 'Cộng đồng dân cư đóng góp'], // "community", not "total"
      ['', 'Tổng sốt'], // not the word "Tổng số"
      ['2', 'Tổng cộng các dự án'], // numbered: an item
      ['', 'Tổng cộng', false],
    ]);
    expect(tree(deriveHierarchy(rows))).toEqual([
      '1 ITEM 0 -',
      '1.-1 CHILD 1 1',
      '1.-2 CHILD 1 1',
      '2 ITEM 0 -',
      'TOTAL GRAND_TOTAL 0 -', // a grand total even without figures
    ]);
  });

  it('attaches nothing after a grand total to the rows before it', () => {
    expect(tree(deriveHierarchy(published([['1'], ['', 'Tổng cộng'], ['–'], ['', 'Ghi chú', false]])))).toEqual([
      '1 ITEM 0 -',
      'TOTAL GRAND_TOTAL 0 -',
      '-1 CHILD 0 -',
      '~1 LABEL 0 -',
    ]);
  });

  it('takes the total row a person chose, numbered or not, and no other row by its label', () => {
    const lines: Line[] = [['', 'Cả tỉnh'], ['1'], ['1.1'], ['', 'Tổng cộng'], ['2']];
    expect(tree(deriveHierarchy(published(lines)))).toEqual(['-1 CHILD 0 -', '1 ITEM 0 -', '1.1 CHILD 1 1', 'TOTAL GRAND_TOTAL 0 -', '2 ITEM 0 -']);
    expect(tree(deriveHierarchy(published(lines), { totalIndex: 0 }))).toEqual(['TOTAL GRAND_TOTAL 0 -', '1 ITEM 0 -', '1.1 CHILD 1 1', '1.1.-1 CHILD 2 1.1', '2 ITEM 0 -']);
    // A numbered row ("A" of a table lettered A, B…) chosen as the total: nothing after it belongs to the rows before.
    expect(tree(deriveHierarchy(published([['A', 'Tổng A'], ['1'], ['2']]), { totalIndex: 0 }))).toEqual(['TOTAL GRAND_TOTAL 0 -', '1 ITEM 0 -', '2 ITEM 0 -']);
  });

  it('suffixes duplicate keys with #2, #3 and keeps children apart', () => {
    const rows = published([['I'], ['1'], ['–'], ['1'], ['–'], ['I'], ['1'], ['1']]);
    expect(tree(deriveHierarchy(rows))).toEqual([
      'I SECTION 0 -',
      'I.1 ITEM 1 I',
      'I.1.-1 CHILD 2 I.1',
      'I.1#2 ITEM 1 I',
      'I.1#2.-1 CHILD 2 I.1#2',
      'I#2 SECTION 0 -',
      'I#2.1 ITEM 1 I#2',
      'I#2.1#2 ITEM 1 I#2',
    ]);
  });

  it('keeps unrecognised numbering under the numbered row above, and lowercase i is a letter', () => {
    expect(tree(deriveHierarchy(published([['I'], ['1'], ['IIII'], ['(x)'], ['i']])))).toEqual([
      'I SECTION 0 -',
      'I.1 ITEM 1 I',
      'I.1.-1 CHILD 2 I.1',
      'I.1.-2 CHILD 2 I.1',
      'I.1.i CHILD 2 I.1',
    ]);
  });

  it('builds keys from numbering only, not from labels', () => {
    const lines: Line[] = [['I', 'A'], ['1', 'B'], ['–', 'C'], ['', 'D', false], ['', 'E']];
    const relabelled = lines.map(([stt, , hasValues]): Line => [stt, 'another label', hasValues]);
    expect(deriveHierarchy(published(relabelled))).toEqual(deriveHierarchy(published(lines)));
  });

  it('reads STT with surrounding spaces and returns nothing for no rows', () => {
    expect(tree(deriveHierarchy(published([[' II '], [' 1 ']])))).toEqual(['II SECTION 0 -', 'II.1 ITEM 1 II']);
    expect(deriveHierarchy([])).toEqual([]);
  });
});
