import type { Finding } from '../rules';
import type { SyncFinding } from './sync-types';

function findingKey(finding: Finding): string {
  const first = finding.cells[0];
  return `${finding.ruleId}|${first?.rowKey}|${first?.columnKey}|${finding.expected}|${finding.found}`;
}

/**
 * Findings after a change, each marked pre-existing when the table had the very same finding before
 * it: a published mistake does not block a push that did not cause it (server and add-in alike).
 */
export function markPreExisting(before: readonly Finding[], after: readonly Finding[]): SyncFinding[] {
  const existing = new Set(before.map(findingKey));
  return after.map((finding) => ({ ...finding, preExisting: existing.has(findingKey(finding)) }));
}
