import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestApp, type TestApp } from '../support/graphql';

/**
 * Phụ lục 2 of Cần Thơ plan 132/KH-UBND read back through GraphQL must equal the transcription
 * cell for cell. The expected values are derived here from the CSV text by plain string rules
 * (drop '.', ',' → '.'), independently of the server's parser.
 */
const csvPath = path.resolve(__dirname, '../../server/seed/files/can-tho-plan-132-appendix-2.csv');
const csv = readFileSync(csvPath, 'utf8');
const records: string[][] = parse(csv.split('\n').filter((line) => !line.startsWith('#')).join('\n'), { skip_empty_lines: true });
const [headers, numbering, ...published] = records;

function expectedValue(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed.replace(/\./g, '').replace(',', '.');
}

const TABLE_QUERY = `
  query ($doc: String!, $title: String!) {
    findTable(documentNumber: $doc, title: $title) {
      id title caption unitOfMeasure version
      plan { documentNumber issuedOn issuingUnit { code name } }
      columns { key label publishedNumber type isTotal fundingSource { key } }
      rows {
        key publishedNumber label level kind parentKey
        component { key } supportPolicy { key }
        cells { columnKey value }
      }
    }
  }`;

describe('Phụ lục 2 of 132/KH-UBND through GraphQL', () => {
  let db: TestDatabase;
  let app: TestApp;
  let table: any;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db.orm);
    const response = await app.query(TABLE_QUERY, { doc: '132/KH-UBND', title: 'Phụ lục 2' });
    expect(response.errors).toBeUndefined();
    table = response.data!.findTable;
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('finds the table by document number and title, with its plan and unit of measure', () => {
    expect(table.title).toBe('Phụ lục 2');
    expect(table.unitOfMeasure).toBe('triệu đồng');
    expect(table.plan).toEqual({ documentNumber: '132/KH-UBND', issuedOn: '2022-06-20', issuingUnit: { code: '92', name: expect.stringContaining('Cần Thơ') } });
  });

  it('has the published columns, numbered as published, mapped to funding sources', () => {
    expect(table.columns.map((column: any) => column.label)).toEqual(headers.slice(2));
    expect(table.columns.map((column: any) => column.publishedNumber)).toEqual(numbering.slice(2));
    expect(table.columns.map((column: any) => column.fundingSource?.key ?? (column.isTotal ? 'TOTAL' : null))).toEqual([
      'TOTAL',
      'central-budget',
      'local-budget',
      'preferential-loans',
      'community',
    ]);
  });

  it('reproduces every row and every cell of the CSV exactly, empties empty', () => {
    expect(table.rows).toHaveLength(published.length);
    published.forEach((cells, index) => {
      const row = table.rows[index];
      expect(row.publishedNumber).toBe(cells[0].trim() === '' ? null : cells[0].trim());
      expect(row.label).toBe(cells[1].trim());
      expect(row.cells.map((cell: any) => cell.value)).toEqual(cells.slice(2).map(expectedValue));
    });
    const empties = table.rows.flatMap((row: any) => row.cells).filter((cell: any) => cell.value === null);
    const csvEmpties = published.flatMap((cells) => cells.slice(2)).filter((cell) => cell.trim() === '');
    expect(empties).toHaveLength(csvEmpties.length);
  });

  it('reads the grand total 5.600.826 million VND exactly', () => {
    const total = table.rows.find((row: any) => row.kind === 'GRAND_TOTAL');
    expect(total.label).toBe('TỔNG CỘNG (I+II):');
    expect(total.cells.find((cell: any) => cell.columnKey === 'total').value).toBe('5600826');
  });

  it('derives the hierarchy from the STT column', () => {
    const byLabel = (start: string) => table.rows.find((row: any) => row.label.startsWith(start));
    expect(byLabel('CHÍNH SÁCH TRỢ GIÚP')).toMatchObject({ kind: 'SECTION', level: 0, parentKey: null });
    expect(byLabel('Hỗ trợ về y tế')).toMatchObject({ kind: 'ITEM', level: 1, parentKey: 'I' });
    expect(byLabel('Hỗ trợ người cận nghèo')).toMatchObject({ kind: 'CHILD', level: 2, parentKey: byLabel('Hỗ trợ về y tế').key });
    expect(byLabel('Hỗ trợ chi phí học tập')).toMatchObject({ kind: 'CHILD', parentKey: byLabel('Hỗ trợ về giáo dục').key });
    expect(byLabel('Tiểu dự án 1: Hỗ trợ phát triển sản xuất')).toMatchObject({ level: 2, parentKey: byLabel('Dự án 2').key });
    const labels = table.rows.filter((row: any) => row.label === 'Trong đó:');
    expect(labels).toHaveLength(3);
    labels.forEach((row: any) => expect(row.kind).toBe('LABEL'));
    expect(table.rows[table.rows.length - 1]).toMatchObject({ kind: 'GRAND_TOTAL', parentKey: null });
  });

  it('links every component row to its national component despite the local numbering', () => {
    const links = Object.fromEntries(table.rows.filter((row: any) => row.component).map((row: any) => [row.key, row.component.key]));
    expect(links).toEqual({
      'III.1': 'DA2',
      'III.2': 'DA3',
      'III.2.1': 'DA3.TDA1',
      'III.2.2': 'DA3.TDA2',
      'III.3': 'DA4',
      'III.3.1': 'DA4.TDA1',
      'III.3.2': 'DA4.TDA2',
      'III.4': 'DA5',
      'III.5': 'DA6',
      'III.6': 'DA7',
      'III.6.1': 'DA7.TDA1',
      'III.6.2': 'DA7.TDA2',
    });
  });

  it('links the support-policy rows to their policies', () => {
    const policy = (start: string) => table.rows.find((row: any) => row.label.startsWith(start)).supportPolicy?.key ?? null;
    expect(policy('Hỗ trợ tín dụng ưu đãi')).toBe('preferential-credit');
    expect(policy('Hỗ trợ phụ nữ nghèo dân tộc thiểu số')).toBe('health');
    expect(policy('Hỗ trợ chi phí học tập')).toBe('education');
    expect(policy('Hỗ trợ tiền điện')).toBe('electricity');
    expect(policy('Trợ cấp Tết')).toBe('tet-allowance');
    expect(policy('CÁC DỰ ÁN THÀNH PHẦN')).toBeNull();
  });
});
