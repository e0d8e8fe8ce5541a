/**
 * The rules a careful reviewer would check on a published table, found from its structure: a total
 * column = Σ its sources, parent = Σ children, total row = Σ items, rate = count ÷ count, part ≤ total,
 * lower ≤ upper, rates within 0–100, money and counts not negative. Each is tried on the table and kept
 * only when it holds on most of it: the few cells where a kept rule fails are the findings worth showing.
 * What an empty cell means is inferred the same way: the meaning under which the sums hold best.
 */
import { foldLabel } from '../label-match';
import { Finding, MissingStrategy, Rule, RuleOutcome, ruleOutcomes } from '../rules';
import { ImportColumn, TableStructure } from './read-table';
import { roundingTolerance } from './rounding-tolerance';
import { transposedCandidateRules } from './transposed-rules';

/** ROLLUP: "not broken down here" (the children's sum); NONE: nothing (0); NOT_PUBLISHED: the source did not give it. */
export type EmptyMeaning = 'ROLLUP' | 'NONE' | 'NOT_PUBLISHED';

export const EMPTY_MEANINGS: readonly EmptyMeaning[] = ['ROLLUP', 'NONE', 'NOT_PUBLISHED'];

const STRATEGY: Record<EmptyMeaning, MissingStrategy> = { ROLLUP: 'ROLLUP', NONE: 'ZERO', NOT_PUBLISHED: 'NOT_PUBLISHED' };

export interface RuleProposal {
  rule: Rule;
  checks: number;
  holds: number;
  fails: number;
  /** Where it fails: the checked cells. */
  failing: { rowKey: string; columnKey: string }[];
  /** What it found on the table as published (kept rules' findings are the published mistakes). */
  findings: Finding[];
  kept: boolean;
}

export interface RulesFound {
  proposals: RuleProposal[];
  rules: Rule[];
  emptyMeans: EmptyMeaning;
  /** By column key: what an empty cell of that column means. */
  columnEmptyMeans: Record<string, EmptyMeaning>;
}

/** Holds on more than this share of its checks ("most of the table") to be kept. */
const MOSTLY = 0.5;
const SUM_KINDS = new Set(['ROW_SUM', 'HIERARCHY_SUM', 'GRAND_TOTAL']);

const isAdditive = (column: ImportColumn) => column.type === 'money' || column.type === 'count' || column.type === 'measure';

function maxPlaces(columns: readonly ImportColumn[]): number {
  return Math.max(0, ...columns.map((column) => column.places));
}

/**
 * The columns a total column sums: those of its type after it, up to the next total of that type (other types
 * may sit between: "Tổng số hộ | Tỷ lệ | Số hộ nghèo | Tỷ lệ | Số hộ cận nghèo"); for a total printed last,
 * those before it.
 */
function termsOf(total: ImportColumn, valueColumns: readonly ImportColumn[]): ImportColumn[] {
  const at = valueColumns.indexOf(total);
  const run = (step: 1 | -1) => {
    const terms: ImportColumn[] = [];
    for (let index = at + step; index >= 0 && index < valueColumns.length; index += step) {
      const column = valueColumns[index];
      if (column.type !== total.type) continue;
      if (column.isTotal) break;
      terms.push(column);
    }
    return terms;
  };
  const after = run(1);
  return after.length >= 2 ? after : run(-1).reverse();
}

/**
 * A rate with "of which" rates beside it (urban and rural under a merged "Trong đó" header): the whole lies
 * between its parts, so each part is proposed both below and above it, and what the table bears out is kept.
 */
