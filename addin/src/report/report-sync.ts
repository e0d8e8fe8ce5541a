/**
 * The indicator report's use cases — pull into a new sheet, refresh in place — over the workbook gateway
 * and the GraphQL client. The sheet is read-only (protected, every cell locked) and remembered with its
 * query (report-store.ts); a refresh asks the same query again, clears the sheet with its charts and
 * conditional formats, and writes it anew.
 */
import type { SheetInfo, SheetOp, WorkbookGateway } from '../excel/gateway';
import type { PlanBridgeClient } from '../api/graphql';
import { type ReportLayout, reportOperations, reportSheetName } from '../../../domain/indicators/indicator-report';
import type { ReportQuery } from '../../../domain/indicators/report-query';
import { NotAReportError, type ReportRecord, ReportStore } from './report-store';
import { type ProgressFn, applyInBatches, noProgress } from '../excel/batches';
import { randomId } from '../excel/custom-xml-parts';
import type { Lang, ProgressEntry } from '../api/types';

export interface ReportOptions {
  lang: () => Lang;
  now?: () => Date;
  chunkBytes?: number;
  maxOps?: number;
}

export interface ReportOutcome {
  sheet: SheetInfo;
  record: ReportRecord;
  rows: number;
  layout: ReportLayout;
}

export class IndicatorReports {
  readonly store: ReportStore;

  constructor(
    private readonly gateway: WorkbookGateway,
    private readonly client: () => PlanBridgeClient,
    private readonly options: ReportOptions,
  ) {
    this.store = new ReportStore(gateway);
  }

  /** Asks the server first, so a refused query leaves no empty sheet behind. */
  async pull(query: ReportQuery, progress: ProgressFn = noProgress): Promise<ReportOutcome> {
    await this.store.forgetDeletedSheets();
    progress(0.05, 'Đang tải báo cáo từ máy chủ…', 'Downloading the report…');
    const entries = await this.client().indicatorProgress(query);
    const sheet = await this.gateway.addSheet(reportSheetName(this.options.lang()));
    return this.write(sheet, query, entries, [], null, progress);
  }

  /** Pulls the report of a report sheet again, with the query it was pulled with. */
  async refresh(sheetId: string, progress: ProgressFn = noProgress): Promise<ReportOutcome> {
    await this.store.forgetDeletedSheets();
    const previous = await this.store.forSheet(sheetId);
    const sheet = (await this.gateway.listSheets()).find((candidate) => candidate.id === sheetId);
    if (!previous || !sheet) throw new NotAReportError();
    progress(0.05, 'Đang tải báo cáo từ máy chủ…', 'Downloading the report…');
    const entries = await this.client().indicatorProgress(previous.query);
    const used = await this.gateway.usedRange(sheetId);
    const clear: SheetOp[] = [{ kind: 'deleteCharts', address: '' }];
    if (used) clear.push({ kind: 'clearConditionalFormats', address: used }, { kind: 'clear', address: used });
    return this.write(sheet, previous.query, entries, clear, previous, progress);
  }

  private async write(sheet: SheetInfo, query: ReportQuery, entries: ProgressEntry[], clear: SheetOp[], previous: ReportRecord | null, progress: ProgressFn): Promise<ReportOutcome> {
    const pulledAt = (this.options.now ? this.options.now() : new Date()).toISOString();
    const serverUrl = this.client().serverUrl;
    const layout = reportOperations({ query, entries, pulledAt, serverUrl, lang: this.options.lang() }, { chunkBytes: this.options.chunkBytes });
    const sheetTag = randomId();
    const ops: SheetOp[] = [...clear, { kind: 'sheetTag', address: '', tag: sheetTag }, ...layout.ops];
    await applyInBatches(this.gateway, sheet.id, ops, { chunkBytes: this.options.chunkBytes, maxOps: this.options.maxOps, progress, from: 0.2, to: 0.9 });
    const record = await this.store.save({ sheetId: sheet.id, query, pulledAt, serverUrl, sheetTag }, previous);
    progress(1, 'Đã lấy báo cáo', 'Report pulled');
    return { sheet, record, rows: entries.length, layout };
  }
}
