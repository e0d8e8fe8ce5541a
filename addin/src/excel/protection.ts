/**
 * When a write must lift the sheet's protection. Protecting and unprotecting a sheet cannot be undone and
 * clears the person's undo history ("Undo capabilities with the Excel JavaScript API"), so the add-in keeps
 * its sheets protected with options that let it format cells and edit notes, writes values only into
 * unlocked cells where it can, and lifts protection only for the operations that need it: changing locks,
 * clearing, conditional formats, charts, data-validation prompts, values into locked cells.
 */
import type { ProtectionOptions, SheetOp, WorkbookCapabilities } from './gateway';

/** How the add-in protects its sheets: no inserting, deleting or sorting; formats and notes stay open to it. */
export const PROTECTION: ProtectionOptions = { allowFormatColumns: true, allowFormatRows: true, allowFormatCells: true, allowEditObjects: true };

/** The sheet's protection as Excel reports it (options of a sheet protected by someone else may lack ours). */
export interface CurrentProtection {
  protected: boolean;
  options: Partial<ProtectionOptions> | null;
}

/**
 * Whether the batch needs protection lifted. `locked[i]` is the lock state Excel reports for the range of the
 * i-th values/formulas operation (null when the range mixes locked and unlocked cells).
 */
export function needsLift(ops: SheetOp[], current: CurrentProtection, locked: (boolean | null)[], capabilities: WorkbookCapabilities): boolean {
  if (!current.protected) return false;
  const options = current.options ?? {};
  if (!options.allowFormatCells || !options.allowEditObjects || !options.allowFormatColumns) return true;
  let write = 0;
  for (const op of ops) {
    switch (op.kind) {
      case 'values':
      case 'formulas':
        if (locked[write++] !== false) return true;
        break;
      case 'fill':
      case 'font':
      case 'numberFormat':
      case 'indent':
      case 'wrap':
      case 'columnWidth':
        break;
      case 'note':
        if (!capabilities.notes) return true;
        break;
      default:
        return true;
    }
  }
  return false;
}
