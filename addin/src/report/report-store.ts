/**
 * Which sheets hold an indicator report, and the query each was pulled with: one small custom XML part per
 * report sheet (namespace urn:planbridge:report:1), so "Refresh" asks the same question again after the file
 * is closed and reopened, and table sync knows to keep its hands off the sheet. The sheet is recognised by
 * its worksheet id, which survives renaming, and its tag (excel/sheet-tag.ts), which a sheet given a deleted
 * report sheet's id does not carry. No token or other secret is stored.
 */
import type { WorkbookGateway } from '../excel/gateway';
import { t } from '../pane/i18n';
import type { ReportQuery } from '../../../domain/indicators/report-query';
import { partXml, readPartXml } from '../excel/custom-xml-parts';
import { stillTagged } from '../excel/sheet-tag';

export const REPORT_NS = 'urn:planbridge:report:1';

export interface ReportRecord {
  partId: string;
  sheetId: string;
  query: ReportQuery;
  pulledAt: string;
  serverUrl: string;
  /** The tag written into the sheet with the report; null for records from before tags existed. */
  sheetTag: string | null;
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
        records.push({ partId: part.id, sheetId: attributes.sheet, query: data.query, pulledAt: data.pulledAt, serverUrl: data.serverUrl, sheetTag: data.sheetTag ?? null });
      } catch {
        // a part we cannot read is not ours to interpret; it is left alone
      }
    }
    return records;
  }

  /** The sheet's record; a stale one (the sheet lacks its tag: another sheet got the id) is removed first. */
  async forSheet(sheetId: string): Promise<ReportRecord | null> {
    const record = (await this.list()).find((candidate) => candidate.sheetId === sheetId) ?? null;
    if (!record || (await stillTagged(this.gateway, sheetId, record.sheetTag))) return record;
    await this.gateway.writeParts([], [record.partId]);
    return null;
  }

  /** Writes the record of a report sheet, replacing its previous one in the same request. */
  async save(record: Omit<ReportRecord, 'partId'>, previous: ReportRecord | null): Promise<ReportRecord> {
    const body = JSON.stringify({ query: record.query, pulledAt: record.pulledAt, serverUrl: record.serverUrl, sheetTag: record.sheetTag });
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
