/**
 * GET /reports/indicators.xlsx: the indicator report as a read-only workbook, for people without the add-in.
 * Query: indicators (keys, comma-separated), unitId (omitted: the whole country), asOf, from, to, breakdown
 * (NONE, CHILDREN, DESCENDANTS), lang. It is the add-in's report exactly: the same GraphQL query (the same
 * access rules: a unit one may not read answers like a missing one) and the same pure layout
 * (domain/indicators/indicator-report.ts), its sheet operations applied to an exceljs sheet here instead of to
 * Excel through Office.js. Every cell is locked and the sheet protected without a password: a report is read,
 * not typed into. Native charts are the one thing left out (exceljs cannot write them); the blocks they draw
 * from are there.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import ExcelJS from 'exceljs';
import express, { type Request, type Router } from 'express';
import { execute, parse, type GraphQLSchema } from 'graphql';
import { reportOperations, reportSheetName } from '../../domain/indicators/indicator-report';
import { PROGRESS_QUERY, type ProgressEntry } from '../../domain/indicators/progress-entry';
import { REPORT_QUERY_PROBLEMS, reportQueryFromForm } from '../../domain/indicators/report-query';
import { createContext } from '../graphql/context';
import type { RateLimits } from '../graphql/rate-limits';
import type { Logger } from '../logger';
import { Refusal } from '../../domain/refusal';
import { httpStatusOf } from '../http/refusal-status';
import { applySheetOps } from './sheet-ops';
import { WorkbookRefused } from './workbook-errors';
import { attachment, langOf, refuse } from './workbook-routes';

function text(req: Request, name: string): string {
  return typeof req.query[name] === 'string' ? (req.query[name] as string) : '';
}

export function reportRouter(orm: MikroORM, log: Logger, schema: GraphQLSchema, settings: { limits: RateLimits; publicIndicators: boolean }): Router {
  const router = express.Router();
  router.get('/reports/indicators.xlsx', async (req, res) => {
    try {
      const lang = langOf(req);
      const form = { unitId: text(req, 'unitId'), indicatorKeys: text(req, 'indicators').split(',').map((key) => key.trim()).filter(Boolean), asOf: text(req, 'asOf'), from: text(req, 'from'), to: text(req, 'to'), breakdown: text(req, 'breakdown') || 'NONE' };
      const read = reportQueryFromForm(form);
      if ('problem' in read) throw new WorkbookRefused(400, 'BAD_REPORT_QUERY', REPORT_QUERY_PROBLEMS[read.problem].vi, REPORT_QUERY_PROBLEMS[read.problem].en);
      const { query } = read;
      const contextValue = await createContext(orm, log, { requestId: String(req.headers['x-request-id'] ?? ''), authorization: req.headers.authorization, ip: req.ip ?? 'unknown' }, settings);
      const result = await execute({
        schema,
        document: parse(PROGRESS_QUERY),
        variableValues: { unit: query.unitId, keys: query.indicatorKeys, asOf: query.asOf, from: query.from, to: query.to, breakdown: query.breakdown },
        contextValue,
      });
      const error = result.errors?.[0];
      if (error) {
        const cause = error.originalError;
        // Anything but a refusal is a fault: refuse() logs it and answers 500 without its details.
        if (!(cause instanceof Refusal)) throw cause ?? error;
        throw new WorkbookRefused(httpStatusOf(cause), cause.code, cause.messageVi, cause.messageEn);
      }
      const entries = (result.data as { indicatorProgress: ProgressEntry[] }).indicatorProgress;
      const layout = reportOperations({ query, entries, pulledAt: new Date().toISOString(), serverUrl: `${req.protocol}://${req.get('host')}`, lang });
      const workbook = new ExcelJS.Workbook();
      workbook.creator = 'PlanBridge';
      const sheet = workbook.addWorksheet(reportSheetName(lang), { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
      applySheetOps(sheet, layout.ops.filter((op) => op.kind !== 'columnChart'));
      await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, sort: true, autoFilter: true });
      const subject = query.unitId === null ? 'ca-nuoc' : `don-vi-${query.unitId}`;
      attachment(res, `bao-cao-chi-tieu ${subject} ${(query.asOf ?? new Date().toISOString().slice(0, 10))}.xlsx`, Buffer.from(await workbook.xlsx.writeBuffer()));
    } catch (error) {
      refuse(res, log, error);
    }
  });
  return router;
}

