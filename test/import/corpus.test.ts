/**
 * Every table of test/corpus through the import's analysis (what importTable's dry run answers), compared with what
 * the corpus says a careful reader finds: structure (header, data and footnote rows, column types, row kinds and
 * levels), rules (every expected rule among those kept), and findings (exactly the published inconsistencies: every
 * one found, none where figures agree within their precision).
 *
 * Where the importer does not yet find what the corpus expects, the check is listed in KNOWN_GAPS with the reason and
 * runs as test.failing: it keeps proving the gap is real, and fails as soon as the importer closes it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import Decimal from 'decimal.js';
import { cellAddress, inVietnameseNotation } from '../../domain/import/cell-reading';
import { analysePublishedTable, TableAnalysis } from '../../domain/import/analyse-table';
import { EmptyMeaning } from '../../domain/import/propose-rules';
import { Rule } from '../../domain/rules';
import { parseVietnameseNumber } from '../../domain/vietnamese-number';

const FOLDER = join(__dirname, '../corpus');

interface Expected {
  headerRows: number;
  dataRows: number;
  footnoteRows: number;
  emptyMeans?: string;
  transposed?: boolean;
  notation?: string;
  columns: { header: string; type: string; scale?: string }[];
  rows: { index: number; kind: string; level: number }[];
  rules: Record<string, unknown>[];
  findings: { rule: string; row: string; column: string; expected: string; found: string }[];
  warnings?: { kind: string; row: string; column?: string }[];
}

type Aspect = 'structure' | 'rules' | 'findings';

/** Checks the importer does not yet pass, with why. */
const KNOWN_GAPS: Record<string, Partial<Record<Aspect | 'warnings', string>>> = {
};

const MEANINGS: Record<string, EmptyMeaning> = { 'not-published': 'NOT_PUBLISHED', none: 'NONE', 'not-broken-down': 'ROLLUP' };
const KINDS: Record<string, string> = { GRAND_TOTAL: 'total', SECTION: 'section', LABEL: 'label', ITEM: 'item', CHILD: 'item' };

function entries(): { slug: string; grid: string[][]; unitOfMeasure: string | null; expected: Expected }[] {
  return readdirSync(FOLDER)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const slug = file.replace(/\.json$/, '');
      const json = JSON.parse(readFileSync(join(FOLDER, file), 'utf8'));
      const grid = parse(readFileSync(join(FOLDER, `${slug}.csv`), 'utf8').replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
      return { slug, grid, unitOfMeasure: json.unitOfMeasure ?? null, expected: json.expected as Expected };
    });
}

/** A kept rule in the corpus's words, naming columns by header. */
function corpusRule(rule: Rule, header: (key: string) => string): Record<string, unknown> {
  const sorted = (keys: readonly string[]) => keys.map(header).sort();
  // A transposed table's rules name indicator rows where others name columns.
  const references = rule.columns ?? rule.rows?.keys;
  const columns = references ? sorted(references) : undefined;
  switch (rule.kind) {
    case 'ROW_SUM':
      return { kind: 'column-sum', target: header(rule.totalColumn), terms: sorted(rule.partColumns) };
    case 'HIERARCHY_SUM':
      return { kind: 'parent-sum', columns };
    case 'GRAND_TOTAL':
      return { kind: 'total-sum', columns };
    case 'RATIO':
      return { kind: 'ratio', target: header(rule.rate), numerator: header(rule.numerator), denominator: header(rule.denominator), scale: Number(rule.scale ?? 1) };
    case 'COMPARE':
      return rule.id.startsWith('part-le-total-')
        ? { kind: 'part-le-total', part: header(rule.left), total: header(rule.right) }
        : { kind: 'bound', lower: header(rule.left), upper: header(rule.right) };
    case 'RANGE':
      return { kind: 'rate-range', columns };
    case 'NON_NEGATIVE':
      return { kind: 'non-negative', columns };
    default:
      return { kind: rule.kind };
  }
}

function normalisedExpectedRule(rule: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...rule };
  for (const field of ['terms', 'columns']) if (Array.isArray(copy[field])) copy[field] = [...(copy[field] as string[])].sort();
  return copy;
}

const RULE_NAMES: Record<string, string> = { ROW_SUM: 'column-sum', HIERARCHY_SUM: 'parent-sum', GRAND_TOTAL: 'total-sum', RATIO: 'ratio', RANGE: 'rate-range', NON_NEGATIVE: 'non-negative', COMPARE: 'compare' };

/** The letters of a grid column in a cell address (the corpus grids start at A1). */
function cellAddressColumn(position: number): string {
  return /^[A-Z]+/.exec(cellAddress(0, position))![0];
}

function canonical(figure: string): string {
  const parsed = parseVietnameseNumber(figure);
  return parsed.ok && parsed.value !== null ? parsed.value : figure;
}

/** A computed rate is shown with more places than published; the corpus writes it to the published precision. */
function toPlacesOf(value: string | null, written: string): string | null {
  const places = written.includes('.') ? written.length - written.indexOf('.') - 1 : 0;
  return value === null ? null : new Decimal(value).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed(places);
}

function check(slug: string, aspect: Aspect | 'warnings', name: string, body: () => void): void {
  const gap = KNOWN_GAPS[slug]?.[aspect];
  if (gap) test.failing(`${name} — known gap: ${gap}`, body);
  else test(name, body);
}

