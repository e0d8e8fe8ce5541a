/**
 * One published table, read and checked: its structure, the rules found for it and the findings those
 * rules give on it as published (its published mistakes). The same analysis serves the dry run, the
 * import itself, the HTTP door and the add-in.
 */
import { Finding, Rule, checkRuleDefinitions } from '../rules';
import { ImportProblem, problem } from './import-problem';
import { partialBreakdownWarnings, partialParentWarnings } from './partial-parent';
import { EmptyMeaningChoices, RulesFound, proposeRules, publishedFindings } from './propose-rules';
import { ReadOptions, TableStructure, readPublishedTable } from './read-table';

export interface TableAnalysis {
  structure: TableStructure;
  rulesFound: RulesFound;
  findings: Finding[];
  warnings: ImportProblem[];
}

export type AnalysisResult = { ok: true; analysis: TableAnalysis } | { ok: false; errors: ImportProblem[] };

export interface AnalysisOptions extends ReadOptions, EmptyMeaningChoices {
  /** Rules chosen by a person instead of the proposal (JSON, checked against the table). */
  rules?: unknown[] | null;
}

export function analysePublishedTable(grid: readonly (readonly (string | null)[])[], options: AnalysisOptions = {}): AnalysisResult {
  const read = readPublishedTable(grid, options);
  if (!read.ok) return read;
  const { structure } = read;
  const unknown = Object.keys(options.columnEmptyMeans ?? {}).filter((key) => structure.snapshot.columnIndex(key) === undefined);
  if (unknown.length > 0) {
    const known = structure.snapshot.columns.map((column) => column.key).join(', ');
    return { ok: false, errors: unknown.map((key) => problem('UNKNOWN_COLUMN', {}, `columnEmptyMeans: bảng không có cột số liệu "${key}"; các cột: ${known}`, `columnEmptyMeans: the table has no figure column "${key}"; its columns: ${known}`)) };
  }
  if (options.rules) {
    const errors = checkRuleDefinitions(options.rules, structure.snapshot);
    if (errors.length > 0) return { ok: false, errors: errors.map((error) => problem(`RULE_${error.code}`, {}, error.messageVi, error.messageEn)) };
  }
  const rulesFound = proposeRules(structure, { emptyMeans: options.emptyMeans, columnEmptyMeans: options.columnEmptyMeans, rules: options.rules as Rule[] | null | undefined });
  const findings = publishedFindings(structure, rulesFound);
  const warnings = [...structure.warnings, ...partialParentWarnings(structure, rulesFound.rules), ...partialBreakdownWarnings(structure, rulesFound.rules)];
  return { ok: true, analysis: { structure, rulesFound, findings, warnings } };
}