function ofWhichRateBounds(valueColumns: readonly ImportColumn[]): Rule[] {
  const rules: Rule[] = [];
  const ofWhich = (column: ImportColumn) => /^trong do\b/.test(foldLabel(column.header));
  valueColumns.forEach((whole, index) => {
    if (whole.type !== 'rate' || ofWhich(whole)) return;
    for (const part of valueColumns.slice(index + 1)) {
      if (part.type !== 'rate' || !ofWhich(part)) break;
      rules.push({ id: `bound-${part.key}-le-${whole.key}`, kind: 'COMPARE', severity: 'ERROR', axis: 'ROW', left: part.key!, relation: 'LE', right: whole.key! });
      rules.push({ id: `bound-${whole.key}-le-${part.key}`, kind: 'COMPARE', severity: 'ERROR', axis: 'ROW', left: whole.key!, relation: 'LE', right: part.key! });
    }
  });
  return rules;
}

/** Column keys grouped by what their empty cells mean, the table's meaning first. */
function byMeaning(columns: readonly ImportColumn[], missing: MissingStrategy, meaningOf: (key: string) => MissingStrategy): [MissingStrategy, ImportColumn[]][] {
  const groups = new Map<MissingStrategy, ImportColumn[]>([[missing, []]]);
  for (const column of columns) {
    const meaning = meaningOf(column.key!);
    groups.set(meaning, [...(groups.get(meaning) ?? []), column]);
  }
  return [...groups].filter(([, group]) => group.length > 0);
}

/** A check across columns reads their empty cells one way: the one they share, or "not published" if one is, or the table's. */
function sharedMeaning(columns: readonly ImportColumn[], missing: MissingStrategy, meaningOf: (key: string) => MissingStrategy): MissingStrategy {
  const meanings = new Set(columns.map((column) => meaningOf(column.key!)));
  if (meanings.size === 1) return [...meanings][0];
  return meanings.has('NOT_PUBLISHED') ? 'NOT_PUBLISHED' : missing;
}

