/**
 * What the "reports from units below" card asks the server: the rounds one may read, who has reported in one,
 * and its consolidation (read-only). Over the pane's GraphQL client; the answers mirror schema/schema.graphql.
 */
import type { PlanBridgeClient } from '../api/graphql';
import type { GridColumn, GridRow } from '../api/types';
import type { Counts, ReportState } from '../../../domain/reporting/completeness';

export type { ReportState };
export type IncludedStatus = 'APPROVED' | 'SUBMITTED' | 'DRAFT';

export interface RoundOption {
  id: string;
  periodKey: string;
  deadline: string;
  form: { title: string };
  scopeUnit: { name: string } | null;
}

/** A unit the signed-in user looks from: one of their roles' units; null for a national role. */
export interface ViewUnit {
  id: string | null;
  name: string | null;
}

export interface UnitStatus {
  unitId: string;
  unitKey: string;
  unitName: string;
  parentName: string | null;
  state: ReportState;
  daysLate: number | null;
  lastBy: string | null;
  lastAt: string | null;
  submittedAt: string | null;
  unitValidTo: string | null;
  consolidating: boolean;
}

/** Counts of reports, as domain/reporting/completeness.ts makes them on the server. */
export type ReportCounts = Counts;

export interface RoundStatus {
  deadline: string;
  today: string;
  units: UnitStatus[];
  total: ReportCounts;
  byParent: (ReportCounts & { name: string })[];
}

export interface RoundUnit {
  unitId: string;
  unitKey: string;
  unitName: string;
  state: ReportState;
  share: string;
}

export interface Consolidated {
  title: string;
  caption: string;
  unitName: string;
  unitOfMeasure: string;
  includedStatuses: IncludedStatus[];
  columns: GridColumn[];
  rows: GridRow[];
  cells: { rowKey: string; columnKey: string; contributors: { unitId: string; value: string }[] }[];
  contributingUnits: RoundUnit[];
  missingUnits: RoundUnit[];
  notComparableUnits: { unitKey: string; unitName: string }[];
  findings: { severity: string; messageVi: string; messageEn: string }[];
}

const COUNTS = 'expected notStarted draft submitted approved late received onTime completenessPercent timelinessPercent';

/** "What I have to do": a report of one's unit to fill in, or one waiting for one's approval. */
export interface ReportingTask {
  kind: 'FILL' | 'APPROVE';
  tableId: string;
  formTitle: string;
  periodKey: string;
  unitName: string;
  deadline: string;
  daysRemaining: number;
}

export async function roundOptions(client: PlanBridgeClient): Promise<{ rounds: RoundOption[]; viewUnits: ViewUnit[]; tasks: ReportingTask[] }> {
  const data = await client.request<{ reportingRounds: RoundOption[]; myReportingTasks: ReportingTask[]; me: { roles: { unit: { id: string; name: string } | null }[] } | null }>(
    `{ reportingRounds { id periodKey deadline form { title } scopeUnit { name } }
       myReportingTasks { kind tableId formTitle periodKey unitName deadline daysRemaining }
       me { roles { unit { id name } } } }`,
  );
  const seen = new Set<string | null>();
  const viewUnits: ViewUnit[] = [];
  for (const role of data.me?.roles ?? []) {
    const id = role.unit?.id ?? null;
    if (seen.has(id)) continue;
    seen.add(id);
    viewUnits.push({ id, name: role.unit?.name ?? null });
  }
  return { rounds: data.reportingRounds, viewUnits, tasks: data.myReportingTasks };
}

export async function roundStatus(client: PlanBridgeClient, roundId: string, unitId: string | null): Promise<RoundStatus> {
  const data = await client.request<{ reportingStatus: RoundStatus }>(
    `query ($round: ID!, $unit: ID) { reportingStatus(roundId: $round, unitId: $unit) {
      deadline today
      units { unitId unitKey unitName parentName state daysLate lastBy lastAt submittedAt unitValidTo consolidating }
      total { ${COUNTS} } byParent { name ${COUNTS} }
    } }`,
    { round: roundId, unit: unitId },
  );
  return data.reportingStatus;
}

export async function consolidated(client: PlanBridgeClient, roundId: string, unitId: string | null, include: IncludedStatus[]): Promise<Consolidated> {
  const unit = 'unitId unitKey unitName state share';
  const data = await client.request<{ consolidatedTable: Consolidated }>(
    `query ($round: ID!, $unit: ID, $include: [IncludedStatus!]!) { consolidatedTable(roundId: $round, unitId: $unit, include: $include) {
      title caption unitName unitOfMeasure includedStatuses
      columns { key label publishedNumber type scale editable }
      rows { key publishedNumber label level parentKey kind editable computed values }
      cells { rowKey columnKey contributors { unitId value } }
      contributingUnits { ${unit} } missingUnits { ${unit} } notComparableUnits { unitKey unitName }
      findings { severity messageVi messageEn }
    } }`,
    { round: roundId, unit: unitId, include },
  );
  return data.consolidatedTable;
}
