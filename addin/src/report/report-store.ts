/**
 * Which sheets hold an indicator report, and the query each was pulled with: one small custom XML part per
 * report sheet (namespace urn:planbridge:report:1), so "Refresh" asks the same question again after the file
 * is closed and reopened, and table sync knows to keep its hands off the sheet. The sheet is recognised by
 * its worksheet id, which survives renaming. No token or other secret is stored.
 */
import type { WorkbookGateway } from '../excel/gateway';
import { t } from '../pane/i18n';
import type { ReportQuery } from './report-query';
import { partXml, readPartXml } from '../excel/custom-xml-parts';

export const REPORT_NS = 'urn:planbridge:report:1';

export interface ReportRecord {
  partId: string;
  sheetId: string;
  query: ReportQuery;
  pulledAt: string;
  serverUrl: string;
}

/** Table sync refuses to validate, push or pull into a report sheet: its cells are figures of the server, not a table. */
export class ReportSheetError extends Error {
  constructor(readonly sheetName: string) {
    super(t('en', 'reportSheetRefused', { sheet: sheetName }));
  }
}

export class NotAReportError extends Error {
  constructor() {
    super(t('en', 'notAReport'));
  }
}

export class ReportStore {
  constructor(private readonly gateway: WorkbookGateway) {}

  async list(): Promise<ReportRecord[]> {
    const records: ReportRecord[] = [];
    for (const part of await this.gateway.readParts(REPORT_NS)) {
      try {
        const { attributes, body } = readPartXml(part.xml);
        const data = JSON.parse(body) as Omit<ReportRecord, 'partId' | 'sheetId'>;
        records.push({ partId: part.id, sheetId: attributes.sheet, query: data.query, pulledAt: data.pulledAt, serverUrl: data.serverUrl });
      } catch {
        // a part we cannot read is not ours to interpret; it is left alone
      }
    }
    return records;
  }

  async forSheet(sheetId: string): Promise<ReportRecord | null> {
    return (await this.list()).find((record) => record.sheetId === sheetId) ?? null;
  }

  /** Writes the record of a report sheet, replacing its previous one in the same request. */
  async save(record: Omit<ReportRecord, 'partId'>, previous: ReportRecord | null): Promise<ReportRecord> {
    const body = JSON.stringify({ query: record.query, pulledAt: record.pulledAt, serverUrl: record.serverUrl });
    const [partId] = await this.gateway.writeParts([partXml('report', REPORT_NS, { sheet: record.sheetId }, body)], previous ? [previous.partId] : []);
    return { ...record, partId };
  }

  /** Removes the records of report sheets that were deleted; returns how many. */
  async forgetDeletedSheets(): Promise<number> {
    const sheets = new Set((await this.gateway.listSheets()).map((sheet) => sheet.id));
    const gone = (await this.list()).filter((record) => !sheets.has(record.sheetId));
    if (gone.length > 0) await this.gateway.writeParts([], gone.map((record) => record.partId));
    return gone.length;
  }

  /** Throws ReportSheetError when the sheet holds a report. */
  async refuse(sheetId: string): Promise<void> {
    if (!(await this.forSheet(sheetId))) return;
    const sheet = (await this.gateway.listSheets()).find((candidate) => candidate.id === sheetId);
    throw new ReportSheetError(sheet?.name ?? sheetId);
  }
}
