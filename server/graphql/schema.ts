import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { signedIn } from './sign-in-check';
import { AuthResolver, RoleAssignmentResolver } from './resolvers/auth-resolver';
import { ProgressResolver } from './resolvers/progress-resolver';
import { UserAdminResolver } from './resolvers/user-admin-resolver';
import { WorkflowResolver } from './resolvers/workflow-resolver';
import { IndicatorResolver, IndicatorValueResolver } from './resolvers/indicator-resolver';
import { IndicatorTableResolver } from './resolvers/indicator-table-resolver';
import { ImportResolver } from './resolvers/import-resolver';
import { ChangeSetStructureResolver, StructureResolver } from './resolvers/structure-resolver';
import { PlanResolver, SourceDocumentResolver } from './resolvers/plan-resolver';
import { ProgramComponentResolver, ProgramPhaseResolver, ProgramResolver } from './resolvers/program-resolver';
import { ChangeSetResolver, TableSyncResolver } from './resolvers/table-sync-resolver';
import { TableChangeResolver } from './resolvers/table-change-resolver';
import { PlanTableResolver, TableColumnResolver, TableRowResolver } from './resolvers/table-resolver';
import { UnitResolver, UnitSuccessionResolver } from './resolvers/unit-resolver';
import { ConsolidatedCellResolver, ReportFormResolver, ReportFormVersionResolver, ReportingRoundResolver } from './resolvers/reporting-resolver';

export const resolvers = [
  UnitResolver,
  UnitSuccessionResolver,
  ProgramResolver,
  ProgramPhaseResolver,
  ProgramComponentResolver,
  PlanResolver,
  SourceDocumentResolver,
  PlanTableResolver,
  ImportResolver,
  StructureResolver,
  ChangeSetStructureResolver,
  TableRowResolver,
  TableColumnResolver,
  IndicatorResolver,
  IndicatorValueResolver,
  IndicatorTableResolver,
  TableSyncResolver,
  ChangeSetResolver,
  AuthResolver,
  RoleAssignmentResolver,
  UserAdminResolver,
  WorkflowResolver,
  ProgressResolver,
  ReportFormResolver,
  ReportFormVersionResolver,
  ReportingRoundResolver,
  ConsolidatedCellResolver,
  TableChangeResolver,
] as const;

/**
 * type-graphql asks for a topic-based PubSub as soon as there is a subscription; tableChanged brings its own
 * subscribe function (access check, then this instance's LISTEN/NOTIFY feed), so no topic is ever used.
 */
const NO_TOPICS = {
  publish(): never {
    throw new Error('No topic-based subscriptions: tableChanged subscribes through the table change feed');
  },
  subscribe(): never {
    throw new Error('No topic-based subscriptions: tableChanged subscribes through the table change feed');
  },
};

/** What GraphiQL's documentation explorer shows first; type-graphql has no option for the root types' descriptions. */
const ROOT_DESCRIPTIONS = {
  Query: 'Everything PlanBridge answers: units, programs, plans and their tables (Phụ lục), indicators and their values, reporting rounds. Most data needs a signed-in user with a role on its unit.',
  Mutation: 'Everything that changes data: signing in, pushing tables, the approval workflow, imports, plans, reporting rounds and users. A mutation refused for bad input writes nothing.',
  Subscription: 'Live notices over WebSocket (graphql-ws) at /graphql, authenticated like every request: a table\'s new versions as they are pushed.',
};

export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({ resolvers, validate: false, pubSub: NO_TOPICS, authChecker: signedIn });
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (root) root.description = ROOT_DESCRIPTIONS[root.name as keyof typeof ROOT_DESCRIPTIONS];
  }
  return schema;
}

/** The SDL checked in as schema/schema.graphql: sorted, so the file changes only when the API does. */
export async function schemaText(): Promise<string> {
  return printSchema(lexicographicSortSchema(await createSchema())) + '\n';
}