describe.each(entries())('$slug', ({ slug, grid, unitOfMeasure, expected }) => {
  const result = analysePublishedTable(grid, { unitOfMeasure, emptyMeans: expected.emptyMeans ? MEANINGS[expected.emptyMeans] : null });
  const analysis = (): TableAnalysis => {
    if (!result.ok) throw new Error(result.errors.map((error) => error.messageEn).join('; '));
    return result.analysis;
  };

  check(slug, 'structure', 'structure: header, data and footnote rows, column types, row kinds and levels', () => {
    const { structure } = analysis();
    expect([structure.headerRows, structure.dataRows, structure.footnoteRows]).toEqual([expected.headerRows, expected.dataRows, expected.footnoteRows]);
    expect(structure.notation).toBe(expected.notation === 'decimal-point' ? 'DECIMAL_POINT' : 'VIETNAMESE');
    expect(structure.columns.map((column) => ({ header: column.header, type: column.type, ...(column.type === 'money' && column.scale ? { scale: column.scale } : {}) })))
      .toEqual(expected.columns.map((column) => ({ header: column.header, type: column.type, ...(column.type === 'money' && column.scale ? { scale: column.scale } : {}) })));
    const rows = structure.rows.map((row) => ({ index: row.index, kind: KINDS[row.kind], level: row.level }));
    expect(rows).toEqual(expected.rows.map(({ index, kind, level }) => ({ index, kind, level })));
  });

  check(slug, 'rules', 'rules: every rule a careful reviewer checks is found and kept', () => {
    const { structure, rulesFound } = analysis();
    const header = (key: string) => structure.columns.find((column) => column.key === key)?.header ?? structure.rows.find((row) => row.key === key)?.label ?? key;
    const kept = rulesFound.rules.map((rule) => corpusRule(rule, header));
    for (const rule of expected.rules.map(normalisedExpectedRule)) expect(kept).toContainEqual(expect.objectContaining(rule));
  });

  check(slug, 'findings', 'findings: every published inconsistency, and nothing where figures agree within their precision', () => {
    const { structure, findings } = analysis();
    const rowOf = (key: string) => structure.rows.find((row) => row.key === key)!;
    const periodIndex = (key: string) => structure.columns.filter((column) => column.key !== null).findIndex((column) => column.key === key);
    // Figures as printed are in the table's notation; what the corpus computed is in Vietnamese notation.
    const printed = (figure: string) => canonical(expected.notation === 'decimal-point' ? inVietnameseNotation(figure) : figure);
    const wanted = expected.findings.map((finding) => ({
      row: Number(finding.row.split('|')[0].trim()),
      column: finding.column,
      expected: canonical(finding.expected),
      found: printed(finding.found),
      rule: ['bound', 'part-le-total'].includes(finding.rule) ? 'compare' : finding.rule,
    }));
    const found = findings
      .filter((finding) => finding.severity === 'ERROR')
      .map((finding) => {
        const [cell] = finding.cells;
        // In a transposed table a finding's row is the period column and its column the indicator row.
        const at = expected.transposed
          ? { row: periodIndex(cell.columnKey), column: rowOf(cell.rowKey).label }
          : { row: rowOf(cell.rowKey).index, column: cell.columnLabel };
        const rule = RULE_NAMES[finding.ruleKind];
        const written = wanted.find((want) => want.row === at.row && want.column === at.column && want.rule === rule);
        const computed = finding.ruleKind === 'RATIO' && written ? toPlacesOf(finding.expected, written.expected) : finding.expected;
        return { ...at, expected: computed, found: finding.found, rule };
      });
    const order = (list: typeof found) => [...list].sort((a, b) => a.row - b.row || a.column.localeCompare(b.column) || a.rule.localeCompare(b.rule));
    expect(order(found)).toEqual(order(wanted));
  });

  if (expected.warnings?.some((warning) => warning.kind === 'non-integer-count')) {
    test('warns about each household or people count published with a fractional part', () => {
      const { warnings, structure } = analysis();
      const named = warnings.filter((warning) => warning.code === 'NON_INTEGER_COUNT').map((warning) => {
        const line = Number(/\d+$/.exec(warning.cell!)![0]);
        const column = /^[A-Z]+/.exec(warning.cell!)![0];
        const row = structure.rows.find((candidate) => candidate.line === line)!;
        const header = structure.columns.find((candidate) => cellAddressColumn(candidate.position) === column)!.header;
        return expected.transposed ? { row: row.label, column: header } : { row: String(row.index), column: header };
      });
      expect(named).toEqual(expected.warnings!.filter((warning) => warning.kind === 'non-integer-count').map(({ row, column }) => ({ row, column: (column as string) })));
    });
  }

  if (expected.warnings?.some((warning) => warning.kind === 'partial-parent')) {
    check(slug, 'warnings', 'warns about each parent row whose own figures do not add up while its children fill the gap', () => {
      const { warnings, structure } = analysis();
      const lines = warnings.filter((warning) => warning.code === 'PARTIAL_PARENT').map((warning) => structure.rows.find((row) => row.line === warning.line)!.index);
      expect(lines).toEqual(expected.warnings!.filter((warning) => warning.kind === 'partial-parent').map((warning) => Number(warning.row.split('|')[0].trim())));
    });
  }
});
