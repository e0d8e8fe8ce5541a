import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parseVietnameseNumber } from '../../domain/vietnamese-number';
import {
  AdministrativeUnit,
  Comparator,
  DocumentKind,
  FundingSource,
  Indicator,
  IndicatorAggregation,
  IndicatorDirection,
  IndicatorUnit,
  IndicatorValue,
  Period,
  Plan,
  Program,
  ProgramComponent,
  ProgramPhase,
  SourceDocument,
  SupportPolicy,
  TableTemplate,
  ValueKind,
} from '../entities';
import { PROJECT_ROOT } from '../project-root';
import { readAppendixCsv } from '../import/appendix-csv';
import { importPlanTable } from '../import/plan-table-import';
import { seedDocuments } from './data/documents';
import { seedIndicatorValues } from './data/indicator-values';
import { seedIndicators } from './data/indicators';
import { seedPeriods } from './data/periods';
import { insertUnits } from './administrative-units';
import { aggregationOf, extraIndicators, ratioIndicators, stockBalances } from './indicator-aggregation';
import { planSeeds } from './plans';
import { readProgramStructure } from './program-structure';
import { fundingSourceSeeds, phaseSeed, programSeed, supportPolicySeeds, templateSeeds } from './reference-data';

export const SEED_FILES_DIR = path.join(PROJECT_ROOT, 'server/seed/files');

function seedFile(name: string): string {
  return readFileSync(path.join(SEED_FILES_DIR, name), 'utf8');
}

function byKey<T extends { key: string }>(items: T[], what: string): (key: string) => T {
  const map = new Map(items.map((item) => [item.key, item]));
  return (key) => {
    const found = map.get(key);
    if (!found) throw new Error(`Seed data names an unknown ${what} "${key}"`);
    return found;
  };
}

function exactNumber(text: string, where: string): string {
  const parsed = parseVietnameseNumber(text);
  if (!parsed.ok || parsed.value === null) {
    throw new Error(`Seed value "${text}" (${where}) is not a Vietnamese number: ${parsed.ok ? 'empty' : parsed.error.messageEn}`);
  }
  return parsed.value;
}

function loadProgram(em: EntityManager): ProgramComponent[] {
  const program = em.create(Program, programSeed);
  const phase = em.create(ProgramPhase, { ...phaseSeed, program });
  const components: ProgramComponent[] = [];
  for (const seed of readProgramStructure(seedFile('qd90_program_structure.csv'))) {
    const parent = seed.parentKey ? components.find((component) => component.key === seed.parentKey) ?? null : null;
    components.push(em.create(ProgramComponent, { ...seed, phase, parent }));
  }
  return components;
}

async function loadUnits(em: EntityManager): Promise<(key: string) => AdministrativeUnit> {
  const ids = await insertUnits(em);
  return (key) => {
    const id = ids.get(key);
    if (id === undefined) throw new Error(`Seed data names an unknown unit "${key}"`);
    return em.getReference(AdministrativeUnit, id);
  };
}

function loadIndicators(em: EntityManager, unit: (key: string) => AdministrativeUnit): (key: string) => SourceDocument {
  const documents = seedDocuments.map((seed) =>
    em.create(SourceDocument, {
      key: seed.key,
      title: seed.title,
      documentNumber: seed.documentNumber ?? null,
      issuedOn: seed.issuedOn ?? null,
      issuingUnit: unit(seed.issuingUnitKey),
      kind: seed.kind as DocumentKind,
      file: seed.file,
    }),
  );
  const periods = seedPeriods.map((seed) => em.create(Period, seed));
  const indicators = [...seedIndicators, ...extraIndicators].map((seed) =>
    em.create(Indicator, {
      ...seed,
      unit: seed.unit as IndicatorUnit,
      direction: seed.direction as IndicatorDirection,
      aggregation: aggregationOf(seed) as IndicatorAggregation,
      balance: stockBalances[seed.key] ?? null,
    }),
  );
  for (const [key, ratio] of Object.entries(ratioIndicators)) {
    const rate = indicators.find((indicator) => indicator.key === key)!;
    rate.numerator = indicators.find((indicator) => indicator.key === ratio.numerator)!;
    rate.denominator = indicators.find((indicator) => indicator.key === ratio.denominator)!;
    rate.ratioScale = ratio.scale;
  }
  const document = byKey(documents, 'document');
  const period = byKey(periods, 'period');
  const indicator = byKey(indicators, 'indicator');
  for (const seed of seedIndicatorValues) {
    em.create(IndicatorValue, {
      indicator: indicator(seed.indicatorKey),
      unit: unit(seed.unitKey),
      period: period(seed.periodKey),
      kind: seed.kind as ValueKind,
      value: exactNumber(seed.value, `${seed.indicatorKey} ${seed.unitKey} ${seed.periodKey}`),
      comparator: (seed.comparator ?? 'EQ') as Comparator,
      sourceDocument: document(seed.documentKey),
      quote: seed.quote,
    });
  }
  return document;
}

/** Loads every seed document into an empty database, in the caller's transaction. */
export async function loadSeed(em: EntityManager): Promise<void> {
  const components = loadProgram(em);
  const phase = components[0].phase;
  const fundingSources = fundingSourceSeeds.map((seed) => em.create(FundingSource, seed));
  const policies = supportPolicySeeds.map((seed) => em.create(SupportPolicy, seed));
  const templates = templateSeeds.map((seed) => em.create(TableTemplate, seed));
  const unit = await loadUnits(em);
  const document = loadIndicators(em, unit);
  const template = byKey(templates, 'template');

  for (const seed of planSeeds) {
    const plan = em.create(Plan, {
      documentNumber: seed.documentNumber,
      issuedOn: seed.issuedOn,
      issuingUnit: unit(seed.issuingUnitKey),
      phase,
      periodStart: seed.periodStart,
      periodEnd: seed.periodEnd,
      title: seed.title,
      sourceDocument: document(seed.documentKey),
    });
    seed.tables.forEach((table, position) => {
      importPlanTable(
        em,
        {
          plan,
          title: table.title,
          caption: table.caption,
          unitOfMeasure: table.unitOfMeasure,
          template: template(table.template),
          position,
          appendix: readAppendixCsv(seedFile(table.file)),
          componentLinks: table.componentLinks,
        },
        { fundingSources, components, policies },
      );
    });
  }
  await em.flush();
}

/** Seeds only a database that has no program yet, so restarts never duplicate or overwrite data. */
export async function seedIfEmpty(em: EntityManager): Promise<boolean> {
  if ((await em.count(Program, {})) > 0) return false;
  await em.transactional((tx) => loadSeed(tx as EntityManager));
  return true;
}
