import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
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

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportTableResult, {
    description: 'Bring a published table in from its cells as text: with dryRun nothing is written and the answer shows the structure, the proposed rules and the findings; otherwise the table is created',
  })
  async importTable(@Ctx() context: GraphQLContext, @Arg('input', () => ImportTableInput) input: ImportTableInput): Promise<ImportTableResult> {
    const plan = await planForImport(context.em, context.access, input.planId);
    try {
      const outcome = await importTable(context.em, plan, { ...input, planId: plan.id });
      return importAnswer(outcome) as unknown as ImportTableResult;
    } catch (error) {
      if (error instanceof ImportRefused) throw importRefusedError(error);
      throw error;
    }
  }
}
