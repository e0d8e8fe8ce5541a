import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { problem } from '../../../domain/import/import-problem';
import { parseCell } from '../../../domain/sheet/a1';
import { importAnswer } from '../../import/import-answer';
import { ImportRefused, importTable, type ImportRequest } from '../../import/import-table';
import { planForImport } from '../../import/plan-access';
import { replaceTable } from '../../import/replace-table';
import type { Plan } from '../../entities';
import { actorName, type GraphQLContext } from '../context';
import { parseId } from '../../../domain/refusal';
import { ImportTableInput, ImportTableResult } from '../types/import-types';

/** Where the grid starts in its sheet: "B3" → row 2, column 1. */
function originOf(firstCell: string | null | undefined): { row: number; column: number } | undefined {
  if (!firstCell) return undefined;
  try {
    return parseCell(firstCell);
  } catch {
    throw new ImportRefused([problem('BAD_FIRST_CELL', {}, `"${firstCell}" không phải địa chỉ ô (ví dụ B3)`, `"${firstCell}" is not a cell address (e.g. B3)`)]);
  }
}

/**
 * A new table, or with replaceTableId a new version over a draft table (baseVersion required); shared by the
 * GraphQL and HTTP doors. Refusals (both Refusal): ImportRefused for the grid, PushRefused for the table replaced.
 */
export async function importOrReplace(context: GraphQLContext, plan: Plan, request: ImportRequest, replace: { tableId: string | null | undefined; baseVersion: number | null | undefined }) {
  if (replace.tableId === null || replace.tableId === undefined) return importTable(context.em, plan, request);
  const tableId = parseId(replace.tableId, 'table', 'bảng');
  if (replace.baseVersion === null || replace.baseVersion === undefined) {
    throw new ImportRefused([problem('MISSING_BASE_VERSION', {}, 'Nhập lại cần baseVersion: phiên bản bảng đã xem', 'A re-import needs baseVersion: the version of the table seen')]);
  }
  return replaceTable(context.em, plan, { ...request, replaceTableId: tableId, baseVersion: replace.baseVersion }, actorName(context));
}

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportTableResult, {
    description: 'Bring a published table in from its cells as text: with dryRun nothing is written and the answer shows the structure, the proposed rules and the findings; otherwise the table is created. With replaceTableId, a new version of the same sheet over a draft table: the dry run shows the structural diff, otherwise one structure change and one push are applied',
  })
  async importTable(@Ctx() context: GraphQLContext, @Arg('input', () => ImportTableInput, { description: 'The plan, title and grid of the table to import' }) input: ImportTableInput): Promise<ImportTableResult> {
    const plan = await planForImport(context.em, context.access, input.planId);
    const outcome = await importOrReplace(context, plan, { ...input, planId: plan.id, origin: originOf(input.firstCell) }, { tableId: input.replaceTableId, baseVersion: input.baseVersion });
    return importAnswer(outcome) as unknown as ImportTableResult;
  }
}
