/** The output of validation: one finding per failed check, precise enough to act on. */
import { Severity } from './rule';

export interface FindingCell {
  rowKey: string;
  columnKey: string;
  rowNumber: string | null;
  rowLabel: string;
  columnLabel: string;
  /** The value the check used (canonical), null when empty. */
  value: string | null;
  /** The cell is empty and the value was rolled up from its child rows. */
  derived: boolean;
}

/** A value for an empty cell that would make the check pass. */
export interface CellSuggestion {
  rowKey: string;
  columnKey: string;
  value: string;
}

export interface Finding {
  ruleId: string;
  ruleKind: string;
  severity: Severity;
  messageVi: string;
  messageEn: string;
  /** The checked cell first, then the cells it was checked against. */
  cells: FindingCell[];
  /** What the checked cell should be (or the violated bound), when known. */
  expected: string | null;
  /** The checked cell's value as used by the check. */
  found: string | null;
  /** found − expected. */
  difference: string | null;
  suggestion: CellSuggestion | null;
}

export interface FindingSummary {
  total: number;
  errors: number;
  warnings: number;
}

export function summariseFindings(findings: readonly Finding[]): FindingSummary {
  const errors = findings.filter((finding) => finding.severity === 'ERROR').length;
  return { total: findings.length, errors, warnings: findings.length - errors };
}
