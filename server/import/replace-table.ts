/**
 * importTable with replaceTableId: a new version of the same sheet over a draft table imported before. The dry
 * run answers the structural diff (rows and columns added, removed, renamed, moved) and the values that change;
 * otherwise, in one transaction under the table's lock, the diff is written as one structure change and the
 * values as one push, both in the history, and the table's rules, ranges and footnotes become the new
 * version's, which is the table as published from then on (its mistakes are preExisting). Submitted and approved tables refuse it as they refuse pushes; it works on the version the person
 * saw (baseVersion), so two re-imports or structure changes racing give one winner and one STALE_VERSION.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { problem } from '../../domain/import/import-problem';
import { cellsOf, planReplacement, ruleWithTableKeys, type CellValueChange, type ReplacementPlan } from '../../domain/import/replacement-plan';
import type { StructureRecord } from '../../domain/structure-change';
import { TableSnapshot } from '../../domain/table-model';
import type { Plan } from '../entities';
import { lockDraftAt, writeStructureChange } from '../tables/change-structure';
import { contentHash } from '../tables/content-hash';
import { PushRefused, refuseUnlessDraft, tableName, writeChanges } from '../tables/push-table';
import { loadTableState, type TableState } from '../tables/table-state';
import { analyseImport, ImportRefused, type ImportOutcome, type ImportRequest } from './import-table';

export interface Replacement {
  tableId: number;
  baseVersion: number;
  /** The version after the structure change and the push (what it would be, in a dry run). */
  version: number;
  structureChanges: StructureRecord[];
  valueChanges: CellValueChange[];
}

const COMMENT = 'Nhập lại bảng từ phiên bản mới (re-imported from a new version)';

/** The table to replace, if it is in the plan, was imported and has the title given; else what is wrong. */
async function tableToReplace(em: EntityManager, plan: Plan, tableId: number, title: string, options: { lock?: boolean } = {}): Promise<TableState> {
  const state = await loadTableState(em, tableId, options);
  if (!state || state.planId !== plan.id) throw new PushRefused('NOT_FOUND', `Kế hoạch không có bảng "${tableId}"`, `The plan has no table "${tableId}"`);
  const [{ key }] = await em.execute(`select tt.key from plan_table t join table_template tt on tt.id = t.template_id where t.id = ?`, [tableId]);
  const problems = [
    ...(key === 'imported' ? [] : [problem('NOT_IMPORTED', {}, `Bảng "${state.title}" không được nhập từ văn bản; chỉ bảng đã nhập mới nhập lại được`, `Table "${state.title}" was not imported; only an imported table can be re-imported`)]),
    ...(title === state.title ? [] : [problem('TITLE_DIFFERS', {}, `Nhập lại giữ tên bảng "${state.title}" (đã gửi "${title}")`, `A re-import keeps the table's title "${state.title}" (sent "${title}")`)]),
  ];
  if (problems.length > 0) throw new ImportRefused(problems);
  return state;
}

function planOrRefuse(state: TableState, target: TableSnapshot): ReplacementPlan {
  const plan = planReplacement(state.snapshot, target);
  if ('problems' in plan) {
    const name = tableName(state);
    throw new PushRefused('BAD_STRUCTURE_CHANGE', plan.problems.map(([vi]) => `${name.vi}: ${vi}`).join('; '), plan.problems.map(([, en]) => `${name.en}: ${en}`).join('; '));
  }
  return plan;
}

function checkVersion(state: TableState, baseVersion: number): void {
  if (baseVersion === state.version) return;
  const name = tableName(state);
  throw new PushRefused('STALE_VERSION', `${name.vi}: đã có phiên bản ${state.version} (đã gửi ${baseVersion}); hãy chạy thử lại`, `${name.en}: it is at version ${state.version} now (sent ${baseVersion}); run the dry run again`);
}

/** The table as the push leaves it: today's layout with the planned values. */
function snapshotWith(state: TableState, values: readonly CellValueChange[]): TableSnapshot {
  const { rows, columns } = state.snapshot;
  const grid = rows.flatMap((_row, r) => state.snapshot.rowValues(r));
  for (const { rowKey, columnKey, newValue } of values) grid[state.snapshot.rowIndex(rowKey)! * columns.length + state.snapshot.columnIndex(columnKey)!] = newValue;
  return TableSnapshot.fromGrid(columns, rows, grid);
}

export async function replaceTable(em: EntityManager, plan: Plan, request: ImportRequest & { replaceTableId: number; baseVersion: number }, author: string): Promise<ImportOutcome & { replacement: Replacement }> {
  let current: TableState | undefined;
  const { title, analysis } = await analyseImport(em, request, async (title) => {
    current = await tableToReplace(em, plan, request.replaceTableId, title);
    return [];
  });
  await refuseUnlessDraft(em, current!);
  checkVersion(current!, request.baseVersion);
  const target = analysis.structure.snapshot;
  const answer = (state: TableState, planned: ReplacementPlan, version: number) => ({
    dryRun: request.dryRun,
    tableId: request.dryRun ? null : state.id,
    title,
    analysis,
    replacement: { tableId: state.id, baseVersion: request.baseVersion, version, structureChanges: planned.records, valueChanges: planned.values },
  });
  if (request.dryRun) {
    const planned = planOrRefuse(current!, target);
    return answer(current!, planned, current!.version + Number(planned.changes.length > 0) + Number(planned.values.length > 0));
  }

  return em.transactional(async (txm) => {
    const tx = txm as EntityManager;
    const state = await lockDraftAt(tx, request.replaceTableId, request.baseVersion);
    const planned = planOrRefuse(state, target);
    const rules = analysis.rulesFound.rules.map((rule) => ruleWithTableKeys(rule, planned.rowKeys, planned.columnKeys));
    if (planned.changes.length > 0) await writeStructureChange(tx, state, planned.changes, author, COMMENT, rules);
    const inexact = analysis.structure.inexact.map(({ rowKey, columnKey, text, kind }) => ({ rowKey: planned.rowKeys.get(rowKey)!, columnKey: planned.columnKeys.get(columnKey)!, text, kind }));
    // The new version is the table as published from now on: its mistakes are marked preExisting.
    const version = state.version + Number(planned.changes.length > 0) + Number(planned.values.length > 0);
    await tx.execute(`update plan_table set rules = ?::jsonb, inexact_cells = ?::jsonb, footnotes = ?::jsonb, published_version = ? where id = ?`, [
      JSON.stringify(rules), JSON.stringify(inexact), JSON.stringify(analysis.structure.footnotes), version, state.id,
    ]);
    const changed = (await loadTableState(tx, state.id))!;
    if (planned.values.length === 0) return answer(changed, planned, version);
    const cells = cellsOf(planned.values);
    const hash = contentHash(snapshotWith(changed, planned.values));
    const name = tableName(changed);
    await writeChanges(tx, changed, cells.map((change, index) => ({ change, old: planned.values[index].oldValue })), { tableId: state.id, baseVersion: changed.version, idempotencyKey: `reimport@${version}`, comment: COMMENT, changes: cells }, author, hash, (changeSetId) => ({
      status: 'APPLIED', tableId: state.id, tableTitle: changed.title, version, contentHash: hash, changeSetId, appliedCells: cells.length, findings: [], conflicts: [], replayed: false,
      messageVi: `${name.vi}: nhập lại ${cells.length} ô, phiên bản ${version}`, messageEn: `${name.en}: ${cells.length} cell(s) re-imported, version ${version}`,
    }));
    return answer(changed, planned, version);
  });
}
