/** Reading an upload's cells from its sheet XML: the shapes other producers write, and what is refused. */
import { readWorkbookCells, type CellEntry } from '../../server/workbook/xlsx-cells';
import { WorkbookRefused } from '../../server/workbook/workbook-errors';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function workbookParts(sheetXml: string, extra: Record<string, string> = {}): Map<string, Buffer> {
  const parts: Record<string, string> = {
    'xl/workbook.xml': `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Bảng" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': sheetXml,
    ...extra,
  };
  return new Map(Object.entries(parts).map(([path, text]) => [path, Buffer.from(text, 'utf8')]));
}

function sheetOf(parts: Map<string, Buffer>, maxRows = 100) {
  const sheet = readWorkbookCells(parts, maxRows).sheet('Bảng');
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

describe('xlsx cells', () => {
  it('reads shared, inline and formula strings, numbers, booleans, errors and dates as the programs show them', () => {
    const sheet = sheetOf(
      workbookParts(
        `<x:worksheet xmlns:x="${MAIN}"><x:sheetData>` +
          `<x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="B2"><x:v>12.5</x:v></x:c><x:c r="C2" t="inlineStr"><x:is><x:r><x:t>Dự </x:t></x:r><x:r><x:t>án</x:t></x:r><x:rPh><x:t>phonetic</x:t></x:rPh></x:is></x:c></x:row>` +
          `<x:row><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#DIV/0!</x:v></x:c><x:c s="1"><x:v>46023</x:v></x:c><x:c t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c></x:row>` +
          `</x:sheetData><x:mergeCells><x:mergeCell ref="D5:E6"/></x:mergeCells></x:worksheet>`,
        {
          'xl/sharedStrings.xml': `<sst xmlns="${MAIN}"><si><t>zero</t></si><si><r><t xml:space="preserve"> #KEY </t></r></si></sst>`,
          'xl/styles.xml': `<styleSheet xmlns="${MAIN}"><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellStyleXfs><xf numFmtId="0"/><xf numFmtId="0"/></cellStyleXfs><cellXfs><xf numFmtId="3"/><xf numFmtId="164"/></cellXfs></styleSheet>`,
        },
      ),
    );
    const expected: [number, number, CellEntry][] = [
      [2, 1, { kind: 'text', text: '#KEY', formula: null }],
      [2, 2, { kind: 'number', value: 12.5, formula: null }],
      [2, 3, { kind: 'text', text: 'Dự án', formula: null }],
      [3, 1, { kind: 'text', text: 'TRUE', formula: null }],
      [3, 2, { kind: 'text', text: '#DIV/0!', formula: null }],
      [3, 3, { kind: 'text', text: '2026-01-01', formula: null }],
      [3, 4, { kind: 'text', text: 'ab', formula: '="a"&"b"' }],
      [1, 1, { kind: 'empty', formula: null }],
    ];
    for (const [row, column, entry] of expected) expect([row, column, sheet.cell(row, column)]).toEqual([row, column, entry]);
    expect(sheet.rowCount).toBe(3);
    expect(sheet.lastColumn(2)).toBe(3);
    expect(sheet.lastColumn(3)).toBe(4);
    expect(sheet.merges).toEqual(['D5:E6']);
  });

  it('gives each cell of a shared formula the group\'s formula, and tells a formula without a value', () => {
    const sheet = sheetOf(
      workbookParts(
        `<worksheet xmlns="${MAIN}"><sheetData><row r="1">` +
          `<c r="A1"><f t="shared" ref="A1:C1" si="0">B9*2</f><v>4</v></c><c r="B1"><f t="shared" si="0"/><v>6</v></c><c r="C1"><f>SUM(A1:B1)</f></c>` +
          `</row></sheetData></worksheet>`,
      ),
    );
    expect(sheet.cell(1, 1)).toEqual({ kind: 'number', value: 4, formula: '=B9*2' });
    expect(sheet.cell(1, 2)).toEqual({ kind: 'number', value: 6, formula: '=B9*2' });
    expect(sheet.cell(1, 3)).toEqual({ kind: 'uncalculated', formula: '=SUM(A1:B1)' });
  });

  it('refuses a sheet longer than the limit while reading it, and damaged XML or values', () => {
    const rows = (count: number) => Array.from({ length: count }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>1</v></c></row>`).join('');
    const long = workbookParts(`<worksheet xmlns="${MAIN}"><sheetData>${rows(101)}</sheetData></worksheet>`);
    expect(() => sheetOf(long)).toThrow(expect.objectContaining({ code: 'WORKBOOK_TOO_LARGE', status: 413, messageEn: expect.stringContaining('more than 100 rows') }));
    expect(sheetOf(long, 101).rowCount).toBe(101);
    for (const broken of [`<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></row>`, `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>abc</v></c></row></sheetData></worksheet>`, `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>7</v></c></row></sheetData></worksheet>`, `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData></worksheet>`, `<worksheet xmlns="${MAIN}"><sheetData><row r="x"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`]) {
      let error: unknown;
      try {
        sheetOf(workbookParts(broken));
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(WorkbookRefused);
      expect(error).toMatchObject({ code: 'NOT_A_WORKBOOK' });
    }
  });
});
