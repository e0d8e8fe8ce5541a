/**
 * The workbook gateway over Office.js: the only file that calls Excel.run. Each method is one
 * Excel.run with one or two context.sync() calls, whatever the amount of data it carries; callers keep
 * the amount per call under the payload budget (chunks.ts). Every run passes delayForCellEdit, so a click
 * in the pane while a cell is still being edited waits for the edit instead of failing; errors leave as
 * ExcelError with Office's code, and reads are asked again after a transient error.
 *
 * Minimum: ExcelApi 1.9 (manifest). Newer features are checked with isSetSupported and degrade:
 * notes 1.18 (else the input prompt of data validation), merged-area detection 1.13 (else skipped),
 * culture info 1.11 (else no separator hint). Conditional formats (1.6) and charts (1.1) are within the minimum.
 * Enum values are passed as their strings ('ContainsText', 'ColumnClustered'): the same in Office.js, and
 * they need no Excel global at run time.
 */
/// <reference types="office-js" />
import { excelError } from './excel-errors';
import type { ApplyReport, CellInput, ProtectionOptions, RangeData, RangeRead, Separators, SheetInfo, SheetOp, StoredPart, WorkbookCapabilities, WorkbookGateway } from './gateway';
import { boxA1, mergedAreaAddresses, parseBox } from '../../../domain/sheet/a1';
import { needsLift } from './protection';
import { SHEET_TAG_NAME, tagFormula, tagOfFormula } from './sheet-tag';

type Supported = (set: string, version: string) => boolean;
type Batch<T> = (context: Excel.RequestContext) => Promise<T>;
type Run = <T>(options: Excel.RunOptions, batch: Batch<T>) => Promise<T>;

/** Reads asked again after a transient error: at most this many tries, a short pause between them. */
const READ_TRIES = 3;
const RETRY_PAUSE_MS = 250;
/** getMergedAreasOrNullObject fails past 512 merged areas: larger ranges are asked about in row bands. */
export const MERGED_AREAS_PER_CALL = 512;

export function detectCapabilities(isSetSupported: Supported): WorkbookCapabilities {
  const excel = (version: string) => {
    try {
      return isSetSupported('ExcelApi', version);
    } catch {
      return false;
    }
  };
  return { notes: excel('1.18'), prompts: excel('1.8'), mergedAreas: excel('1.13'), indent: excel('1.9'), culture: excel('1.11') };
}

function protectionOptions(options: ProtectionOptions): Excel.WorksheetProtectionOptions {
  return {
    allowFormatColumns: options.allowFormatColumns,
    allowFormatRows: options.allowFormatRows,
    allowFormatCells: options.allowFormatCells,
    allowEditObjects: options.allowEditObjects,
    allowInsertColumns: false,
    allowInsertRows: false,
    allowInsertHyperlinks: false,
    allowDeleteColumns: false,
    allowDeleteRows: false,
    allowSort: false,
    allowAutoFilter: false,
    allowPivotTables: false,
  };
}

export class OfficeWorkbookGateway implements WorkbookGateway {
  private readonly caps: WorkbookCapabilities;

  private readonly excelRun: Run;

  constructor(
    run: Run = (options, batch) => Excel.run(options, batch),
    isSetSupported: Supported = (set, version) => Office.context.requirements.isSetSupported(set, version),
    private readonly pause: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    this.excelRun = run;
    this.caps = detectCapabilities(isSetSupported);
  }

  /** One Excel.run that writes: never repeated (a failed write may have been partly applied). */
  private run<T>(batch: Batch<T>): Promise<T> {
    return this.excelRun({ delayForCellEdit: true }, batch).catch((error: unknown) => {
      throw excelError(error);
    });
  }

