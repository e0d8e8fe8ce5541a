/** Reading what a table workbook shows, with the reader's rights, and writing it out. */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Access } from '../auth/access';
import { contentHash } from '../tables/content-hash';
import { snapshotAtVersion } from '../tables/table-history';
import { loadTableState, type TableState } from '../tables/table-state';
import type { Lang } from '../../domain/sheet/table-sheet';
import { WorkbookRefused } from './workbook-errors';
import { writeTableWorkbook, type WorkbookTable } from './workbook-layout';

export function tableNotFound(tableId: string): WorkbookRefused {
  return new WorkbookRefused(404, 'NOT_FOUND', `Không tìm thấy bảng "${tableId}" (có thể đã bị xóa)`, `No table "${tableId}" (it may have been deleted)`);
}

/** The table the caller may read, or NOT_FOUND (a table one may not read answers like a missing one). */
export async function readableTable(em: EntityManager, access: Access, tableId: string): Promise<TableState> {
  const state = /^\d{1,9}$/.test(tableId) ? await loadTableState(em, Number(tableId)) : null;
  if (!state || !access.can('READ', state.unitId)) throw tableNotFound(tableId);
  return state;
}

export function parseVersion(state: TableState, raw: unknown): number {
  if (raw === undefined || raw === '') return state.version;
  const version = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!(version >= 1 && version <= state.version)) {
    throw new WorkbookRefused(400, 'BAD_VERSION', `Bảng "${state.title}" không có phiên bản ${String(raw)} (hiện tại ${state.version})`, `Table "${state.title}" has no version ${String(raw)} (current ${state.version})`);
  }
  return version;
}

export interface DownloadRequest {
  tableId: string;
  version?: unknown;
  lang: Lang;
  serverUrl: string;
}

export async function workbookTable(em: EntityManager, access: Access, request: DownloadRequest): Promise<WorkbookTable> {
  const state = await readableTable(em, access, request.tableId);
  const version = parseVersion(state, request.version);
  const [snapshot, [plan]] = await Promise.all([
    snapshotAtVersion(em, state, version),
    em.execute(`select p.title, u.name from plan p left join administrative_unit u on u.id = p.issuing_unit_id where p.id = ?`, [state.planId]),
  ]);
  return {
    tableId: state.id,
    documentNumber: state.documentNumber,
    title: state.title,
    caption: state.caption,
    planTitle: plan?.title ?? '',
    issuingUnitName: plan?.name ?? null,
    unitOfMeasure: state.unitOfMeasure,
    version,
    pulledAt: new Date().toISOString(),
    serverUrl: request.serverUrl,
    contentHash: contentHash(snapshot),
    editable: version === state.version && state.status === 'DRAFT' && access.can('EDIT', state.unitId),
    snapshot,
    rules: state.rules,
    lang: request.lang,
  };
}

/** The file name offered: document number, title and version, without characters file systems refuse. */
export function workbookFileName(table: Pick<WorkbookTable, 'documentNumber' | 'title' | 'version'>): string {
  return `${table.documentNumber} ${table.title} v${table.version}.xlsx`.replace(/[\\/:*?"<>|]/g, '-');
}

export async function downloadWorkbook(em: EntityManager, access: Access, request: DownloadRequest): Promise<{ fileName: string; body: Buffer }> {
  const table = await workbookTable(em, access, request);
  const body = await writeTableWorkbook(table);
  return { fileName: workbookFileName(table), body };
}
