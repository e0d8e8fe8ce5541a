/**
 * Checks the seed data transcribed from the seed documents (server/seed/files) against the documents themselves:
 * every figure is quoted verbatim from its document and written as published, every key resolves,
 * units' figures fall inside their validity, and the qualifier of each figure matches its wording.
 * Pure data test: no database.
 */
import * as fs from 'fs';
import * as path from 'path';
import { seedDocuments } from '../server/seed/data/documents';
import { seedIndicatorValues } from '../server/seed/data/indicator-values';
import { seedIndicators } from '../server/seed/data/indicators';
import { seedPeriods } from '../server/seed/data/periods';
import type {
  Comparator,
  SeedDocument,
  SeedIndicator,
  SeedIndicatorValue,
  SeedPeriod,
  SeedSuccession,
  SeedUnit,
} from '../server/seed/data/types';
import { seedSuccessions, seedUnits } from '../server/seed/data/units';

const SEEDS_DIR = path.resolve(__dirname, '../server/seed/files');

interface SeedData {
  units: SeedUnit[];
  successions: SeedSuccession[];
  documents: SeedDocument[];
  periods: SeedPeriod[];
  indicators: SeedIndicator[];
  values: SeedIndicatorValue[];
}

const realData = (): SeedData => ({
  units: seedUnits,
  successions: seedSuccessions,
  documents: seedDocuments,
  periods: seedPeriods,
  indicators: seedIndicators,
  values: seedIndicatorValues,
});

