import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { PlanTable, ValueKind } from '../../entities';
import { createIndicatorTable } from '../../indicators/indicator-table';
import type { GraphQLContext } from '../context';
import { badInput, parseId } from '../../../domain/refusal';

@InputType({ description: 'One column of an indicator table: the values of an indicator of one kind for one period' })
class IndicatorColumnInput {
  @Field({ description: 'Key of the indicator, e.g. "POOR_HOUSEHOLD_RATE"' }) indicatorKey!: string;
  @Field(() => ValueKind, { description: 'Baseline, target or actual' }) kind!: ValueKind;
  @Field({ description: 'Key of the period of the values, e.g. "2024", "2021-2025"' }) periodKey!: string;
}

@InputType({ description: 'A table for entering actuals and targets: one row per unit, one column per indicator, kind and period' })
class IndicatorTableInput {
  @Field(() => ID, { description: 'Identifier of the plan the table belongs to' }) planId!: string;
  @Field({ description: 'Title of the table, unique within the plan' }) title!: string;
  @Field(() => String, { description: 'Heading under the title; empty when none', nullable: true }) caption?: string | null;
  @Field(() => String, { nullable: true, description: 'The reporting period whose deadline the grid counts down to' }) reportingPeriodKey?: string | null;
  @Field(() => [ID], { description: 'The rows, in order: the plan\'s issuing unit or units below it (or it was formed from)' }) unitIds!: string[];
  @Field(() => [IndicatorColumnInput], { description: 'The columns, in order' }) columns!: IndicatorColumnInput[];
  @Field(() => String, { nullable: true, description: 'More rules as a JSON array in the rules engine\'s form (see README), referring to columns by key "INDICATOR:KIND:PERIOD" and rows by unit key' })
  extraRules?: string | null;
}

function parseRules(text: string | null | undefined): unknown[] {
  if (!text?.trim()) return [];
  try {
    return JSON.parse(text) as unknown[];
  } catch (error) {
    throw badInput('extraRules', `extraRules không phải JSON hợp lệ: ${(error as Error).message}`, `extraRules is not valid JSON: ${(error as Error).message}`);
  }
}

@Resolver()
export class IndicatorTableResolver {
  @Authorized()
  @Mutation(() => PlanTable, {
    description: 'Create a table of a plan for entering actuals and targets, starting from the values recorded; editors of the plan\'s unit. Its rules are derived from its indicators; approving it records its values',
  })
  async createIndicatorTable(@Ctx() { em, access }: GraphQLContext, @Arg('input', { description: 'The plan, units, and indicator columns of the table' }) input: IndicatorTableInput): Promise<PlanTable> {
    return createIndicatorTable(em, access, {
      planId: parseId(input.planId, 'plan', 'kế hoạch'),
      title: input.title,
      caption: input.caption ?? null,
      reportingPeriodKey: input.reportingPeriodKey ?? null,
      unitIds: input.unitIds.map((id) => parseId(id, 'administrative unit', 'đơn vị hành chính')),
      columns: input.columns.map((column) => ({ ...column })),
      extraRules: parseRules(input.extraRules),
    });
  }
}
