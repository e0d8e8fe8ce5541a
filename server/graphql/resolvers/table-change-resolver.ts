import { Arg, ID, Int, Resolver, Root, Subscription } from 'type-graphql';
import type { SubscribeResolverData } from 'type-graphql';
import type { TableChangeFeed } from '../../live/table-change-feed';
import type { TableChangeRecord } from '../../tables/table-changes';
import { tableOwner } from '../../tables/table-state';
import type { GraphQLContext } from '../context';
import { notReadable, parseId } from '../../../domain/refusal';
import { TableChange } from '../types/table-change-types';

/** The context of an operation over the WebSocket: a request's, plus this instance's feed of table changes. */
export interface LiveContext extends GraphQLContext {
  tableChanges: TableChangeFeed;
}

/** A table the subscriber may not read is refused exactly like a table that does not exist. */
async function changesOfReadableTable({ args, context }: SubscribeResolverData<unknown, { tableId: string; sinceVersion?: number | null }, LiveContext>): Promise<AsyncIterable<TableChangeRecord>> {
  const { em, access, tableChanges } = context;
  const id = parseId(args.tableId, 'table', 'bảng');
  const owner = await tableOwner(em, id);
  if (!owner || !access.can('READ', owner.unitId)) throw notReadable(access, 'table', 'bảng', args.tableId);
  return tableChanges.changesOf(id, owner.version, args.sinceVersion ?? owner.version);
}

@Resolver()
export class TableChangeResolver {
  @Subscription(() => TableChange, {
    description: 'Every new version of a table from now on (cells pushed, a workbook uploaded, rows or columns changed), over WebSocket (graphql-ws) at /graphql; see docs/api.md',
    subscribe: changesOfReadableTable,
  })
  tableChanged(
    @Root() change: TableChangeRecord,
    @Arg('tableId', () => ID, { description: 'The table (bảng) to watch; one the caller may not read answers NOT_FOUND' }) _tableId: string,
    @Arg('sinceVersion', () => Int, { nullable: true, description: 'The version the client has (e.g. of its pulled sheet): when the table is past it, the current version is told at once' })
    _sinceVersion?: number,
  ): TableChangeRecord {
    return change;
  }
}
