import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { validateTable } from '../../../domain/rules';
import type { TableSnapshot } from '../../../domain/table-model';
import { pgArray } from '../../db/numeric';
import { ChangeSet } from '../../entities';
import { contentHash } from '../../tables/content-hash';
import { PushRefused, pushTable } from '../../tables/push-table';
import { snapshotAtVersion } from '../../tables/table-history';
import { loadTableState, type TableState } from '../../tables/table-state';
import type { GraphQLContext } from '../context';
import { badInput, notFound, parseId, userError } from '../errors';
import { CellHistoryEntry, Finding, PushResult, PushTableInput, TableGrid } from '../types/table-sync-types';

async function tableState(em: EntityManager, tableId: string): Promise<TableState> {
  const state = await loadTableState(em, parseId(tableId, 'table', 'bảng'));
  if (!state) throw notFound('table', 'bảng', tableId);
  return state;
}

async function snapshotOf(em: EntityManager, state: TableState, version: number | undefined | null): Promise<TableSnapshot> {
  if (version === undefined || version === null) return state.snapshot;
  if (!Number.isInteger(version) || version < 1 || version > state.version) {
    throw badInput('version', `Bảng "${state.title}" không có phiên bản ${version} (hiện tại ${state.version})`, `Table "${state.title}" has no version ${version} (current ${state.version})`);
  }
  return snapshotAtVersion(em, state, version);
}

const HISTORY_COLUMNS = `cs.id as change_set_id, cc.version_after, r.key as row_key, c.key as column_key,
  trim_scale(cc.old_value)::text as old_value, trim_scale(cc.new_value)::text as new_value, cs.author, cs.created_at, cs.comment
  from cell_change cc join change_set cs on cs.id = cc.change_set_id join table_row r on r.id = cc.row_id join table_column c on c.id = cc.column_id`;

function historyEntry(record: any): CellHistoryEntry {
  return {
    changeSetId: String(record.change_set_id),
    versionAfter: record.version_after,
    rowKey: record.row_key,
    columnKey: record.column_key,
    oldValue: record.old_value,
    newValue: record.new_value,
    author: record.author,
    createdAt: new Date(record.created_at),
    comment: record.comment,
  };
}

@Resolver()
export class TableSyncResolver {
  @Query(() => TableGrid, { description: 'Pull: the table as a grid, now or as it was at a past version' })
  async tableGrid(
    @Ctx() { em }: GraphQLContext,
    @Arg('tableId', () => ID) tableId: string,
    @Arg('version', () => Int, { nullable: true }) version?: number,
  ): Promise<TableGrid> {
    const state = await tableState(em, tableId);
    const snapshot = await snapshotOf(em, state, version);
    const past = snapshot !== state.snapshot;
    return {
      tableId: String(state.id),
      title: state.title,
      caption: state.caption,
      planId: String(state.planId),
      documentNumber: state.documentNumber,
      unitOfMeasure: state.unitOfMeasure,
      version: version ?? state.version,
      latestVersion: state.version,
      contentHash: contentHash(snapshot),
      editable: !past,
      notEditableReasonVi: past ? `Đây là phiên bản cũ ${version}; hãy lấy phiên bản hiện tại ${state.version} để sửa` : null,
      notEditableReasonEn: past ? `This is past version ${version}; pull the current version ${state.version} to edit` : null,
      columns: snapshot.columns.map((column) => ({ ...column, type: column.type as never })),
      rows: snapshot.rows.map((row, r) => ({
        ...row,
        kind: row.kind as never,
        values: snapshot.columns.map((_column, c) => snapshot.valueAt(r, c)),
      })),
    };
  }

  @Query(() => [Finding], { description: 'The findings of the template\'s rules on the stored table (or a past version)' })
  async validateTable(
    @Ctx() { em }: GraphQLContext,
    @Arg('tableId', () => ID) tableId: string,
    @Arg('version', () => Int, { nullable: true }) version?: number,
  ): Promise<Finding[]> {
    const state = await tableState(em, tableId);
    return validateTable(await snapshotOf(em, state, version), state.rules).map((finding) => ({ ...finding, preExisting: false }) as Finding);
  }

  @Mutation(() => PushResult, { description: 'Push: apply cell changes atomically after validation, merging with pushes made since baseVersion' })
  async pushTable(@Ctx() { em, actor }: GraphQLContext, @Arg('input', () => PushTableInput) input: PushTableInput): Promise<PushResult> {
    try {
      const result = await pushTable(
        em,
        {
          tableId: parseId(input.tableId, 'table', 'bảng'),
          baseVersion: input.baseVersion,
          idempotencyKey: input.idempotencyKey,
          comment: input.comment,
          changes: input.changes.map((change) => ({ ...change })),
        },
        actor,
      );
      return { ...result, tableId: String(result.tableId), changeSetId: result.changeSetId === null ? null : String(result.changeSetId) } as PushResult;
    } catch (error) {
      if (error instanceof PushRefused) throw userError(error.code, error.messageVi, error.messageEn);
      throw error;
    }
  }

  @Query(() => [ChangeSet], { description: 'Accepted pushes to a table, newest first' })
  async tableHistory(@Ctx() { em }: GraphQLContext, @Arg('tableId', () => ID) tableId: string): Promise<ChangeSet[]> {
    const state = await tableState(em, tableId);
    return em.find(ChangeSet, { table: state.id }, { orderBy: { versionAfter: 'desc' } });
  }

  @Query(() => [CellHistoryEntry], { description: 'Every accepted change of one cell, oldest first' })
  async cellHistory(
    @Ctx() { em }: GraphQLContext,
    @Arg('tableId', () => ID) tableId: string,
    @Arg('rowKey') rowKey: string,
    @Arg('columnKey') columnKey: string,
  ): Promise<CellHistoryEntry[]> {
    const state = await tableState(em, tableId);
    if (!state.rowIds.has(rowKey)) throw notFound('row', 'dòng', rowKey);
    if (!state.columnIds.has(columnKey)) throw notFound('column', 'cột', columnKey);
    const records = await em.execute(`select ${HISTORY_COLUMNS} where cc.row_id = ? and cc.column_id = ? order by cc.version_after`, [state.rowIds.get(rowKey), state.columnIds.get(columnKey)]);
    return records.map(historyEntry);
  }
}

@Resolver(() => ChangeSet)
export class ChangeSetResolver {
  @FieldResolver(() => [CellHistoryEntry], { description: 'The cells this push changed, old → new' })
  changes(@Root() changeSet: ChangeSet, @Ctx() { loaders, em }: GraphQLContext): Promise<CellHistoryEntry[]> {
    return loaders
      .custom<CellHistoryEntry[]>('changesByChangeSet', async (ids) => {
        const records = await em.execute(`select ${HISTORY_COLUMNS} where cc.change_set_id = any(?::int[]) order by cc.id`, [pgArray(ids)]);
        const entries = records.map(historyEntry);
        return ids.map((id) => entries.filter((entry: CellHistoryEntry) => entry.changeSetId === String(id)));
      })
      .load(changeSet.id);
  }
}
