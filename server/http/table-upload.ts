/**
 * POST /plans/:planId/tables: the import's door for files (.xlsx or .csv body), for scripts and for staff
 * without the add-in. Query: title (required), dryRun, sheet, range, caption, unitOfMeasure, emptyMeans, notation
 * (VIETNAMESE | DECIMAL_POINT), columnEmptyMeans ("von-vay:NOT_PUBLISHED,total:ROLLUP": column key, meaning),
 * columnTypes ("von-vay:RATE": column key, MONEY | COUNT | RATE | MEASURE), totalRow (the total's data row, 0-based),
 * noTotalRow=true (the table has no total row, whatever the labels); replace (a draft table's id) with
 * baseVersion for a new version of the same sheet over it.
 * The answer is the same JSON as the importTable mutation's; errors are JSON with every problem named.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type Response, type Router } from 'express';
import { Refusal } from '../../domain/refusal';
import { httpStatusOf } from './refusal-status';
import { EMPTY_MEANINGS, type EmptyMeaning } from '../../domain/import/propose-rules';
import type { NumberNotation } from '../../domain/import/cell-reading';
import { problem } from '../../domain/import/import-problem';
import { ColumnType } from '../entities';
import { createContext } from '../graphql/context';
import type { RateLimits } from '../graphql/rate-limits';
import { importOrReplace } from '../graphql/resolvers/import-resolver';
import { importAnswer } from '../import/import-answer';
import { ImportRefused } from '../import/import-table';
import { planForImport } from '../import/plan-access';
import { csvGrid, workbookGrid } from '../import/workbook-grid';
import type { Logger } from '../logger';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const NOTATIONS: readonly NumberNotation[] = ['VIETNAMESE', 'DECIMAL_POINT'];

const COLUMN_TYPES: readonly ColumnType[] = [ColumnType.MONEY, ColumnType.COUNT, ColumnType.RATE, ColumnType.MEASURE];

/** "von-vay:NOT_PUBLISHED,total:ROLLUP" → [column key, choice] entries; null when an entry is not "key:CHOICE" of `allowed`. */
function columnChoices<T extends string>(value: string, allowed: readonly T[]): [string, T][] | null {
  const entries = value.split(',').map((entry): [string, T] | null => {
    const at = entry.lastIndexOf(':');
    const choice = entry.slice(at + 1).trim() as T;
    return at > 0 && allowed.includes(choice) ? [entry.slice(0, at).trim(), choice] : null;
  });
  return entries.every((entry) => entry !== null) ? (entries as [string, T][]) : null;
}

