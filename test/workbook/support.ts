/** Downloading and uploading table workbooks through the real HTTP app. */
import ExcelJS from 'exceljs';
import type { TestApp } from '../support/graphql';
import { tokenFor } from '../support/graphql';
import type { TestDatabase } from '../support/database';
import { importTestTable } from '../support/tables';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface WorkbookClient {
  base: string;
  download(tableId: string, query?: string): Promise<Buffer>;
  upload(tableId: string, body: Buffer, options?: { query?: string; accept?: string; token?: string | null }): Promise<{ status: number; json: any; body: Buffer; type: string }>;
}

export async function workbookClient(app: TestApp, db: TestDatabase, login = 'admin'): Promise<WorkbookClient> {
  const base = app.url.replace(/\/graphql$/, '');
  const token = await tokenFor(db.orm, login);
  return {
    base,
    async download(tableId, query = '') {
      const response = await fetch(`${base}/tables/${tableId}.xlsx${query}`, { headers: { authorization: `Bearer ${token}` } });
      if (response.status !== 200) throw new Error(`download ${response.status}: ${await response.text()}`);
      return Buffer.from(await response.arrayBuffer());
    },
    async upload(tableId, body, options = {}) {
      const headers: Record<string, string> = { 'content-type': XLSX_TYPE };
      const bearer = options.token === undefined ? token : options.token;
      if (bearer) headers.authorization = `Bearer ${bearer}`;
      if (options.accept) headers.accept = options.accept;
      const response = await fetch(`${base}/tables/${tableId}.xlsx${options.query ?? ''}`, { method: 'POST', headers, body: new Uint8Array(body) });
      const type = response.headers.get('content-type') ?? '';
      const raw = Buffer.from(await response.arrayBuffer());
      return { status: response.status, json: type.includes('json') ? JSON.parse(raw.toString('utf8')) : null, body: raw, type };
    },
  };
}

export async function readBook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book;
}

export async function writeBook(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The 1-based sheet row holding a row key in column A. */
export function rowOf(sheet: ExcelJS.Worksheet, rowKey: string): number {
  for (let row = 1; row <= sheet.rowCount; row++) if (String(sheet.getCell(row, 1).value ?? '') === rowKey) return row;
  throw new Error(`row ${rowKey} not on the sheet`);
}

/** The 1-based sheet column of a column key in the #KEY row. */
export function columnOf(sheet: ExcelJS.Worksheet, columnKey: string): number {
  const keyRow = rowOf(sheet, '#KEY');
  for (let column = 1; column <= sheet.getRow(keyRow).cellCount; column++) if (String(sheet.getCell(keyRow, column).value ?? '') === columnKey) return column;
  throw new Error(`column ${columnKey} not on the sheet`);
}

/** A small table of its own (rows 1, 2 and a computed grand total TOTAL; columns total, central-budget) with a non-negative rule. */
export async function sampleTable(db: TestDatabase, title: string, rows: string[] = ['1,Dự án A,100,60', '2,Dự án B,50,', ',TỔNG CỘNG,150,60']): Promise<string> {
  const id = await importTestTable(db, ['STT,Nội dung,Tổng số,Ngân sách Trung ương', ...rows].join('\n'), {
    title,
    rules: [{ id: 'non-negative', kind: 'NON_NEGATIVE', severity: 'ERROR' }],
  });
  await db.orm.em.fork().getConnection().execute(`update table_row set computed = true where table_id = ? and kind = 'GRAND_TOTAL'`, [id]);
  return String(id);
}
