import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { problem } from '../../../domain/import/import-problem';
import { parseCell } from '../../../domain/sheet/a1';
import { importAnswer } from '../../import/import-answer';
import { ImportRefused, importTable } from '../../import/import-table';
import { planForImport } from '../../import/plan-access';
import type { GraphQLContext } from '../context';
import { userError } from '../errors';
import { ImportTableInput, ImportTableResult } from '../types/import-types';

/** Every problem of a refused import, each naming its cell or line, in one bilingual error. */
export function importRefusedError(error: ImportRefused) {
  const join = (field: 'messageVi' | 'messageEn') => error.problems.map((problem) => problem[field]).join('; ');
  return userError('IMPORT_REFUSED', `Không nhập được bảng, không có gì được ghi: ${join('messageVi')}`, `The table cannot be imported, nothing was written: ${join('messageEn')}`, { problems: error.problems });
}

/** Where the grid starts in its sheet: "B3" → row 2, column 1. */
function originOf(firstCell: string | null | undefined): { row: number; column: number } | undefined {
  if (!firstCell) return undefined;
  try {
    return parseCell(firstCell);
  } catch {
    throw new ImportRefused([problem('BAD_FIRST_CELL', {}, `"${firstCell}" không phải địa chỉ ô (ví dụ B3)`, `"${firstCell}" is not a cell address (e.g. B3)`)]);
  }
}

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportTableResult, {
    description: 'Bring a published table in from its cells as text: with dryRun nothing is written and the answer shows the structure, the proposed rules and the findings; otherwise the table is created',
  })
  async importTable(@Ctx() context: GraphQLContext, @Arg('input', () => ImportTableInput, { description: 'The plan, title and grid of the table to import' }) input: ImportTableInput): Promise<ImportTableResult> {
    const plan = await planForImport(context.em, context.access, input.planId);
    try {
      const outcome = await importTable(context.em, plan, { ...input, planId: plan.id, origin: originOf(input.firstCell) });
      return importAnswer(outcome) as unknown as ImportTableResult;
    } catch (error) {
      if (error instanceof ImportRefused) throw importRefusedError(error);
      throw error;
    }
  }
}
