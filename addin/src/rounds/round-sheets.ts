/**
 * The card's use cases over the workbook gateway and the GraphQL client: the status sheet of a round, and
 * the consolidation pulled read-only into two sheets (the table, and the units side by side). The server is
 * asked first, so a refused request leaves no empty sheet behind; every sheet is written protected, every
 * cell locked.
 */
import type { PlanBridgeClient } from '../api/graphql';
import type { Lang } from '../api/types';
import { type ProgressFn, applyInBatches, noProgress } from '../excel/batches';
import type { SheetInfo, SheetOp, WorkbookGateway } from '../excel/gateway';
import { type Consolidated, type IncludedStatus, type RoundOption, type RoundStatus, type ViewUnit, consolidated, roundStatus } from './round-api';
import { consolidatedOperations, sideBySideOperations } from './consolidated-sheets';
import { statusSheetOperations } from './status-sheet';

export interface RoundSheetOptions {
  lang: () => Lang;
  now?: () => Date;
  chunkBytes?: number;
  maxOps?: number;
}

export interface ConsolidationOutcome {
  table: Consolidated;
  sheet: SheetInfo;
  sideBySide: SheetInfo;
  arrangement: 'COLUMN_GROUPS' | 'ROW_BLOCKS';
}

const SHEET_NAMES: Record<Lang, { status: string; consolidated: string; sideBySide: string }> = {
  vi: { status: 'Tình hình báo cáo', consolidated: 'Tổng hợp', sideBySide: 'Tổng hợp theo đơn vị' },
  en: { status: 'Reporting status', consolidated: 'Consolidated', sideBySide: 'Consolidated by unit' },
};

export class RoundSheets {
  constructor(
    private readonly gateway: WorkbookGateway,
    private readonly client: () => PlanBridgeClient,
    private readonly options: RoundSheetOptions,
  ) {}

  private context() {
    const lang = this.options.lang();
    return { lang, names: SHEET_NAMES[lang], pulledAt: (this.options.now ? this.options.now() : new Date()).toISOString(), serverUrl: this.client().serverUrl };
  }

  private async write(name: string, ops: SheetOp[], progress: ProgressFn, from: number, to: number): Promise<SheetInfo> {
    const sheet = await this.gateway.addSheet(name);
    await applyInBatches(this.gateway, sheet.id, ops, { chunkBytes: this.options.chunkBytes, maxOps: this.options.maxOps, progress, from, to });
    return sheet;
  }

  /** Who has reported, into a new sheet; `status` when the card already has it. */
  async writeStatus(round: RoundOption, view: ViewUnit, status: RoundStatus | null, progress: ProgressFn = noProgress): Promise<{ sheet: SheetInfo; status: RoundStatus }> {
    const { lang, names, pulledAt, serverUrl } = this.context();
    progress(0.05, 'Đang tải tình hình báo cáo…', 'Downloading the reporting status…');
    const answer = status ?? (await roundStatus(this.client(), round.id, view.id));
    const { ops } = statusSheetOperations({ round, view, status: answer, pulledAt, serverUrl, lang }, { chunkBytes: this.options.chunkBytes });
    const sheet = await this.write(names.status, ops, progress, 0.2, 1);
    return { sheet, status: answer };
  }

  /** The consolidation of the units below `view`, read-only, into two new sheets. */
  async pullConsolidated(round: RoundOption, view: ViewUnit, include: IncludedStatus[], progress: ProgressFn = noProgress): Promise<ConsolidationOutcome> {
    const { lang, names, pulledAt, serverUrl } = this.context();
    progress(0.05, 'Đang tải bảng tổng hợp…', 'Downloading the consolidation…');
    const table = await consolidated(this.client(), round.id, view.id, include);
    const input = { round, table, pulledAt, serverUrl, lang };
    const sheet = await this.write(names.consolidated, consolidatedOperations(input, { chunkBytes: this.options.chunkBytes }), progress, 0.2, 0.5);
    const side = sideBySideOperations(input, { chunkBytes: this.options.chunkBytes });
    const sideBySide = await this.write(names.sideBySide, side.ops, progress, 0.5, 1);
    await this.gateway.select(sheet.id, 'A1');
    return { table, sheet, sideBySide, arrangement: side.arrangement };
  }
}
