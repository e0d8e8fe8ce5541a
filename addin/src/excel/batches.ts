/**
 * Writing many operations into one sheet: batches under the payload budget, each one request, with the
 * sheet's protection handled inside that request.
 */
import { DEFAULT_CHUNK_BYTES, DEFAULT_MAX_OPS, opBytes, packBySize } from './chunks';
import type { ProtectionOptions, SheetOp, WorkbookGateway } from './gateway';

export const PROTECTION: ProtectionOptions = { allowFormatColumns: true, allowFormatRows: true };

export type ProgressFn = (fraction: number, messageVi: string, messageEn: string) => void;

export const noProgress: ProgressFn = () => undefined;

/**
 * Applies operations in batches under the payload budget, protection lifted and restored within each request:
 * what the add-in writes into a sheet is never left unprotected between requests.
 */
export async function applyInBatches(
  gateway: WorkbookGateway,
  sheetId: string,
  ops: SheetOp[],
  options: { chunkBytes?: number; maxOps?: number; progress?: ProgressFn; from?: number; to?: number } = {},
): Promise<void> {
  const { progress = noProgress, from = 0, to = 1 } = options;
  const batches = packBySize(ops, opBytes, options.chunkBytes ?? DEFAULT_CHUNK_BYTES, options.maxOps ?? DEFAULT_MAX_OPS);
  for (let i = 0; i < batches.length; i++) {
    await gateway.apply(sheetId, batches[i], { unprotect: true, protectAfter: PROTECTION });
    progress(from + ((to - from) * (i + 1)) / batches.length, `Đang ghi vào trang tính (${i + 1}/${batches.length})…`, `Writing to the sheet (${i + 1}/${batches.length})…`);
  }
}
