/**
 * An indicator report's entries as the server answers indicatorProgress, and the query that asks for them: the
 * add-in sends it over HTTP, the report download runs it in the server against the same schema, so both read
 * the same fields under the same access rules. Pure.
 */
import type { ProgressPoint, ProgressStatus } from './progress';

/** How far below a unit an indicator report goes (schema ProgressBreakdown). */
export type ProgressBreakdown = 'NONE' | 'CHILDREN' | 'DESCENDANTS';

/** One entry of indicatorProgress: one indicator for one unit, or for the whole country (unit null). */
export interface ProgressEntry {
  indicator: { key: string; name: string; nameEn: string; unit: string };
  unit: { id: string; name: string; code: string } | null;
  status: ProgressStatus;
  gap: string | null;
  percentAchieved: string | null;
  percentElapsed: string | null;
  baseline: ProgressPoint | null;
  target: ProgressPoint | null;
  actual: ProgressPoint | null;
  series: ProgressPoint[];
  unitsWithoutData: { name: string }[];
  notComparableUnits: { name: string }[];
}

const POINT = 'periodKey periodEnd value comparator rolledUp problem';

export const PROGRESS_QUERY = `query PlanBridgeReport($unit: ID, $keys: [String!]!, $asOf: String, $from: String, $to: String, $breakdown: ProgressBreakdown!) {
  indicatorProgress(unitId: $unit, indicatorKeys: $keys, asOf: $asOf, from: $from, to: $to, breakdown: $breakdown) {
    indicator { key name nameEn unit } unit { id name code } status gap percentAchieved percentElapsed
    baseline { ${POINT} } target { ${POINT} } actual { ${POINT} } series { ${POINT} }
    unitsWithoutData { name } notComparableUnits { name }
  }
}`;
