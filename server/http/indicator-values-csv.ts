/**
 * GET /indicator-values.csv: the indicatorValuesConnection query as one CSV file, for spreadsheets and R. The same
 * filter (query string), order and access rules; every value, read page by page with keyset cursors.
 */
import { stringify } from 'csv-stringify';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Router, type Request } from 'express';
import { Refusal } from '../../domain/refusal';
import { httpStatusOf } from './refusal-status';
import { Access } from '../auth/access';
import { authenticate } from '../auth/tokens';
import { fromNumeric, pgArray } from '../db/numeric';
import { ValueKind } from '../entities';
import { badInput } from '../../domain/refusal';
import { IndicatorValuePages, type IndicatorValueRow, type IndicatorValueSort } from '../indicators/indicator-value-pages';
import { selectIndicatorValues, type IndicatorValueCriteria } from '../indicators/indicator-value-query';
import type { Logger } from '../logger';

const BATCH = 5000;
const HEADER = ['indicator', 'indicator_name', 'unit_code', 'unit_key', 'unit_name', 'period', 'kind', 'comparator', 'value', 'source_document', 'quote'];

/** Every value of a repeated (or comma-separated) query parameter. */
function list(req: Request, name: string): string[] | null {
  const raw = req.query[name];
  const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).flatMap((value) => String(value).split(',')).filter(Boolean);
  return values.length ? values : null;
}

function one(req: Request, name: string): string | null {
  return list(req, name)?.[0] ?? null;
}

function flag(req: Request, name: string): boolean {
  const value = one(req, name);
  if (value === null || value === 'false') return false;
  if (value === 'true') return true;
  throw badInput(name, `${name} phải là true hoặc false`, `${name} must be true or false`);
}

function criteriaOf(req: Request): { criteria: IndicatorValueCriteria; sort: IndicatorValueSort; descending: boolean } {
  const kinds = list(req, 'kind');
  const unknownKind = kinds?.find((kind) => !(kind in ValueKind));
  if (unknownKind) throw badInput('kind', `Loại giá trị không có: "${unknownKind}" (BASELINE, TARGET, ACTUAL)`, `No value kind "${unknownKind}" (BASELINE, TARGET, ACTUAL)`);
  const sort = one(req, 'sort') ?? 'PERIOD';
  if (sort !== 'PERIOD' && sort !== 'UNIT') throw badInput('sort', 'sort phải là PERIOD hoặc UNIT', 'sort must be PERIOD or UNIT');
  const direction = one(req, 'direction') ?? 'ASC';
  if (direction !== 'ASC' && direction !== 'DESC') throw badInput('direction', 'direction phải là ASC hoặc DESC', 'direction must be ASC or DESC');
  return {
    criteria: {
      unitId: one(req, 'unitId'),
      includeDescendants: flag(req, 'includeDescendants'),
      includePredecessors: flag(req, 'includePredecessors'),
      from: one(req, 'from'),
      to: one(req, 'to'),
      kinds: kinds as ValueKind[] | null,
      indicatorKeys: list(req, 'indicator'),
      sourceDocumentKeys: list(req, 'document'),
    },
    sort,
    descending: direction === 'DESC',
  };
}

async function accessOf(em: EntityManager, authorization: string | undefined): Promise<Access> {
  const token = await authenticate(em, authorization);
  return token ? Access.load(em, token.user) : Access.anonymous();
}

/** Names of what a batch of rows refers to, read once per batch. */
async function namesFor(em: EntityManager, rows: IndicatorValueRow[]): Promise<(row: IndicatorValueRow) => unknown[]> {
  const byId = async (sql: string, ids: number[]) => new Map<number, any>((await em.execute(sql, [pgArray([...new Set(ids)])])).map((item: any) => [item.id, item]));
  const [indicators, units, periods, documents] = await Promise.all([
    byId('select id, key, name from indicator where id = any(?::int[])', rows.map((row) => row.indicator_id)),
    byId('select id, code, key, name from administrative_unit where id = any(?::int[])', rows.map((row) => row.unit_id)),
    byId('select id, key from period where id = any(?::int[])', rows.map((row) => row.period_id)),
    byId('select id, key from source_document where id = any(?::int[])', rows.flatMap((row) => (row.source_document_id === null ? [] : [row.source_document_id]))),
  ]);
  return (row) => {
    const indicator = indicators.get(row.indicator_id);
    const unit = units.get(row.unit_id);
    // Empty stays empty: no document or quote is an empty field, never "null" or 0.
    return [indicator.key, indicator.name, unit.code, unit.key, unit.name, periods.get(row.period_id).key, row.kind, row.comparator, fromNumeric(row.value), row.source_document_id === null ? null : documents.get(row.source_document_id).key, row.quote];
  };
}

export function indicatorValuesCsvRouter(orm: MikroORM, log: Logger, settings: { publicIndicators: boolean }): Router {
  const router = Router();
  router.get('/indicator-values.csv', async (req, res) => {
    const em = orm.em.fork();
    let pages: IndicatorValuePages;
    try {
      const { criteria, sort, descending } = criteriaOf(req);
      const access = await accessOf(em, req.headers.authorization);
      pages = new IndicatorValuePages(em, await selectIndicatorValues(em, access, settings.publicIndicators, criteria), sort, descending);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      res.status(httpStatusOf(error)).json({ code: error.code, messageVi: error.messageVi, messageEn: error.messageEn, argument: error.details.argument });
      return;
    }
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="indicator-values.csv"');
    const csv = stringify({ header: true, columns: HEADER, bom: true });
    csv.pipe(res);
    try {
      let after: unknown[] | null = null;
      for (;;) {
        const rows = await pages.read({ after, before: null, limit: BATCH, backward: false });
        const line = await namesFor(em, rows);
        for (const row of rows) if (!csv.write(line(row))) await new Promise((resolve) => csv.once('drain', resolve));
        if (rows.length < BATCH) break;
        after = pages.keyOf(rows.at(-1)!);
      }
      csv.end();
    } catch (error) {
      // Headers are gone: cut the download short, so a partial file is never taken for a whole one.
      log.error({ err: error }, 'indicator values CSV failed');
      res.destroy(error as Error);
    }
  });
  return router;
}
