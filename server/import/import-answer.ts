/** The answer of an import, the same JSON for the GraphQL and the HTTP doors. */
import type { ImportOutcome } from './import-table';
import type { Replacement } from './replace-table';

export function importAnswer({ dryRun, tableId, title, analysis, replacement }: ImportOutcome & { replacement?: Replacement }) {
  const { structure, rulesFound, findings, warnings } = analysis;
  return {
    dryRun,
    tableId: tableId === null ? null : String(tableId),
    title,
    structure: {
      headerRows: structure.headerRows,
      dataRows: structure.dataRows,
      footnoteRows: structure.footnoteRows,
      footnotes: structure.footnotes,
      unitOfMeasure: structure.unitOfMeasure,
      notation: structure.notation,
      shapes: structure.shapes,
      columns: structure.columns,
      rows: structure.rows,
      inexactCells: structure.inexact,
    },
    emptyMeans: rulesFound.emptyMeans,
    columnEmptyMeans: Object.entries(rulesFound.columnEmptyMeans).map(([columnKey, means]) => ({ columnKey, means })),
    rules: rulesFound.proposals.map(({ rule, checks, holds, fails, failing, kept }) => ({ id: rule.id, kind: rule.kind, rule, checks, holds, fails, failing, kept })),
    // Everything the table has as published is a published mistake: it blocks nothing.
    findings: findings.map((finding) => ({ ...finding, preExisting: true })),
    warnings,
    replacement: replacement ? { ...replacement, tableId: String(replacement.tableId) } : null,
  };
}
