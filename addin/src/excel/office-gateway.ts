/**
 * The workbook gateway over Office.js: the only file that calls Excel.run. Each method is one
 * Excel.run with one or two context.sync() calls, whatever the amount of data it carries; callers keep
 * the amount per call under the payload budget (chunks.ts).
 *
 * Minimum: ExcelApi 1.9 (manifest). Newer features are checked with isSetSupported and degrade:
 * notes 1.18 (else the input prompt of data validation), merged-area detection 1.13 (else skipped),
 * culture info 1.11 (else no separator hint). Conditional formats (1.6) and charts (1.1) are within the minimum.
 * Enum values are passed as their strings ('ContainsText', 'ColumnClustered'): the same in Office.js, and
 * they need no Excel global at run time.
 */
/// <reference types="office-js" />
import type { CellInput, ProtectionOptions, RangeData, RangeRead, SheetInfo, SheetOp, StoredPart, WorkbookCapabilities, WorkbookGateway } from './gateway';

type Supported = (set: string, version: string) => boolean;

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
    allowFormatCells: false,
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

  constructor(
    private readonly run: typeof Excel.run = Excel.run,
    isSetSupported: Supported = (set, version) => Office.context.requirements.isSetSupported(set, version),
  ) {
    this.caps = detectCapabilities(isSetSupported);
  }

  capabilities(): WorkbookCapabilities {
    return this.caps;
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/id,items/name,items/position,items/protection/protected');
      await context.sync();
      return sheets.items.map((sheet) => ({ id: sheet.id, name: sheet.name, position: sheet.position, protected: sheet.protection.protected }));
    });
  }

  async activeSheet(): Promise<SheetInfo> {
    return this.run(async (context) => {
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
    return this.run(async (context) => {
      const used = context.workbook.worksheets.getItem(sheetId).getUsedRangeOrNullObject(true);
      used.load('address');
      await context.sync();
      return used.isNullObject ? null : used.address.replace(/^.*!/, '');
    });
  }

  async read(sheetId: string, reads: RangeRead[]): Promise<RangeData[]> {
    return this.run(async (context) => {
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

  async apply(sheetId: string, ops: SheetOp[], options: { unprotect?: boolean; protectAfter?: ProtectionOptions } = {}): Promise<void> {
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetId);
      // At most two syncs: one to learn the protection state, which notes and which charts exist, one for the writes.
      const noteAddresses = this.caps.notes ? ops.filter((op) => op.kind === 'note').map((op) => op.address) : [];
      const existing = new Map<string, Excel.Note>();
      const charts = ops.some((op) => op.kind === 'deleteCharts') ? sheet.charts : null;
      if (options.unprotect) sheet.protection.load('protected');
      charts?.load('items');
      for (const address of noteAddresses) {
        if (existing.has(address)) continue;
        const note = sheet.notes.getItemOrNullObject(address);
        note.load('content');
        existing.set(address, note);
      }
      if (options.unprotect || noteAddresses.length > 0 || charts) await context.sync();
      if (options.unprotect && sheet.protection.protected) sheet.protection.unprotect();
      const present = new Set([...existing].filter(([, note]) => !note.isNullObject).map(([address]) => address));
      for (const op of ops) {
        if (op.kind === 'deleteCharts') charts!.items.forEach((chart) => chart.delete());
        else this.queue(sheet, op, present);
      }
      if (options.protectAfter) sheet.protection.protect(protectionOptions(options.protectAfter));
      await context.sync();
    });
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
      case 'clear':
        sheet.getRange(op.address).clear(Excel.ClearApplyTo.all);
        return;
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

  async protect(sheetId: string, options: ProtectionOptions): Promise<void> {
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetId);
      sheet.protection.load('protected');
      await context.sync();
      if (!sheet.protection.protected) {
        sheet.protection.protect(protectionOptions(options));
        await context.sync();
      }
    });
  }

  async unprotect(sheetId: string): Promise<void> {
    await this.run(async (context) => {
      context.workbook.worksheets.getItem(sheetId).protection.unprotect();
      await context.sync();
    });
  }

  async mergedAreas(sheetId: string, address: string): Promise<string[]> {
    if (!this.caps.mergedAreas) return [];
    return this.run(async (context) => {
      const areas = context.workbook.worksheets.getItem(sheetId).getRange(address).getMergedAreasOrNullObject();
      areas.load('address');
      await context.sync();
      if (areas.isNullObject || !areas.address) return [];
      return areas.address.split(',').map((part) => part.replace(/^.*!/, '').trim()).filter(Boolean);
    });
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
    return this.run(async (context) => {
      const parts = context.workbook.customXmlParts.getByNamespace(namespace);
      parts.load('items/id');
      await context.sync();
      return parts.items.map((part) => part.id);
    });
  }

  async readParts(namespace: string, ids?: string[]): Promise<StoredPart[]> {
    return this.run(async (context) => {
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

  async groupSeparator(): Promise<string | null> {
    if (!this.caps.culture) return null;
    return this.run(async (context) => {
      const format = context.application.cultureInfo.numberFormat;
      format.load('numberGroupSeparator');
      await context.sync();
      return format.numberGroupSeparator;
    });
  }
}
