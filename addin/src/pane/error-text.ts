/**
 * What the pane tells a person when something fails: worded from the error's kind and code in their language,
 * never from an exception's own message (Office's and the browser's are meant for developers).
 */
import { ApiError } from '../api/graphql';
import type { Lang } from '../api/types';
import { ExcelError } from '../excel/excel-errors';
import { NotAReportError, ReportSheetError } from '../report/report-store';
import { NotBoundError } from '../table-sync/sheet-sync';
import { SheetImportRefused } from '../table-sync/sheet-import';
import { type MessageKey, pick, t } from './i18n';

const EXCEL_MESSAGES: Record<string, MessageKey> = {
  ItemNotFound: 'excelItemNotFound',
  InvalidOperation: 'excelInvalidOperation',
  AccessDenied: 'excelAccessDenied',
  RequestPayloadSizeLimitExceeded: 'excelPayload',
  ResponsePayloadSizeLimitExceeded: 'excelPayload',
};

export function errorText(lang: Lang, error: unknown): string {
  if (error instanceof ApiError) return pick(lang, error.messageVi, error.messageEn);
  if (error instanceof SheetImportRefused) return pick(lang, error.messageVi, error.messageEn);
  if (error instanceof NotBoundError) return t(lang, 'unbound');
  if (error instanceof ReportSheetError) return t(lang, 'reportSheetRefused', { sheet: error.sheetName });
  if (error instanceof NotAReportError) return t(lang, 'notAReport');
  if (error instanceof ExcelError) return t(lang, EXCEL_MESSAGES[error.code] ?? 'excelFailed', { code: error.code });
  return t(lang, 'unexpected');
}