/** `missing`: the table's meaning of an empty cell; `meaningOf`: a column's, where it differs. */
function candidateRules(structure: TableStructure, missing: MissingStrategy, meaningOf: (key: string) => MissingStrategy = () => missing): Rule[] {
  if (structure.shapes.includes('transposed')) return transposedCandidateRules(structure);
  const valueColumns = structure.columns.filter((column) => column.key !== null);
  const additive = valueColumns.filter(isAdditive);
  const rates = valueColumns.filter((column) => column.type === 'rate');
  const keys = (columns: readonly ImportColumn[]) => columns.map((column) => column.key!);
  const rules: Rule[] = [];
  for (const total of valueColumns.filter((column) => column.isTotal && column.type !== 'rate')) {
    const terms = termsOf(total, valueColumns);
    if (terms.length >= 2) {
      rules.push({ id: `column-sum-${total.key}`, kind: 'ROW_SUM', severity: 'ERROR', missing: sharedMeaning([total, ...terms], missing, meaningOf), totalColumn: total.key!, partColumns: keys(terms),
        tolerance: roundingTolerance(maxPlaces([total, ...terms]), terms.length) });
    }
    for (const part of terms.length >= 2 ? terms : valueColumns.filter((column) => column !== total && column.type === total.type && !column.isTotal)) {
      rules.push({ id: `part-le-total-${part.key}`, kind: 'COMPARE', severity: 'ERROR', axis: 'ROW', left: part.key!, relation: 'LE', right: total.key! });
    }
  }
  // A rate that is the sum of the rates after it: "Tỷ lệ nghèo đa chiều" = poor + near-poor rates (kept only where it holds).
  for (const total of rates) {
    const terms = termsOf(total, valueColumns);
    if (terms.length >= 2) {
      rules.push({ id: `rate-sum-${total.key}`, kind: 'ROW_SUM', severity: 'ERROR', missing: 'NOT_PUBLISHED', totalColumn: total.key!, partColumns: keys(terms),
        tolerance: roundingTolerance(maxPlaces([total, ...terms]), terms.length) });
    }
  }
  const rows = structure.snapshot.rows;
  const childCounts = rows.map((_, index) => structure.snapshot.childIndexes(index).filter((child) => rows[child].kind !== 'LABEL').length);
  // One rule per meaning of an empty cell among the columns: "parent-sum", then e.g. "parent-sum-not-published".
  const suffix = (meaning: MissingStrategy) => (meaning === missing ? '' : `-${meaning.toLowerCase().replace('_', '-')}`);
  if (childCounts.some((count) => count > 0)) {
    for (const [meaning, group] of byMeaning(additive, missing, meaningOf)) {
      rules.push({ id: `parent-sum${suffix(meaning)}`, kind: 'HIERARCHY_SUM', severity: 'ERROR', missing: meaning, columns: keys(group),
        tolerance: roundingTolerance(maxPlaces(group), Math.max(...childCounts)) });
    }
  }
  if (rows.some((row) => row.kind === 'GRAND_TOTAL')) {
    const roots = rows.filter((row) => row.parentKey === null && row.kind !== 'LABEL' && row.kind !== 'GRAND_TOTAL').length;
    for (const [meaning, group] of byMeaning(additive, missing, meaningOf)) {
      rules.push({ id: `total-sum${suffix(meaning)}`, kind: 'GRAND_TOTAL', severity: 'ERROR', missing: meaning, columns: keys(group), tolerance: roundingTolerance(maxPlaces(group), roots) });
    }
  }
  for (const rate of rates) {
    const places = rate.places;
    const counts = valueColumns.filter((column) => column.type === 'count' || column.type === 'measure');
    for (const numerator of counts) {
      for (const denominator of counts) {
        if (numerator === denominator) continue;
        rules.push({ id: `ratio-${rate.key}-${numerator.key}-${denominator.key}`, kind: 'RATIO', severity: 'ERROR', axis: 'ROW', missing: 'NOT_PUBLISHED',
          rate: rate.key!, numerator: numerator.key!, denominator: denominator.key!, scale: '100', tolerance: roundingTolerance(places, 0) ?? '0.5' });
      }
    }
  }
  valueColumns.forEach((column, index) => {
    const next = valueColumns[index + 1];
    if (next && /\b(toi thieu|tu|thap nhat|can duoi)\b/.test(foldLabel(column.header)) && /\b(toi da|den|cao nhat|can tren)\b/.test(foldLabel(next.header))) {
      rules.push({ id: `bound-${column.key}`, kind: 'COMPARE', severity: 'ERROR', axis: 'ROW', left: column.key!, relation: 'LE', right: next.key! });
    }
  });
  rules.push(...ofWhichRateBounds(valueColumns));
  if (rates.length > 0) rules.push({ id: 'rate-range', kind: 'RANGE', severity: 'ERROR', min: '0', max: '100', columns: keys(rates) });
  const amounts = valueColumns.filter(isAdditive);
  if (amounts.length > 0) rules.push({ id: 'non-negative', kind: 'NON_NEGATIVE', severity: 'ERROR', columns: keys(amounts) });
  return rules;
}

function proposal(rule: Rule, outcome: RuleOutcome): RuleProposal {
  const errors = outcome.findings.filter((finding) => finding.severity === 'ERROR');
  const failing = errors.map((finding) => ({ rowKey: finding.cells[0].rowKey, columnKey: finding.cells[0].columnKey }));
  const fails = new Set(failing.map((cell) => `${cell.rowKey}\u0000${cell.columnKey}`)).size;
  const holds = Math.max(0, outcome.checksMade - fails);
  // A total row or parent rows whose figures are not published (yet) are still sums by what the table says
  // they are: their rule is kept for the figures entered later.
  const byStructure = outcome.checksMade === 0 && (rule.kind === 'GRAND_TOTAL' || rule.kind === 'HIERARCHY_SUM');
  return { rule, checks: outcome.checksMade, holds, fails, failing, findings: outcome.findings, kept: byStructure || (outcome.checksMade > 0 && holds > outcome.checksMade * MOSTLY) };
}