  /** One Excel.run that only reads: asked again after a transient error. */
  private async reading<T>(batch: Batch<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.run(batch);
      } catch (error) {
        const failure = excelError(error);
        if (!failure.transient || attempt >= READ_TRIES) throw failure;
        await this.pause(RETRY_PAUSE_MS * attempt);
      }
    }
  }

  capabilities(): WorkbookCapabilities {
    return this.caps;
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.reading(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/id,items/name,items/position,items/protection/protected');
      await context.sync();
      return sheets.items.map((sheet) => ({ id: sheet.id, name: sheet.name, position: sheet.position, protected: sheet.protection.protected }));
    });
  }

  async activeSheet(): Promise<SheetInfo> {
    return this.reading(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load('id,name,position,protection/protected');
      await context.sync();
      return { id: sheet.id, name: sheet.name, position: sheet.position, protected: sheet.protection.protected };
    });
  }

  async addSheet(name: string): Promise<SheetInfo> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      const taken = new Set(sheets.items.map((sheet) => sheet.name.toLowerCase()));
      let unique = name;
      for (let n = 2; taken.has(unique.toLowerCase()); n++) {
        const suffix = ` (${n})`;
        unique = `${name.slice(0, 31 - suffix.length)}${suffix}`;
      }
      const sheet = sheets.add(unique);
      sheet.activate();
      sheet.load('id,name,position');
      await context.sync();
      return { id: sheet.id, name: sheet.name, position: sheet.position, protected: false };
    });
  }

  async usedRange(sheetId: string): Promise<string | null> {
    return this.reading(async (context) => {
      const used = context.workbook.worksheets.getItem(sheetId).getUsedRangeOrNullObject(true);
      used.load('address');
      await context.sync();
      return used.isNullObject ? null : used.address.replace(/^.*!/, '');
    });
  }

  async selectedRange(): Promise<{ sheetId: string; address: string }> {
    return this.reading(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load('address');
      range.worksheet.load('id');
      await context.sync();
      return { sheetId: range.worksheet.id, address: range.address.replace(/^.*!/, '') };
    });
  }

  async read(sheetId: string, reads: RangeRead[]): Promise<RangeData[]> {
    return this.reading(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetId);
      const ranges = reads.map((read) => {
        const range = sheet.getRange(read.address);
        const props = [read.values && 'values', read.formulas && 'formulas', read.numberFormat && 'numberFormat'].filter(Boolean) as string[];
        range.load(props);
        return range;
      });
      await context.sync();
      return reads.map((read, index) => ({
        address: read.address,
        values: read.values ? (ranges[index].values as CellInput[][]) : undefined,
        formulas: read.formulas ? (ranges[index].formulas as CellInput[][]) : undefined,
        numberFormat: read.numberFormat ? (ranges[index].numberFormat as string[][]) : undefined,
      }));
    });
  }

  async apply(sheetId: string, ops: SheetOp[], options: { protection?: ProtectionOptions } = {}): Promise<ApplyReport> {
    const { protection } = options;
    let touched = false;
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetId);
      // First sync: the protection state and options, the lock state of the ranges values go to, which notes and charts exist.
      const noteAddresses = this.caps.notes ? ops.filter((op) => op.kind === 'note').map((op) => op.address) : [];
      const existing = new Map<string, Excel.Note>();
      const charts = ops.some((op) => op.kind === 'deleteCharts') ? sheet.charts : null;
      const tag = ops.some((op) => op.kind === 'sheetTag') ? sheet.names.getItemOrNullObject(SHEET_TAG_NAME) : null;
      tag?.load('formula');
      const locks = protection ? ops.filter((op) => op.kind === 'values' || op.kind === 'formulas').map((op) => sheet.getRange(op.address).format.protection) : [];
      if (protection) {
        sheet.protection.load('protected,options');
        for (const lock of locks) lock.load('locked');
      }
      charts?.load('items');
      for (const address of noteAddresses) {
        if (existing.has(address)) continue;
        const note = sheet.notes.getItemOrNullObject(address);
        note.load('content');
        existing.set(address, note);
      }
      if (protection || noteAddresses.length > 0 || charts || tag) await context.sync();
      const wasProtected = protection ? sheet.protection.protected : false;
      const lift = protection ? needsLift(ops, { protected: wasProtected, options: wasProtected ? sheet.protection.options : null }, locks.map((lock) => lock.locked), this.caps) : false;
      if (lift) sheet.protection.unprotect();
      const present = new Set([...existing].filter(([, note]) => !note.isNullObject).map(([address]) => address));
      for (const op of ops) {
        if (op.kind === 'deleteCharts') charts!.items.forEach((chart) => chart.delete());
        else if (op.kind === 'sheetTag') {
          if (tag && !tag.isNullObject) tag.formula = tagFormula(op.tag);
          else sheet.names.add(SHEET_TAG_NAME, tagFormula(op.tag)).visible = false;
        } else this.queue(sheet, op, present);
      }
      touched = protection !== undefined && (lift || !wasProtected);
      if (touched) sheet.protection.protect(protectionOptions(protection!));
      try {
        await context.sync();
      } catch (error) {
        // Excel keeps what ran before the failing operation, so protect() may not have run: put it back first.
        if (protection) await this.reprotect(context, sheet, protection);
        throw error;
      }
    });
    return { protectionTouched: touched };
  }

  private async reprotect(context: Excel.RequestContext, sheet: Excel.Worksheet, protection: ProtectionOptions): Promise<void> {
    sheet.protection.load('protected');
    await context.sync();
    if (sheet.protection.protected) return;
    sheet.protection.protect(protectionOptions(protection));
    await context.sync();
  }

  private queue(sheet: Excel.Worksheet, op: SheetOp, notesPresent: Set<string>): void {
    switch (op.kind) {
      case 'values':
        sheet.getRange(op.address).values = op.values as any[][];
        return;
      case 'formulas':
        sheet.getRange(op.address).formulas = op.formulas as any[][];
        return;
      case 'numberFormat':
        sheet.getRange(op.address).numberFormat = op.numberFormat;
        return;
      case 'fill': {
        const fill = sheet.getRange(op.address).format.fill;
        if (op.color === null) fill.clear();
        else fill.color = op.color;
        return;
      }
      case 'font': {
        const font = sheet.getRange(op.address).format.font;
        if (op.font.bold !== undefined) font.bold = op.font.bold;
        if (op.font.italic !== undefined) font.italic = op.font.italic;
        if (op.font.color !== undefined) font.color = op.font.color;
        if (op.font.size !== undefined) font.size = op.font.size;
        return;
      }
      case 'locked':
        sheet.getRange(op.address).format.protection.locked = op.locked;
        return;
      case 'indent':
        if (this.caps.indent) sheet.getRange(op.address).format.indentLevel = op.level;
        return;
      case 'wrap':
        sheet.getRange(op.address).format.wrapText = op.wrap;
        return;
      case 'columnWidth':
        sheet.getRange(op.address).format.columnWidth = op.width;
        return;
      case 'clear': {
        // A published table pulled over keeps no merged header: a merged cell would swallow the pulled layout's cells.
        const range = sheet.getRange(op.address);
        range.unmerge();
        range.clear('All');
        return;
      }
      case 'note': {
        const range = sheet.getRange(op.address);
        if (this.caps.notes) {
          if (notesPresent.has(op.address)) {
            if (op.text === null) sheet.notes.getItem(op.address).delete();
            else sheet.notes.getItem(op.address).content = op.text;
          } else if (op.text !== null) {
            sheet.notes.add(range, op.text);
            notesPresent.add(op.address);
          }
        } else if (this.caps.prompts) {
          if (op.text === null) range.dataValidation.clear();
          else range.dataValidation.prompt = { showPrompt: true, title: (op.title ?? 'PlanBridge').slice(0, 32), message: op.text.slice(0, 255) };
        }
        return;
      }
      case 'conditionalFill': {
        const format = sheet.getRange(op.address).conditionalFormats.add('ContainsText');
        format.textComparison.format.fill.color = op.color;
        format.textComparison.rule = { operator: 'Contains', text: op.text };
        return;
      }
      case 'clearConditionalFormats':
        sheet.getRange(op.address).conditionalFormats.clearAll();
        return;
      case 'columnChart': {
        const chart = sheet.charts.add('ColumnClustered', sheet.getRange(op.address), 'Columns');
        chart.title.text = op.title;
        const [start, end] = op.position.split(':');
        chart.setPosition(start, end);
        return;
      }
    }
  }

  async sheetTag(sheetId: string): Promise<string | null> {
    return this.reading(async (context) => {
      const name = context.workbook.worksheets.getItem(sheetId).names.getItemOrNullObject(SHEET_TAG_NAME);
      name.load('formula');
      await context.sync();
      return name.isNullObject ? null : tagOfFormula(name.formula);
    });
  }

  async mergedAreas(sheetId: string, address: string): Promise<string[]> {
    if (!this.caps.mergedAreas) return [];
    return this.reading(async (context) => {
      // Each area's own address (no splitting of a list, whose sheet name may hold a comma).
      const areas = context.workbook.worksheets.getItem(sheetId).getRange(address).getMergedAreasOrNullObject();
      areas.load('areaCount');
      await context.sync();
      if (areas.isNullObject) return [];
      if (areas.areaCount > MERGED_AREAS_PER_CALL) throw Object.assign(new Error('too many merged areas'), { code: 'TooManyMergedAreas' });
      areas.areas.load('items/address');
      await context.sync();
      return areas.areas.items.map((area) => mergedAreaAddresses(area.address)).flat();
    }).catch((error: unknown) => this.mergedAreasInBands(sheetId, address, error));
  }

  /** Past 512 merged areas Excel refuses the question: ask it again for the top and bottom halves. */
  private async mergedAreasInBands(sheetId: string, address: string, error: unknown): Promise<string[]> {
    const failure = excelError(error);
    const box = parseBox(address);
    if (box.bottom === box.top || !['TooManyMergedAreas', 'InvalidOperation', 'GeneralException'].includes(failure.code)) throw failure;
    const middle = Math.floor((box.top + box.bottom) / 2);
    const top = await this.mergedAreas(sheetId, boxA1({ ...box, bottom: middle }));
    const bottom = await this.mergedAreas(sheetId, boxA1({ ...box, top: middle + 1 }));
    return [...new Set([...top, ...bottom])];
  }

  async select(sheetId: string, address: string): Promise<void> {
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetId);
      sheet.activate();
      sheet.getRange(address).select();
      await context.sync();
    });
  }

  async listPartIds(namespace: string): Promise<string[]> {
    return this.reading(async (context) => {
      const parts = context.workbook.customXmlParts.getByNamespace(namespace);
      parts.load('items/id');
      await context.sync();
      return parts.items.map((part) => part.id);
    });
  }

  async readParts(namespace: string, ids?: string[]): Promise<StoredPart[]> {
    return this.reading(async (context) => {
      const parts = context.workbook.customXmlParts.getByNamespace(namespace);
      parts.load('items/id');
      await context.sync();
      const wanted = ids ? new Set(ids) : null;
      const selected = parts.items.filter((part) => !wanted || wanted.has(part.id));
      const xml = selected.map((part) => part.getXml());
      await context.sync();
      return selected.map((part, index) => ({ id: part.id, xml: xml[index].value }));
    });
  }

  async writeParts(add: string[], remove: string[]): Promise<string[]> {
    return this.run(async (context) => {
      const parts = context.workbook.customXmlParts;
      const doomed = remove.map((id) => {
        const part = parts.getItemOrNullObject(id);
        part.load('id');
        return part;
      });
      if (doomed.length > 0) await context.sync();
      const added = add.map((xml) => {
        const part = parts.add(xml);
        part.load('id');
        return part;
      });
      for (const part of doomed) if (!part.isNullObject) part.delete();
      await context.sync();
      return added.map((part) => part.id);
    });
  }

  async separators(): Promise<Separators | null> {
    if (!this.caps.culture) return null;
    return this.reading(async (context) => {
      const application = context.application;
      application.load('decimalSeparator,thousandsSeparator,useSystemSeparators');
      const system = application.cultureInfo.numberFormat;
      system.load('numberDecimalSeparator,numberGroupSeparator');
      await context.sync();
      return application.useSystemSeparators
        ? { decimal: system.numberDecimalSeparator, group: system.numberGroupSeparator, system: true }
        : { decimal: application.decimalSeparator, group: application.thousandsSeparator, system: false };
    });
  }
}
