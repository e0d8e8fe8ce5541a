import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { ChangeSet } from '../../entities';
import type { StructureRecord } from '../../../domain/structure-change';
import { changeTableStructure } from '../../tables/change-structure';
import { actorName, type GraphQLContext } from '../context';
import { ChangeTableStructureInput, ChangeTableStructureResult, StructureChangeEntry } from '../types/structure-types';
import { tableToEdit } from './table-sync-resolver';

/** Records kept before removals were offered have no removedValues. */
function historyEntry(record: StructureRecord): StructureChangeEntry {
  return { ...record, removedValues: record.removedValues ?? [] } as StructureChangeEntry;
}

@Resolver()
export class StructureResolver {
  @Authorized()
  @Mutation(() => ChangeTableStructureResult, {
    description: "Add, rename, remove or move rows and columns of a draft table, all or nothing, on its current version; the version goes up and the history keeps the change. Submitted and approved tables refuse it",
  })
  async changeTableStructure(@Ctx() context: GraphQLContext, @Arg('input', () => ChangeTableStructureInput, { description: 'The table, its current version and the changes' }) input: ChangeTableStructureInput): Promise<ChangeTableStructureResult> {
    const tableId = await tableToEdit(context, input.tableId);
    const done = await changeTableStructure(context.em, { tableId, baseVersion: input.baseVersion, comment: input.comment, changes: input.changes }, actorName(context));
    return { version: done.version, changeSetId: String(done.changeSetId), changes: done.records } as ChangeTableStructureResult;
  }
}

@Resolver(() => ChangeSet)
export class ChangeSetStructureResolver {
  @FieldResolver(() => [StructureChangeEntry], { description: 'The rows and columns this change added, renamed, removed or moved (empty for a push of cells)' })
  structureChanges(@Root() changeSet: ChangeSet): StructureChangeEntry[] {
    return ((changeSet.result as { structureChanges?: StructureRecord[] } | null)?.structureChanges ?? []).map(historyEntry);
  }
}