const VIETNAMESE_NUMBER = /^\d{1,3}(\.\d{3})*(,\d+)?$|^\d+(,\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LEVELS = ['PROVINCE', 'DISTRICT', 'COMMUNE'];
const UNITS = ['PERCENT', 'PERCENTAGE_POINTS', 'HOUSEHOLDS', 'PERSONS', 'WORKERS', 'CHILDREN', 'MODELS', 'HOUSES', 'MILLION_VND', 'COUNT'];
const DIRECTIONS = ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER', 'NEUTRAL'];
const KINDS = ['BASELINE', 'TARGET', 'ACTUAL'];
const COMPARATORS = ['EQ', 'LT', 'LE', 'GT', 'GE', 'APPROX'];
const SUCCESSION_KINDS = ['MERGE', 'SPLIT', 'RENAME', 'TRANSFER'];
const DOCUMENT_KINDS = ['PLAN', 'REPORT', 'NEWS'];

const documentText = new Map<string, string | null>();
function readDocument(file: string): string | null {
  if (!documentText.has(file)) {
    const p = path.join(SEEDS_DIR, file);
    documentText.set(file, fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : null);
  }
  return documentText.get(file)!;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function isRealDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The published figure as a number, for range checks only (seed values stay strings). */
function vietnameseToNumber(value: string): number {
  return Number(value.replace(/\./g, '').replace(',', '.'));
}

/**
 * Finds `value` in `quote` as a whole number: not glued to other digits, and not part of a longer
 * Vietnamese number ("15" is not found in "0,15", "2.90" is not found in "2.901").
 */
function findFigure(quote: string, value: string): number {
  const re = new RegExp(`(?<![\\d.,])${escapeRegExp(value)}(?![\\d]|[.,]\\d)`);
  const m = re.exec(quote);
  return m ? m.index : -1;
}

/** The comparator the wording around the figure implies: "dưới" LT, "ít nhất" GE, "khoảng" APPROX … */
function impliedComparator(quote: string, index: number, value: string): Comparator {
  const before = collapse(quote.slice(0, index)).toLowerCase();
  const after = collapse(quote.slice(index + value.length)).toLowerCase();
  if (/(ít nhất|tối thiểu)$/.test(before)) return 'GE';
  if (/(^|\s)từ$/.test(before) && /^%?\s*trở lên/.test(after)) return 'GE';
  if (/(không quá|tối đa)$/.test(before)) return 'LE';
  if (/(^|\s)(trên|hơn)$/.test(before)) return 'GT';
  if (/(^|\s)dưới$/.test(before)) return 'LT';
  if (/(^|\s)(khoảng|gần|xấp xỉ)$/.test(before)) return 'APPROX';
  return 'EQ';
}

function duplicates(keys: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const k of keys) (seen.has(k) ? dup : seen).add(k);
  return [...dup];
}

/** All problems of a seed data set, as readable messages; empty when the data is consistent. */
function validateSeedData(data: SeedData): string[] {
  const problems: string[] = [];
  const problem = (msg: string) => problems.push(msg);

  // ---- keys unique --------------------------------------------------------------------------
  for (const [what, keys] of [
    ['unit', data.units.map((u) => u.key)],
    ['document', data.documents.map((d) => d.key)],
    ['period', data.periods.map((p) => p.key)],
    ['indicator', data.indicators.map((i) => i.key)],
    ['document file', data.documents.map((d) => d.file)],
    ['succession', data.successions.map((s) => `${s.predecessorKey}→${s.successorKey}`)],
  ] as const) {
    for (const k of duplicates([...keys])) problem(`duplicate ${what} key ${k}`);
  }

  const units = new Map(data.units.map((u) => [u.key, u]));
  const documents = new Map(data.documents.map((d) => [d.key, d]));
  const periods = new Map(data.periods.map((p) => [p.key, p]));
  const indicators = new Map(data.indicators.map((i) => [i.key, i]));

  // ---- units ----------------------------------------------------------------------------------
  for (const u of data.units) {
    if (!u.code || !u.name) problem(`unit ${u.key}: code and name are required`);
    if (!LEVELS.includes(u.level)) problem(`unit ${u.key}: unknown level ${u.level}`);
    if (!isRealDate(u.validFrom)) problem(`unit ${u.key}: validFrom ${u.validFrom} is not a date`);
    if (u.validTo !== undefined && !isRealDate(u.validTo)) problem(`unit ${u.key}: validTo ${u.validTo} is not a date`);
    if (u.validTo !== undefined && u.validTo < u.validFrom) problem(`unit ${u.key}: validTo before validFrom`);
    if (!u.key.startsWith(`${u.code}@`)) problem(`unit ${u.key}: key does not start with its code ${u.code}@`);
    if (u.parentKey !== undefined) {
      const parent = units.get(u.parentKey);
      if (!parent) {
        problem(`unit ${u.key}: parent ${u.parentKey} not found`);
      } else {
        if (LEVELS.indexOf(parent.level) >= LEVELS.indexOf(u.level)) problem(`unit ${u.key}: parent ${parent.key} is not a higher level`);
        if (u.validFrom < parent.validFrom || (parent.validTo !== undefined && (u.validTo === undefined || u.validTo > parent.validTo))) {
          problem(`unit ${u.key}: validity is not inside its parent ${parent.key}'s`);
        }
      }
    } else if (u.level !== 'PROVINCE') {
      problem(`unit ${u.key}: a ${u.level} needs a parent`);
    }
  }
  // The same official code never designates two units at once.
  for (const a of data.units) {
    for (const b of data.units) {
      if (a.key < b.key && a.code === b.code) {
        const overlap = a.validFrom <= (b.validTo ?? '9999-12-31') && b.validFrom <= (a.validTo ?? '9999-12-31');
        if (overlap) problem(`units ${a.key} and ${b.key} share code ${a.code} with overlapping validity`);
      }
    }
  }

  // ---- successions --------------------------------------------------------------------------
  for (const s of data.successions) {
    const label = `succession ${s.predecessorKey}→${s.successorKey}`;
    const pred = units.get(s.predecessorKey);
    const succ = units.get(s.successorKey);
    if (!pred) problem(`${label}: predecessor not found`);
    if (!succ) problem(`${label}: successor not found`);
    if (!SUCCESSION_KINDS.includes(s.kind)) problem(`${label}: unknown kind ${s.kind}`);
    if (!isRealDate(s.effectiveOn)) problem(`${label}: effectiveOn ${s.effectiveOn} is not a date`);
    if (s.share !== undefined && !(/^(0(\.\d+)?|1(\.0+)?)$/.test(s.share))) problem(`${label}: share ${s.share} is not a decimal in 0..1`);
    if (pred && succ) {
      if (pred.validTo !== dayBefore(s.effectiveOn)) problem(`${label}: predecessor should end on ${dayBefore(s.effectiveOn)}, ends ${pred.validTo}`);
      if (succ.validFrom > s.effectiveOn || (succ.validTo !== undefined && succ.validTo < s.effectiveOn)) {
        problem(`${label}: successor does not exist on ${s.effectiveOn}`);
      }
      if (pred.level !== succ.level) problem(`${label}: levels differ`);
    }
  }

  // ---- periods ------------------------------------------------------------------------------
  for (const p of data.periods) {
    if (!isRealDate(p.startsOn) || !isRealDate(p.endsOn)) problem(`period ${p.key}: dates are not dates`);
    if (p.endsOn < p.startsOn) problem(`period ${p.key}: ends before it starts`);
    if (!p.label) problem(`period ${p.key}: label is required`);
  }

  // ---- documents ----------------------------------------------------------------------------
  for (const d of data.documents) {
    if (!DOCUMENT_KINDS.includes(d.kind)) problem(`document ${d.key}: unknown kind ${d.kind}`);
    const text = readDocument(d.file);
    if (text === null) {
      problem(`document ${d.key}: file ${d.file} not found in ${SEEDS_DIR}`);
    } else {
      if (!collapse(text).toLowerCase().includes(collapse(d.title).toLowerCase())) problem(`document ${d.key}: title not found in ${d.file}`);
      if (d.documentNumber !== undefined && !text.includes(d.documentNumber)) problem(`document ${d.key}: number ${d.documentNumber} not found in ${d.file}`);
    }
    const issuer = units.get(d.issuingUnitKey);
    if (!issuer) {
      problem(`document ${d.key}: issuing unit ${d.issuingUnitKey} not found`);
    } else if (d.issuedOn !== undefined) {
      if (!isRealDate(d.issuedOn)) problem(`document ${d.key}: issuedOn ${d.issuedOn} is not a date`);
      else if (d.issuedOn < issuer.validFrom || (issuer.validTo !== undefined && d.issuedOn > issuer.validTo)) {
        problem(`document ${d.key}: issued on ${d.issuedOn}, when ${issuer.key} did not exist`);
      }
    }
  }

  // ---- indicators ---------------------------------------------------------------------------
  for (const i of data.indicators) {
    if (!i.name || !i.nameEn) problem(`indicator ${i.key}: name and nameEn are required`);
    if (!UNITS.includes(i.unit)) problem(`indicator ${i.key}: unknown unit ${i.unit}`);
    if (!DIRECTIONS.includes(i.direction)) problem(`indicator ${i.key}: unknown direction ${i.direction}`);
    if (!Number.isInteger(i.decimals) || i.decimals < 0) problem(`indicator ${i.key}: decimals must be a whole number ≥ 0`);
    if (!/^[A-Z][A-Z0-9_]*$/.test(i.key)) problem(`indicator ${i.key}: key is not UPPER_SNAKE_CASE`);
  }
  const used = new Set(data.values.map((v) => v.indicatorKey));
  for (const i of data.indicators) if (!used.has(i.key)) problem(`indicator ${i.key} is unused`);

  // ---- values -------------------------------------------------------------------------------
  const slots = new Set<string>();
  data.values.forEach((v, n) => {
    const label = `value #${n} ${v.indicatorKey}/${v.unitKey}/${v.periodKey}/${v.kind} "${v.value}" (${v.documentKey})`;
    const indicator = indicators.get(v.indicatorKey);
    const unit = units.get(v.unitKey);
    const period = periods.get(v.periodKey);
    const document = documents.get(v.documentKey);
    if (!indicator) problem(`${label}: indicator ${v.indicatorKey} not found`);
    if (!unit) problem(`${label}: unit ${v.unitKey} not found`);
    if (!period) problem(`${label}: period ${v.periodKey} not found`);
    if (!document) problem(`${label}: document ${v.documentKey} not found`);
    if (!KINDS.includes(v.kind)) problem(`${label}: unknown kind ${v.kind}`);
    if (v.comparator !== undefined && !COMPARATORS.includes(v.comparator)) problem(`${label}: unknown comparator ${v.comparator}`);

    const slot = `${v.documentKey}|${v.indicatorKey}|${v.unitKey}|${v.periodKey}|${v.kind}`;
    if (slots.has(slot)) problem(`${label}: the document already gives a figure for this indicator, unit, period and kind`);
    slots.add(slot);

    // Written as published.
    if (!VIETNAMESE_NUMBER.test(v.value)) problem(`${label}: value is not a Vietnamese-notation number`);
    if (indicator && VIETNAMESE_NUMBER.test(v.value)) {
      const decimals = v.value.includes(',') ? v.value.split(',')[1].length : 0;
      if (decimals > indicator.decimals) problem(`${label}: ${decimals} decimals, indicator allows ${indicator.decimals}`);
      if (indicator.unit === 'PERCENT' && vietnameseToNumber(v.value) > 100) problem(`${label}: a percentage above 100`);
    }

    // Quoted verbatim from the document, and the value is a whole figure of the quote.
    if (document) {
      const text = readDocument(document.file);
      if (text !== null && !text.includes(v.quote)) problem(`${label}: quote not found verbatim in ${document.file}: ${JSON.stringify(v.quote)}`);
    }
    const at = findFigure(v.quote, v.value);
    if (at < 0) {
      problem(`${label}: value not found as a figure in its quote ${JSON.stringify(v.quote)}`);
    } else {
      const implied = impliedComparator(v.quote, at, v.value);
      const given = v.comparator ?? 'EQ';
      if (implied !== given) problem(`${label}: comparator ${given}, but the wording implies ${implied}`);
    }

    // Inside the unit's validity. A target may run past validTo when the unit set it while it existed
    // (old Cần Thơ's end-2025 targets); baselines and actuals may not.
    if (unit && period) {
      const unitEnd = unit.validTo ?? '9999-12-31';
      if (period.endsOn < unit.validFrom || period.startsOn > unitEnd) {
        problem(`${label}: period ${period.key} does not overlap ${unit.key}'s validity`);
      } else if (v.kind !== 'TARGET' && (period.startsOn < unit.validFrom || period.endsOn > unitEnd)) {
        problem(`${label}: period ${period.key} (${period.startsOn}..${period.endsOn}) is not inside ${unit.key}'s validity`);
      }
      if (v.kind === 'TARGET' && document?.issuedOn !== undefined && document.issuedOn > unitEnd) {
        problem(`${label}: target published after ${unit.key} ceased to exist`);
      }
    }
  });

  return problems;
}

describe('seed data transcribed from server/seed/files', () => {
  it('is consistent with the documents and with itself', () => {
    expect(validateSeedData(realData())).toEqual([]);
  });

  it('has a file for every seed document, and the seed files are the expected ones', () => {
    const files = seedDocuments.map((d) => d.file).sort();
    expect(files).toEqual([
      'bac-lieu-city-2023-results.txt',
      'can-gio-2024-h1-review.txt',
      'can-tho-2023-results.txt',
      'can-tho-plan-132-KH-UBND-2022.txt',
      'cao-bang-plan-415-KH-UBND-2024.txt',
    ]);
  });

  it('contains the figures DOMAIN.md cites', () => {
    const has = (indicatorKey: string, unitKey: string, periodKey: string, kind: string, value: string, comparator = 'EQ') =>
      seedIndicatorValues.some(
        (v) => v.indicatorKey === indicatorKey && v.unitKey === unitKey && v.periodKey === periodKey && v.kind === kind && v.value === value && (v.comparator ?? 'EQ') === comparator,
      );
    const expected: [string, string, string, string, string, string?][] = [
      ['POOR_HOUSEHOLDS', '92@2004', '2021', 'BASELINE', '2.901'],
      ['POOR_PERSONS', '92@2004', '2021', 'BASELINE', '10.038'],
      ['POOR_HOUSEHOLD_RATE', '92@2004', '2021', 'BASELINE', '0,80'],
      ['NEAR_POOR_HOUSEHOLDS', '92@2004', '2021', 'BASELINE', '9.143'],
      ['NEAR_POOR_PERSONS', '92@2004', '2021', 'BASELINE', '35.273'],
      ['NEAR_POOR_RATE', '92@2004', '2021', 'BASELINE', '2,50'],
      ['POOR_HOUSEHOLD_RATE', '92@2004', '2021-2025', 'TARGET', '0,15', 'LT'],
      ['POOR_RATE_REDUCTION_POINTS', '92@2004', '2021-2025', 'TARGET', '0,65'],
      ['EM_POOR_HOUSEHOLD_RATE', '92@2004', '2021-2025', 'TARGET', '0,18'],
      ['EM_POOR_RATE_REDUCTION_POINTS', '92@2004', '2021-2025', 'TARGET', '1,40'],
      ['POOR_HOUSEHOLDS_REDUCTION', '92@2004', '2021-2025', 'TARGET', '2.343', 'GE'],
      ['NEAR_POOR_HOUSEHOLDS_REDUCTION', '92@2004', '2021-2025', 'TARGET', '5.549', 'GE'],
      ['POVERTY_REDUCTION_MODELS_SUPPORTED', '92@2004', '2021-2025', 'TARGET', '100', 'GT'],
      ['WORKERS_JOB_PLACED', '92@2004', '2021-2025', 'TARGET', '450', 'GE'],
      ['WORKERS_ABROAD_SUPPORTED', '92@2004', '2021-2025', 'TARGET', '40', 'GE'],
      ['STUNTED_CHILDREN_REDUCTION', '92@2004', '2021-2025', 'TARGET', '134'],
      ['PROGRAM_WORKERS_VOCATIONAL_TRAINED', '92@2004', '2021-2025', 'TARGET', '1.800', 'GT'],
      ['HOUSEHOLDS_HOUSING_SUPPORTED', '92@2004', '2021-2025', 'TARGET', '2.109', 'GE'],
      ['SANITARY_LATRINE_RATE', '92@2004', '2021-2025', 'TARGET', '85', 'GE'],
      ['POOR_HOUSEHOLD_RATE', '92@2004', '2023', 'ACTUAL', '0,21'],
      ['LIVELIHOOD_MODELS', '92@2004', '2023', 'ACTUAL', '31'],
      ['LIVELIHOOD_MODEL_HOUSEHOLDS', '92@2004', '2023', 'ACTUAL', '287'],
      ['LIVELIHOOD_MODEL_FUNDS', '92@2004', '2023', 'ACTUAL', '11.076'],
      ['HOUSES_SUPPORTED', '92@2004', '2023', 'ACTUAL', '610'],
      ['HOUSING_SUPPORT_FUNDS', '92@2004', '2023', 'ACTUAL', '30.800'],
      ['POOR_HOUSEHOLD_RATE', '92@2004', '2024', 'TARGET', '0,15'],
      ['EM_POOR_HOUSEHOLD_RATE', '92@2004', '2024', 'TARGET', '0,47'],
      ['POOR_HOUSEHOLDS_REDUCTION', '92@2004', '2024', 'TARGET', '219', 'GE'],
      ['POOR_RATE_REDUCTION_POINTS', '04@1978', '2024', 'TARGET', '4', 'GE'],
      ['POOR_DISTRICTS_POOR_RATE_REDUCTION_POINTS', '04@1978', '2024', 'TARGET', '5', 'GE'],
      ['EM_POOR_RATE_REDUCTION_POINTS', '04@1978', '2024', 'TARGET', '4', 'GE'],
      ['HOUSEHOLDS_ESCAPED_POVERTY', '954@2010', '2023', 'ACTUAL', '108'],
    ];
    const missing = expected.filter(([i, u, p, k, v, c]) => !has(i, u, p, k, v, c)).map((e) => e.join(' '));
    expect(missing).toEqual([]);
  });

  it('models the 1 July 2025 reorganisation of the provinces in the seeds', () => {
    const into = (successor: string) => seedSuccessions.filter((s) => s.successorKey === successor).map((s) => s.predecessorKey).sort();
    expect(into('92@2025')).toEqual(['92@2004', '93@2004', '94@1992']);
    expect(into('96@2025')).toEqual(['95@1997', '96@1997']);
    expect(into('79@2025')).toEqual(['74@1997', '77@1991', '79@1976']);
    expect(seedSuccessions.every((s) => s.kind === 'MERGE' && s.effectiveOn === '2025-07-01')).toBe(true);
    const caoBang = seedUnits.filter((u) => u.code === '04');
    expect(caoBang).toHaveLength(1);
    expect(caoBang[0].validTo).toBeUndefined();
    for (const u of seedUnits.filter((u) => u.level === 'DISTRICT')) expect(u.validTo).toBe('2025-06-30');
  });

  describe('fails on transcription mistakes', () => {
    const mutate = (change: (d: SeedData) => void): string[] => {
      const data = structuredClone(realData());
      change(data);
      return validateSeedData(data);
    };
    const find = (d: SeedData, indicatorKey: string, periodKey: string, unitKey = '92@2004') =>
      d.values.find((v) => v.indicatorKey === indicatorKey && v.periodKey === periodKey && v.unitKey === unitKey)!;
    const expectProblem = (problems: string[], pattern: RegExp) =>
      expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(pattern)]));

    it('a mistyped value', () => {
      expectProblem(mutate((d) => { find(d, 'POOR_HOUSEHOLDS', '2021').value = '2.091'; }), /value not found as a figure/);
    });
    it('a value that is only part of the published figure', () => {
      expectProblem(mutate((d) => { find(d, 'POOR_HOUSEHOLD_RATE', '2021').value = '0,8'; }), /value not found as a figure/);
      expectProblem(mutate((d) => { find(d, 'POOR_HOUSEHOLDS', '2021').value = '901'; }), /value not found as a figure/);
    });
    it('a mistyped quote', () => {
      expectProblem(mutate((d) => { const v = find(d, 'POOR_HOUSEHOLDS', '2021'); v.quote = v.quote.replace('hộ nghèo', 'hộ ngheo'); }), /quote not found verbatim/);
      expectProblem(mutate((d) => { const v = find(d, 'POOR_PERSONS', '2021'); v.quote = v.quote.replace('\n', ' '); }), /quote not found verbatim/);
    });
    it('a value in the wrong notation', () => {
      expectProblem(mutate((d) => { const v = find(d, 'POOR_HOUSEHOLD_RATE', '2021'); v.value = '0.80'; v.quote = '0.80'; }), /not a Vietnamese-notation number/);
    });
    it('a comparator that does not match the wording', () => {
      expectProblem(mutate((d) => { find(d, 'POOR_HOUSEHOLD_RATE', '2021-2025').comparator = undefined; }), /wording implies LT/);
      expectProblem(mutate((d) => { find(d, 'POOR_HOUSEHOLDS_REDUCTION', '2024').comparator = 'GT'; }), /wording implies GE/);
      expectProblem(mutate((d) => { find(d, 'POOR_RATE_REDUCTION_POINTS', '2024', '04@1978').comparator = 'EQ'; }), /wording implies GE/);
      expectProblem(mutate((d) => { find(d, 'HOUSES_SUPPORTED', '2021-2025').comparator = 'GE'; }), /wording implies APPROX/);
    });
    it('a key that does not resolve', () => {
      expectProblem(mutate((d) => { find(d, 'POOR_HOUSEHOLDS', '2021').indicatorKey = 'POOR_HOUSEHOLD'; }), /indicator POOR_HOUSEHOLD not found/);
      expectProblem(mutate((d) => { find(d, 'POOR_HOUSEHOLDS', '2021').unitKey = '92@2005'; }), /unit 92@2005 not found/);
      expectProblem(mutate((d) => { find(d, 'POOR_HOUSEHOLDS', '2021').periodKey = '2021-H1'; }), /period 2021-H1 not found/);
      expectProblem(mutate((d) => { d.successions[0].successorKey = '92@2026'; }), /successor not found/);
      expectProblem(mutate((d) => { d.units.find((u) => u.key === '954@2010')!.parentKey = '95@1996'; }), /parent 95@1996 not found/);
      expectProblem(mutate((d) => { d.documents[0].issuingUnitKey = 'x'; }), /issuing unit x not found/);
    });
    it('a duplicate key', () => {
      expectProblem(mutate((d) => { d.units.push({ ...d.units[0] }); }), /duplicate unit key/);
      expectProblem(mutate((d) => { d.indicators.push({ ...d.indicators[0] }); }), /duplicate indicator key/);
    });
    it('an unused indicator', () => {
      expectProblem(mutate((d) => { d.indicators.push({ ...d.indicators[0], key: 'NOT_USED' }); }), /NOT_USED is unused/);
    });
    it('a figure outside its unit’s validity', () => {
      expectProblem(mutate((d) => { find(d, 'HOUSES_SUPPORTED', '2023', '954@2010').periodKey = '2025'; }), /not inside 954@2010's validity/);
      expectProblem(mutate((d) => { find(d, 'POOR_HOUSEHOLD_RATE', '2023').unitKey = '92@2025'; }), /does not overlap 92@2025's validity/);
    });
    it('a document whose file or title does not match', () => {
      expectProblem(mutate((d) => { d.documents[0].file = 'missing.txt'; }), /file missing.txt not found/);
      expectProblem(mutate((d) => { d.documents[0].title += ' năm 2022'; }), /title not found/);
    });
  });
});
