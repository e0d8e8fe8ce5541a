/**
 * "New table from this sheet": the selected range (or the sheet's used range when one cell is selected) read
 * as the text a reader sees, sent to importTable as a dry run, then imported with the person's choices; the
 * sheet is then rewritten as the new table pulled into it, so it is bound like any pulled sheet.
 */
import { boxA1, cellA1, parseBox } from '../../../domain/sheet/a1';
import { shownNumberText } from '../../../domain/import/shown-number';
import { type ImportAnswer, type ImportRequest, importTable } from '../api/table-import';
import type { PlanBridgeClient } from '../api/graphql';
import { type ProgressFn, noProgress } from '../excel/batches';
import { DEFAULT_CHUNK_BYTES, planRowChunks } from '../../../domain/sheet/chunks';
import type { CellInput, SheetInfo } from '../excel/gateway';
import type { Bound, SheetSync } from './sheet-sync';

/** The cells of a sheet as the import reads them. */
export interface SheetSource {
  sheet: SheetInfo;
  /** The range read, A1 without the sheet name. */
  address: string;
  grid: string[][];
}

export type ImportChoices = Pick<ImportRequest, 'planId' | 'title' | 'rules' | 'emptyMeans' | 'columnEmptyMeans' | 'columnTypes' | 'totalRow'>;

/** A sheet that cannot be read as a published table; nothing was sent. */
export class SheetImportRefused extends Error {
  constructor(
    readonly messageVi: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
  }
}

/** What Excel shows for a formula that failed (#REF!, #DIV/0!, …). */
const EXCEL_ERROR = /^#(?:REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;
/** A generous estimate of one read cell (value and number format) in the response. */
const BYTES_PER_CELL = 96;

function cellText(value: CellInput, format: string | undefined, address: string): string {
  if (value === null || value === '') return '';
  if (typeof value === 'number') return shownNumberText(value, format);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (EXCEL_ERROR.test(value)) {
    throw new SheetImportRefused(`Ô ${address} có lỗi ${value}; hãy sửa công thức hoặc nhập giá trị`, `Cell ${address} holds the error ${value}; fix the formula or enter the value`);
  }
  return value;
}

export class SheetImport {
  constructor(
    private readonly sync: SheetSync,
    private readonly client: () => PlanBridgeClient,
    private readonly chunkBytes = DEFAULT_CHUNK_BYTES,
  ) {}

  /** Reads the selected range, or the used range of the active sheet when a single cell is selected. */
  async read(progress: ProgressFn = noProgress): Promise<SheetSource> {
    const gateway = this.sync.gateway;
    const selected = await gateway.selectedRange();
    const sheet = (await gateway.listSheets()).find((candidate) => candidate.id === selected.sheetId)!;
    await this.sync.reports.refuse(sheet.id);
    const bound = await this.sync.bound(sheet.id);
    if (bound) {
      throw new SheetImportRefused(
        `Trang tính "${sheet.name}" đã chứa bảng "${bound.table.title}"; hãy mở trang tính có bảng đã ban hành`,
        `Sheet "${sheet.name}" already holds the table "${bound.table.title}"; open the sheet with the published table`,
      );
    }
    const address = selected.address.includes(':') ? selected.address : await gateway.usedRange(sheet.id);
    if (!address) throw new SheetImportRefused(`Trang tính "${sheet.name}" trống`, `Sheet "${sheet.name}" is empty`);
    const box = parseBox(address);
    const width = box.right - box.left + 1;
    const chunks = planRowChunks(box.bottom - box.top + 1, width * BYTES_PER_CELL, this.chunkBytes);
    const grid: string[][] = [];
    for (let i = 0; i < chunks.length; i++) {
      const top = box.top + chunks[i].start;
      const [data] = await gateway.read(sheet.id, [{ address: boxA1({ top, left: box.left, bottom: top + chunks[i].count - 1, right: box.right }), values: true, numberFormat: true }]);
      (data.values ?? []).forEach((row, r) => grid.push(row.map((value, c) => cellText(value, data.numberFormat?.[r]?.[c], cellA1(top + r, box.left + c)))));
      progress((i + 1) / chunks.length, `Đang đọc trang tính (${i + 1}/${chunks.length})…`, `Reading the sheet (${i + 1}/${chunks.length})…`);
    }
    return { sheet, address: boxA1(box), grid };
  }

  /** What the import would create from the sheet; nothing is written. */
  dryRun(source: SheetSource, choices: ImportChoices): Promise<ImportAnswer> {
    return importTable(this.client(), { ...choices, grid: source.grid, firstCell: source.address.split(':')[0], dryRun: true });
  }

  /**
   * Creates the table on the server, then pulls it into the sheet it was read from: the sheet is bound to
   * the new table (push, validate and refresh work on it as on any pulled sheet).
   */
  async create(source: SheetSource, choices: ImportChoices, progress: ProgressFn = noProgress): Promise<{ answer: ImportAnswer; bound: Bound }> {
    progress(0.05, 'Đang tạo bảng trên máy chủ…', 'Creating the table on the server…');
    const answer = await importTable(this.client(), { ...choices, grid: source.grid, firstCell: source.address.split(':')[0], dryRun: false });
    const bound = await this.sync.pull(answer.tableId!, { sheetId: source.sheet.id }, (fraction, vi, en) => progress(0.2 + fraction * 0.8, vi, en));
    return { answer, bound };
  }
}
