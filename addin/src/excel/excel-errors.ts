/**
 * Errors from Excel, by code. Office.js errors carry a `code` (OfficeExtension.ErrorCodes) and a message that
 * is meant for developers, not for the people using the add-in: the pane words its own message from the code.
 */

/** Codes after which the same read may succeed if asked again a moment later. */
const TRANSIENT = new Set(['ActivityLimitReached', 'RequestAborted', 'ServiceNotAvailable', 'Conflict']);

export class ExcelError extends Error {
  constructor(
    readonly code: string,
    readonly detail: string,
  ) {
    super(`Excel error ${code}`);
  }

  get transient(): boolean {
    return TRANSIENT.has(this.code);
  }
}

/** The Office.js error code of a thrown value ("GeneralException" when it has none). */
export function excelError(error: unknown): ExcelError {
  if (error instanceof ExcelError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const detail = String((error as Error | null)?.message ?? error);
  return new ExcelError(typeof code === 'string' && code !== '' ? code : 'GeneralException', detail);
}
