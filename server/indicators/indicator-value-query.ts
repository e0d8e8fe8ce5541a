import type { EntityManager } from '@mikro-orm/postgresql';
import type { Access } from '../auth/access';
import { reachableUnits } from '../db/unit-reach';
import { AdministrativeUnit, Indicator, SourceDocument, type ValueKind } from '../entities';
import { badInput, notFound, parseDate, parseId } from '../../domain/refusal';

/** Which indicator values a caller asks for, as given (GraphQL filter or CSV query string). */
export interface IndicatorValueCriteria {
  unitId?: string | null;
  includeDescendants?: boolean;
  includePredecessors?: boolean;
  from?: string | null;
  to?: string | null;
  kinds?: ValueKind[] | null;
  indicatorKeys?: string[] | null;
  sourceDocumentKeys?: string[] | null;
}

/** The criteria checked and turned into ids, with what the caller may read already applied. Null: no condition. */
export interface IndicatorValueSelection {
  unitIds: number[] | null;
  indicatorIds: number[] | null;
  /** Periods inside the range, chronologically: start date, then the longer period first. */
  periodIds: number[];
  /** Whether the range left out any period. */
  periodsLimited: boolean;
  kinds: ValueKind[] | null;
  sourceDocumentIds: number[] | null;
}

async function idsOfKeys(em: EntityManager, entity: typeof Indicator | typeof SourceDocument, keys: string[], what: [string, string]): Promise<number[]> {
  const found = await em.find(entity, { key: { $in: keys } });
  const known = new Set(found.map((item) => item.key));
  const unknown = keys.filter((key) => !known.has(key));
  if (unknown.length) throw notFound(what[0], what[1], unknown.join(', '));
  return found.map((item) => item.id);
}

async function unitsAsked(em: EntityManager, criteria: IndicatorValueCriteria): Promise<number[] | null> {
  if (!criteria.unitId) return null;
  const unitId = parseId(criteria.unitId, 'administrative unit', 'đơn vị hành chính');
  const follow = { children: Boolean(criteria.includeDescendants), predecessors: Boolean(criteria.includePredecessors) };
  // Following links, the one statement that follows them also tells whether the unit exists.
  const units = follow.children || follow.predecessors ? await reachableUnits(em, unitId, follow) : (await em.count(AdministrativeUnit, { id: unitId })) ? [unitId] : [];
  if (units.length === 0) throw notFound('administrative unit', 'đơn vị hành chính', criteria.unitId);
  return units;
}

/**
 * Checks the criteria (dates, a backwards range, unknown units, indicators or documents: BAD_USER_INPUT or
 * NOT_FOUND) and resolves them to ids; without public indicators only the units the caller may read remain.
 */
export async function selectIndicatorValues(em: EntityManager, access: Access, publicIndicators: boolean, criteria: IndicatorValueCriteria): Promise<IndicatorValueSelection> {
  const from = criteria.from ? parseDate(criteria.from, 'from') : null;
  const to = criteria.to ? parseDate(criteria.to, 'to') : null;
  if (from && to && from > to) throw badInput('to', `Khoảng thời gian ngược: từ ${from} đến ${to}`, `The period range is backwards: from ${from} to ${to}`);
  // Independent look-ups, sent at once on the pool's connections: one round trip's wait instead of four.
  const [asked, periods, indicatorIds, sourceDocumentIds] = await Promise.all([
    unitsAsked(em, criteria),
    em.execute<{ id: number; inside: boolean }[]>(
      `select id, (?::date is null or starts_on >= ?::date) and (?::date is null or ends_on <= ?::date) as inside
         from period order by starts_on, ends_on desc, id`,
      [from, from, to, to],
    ),
    criteria.indicatorKeys?.length ? idsOfKeys(em, Indicator, criteria.indicatorKeys, ['indicator', 'chỉ tiêu']) : null,
    criteria.sourceDocumentKeys?.length ? idsOfKeys(em, SourceDocument, criteria.sourceDocumentKeys, ['source document', 'văn bản nguồn']) : null,
  ]);
  let unitIds = asked;
  const readable = access.unitsFor('READ');
  if (!publicIndicators && readable !== 'ALL') {
    const allowed = new Set(readable);
    unitIds = (unitIds ?? readable).filter((id) => allowed.has(id));
  }
  return {
    unitIds,
    indicatorIds,
    periodIds: periods.filter((period) => period.inside).map((period) => period.id),
    periodsLimited: periods.some((period) => !period.inside),
    kinds: criteria.kinds?.length ? criteria.kinds : null,
    sourceDocumentIds,
  };
}
