/**
 * Writing many operations into one sheet: batches under the payload budget, each one request, the sheet kept
 * protected (protection.ts decides, per batch, whether it must be lifted for the request).
 */
import { DEFAULT_CHUNK_BYTES, DEFAULT_MAX_OPS, opBytes, packBySize } from '../../../domain/sheet/chunks';
import type { SheetOp, WorkbookGateway } from './gateway';
import { PROTECTION } from './protection';

export type ProgressFn = (fraction: number, messageVi: string, messageEn: string) => void;

export const noProgress: ProgressFn = () => undefined;

/** Applies operations in batches under the payload budget; returns how many batches had to touch protection. */
export async function applyInBatches(
  gateway: WorkbookGateway,
  sheetId: string,
  ops: SheetOp[],
  options: { chunkBytes?: number; maxOps?: number; progress?: ProgressFn; from?: number; to?: number } = {},
): Promise<{ batches: number; protectionTouched: number }> {
  const { progress = noProgress, from = 0, to = 1 } = options;
  const batches = packBySize(ops, opBytes, options.chunkBytes ?? DEFAULT_CHUNK_BYTES, options.maxOps ?? DEFAULT_MAX_OPS);
  let protectionTouched = 0;
  for (let i = 0; i < batches.length; i++) {
    if ((await gateway.apply(sheetId, batches[i], { protection: PROTECTION })).protectionTouched) protectionTouched += 1;
    progress(from + ((to - from) * (i + 1)) / batches.length, `Đang ghi vào trang tính (${i + 1}/${batches.length})…`, `Writing to the sheet (${i + 1}/${batches.length})…`);
  }
  return { batches: batches.length, protectionTouched };
}
