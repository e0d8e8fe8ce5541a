import { Arg, Ctx, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { fromNumeric, pgArray } from '../../db/numeric';
import { FundingSource, Plan, PlanTable, ProgramComponent, SupportPolicy, TableColumn, TableRow, TableTemplate } from '../../entities';
import type { GraphQLContext } from '../context';
import { notReadable, parseId } from '../../../domain/refusal';

@ObjectType({ description: 'One cell: an exact decimal string, or null when the published cell is empty (empty is not zero)' })
export class CellValue {
  @Field({ description: 'Key of the cell\'s row' })
  rowKey!: string;

  @Field({ description: 'Key of the cell\'s column' })
  columnKey!: string;

  @Field(() => String, { nullable: true, description: 'Exact decimal, "." as decimal point, no grouping, e.g. "5600826" or "0.21"' })
  value!: string | null;
}

interface StoredCell {
  rowId: number;
  columnId: number;
  value: string;
}

/** All non-empty cells of the given rows in one statement. */
function cellsOfRows(ctx: GraphQLContext) {
  return ctx.loaders.custom<StoredCell[]>('cellsByRow', async (rowIds) => {
    const found: { row_id: number; column_id: number; value: string }[] = await ctx.em.execute('select row_id, column_id, trim_scale(value)::text as value from table_cell where row_id = any(?::int[])', [pgArray(rowIds)]);
    const groups = new Map<number, StoredCell[]>(rowIds.map((id) => [id, []]));
    for (const cell of found) groups.get(cell.row_id)?.push({ rowId: cell.row_id, columnId: cell.column_id, value: fromNumeric(cell.value) });
    return rowIds.map((id) => groups.get(id)!);
  });
}

@Resolver(() => PlanTable)
export class PlanTableResolver {
  @Query(() => PlanTable, { description: 'A table of a plan by id, with its columns and rows' })
  async planTable(@Ctx() { loaders, access }: GraphQLContext, @Arg('id', () => ID, { description: 'Identifier of the table' }) id: string): Promise<PlanTable> {
    const table = await loaders.byId(PlanTable).load(parseId(id, 'table', 'bảng'));
    const plan = table ? await loaders.byId(Plan).load(table.plan.id) : null;
    if (!table || !plan || !access.can('READ', plan.issuingUnit.id)) throw notReadable(access, 'table', 'bảng', id);
    return table;
  }

  @FieldResolver(() => Plan, { description: 'The plan the table belongs to' })
  async plan(@Root() table: PlanTable, @Ctx() { loaders }: GraphQLContext): Promise<Plan> {
    return (await loaders.byId(Plan).load(table.plan.id))!;
  }

  @FieldResolver(() => TableTemplate, { description: 'The template whose arithmetic rules the table is checked against' })
  async template(@Root() table: PlanTable, @Ctx() { loaders }: GraphQLContext): Promise<TableTemplate> {
    return (await loaders.byId(TableTemplate).load(table.template.id))!;
  }

  @FieldResolver(() => [TableColumn], { description: 'Value columns in published order' })
  columns(@Root() table: PlanTable, @Ctx() { loaders }: GraphQLContext): Promise<TableColumn[]> {
    return loaders.byParent(TableColumn, 'table', 'position').load(table.id);
  }

  @FieldResolver(() => [TableRow], { description: 'The rows in published order, each with its cells' })
  rows(@Root() table: PlanTable, @Ctx() { loaders }: GraphQLContext): Promise<TableRow[]> {
    return loaders.byParent(TableRow, 'table', 'position').load(table.id);
  }
}

@Resolver(() => TableRow)
export class TableRowResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Key of the row it belongs under; empty for a top-level row' })
  async parentKey(@Root() row: TableRow, @Ctx() { loaders }: GraphQLContext): Promise<string | null> {
    return row.parent ? (await loaders.byId(TableRow).load(row.parent.id))!.key : null;
  }

  @FieldResolver(() => ProgramComponent, { nullable: true, description: 'The national component this row stands for' })
  component(@Root() row: TableRow, @Ctx() { loaders }: GraphQLContext): Promise<ProgramComponent | null> | null {
    return row.component ? loaders.byId(ProgramComponent).load(row.component.id) : null;
  }

  @FieldResolver(() => SupportPolicy, { description: 'The support policy (chính sách trợ giúp) the row is about, when it is about one', nullable: true })
  supportPolicy(@Root() row: TableRow, @Ctx() { loaders }: GraphQLContext): Promise<SupportPolicy | null> | null {
    return row.supportPolicy ? loaders.byId(SupportPolicy).load(row.supportPolicy.id) : null;
  }

  @FieldResolver(() => [CellValue], { description: 'One entry per column of the table, value null where the cell is empty' })
  async cells(@Root() row: TableRow, @Ctx() ctx: GraphQLContext): Promise<CellValue[]> {
    const [columns, stored] = await Promise.all([
      ctx.loaders.byParent(TableColumn, 'table', 'position').load(row.table.id),
      cellsOfRows(ctx).load(row.id),
    ]);
    const byColumn = new Map(stored.map((cell) => [cell.columnId, cell.value]));
    return columns.map((column) => ({ rowKey: row.key, columnKey: column.key, value: byColumn.get(column.id) ?? null }));
  }
}

@Resolver(() => TableColumn)
export class TableColumnResolver {
  @FieldResolver(() => FundingSource, { description: 'The funding source (nguồn vốn) the column holds; empty for the total and other columns', nullable: true })
  fundingSource(@Root() column: TableColumn, @Ctx() { loaders }: GraphQLContext): Promise<FundingSource | null> | null {
    return column.fundingSource ? loaders.byId(FundingSource).load(column.fundingSource.id) : null;
  }
}
