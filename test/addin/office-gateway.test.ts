/**
 * The Office.js gateway against office-addin-mock (Microsoft's mock of the Office object model): the
 * right objects are touched, properties are loaded before they are read, and each call syncs a bounded
 * number of times.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { OfficeWorkbookGateway, detectCapabilities } from '../../addin/src/excel/office-gateway';
import { PROTECTION } from '../../addin/src/excel/protection';
import { createFakeOffice } from './support/fake-office';
import { MemoryBook } from './support/memory-book';

/** Counts context.sync() calls of the mock. */
function excelMock(data: Record<string, any>) {
  let syncs = 0;
  const mockData = {
    ...data,
    run: async function (this: any, callback: (context: any) => Promise<unknown>) {
      const context = this.context;
      const sync = context.sync.bind(context);
      context.sync = async () => {
        syncs += 1;
        return sync();
      };
      return callback(context);
    },
  };
  const mock = new OfficeMockObject(mockData) as any;
  return { mock, syncs: () => syncs, run: (_options: unknown, callback: any) => mock.run(callback) };
}

const allSets = () => true;

describe('OfficeWorkbookGateway with office-addin-mock', () => {
  it('detects optional features from the requirement sets', () => {
    expect(detectCapabilities((_set, version) => Number(version.split('.')[1]) <= 9)).toEqual({ notes: false, prompts: true, mergedAreas: false, indent: true, culture: false });
    expect(detectCapabilities(() => { throw new Error('no Office'); })).toEqual({ notes: false, prompts: false, mergedAreas: false, indent: false, culture: false });
  });

  it('reads the used range as an address without the sheet name, in one sync', async () => {
    const { mock, syncs, run } = excelMock({
      context: { workbook: { worksheets: { sheet: { used: { address: "'Phụ lục 2'!A1:H37" }, getUsedRangeOrNullObject(this: any) { return this.used; } }, getItem(this: any) { return this.sheet; } } } },
    });
    const gateway = new OfficeWorkbookGateway(run, allSets);
    expect(await gateway.usedRange('{S}')).toBe('A1:H37');
    expect(syncs()).toBe(1);
    void mock;
  });

  it('reads values and formulas of several ranges in one sync', async () => {
    const range = { values: [[1, 'a']], formulas: [[1, 'a']], numberFormat: [['General', '@']] };
    const { syncs, run } = excelMock({
      context: { workbook: { worksheets: { sheet: { range, getRange(this: any) { return this.range; } }, getItem(this: any) { return this.sheet; } } } },
    });
    const gateway = new OfficeWorkbookGateway(run, allSets);
    const [data] = await gateway.read('{S}', [{ address: 'A1:B1', values: true, formulas: true }]);
    expect(data).toEqual({ address: 'A1:B1', values: [[1, 'a']], formulas: [[1, 'a']], numberFormat: undefined });
    expect(syncs()).toBe(1);
  });

  it('queues writes, fills and protection in one request (two syncs with the protection check)', async () => {
    const range = { values: [[0]], formulas: [[0]], numberFormat: [['General']], format: { fill: { color: '' }, font: { bold: false }, protection: { locked: true }, wrapText: false, columnWidth: 0, indentLevel: 0 } };
    const calls: string[] = [];
    const protection = {
      protected: true,
      options: { allowFormatCells: true, allowEditObjects: true, allowFormatColumns: true },
      unprotect() { calls.push('unprotect'); },
      protect(options: any) { calls.push(`protect:${options.allowInsertRows}:${options.allowFormatColumns}`); },
    };
    const { mock, syncs, run } = excelMock({
      context: { workbook: { worksheets: { sheet: { range, protection, getRange(this: any) { return this.range; } }, getItem(this: any) { return this.sheet; } } } },
    });
    const gateway = new OfficeWorkbookGateway(run, allSets);
    await gateway.apply('{S}', [
      { kind: 'values', address: 'D10', values: [[900]] },
      { kind: 'fill', address: 'D10', color: '#FDE7E9' },
      { kind: 'font', address: 'D10', font: { bold: true } },
      { kind: 'locked', address: 'D10', locked: false },
    ], { protection: PROTECTION });
    const sheet = mock.context.workbook.worksheets.sheet;
    expect(sheet.range.values).toEqual([[900]]);
    expect(sheet.range.format.fill.color).toBe('#FDE7E9');
    expect(sheet.range.format.font.bold).toBe(true);
    expect(sheet.range.format.protection.locked).toBe(false);
    expect(calls).toEqual(['unprotect', 'protect:false:true']);
    expect(syncs()).toBe(2);
  });

  it('adds and removes custom XML parts, checking which exist first', async () => {
    const created = { id: '{NEW}' };
    const deleted: string[] = [];
    const old = { id: '{OLD}', delete() { deleted.push('{OLD}'); } };
    const { mock, syncs, run } = excelMock({
      context: {
        workbook: {
          customXmlParts: {
            created,
            old,
            add(this: any, xml: string) { this.xml = xml; return this.created; },
            getItemOrNullObject(this: any) { return this.old; },
          },
        },
      },
    });
    const gateway = new OfficeWorkbookGateway(run, allSets);
    expect(await gateway.writeParts(['<binding xmlns="urn:planbridge:binding:1"/>'], ['{OLD}'])).toEqual(['{NEW}']);
    expect(mock.context.workbook.customXmlParts.xml).toContain('urn:planbridge:binding:1');
    expect(deleted).toEqual(['{OLD}']);
    expect(syncs()).toBe(2);
  });

  it('adds text conditional formats and a clustered column chart, after clearing the old ones, in one request', async () => {
    const calls: string[] = [];
    const added: any[] = [];
    const chart = { title: { text: '' }, setPosition(start: string, end: string) { calls.push(`position:${start}:${end}`); } };
    const { syncs, run } = excelMock({
      context: {
        workbook: {
          worksheets: {
            sheet: {
              protection: { protected: true, options: { allowFormatCells: true, allowEditObjects: true, allowFormatColumns: true }, unprotect() { calls.push('unprotect'); }, protect() { calls.push('protect'); } },
              charts: {
                items: [{ name: 'old', delete() { calls.push('delete:old'); } }],
                add(type: string, _source: unknown, seriesBy: string) { calls.push(`chart:${type}:${seriesBy}`); return chart; },
              },
              range: {
                conditionalFormats: {
                  add(type: string) { calls.push(`format:${type}`); const format = { textComparison: { format: { fill: { color: '' } }, rule: null } }; added.push(format); return format; },
                  clearAll() { calls.push('clearAll'); },
                },
              },
              getRange(this: any, address: string) { calls.push(`range:${address}`); return this.range; },
            },
            getItem(this: any) { return this.sheet; },
          },
        },
      },
    });
    const gateway = new OfficeWorkbookGateway(run, allSets);
    await gateway.apply('{S}', [
      { kind: 'deleteCharts', address: '' },
      { kind: 'clearConditionalFormats', address: 'M6:M9' },
      { kind: 'conditionalFill', address: 'M6:M9', text: 'Đúng tiến độ', color: '#C6EFCE' },
      { kind: 'columnChart', address: 'A12:C14', title: 'Tỷ lệ hộ nghèo (%)', position: 'E12:L27' },
    ], { protection: PROTECTION });
    expect(calls).toEqual(['unprotect', 'delete:old', 'range:M6:M9', 'clearAll', 'range:M6:M9', 'format:ContainsText', 'range:A12:C14', 'chart:ColumnClustered:Columns', 'position:E12:L27', 'protect']);
    expect(added[0].textComparison).toEqual({ format: { fill: { color: '#C6EFCE' } }, rule: { operator: 'Contains', text: 'Đúng tiến độ' } });
    expect(chart.title.text).toBe('Tỷ lệ hộ nghèo (%)');
    expect(syncs()).toBe(2);
  });

  it('selects a cell after activating its sheet', async () => {
    const calls: string[] = [];
    const { run } = excelMock({
      context: {
        workbook: {
          worksheets: {
            sheet: {
              range: { select: () => calls.push('select') },
              activate: () => calls.push('activate'),
              getRange(this: any, address: string) { calls.push(`range:${address}`); return this.range; },
            },
            getItem(this: any) { return this.sheet; },
          },
        },
      },
    });
    await new OfficeWorkbookGateway(run, allSets).select('{S}', 'D21');
    expect(calls).toEqual(['activate', 'range:D21', 'select']);
  });

  it('writes each operation to its own address, never all to A1', async () => {
    const book = new MemoryBook(['S']);
    const fake = createFakeOffice(book);
    const gateway = new OfficeWorkbookGateway(fake.Excel.run as never, allSets);
    await gateway.apply(book.sheets[0].id, [
      { kind: 'values', address: 'D10', values: [[900]] },
      { kind: 'values', address: 'F12:G12', values: [['a', 'b']] },
      { kind: 'fill', address: 'B3', color: '#FDE7E9' },
    ]);
    expect([book.get('S', 'D10'), book.get('S', 'F12'), book.get('S', 'G12'), book.cellAt('S', 'B3')?.fill]).toEqual([900, 'a', 'b', '#FDE7E9']);
    expect(book.cellAt('S', 'A1')).toBeUndefined();
  });
});