function evaluate(structure: TableStructure, rules: Rule[]): RuleProposal[] {
  const outcomes = ruleOutcomes(structure.snapshot, rules, { inexact: structure.inexact });
  return rules.map((rule, index) => proposal(rule, outcomes[index]));
}

/** Of several ratio candidates for one rate, the one that holds best; none when none holds. */
function bestRatios(proposals: RuleProposal[]): RuleProposal[] {
  const best = new Map<string, RuleProposal>();
  const rest: RuleProposal[] = [];
  for (const candidate of proposals) {
    if (candidate.rule.kind !== 'RATIO') {
      rest.push(candidate);
      continue;
    }
    const current = best.get(candidate.rule.rate);
    if (!current || candidate.holds > current.holds) best.set(candidate.rule.rate, candidate);
  }
  return [...rest, ...[...best.values()].filter((candidate) => candidate.checks > 0)];
}

/** A part ≤ total is only worth checking where the parts do not already sum to the total. */
function withoutRedundantParts(proposals: RuleProposal[]): RuleProposal[] {
  const summed = new Set(proposals.filter((p) => p.kept && p.rule.kind === 'ROW_SUM').map((p) => (p.rule as { totalColumn: string }).totalColumn));
  return proposals.filter((p) => !(p.rule.kind === 'COMPARE' && p.rule.id.startsWith('part-le-total-') && summed.has(p.rule.right)));
}

function sumScore(proposals: readonly RuleProposal[]): { fails: number; holds: number; checks: number } {
  const sums = proposals.filter((p) => SUM_KINDS.has(p.rule.kind) && !p.rule.id.startsWith('rate-sum-'));
  const total = (field: 'fails' | 'holds' | 'checks') => sums.reduce((sum, p) => sum + p[field], 0);
  return { fails: total('fails'), holds: total('holds'), checks: total('checks') };
}

type Tried = { meaning: EmptyMeaning; proposals: RuleProposal[] };

/**
 * The meaning under which the sums hold best: between "not broken down here" and "none", fewest failures
 * then most checks holding (ROLLUP first on a tie). "Not published" skips every check with an empty cell,
 * so it always fails least: it is chosen only when most of the checks that involve empty cells fail under
 * both other meanings, that is when empty cells cannot be read as either.
 */
function inferMeaning(tried: Tried[]): Tried {
  if (tried.length === 1) return tried[0];
  const [rollup, none, notPublished] = tried;
  const [a, b] = [sumScore(rollup.proposals), sumScore(none.proposals)];
  const best = b.fails < a.fails || (b.fails === a.fails && b.holds > a.holds) ? none : rollup;
  const score = sumScore(best.proposals);
  const skipped = sumScore(notPublished.proposals);
  const emptyChecks = score.checks - skipped.checks;
  const emptyFails = score.fails - skipped.fails;
  return emptyChecks > 0 && emptyFails * 2 > emptyChecks ? notPublished : best;
}

function hasEmptyCell({ snapshot }: TableStructure, column: number): boolean {
  for (let row = 0; row < snapshot.rows.length; row++) if (snapshot.rows[row].kind !== 'LABEL' && snapshot.valueAt(row, column) === null) return true;
  return false;
}

function hasEmptyFigure(structure: TableStructure): boolean {
  return structure.snapshot.columns.some((_, column) => hasEmptyCell(structure, column));
}

export interface EmptyMeaningChoices {
  /** The table's meaning, instead of the one inferred. */
  emptyMeans?: EmptyMeaning | null;
  /** A column's meaning (by column key), instead of the table's or the one inferred for it. */
  columnEmptyMeans?: Readonly<Record<string, EmptyMeaning>> | null;
}

/**
 * What an empty cell means in each figure column: the person's choice, else the table's meaning, unless the
 * table's meaning makes the column's own sums (parent = Σ children, total = Σ items) fail where another
 * meaning makes them fail less (inferred as for the table). Inferred per column only when the table's
 * meaning is inferred too.
 */
