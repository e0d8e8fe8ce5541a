import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PlanTable, User, WorkflowEvent } from '../../entities';
import { readableTable, transitionTable, type WorkflowAction } from '../../tables/workflow';
import type { GraphQLContext } from '../context';
import { parseId } from '../../../domain/refusal';

async function transition(context: GraphQLContext, tableId: string, action: WorkflowAction, comment: string | null | undefined, pendingBelowReason: string | null = null): Promise<PlanTable> {
  return transitionTable(context.em, context.access, parseId(tableId, 'table', 'bảng'), action, comment ?? null, pendingBelowReason);
}

@Resolver(() => WorkflowEvent)
export class WorkflowResolver {
  @Authorized()
  @Mutation(() => PlanTable, {
    description:
      'Send a draft table for approval (editor of the table\'s unit); it is locked until approved or reopened. A unit\'s report in a reporting round ' +
      'is refused while a report of a unit below is submitted but not decided, unless pendingBelowReason says why (recorded)',
  })
  submitTable(
    @Ctx() context: GraphQLContext,
    @Arg('tableId', () => ID, { description: 'Identifier of the table' }) tableId: string,
    @Arg('comment', () => String, { description: 'A comment for the approver, kept in the workflow history', nullable: true }) comment?: string,
    @Arg('pendingBelowReason', () => String, { description: 'Why the report is submitted while reports of units below still wait for a decision (recorded)', nullable: true }) pendingBelowReason?: string,
  ): Promise<PlanTable> {
    return transition(context, tableId, 'SUBMIT', comment, pendingBelowReason ?? null);
  }

  @Authorized()
  @Mutation(() => PlanTable, { description: 'Approve a submitted table (approver of a higher unit, not the submitter); it stays locked' })
  approveTable(@Ctx() context: GraphQLContext, @Arg('tableId', () => ID, { description: 'Identifier of the table' }) tableId: string, @Arg('comment', () => String, { description: 'A comment, kept in the workflow history', nullable: true }) comment?: string): Promise<PlanTable> {
    return transition(context, tableId, 'APPROVE', comment);
  }

  @Authorized()
  @Mutation(() => PlanTable, { description: 'Return a submitted or approved table to draft, with the reason' })
  reopenTable(@Ctx() context: GraphQLContext, @Arg('tableId', () => ID, { description: 'Identifier of the table' }) tableId: string, @Arg('reason', { description: 'Why the table returns to draft, kept in the workflow history' }) reason: string): Promise<PlanTable> {
    return transition(context, tableId, 'REOPEN', reason);
  }

  @Query(() => [WorkflowEvent], { description: 'Every approval-workflow transition of a table, oldest first' })
  async tableWorkflow(@Ctx() { em, access }: GraphQLContext, @Arg('tableId', () => ID, { description: 'Identifier of the table' }) tableId: string): Promise<WorkflowEvent[]> {
    const table = await readableTable(em, access, parseId(tableId, 'table', 'bảng'), tableId);
    return em.find(WorkflowEvent, { table }, { orderBy: { id: 'asc' } });
  }

  @FieldResolver(() => String, { description: 'Display name of who made the transition' })
  async actor(@Root() event: WorkflowEvent, @Ctx() { loaders }: GraphQLContext): Promise<string> {
    return (await loaders.byId(User).load(event.actor.id))!.displayName;
  }
}
