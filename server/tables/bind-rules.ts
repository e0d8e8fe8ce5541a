import type { Rule } from '../../domain/rules';

export interface ColumnRole {
  key: string;
  isTotal: boolean;
  /** Linked to a funding source. */
  funded: boolean;
}

/**
 * Template rules may name columns by role so one template fits tables with different funding
 * sources: "TOTAL" is the total column, "FUNDING_SOURCES" every funding-source column.
 */
export function bindRules(templateRules: unknown[], columns: ColumnRole[]): Rule[] {
  const total = columns.find((column) => column.isTotal)?.key;
  const funded = columns.filter((column) => column.funded).map((column) => column.key);
  const bound: Rule[] = [];
  for (const raw of templateRules) {
    const rule = { ...(raw as Record<string, unknown>) };
    if (rule.totalColumn === 'TOTAL') {
      if (!total) continue; // a table without a total column has nothing for this rule to check
      rule.totalColumn = total;
    }
    if (rule.partColumns === 'FUNDING_SOURCES') {
      if (funded.length === 0) continue;
      rule.partColumns = funded;
    }
    bound.push(rule as unknown as Rule);
  }
  return bound;
}
