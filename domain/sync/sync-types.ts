import type { Finding } from '../rules';

/** A finding as the sync contract reports it: the engine's, plus whether the stored table already had it. */
export interface SyncFinding extends Finding {
  /** True when the stored table already has this finding: it does not block a push that did not cause it. */
  preExisting: boolean;
}

export interface CellConflict {
  rowKey: string;
  columnKey: string;
  rowNumber: string | null;
  rowLabel: string;
  columnLabel: string;
  /** At the client's baseVersion. */
  base: string | null;
  /** Now on the server, written by someone else since baseVersion. */
  theirs: string | null;
  /** What this push wanted. */
  mine: string | null;
}

export type PushStatus = 'APPLIED' | 'REJECTED' | 'CONFLICT';

export interface PushOutcome {
  status: PushStatus;
  tableId: number;
  tableTitle: string;
  /** Version after an applied push, else the current version. */
  version: number;
  contentHash: string;
  changeSetId: number | null;
  /** Cells actually changed (unchanged values are not counted). */
  appliedCells: number;
  findings: SyncFinding[];
  conflicts: CellConflict[];
  messageVi: string;
  messageEn: string;
  /** True when this answer is the stored result of an earlier push with the same idempotency key. */
  replayed: boolean;
}

export interface CellChangeRequest {
  rowKey: string;
  columnKey: string;
  /** Canonical decimal ("5600826", "0.21") or null to empty the cell. */
  value?: string | null;
  /** What a person typed, Vietnamese notation ("5.600.826", "0,21"). */
  text?: string | null;
}

export interface PushRequest {
  tableId: number;
  baseVersion: number;
  idempotencyKey: string;
  comment?: string | null;
  changes: CellChangeRequest[];
}