function badColumnChoices(parameter: string, example: string) {
  return problem(`BAD_${parameter.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase()}`, {}, `${parameter} phải có dạng khoá-cột:${example},khoá-cột:…`, `${parameter} must read column-key:${example},column-key:…`);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isCsv(req: Request): boolean {
  return /csv|text\/plain/i.test(req.headers['content-type'] ?? '') || /\.csv$/i.test(String(req.query.filename ?? ''));
}

export function tableUploadRouter(orm: MikroORM, log: Logger, settings: { limits: RateLimits; publicIndicators: boolean; maxBodyBytes: number }): Router {
  const router = express.Router();
  router.post('/plans/:planId/tables', express.raw({ type: () => true, limit: settings.maxBodyBytes }), async (req: Request, res: Response) => {
    const context = await createContext(orm, log, { requestId: String(req.headers['x-request-id'] ?? ''), authorization: req.headers.authorization, ip: req.ip ?? 'unknown' }, settings);
    try {
      const plan = await planForImport(context.em, context.access, String(req.params.planId));
      const title = text(req.query.title);
      const emptyMeans = text(req.query.emptyMeans);
      const notation = text(req.query.notation);
      const columnEmptyMeansText = text(req.query.columnEmptyMeans);
      const columnEmptyMeans = columnEmptyMeansText === undefined ? null : columnChoices(columnEmptyMeansText, EMPTY_MEANINGS);
      const columnTypesText = text(req.query.columnTypes);
      const columnTypes = columnTypesText === undefined ? null : columnChoices(columnTypesText, COLUMN_TYPES);
      const totalRowText = text(req.query.totalRow);
      const noTotalRowText = text(req.query.noTotalRow);
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const problems = [
        ...(title ? [] : [problem('MISSING_TITLE', {}, 'Thiếu tham số title (tên bảng)', 'The title parameter (the table\'s title) is missing')]),
        ...(emptyMeans === undefined || EMPTY_MEANINGS.includes(emptyMeans as EmptyMeaning) ? [] : [problem('BAD_EMPTY_MEANS', {}, `emptyMeans phải là một trong ${EMPTY_MEANINGS.join(', ')}`, `emptyMeans must be one of ${EMPTY_MEANINGS.join(', ')}`)]),
        ...(notation === undefined || NOTATIONS.includes(notation as NumberNotation) ? [] : [problem('BAD_NOTATION', {}, `notation phải là một trong ${NOTATIONS.join(', ')}`, `notation must be one of ${NOTATIONS.join(', ')}`)]),
        ...(columnEmptyMeansText === undefined || columnEmptyMeans ? [] : [badColumnChoices('columnEmptyMeans', EMPTY_MEANINGS[0])]),
        ...(columnTypesText === undefined || columnTypes ? [] : [badColumnChoices('columnTypes', COLUMN_TYPES[0])]),
        ...(totalRowText === undefined || /^\d+$/.test(totalRowText) ? [] : [problem('BAD_TOTAL_ROW', {}, 'totalRow phải là số thứ tự của một dòng số liệu, từ 0', 'totalRow must be the number of a data row, from 0')]),
        ...(noTotalRowText === undefined || ['true', 'false'].includes(noTotalRowText) ? [] : [problem('BAD_NO_TOTAL_ROW', {}, 'noTotalRow phải là true hoặc false', 'noTotalRow must be true or false')]),
        ...(body.length > 0 ? [] : [problem('EMPTY_BODY', {}, `Thiếu tệp: hãy gửi tệp .xlsx (${XLSX_TYPE}) hoặc .csv (text/csv) làm nội dung yêu cầu`, `No file: send an .xlsx (${XLSX_TYPE}) or .csv (text/csv) file as the request body`)]),
      ];
      if (problems.length > 0) throw new ImportRefused(problems);
      const { grid, origin } = isCsv(req) ? csvGrid(body) : await workbookGrid(body, { sheet: text(req.query.sheet), range: text(req.query.range) });
      const baseVersion = text(req.query.baseVersion);
      const outcome = await importOrReplace(context, plan, {
        planId: plan.id,
        title: title!,
        caption: text(req.query.caption),
        unitOfMeasure: text(req.query.unitOfMeasure),
        grid,
        origin,
        dryRun: req.query.dryRun === 'true',
        emptyMeans: emptyMeans as EmptyMeaning | undefined,
        notation: notation as NumberNotation | undefined,
        columnEmptyMeans: columnEmptyMeans?.map(([columnKey, means]) => ({ columnKey, means })) ?? null,
        columnTypes: columnTypes?.map(([columnKey, type]) => ({ columnKey, type })) ?? null,
        totalRow: totalRowText === undefined ? null : Number(totalRowText),
        noTotalRow: noTotalRowText === 'true',
      }, { tableId: text(req.query.replace), baseVersion: baseVersion === undefined ? undefined : Number(baseVersion) });
      res.status(outcome.dryRun ? 200 : 201).json(importAnswer(outcome));
    } catch (caught) {
      if (!(caught instanceof Refusal)) throw caught;
      res.status(httpStatusOf(caught)).json({ errors: [{ message: caught.message, extensions: caught.extensions }] });
    }
  });
  return router;
}