function columnMeanings(structure: TableStructure, table: EmptyMeaning, choices: EmptyMeaningChoices): Record<string, EmptyMeaning> {
  const meanings: Record<string, EmptyMeaning> = {};
  structure.snapshot.columns.forEach(({ key }, column) => {
    const chosen = choices.columnEmptyMeans?.[key];
    if (chosen || choices.emptyMeans || !hasEmptyCell(structure, column)) {
      meanings[key] = chosen ?? table;
      return;
    }
    const tried = EMPTY_MEANINGS.map((meaning) => ({
      meaning,
      proposals: evaluate(structure, candidateRules(structure, STRATEGY[meaning])
        .flatMap((rule) => ((rule.kind === 'HIERARCHY_SUM' || rule.kind === 'GRAND_TOTAL') && rule.columns?.includes(key) ? [{ ...rule, columns: [key] }] : []))),
    }));
    const failsUnderTable = sumScore(tried.find(({ meaning }) => meaning === table)!.proposals).fails;
    meanings[key] = failsUnderTable > 0 ? inferMeaning(tried).meaning : table;
  });
  return meanings;
}

/**
 * Proposes and tries the rules. `emptyMeans` overrides the inferred meaning of empty cells; `rules`
 * replaces the proposal altogether (what a person kept or wrote), and is then evaluated the same way.
 */
export function proposeRules(structure: TableStructure, options: EmptyMeaningChoices & { rules?: Rule[] | null } = {}): RulesFound {
  if (options.rules) {
    const proposals = evaluate(structure, options.rules).map((p) => ({ ...p, kept: true }));
    const emptyMeans = options.emptyMeans ?? 'ROLLUP';
    return { proposals, rules: options.rules, emptyMeans, columnEmptyMeans: columnMeanings(structure, emptyMeans, { ...options, emptyMeans }) };
  }
  // Without an empty figure cell every meaning gives the same checks: try one.
  const meanings = options.emptyMeans ? [options.emptyMeans] : hasEmptyFigure(structure) ? EMPTY_MEANINGS : (['ROLLUP'] as const);
  const tried = meanings.map((meaning) => ({
    meaning,
    proposals: bestRatios(evaluate(structure, candidateRules(structure, STRATEGY[meaning]))),
  }));
  const chosen = inferMeaning(tried);
  const columnEmptyMeans = columnMeanings(structure, chosen.meaning, options);
  const perColumn = Object.values(columnEmptyMeans).some((meaning) => meaning !== chosen.meaning);
  const proposals = withoutRedundantParts(perColumn
    ? bestRatios(evaluate(structure, candidateRules(structure, STRATEGY[chosen.meaning], (key) => STRATEGY[columnEmptyMeans[key]])))
    : chosen.proposals);
  return { proposals, rules: proposals.filter((p) => p.kept).map((p) => p.rule), emptyMeans: chosen.meaning, columnEmptyMeans };
}

/**
 * The findings of the kept rules on the table as published: its published mistakes. Taken from the trial of
 * the proposal rather than run again, in validateTable's order (checked cell's row, its column, rule order).
 */
export function publishedFindings(structure: TableStructure, rulesFound: RulesFound): Finding[] {
  const { snapshot } = structure;
  const order = new Map(rulesFound.rules.map((rule, index) => [rule.id, index]));
  const place = (finding: Finding) => {
    const cell = finding.cells[0];
    return [cell ? snapshot.rowIndex(cell.rowKey) ?? -1 : -1, cell ? snapshot.columnIndex(cell.columnKey) ?? -1 : -1, order.get(finding.ruleId)!];
  };
  const located = rulesFound.proposals.filter((p) => p.kept).flatMap((p) => p.findings.map((finding) => ({ finding, at: place(finding) })));
  located.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.at[2] - b.at[2]);
  return located.map(({ finding }) => finding);
}
